#include "csv/staged_import.h"

#include "csv/csv.h"
#include "domain/clock.h"
#include "domain/imei.h"
#include "index/tab_spec.h"
#include "store/audit_log.h"
#include "store/bulk_writer.h"
#include "store/change_journal.h"
#include "store/dialect.h"
#include "store/directory.h"
#include "store/sql.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <array>
#include <functional>

namespace mdm {

namespace {

enum Field
{
    Name,
    Serial,
    Imei,
    PlatformField,
    User,
    Email,
    Group,
    FieldCount
};

constexpr int kProgressStep = 1024;

// Header spellings, as csv::headerKey() reduces them.
QHash<QString, Field> headerFields()
{
    QHash<QString, Field> fields{
        {QStringLiteral("devicename"), Name},
        {QStringLiteral("name"), Name},
        {QStringLiteral("device"), Name},
        {QStringLiteral("serial"), Serial},
        {QStringLiteral("serialnumber"), Serial},
        {QStringLiteral("serialno"), Serial},
        {QStringLiteral("imei"), Imei},
        {QStringLiteral("imei1"), Imei},
        {QStringLiteral("platform"), PlatformField},
        {QStringLiteral("platformtype"), PlatformField},
        {QStringLiteral("os"), PlatformField},
        {QStringLiteral("user"), User},
        {QStringLiteral("username"), User},
        {QStringLiteral("ownedby"), User},
        {QStringLiteral("email"), Email},
        {QStringLiteral("emailaddress"), Email},
        {QStringLiteral("group"), Group},
        {QStringLiteral("groupname"), Group},
    };
    // Our own export's header in the UI language, so that a translated export re-imports.
    const TabSpec &spec = TabSpec::of(TabKind::Staged);
    const std::array<std::pair<int, Field>, 7> own{{{StagedColumn::Device, Name},
                                                    {StagedColumn::Serial, Serial},
                                                    {StagedColumn::Imei, Imei},
                                                    {StagedColumn::Platform, PlatformField},
                                                    {StagedColumn::User, User},
                                                    {StagedColumn::Email, Email},
                                                    {StagedColumn::Group, Group}}};
    for (const auto &[column, field] : own)
        fields.insert(csv::headerKey(spec.title(column)), field);
    return fields;
}

// Platform words as our export writes them in the UI language, besides platformFromText()'s keys.
QHash<QString, Platform> platformWords()
{
    QHash<QString, Platform> words;
    for (int p = 0; p < kPlatformCount; ++p)
        words.insert(DomainText::platform(static_cast<Platform>(p)).toLower(), static_cast<Platform>(p));
    return words;
}

// SQLite's NOCASE folds ASCII only; caches keyed like this agree with the store's unique indexes.
QString asciiLower(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + ('a' - 'A'));
    return out;
}

class ImportText
{
    Q_DECLARE_TR_FUNCTIONS(StagedImport)
};

// Whether text has letters that SQLite's NOCASE leaves alone but PostgreSQL's citext may fold.
bool hasNonAscii(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() > 0x7f)
            return true;
    return false;
}

// PostgreSQL's array input: every value quoted, its quotes and backslashes escaped.
QString textArray(const QStringList &values, qsizetype from, qsizetype to)
{
    QString out;
    out += QLatin1Char('{');
    for (qsizetype i = from; i < to; ++i) {
        if (i > from)
            out += QLatin1Char(',');
        out += QLatin1Char('"');
        for (QChar c : values[i]) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                out += QLatin1Char('\\');
            out += c;
        }
        out += QLatin1Char('"');
    }
    out += QLatin1Char('}');
    return out;
}

// Values → what the store's query gave for them ("?" in sql stands for the values as an IN list's
// operand). onRow gets each result row. false with *error. SQLite: IN lists in batches. PostgreSQL plans
// an IN list of thousands of constants value by value (tens of ms a batch, seconds for a large file), so
// there the values go as one array per 50,000, unnested: planned once. The array's element type is the
// column's (nocase: the store's case-insensitive text, so that citext's equality is the one used).
bool lookUpIn(const QSqlDatabase &db, const QStringList &values, const char *sql,
              const std::function<void(const QSqlQuery &)> &onRow, QString *error, bool nocase = false)
{
    const Dialect &dialect = dialectOf(db);
    if (!dialect.isPostgres())
        return forEachRowInTexts(
            db, values,
            [sql](qsizetype n) {
                return QString::fromLatin1(QByteArray(sql).replace("?", "(" + sqlPlaceholders(n) + ")"));
            },
            onRow, error);
    constexpr qsizetype kSlice = 50000;
    const QByteArray type = nocase ? QByteArray(dialect.nocaseText) : QByteArray("TEXT");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(
        QString::fromLatin1(QByteArray(sql).replace("?", "(SELECT unnest(CAST(? AS " + type + "[])))")));
    for (qsizetype from = 0; from < values.size(); from += kSlice) {
        q.addBindValue(textArray(values, from, std::min(values.size(), from + kSlice)));
        if (!execForEachRow(q, onRow, error))
            return false;
    }
    return true;
}

// Directory::userFor's rule (found by address, created with the given name when missing) for a whole
// import, without a round trip per row: the users already there are read in batches first, new ones go
// through the bulk writer. Addresses match as the store's email column does. Both stores fold ASCII case
// (the cache's key); PostgreSQL's citext also folds other letters (with lower(), in the database's
// collation), so on PostgreSQL the key of an address with other letters is the one the store itself
// gives, asked for all such addresses at once: "ÄRZTE@…" and "ärzte@…" are one user there, two here.
class UserCache
{
public:
    UserCache(const QSqlDatabase &db, BulkWriter &writer, BulkTable &table)
        : db_(db), writer_(writer), table_(table), foldsOtherLetters_(dialectOf(db).isPostgres())
    {
    }

    bool preload(const QList<StagedImportRow> &rows, QString *error)
    {
        QStringList emails;
        QSet<QString> seen;
        for (const StagedImportRow &row : rows) {
            if (row.valid() && !row.email.isEmpty() && !seen.contains(asciiLower(row.email))) {
                seen.insert(asciiLower(row.email));
                emails << row.email;
            }
        }
        QList<std::pair<QString, qint64>> found;
        if (!lookUpIn(
                db_, emails, "SELECT email, id FROM users WHERE email IN ?",
                [&found](const QSqlQuery &q) {
                    found.append({q.value(0).toString(), q.value(1).toLongLong()});
                },
                error, true))
            return false;
        // Every spelling idFor() may meet, and those of the users found.
        QSet<QString> others;
        for (const StagedImportRow &row : rows)
            if (row.valid() && hasNonAscii(row.email))
                others.insert(row.email);
        for (const auto &[email, id] : std::as_const(found))
            if (hasNonAscii(email))
                others.insert(email);
        if (!foldAll(others.values(), error))
            return false;
        for (const auto &[email, id] : std::as_const(found))
            ids_.insert(key(email), id);
        QSet<QString> keys;
        for (const QString &email : std::as_const(emails))
            keys.insert(key(email));
        qint64 missing = 0;
        for (const QString &k : std::as_const(keys))
            missing += ids_.contains(k) ? 0 : 1;
        table_.expect(missing);
        return true;
    }

    // 0 on error.
    qint64 idFor(const QString &name, const QString &email, QString *error)
    {
        const QString k = key(email);
        if (const qint64 known = ids_.value(k))
            return known;
        table_.bind(1, name.toUtf8());
        table_.bind(2, email.toUtf8());
        const qint64 id = table_.insert();
        if (id == 0) {
            *error = ImportText::tr("Cannot add the user %1: %2").arg(email, writer_.error());
            return 0;
        }
        ids_.insert(k, id);
        return id;
    }

private:
    QString key(const QString &email) const
    {
        if (foldsOtherLetters_ && hasNonAscii(email))
            return folded_.value(email);
        return asciiLower(email);
    }

    // The store's own lower case of each address (PostgreSQL only), in batches.
    bool foldAll(const QStringList &emails, QString *error)
    {
        if (!foldsOtherLetters_ || emails.isEmpty())
            return true;
        return forEachRowInTexts(
            db_, emails,
            [](qsizetype n) {
                QStringList values;
                for (qsizetype i = 0; i < n; ++i)
                    values << QStringLiteral("(?)");
                // citext's equality compares lower() of both sides in the default collation: so does this.
                return QStringLiteral("SELECT x, lower(x) FROM (VALUES %1) AS v(x)")
                    .arg(values.join(QLatin1Char(',')));
            },
            [this](const QSqlQuery &q) { folded_.insert(q.value(0).toString(), q.value(1).toString()); },
            error);
    }

    QSqlDatabase db_;
    BulkWriter &writer_;
    BulkTable &table_;
    const bool foldsOtherLetters_;
    QHash<QString, QString> folded_; // address → the store's lower case (PostgreSQL, non-ASCII only)
    QHash<QString, qint64> ids_;
};

struct Columns
{
    std::array<int, FieldCount> at{};
    qsizetype count = 0;
    QStringList unknown;
    QString error;
};

Columns mapHeader(const csv::Record &header)
{
    const QHash<QString, Field> known = headerFields();
    Columns columns;
    columns.at.fill(-1);
    columns.count = header.fields.size();
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString title = header.fields[i].trimmed();
        const auto it = known.constFind(csv::headerKey(title));
        if (it == known.constEnd()) {
            columns.unknown << (title.isEmpty() ? ImportText::tr("(column %1 has no title)").arg(i + 1)
                                                : title);
            continue;
        }
        if (const int other = columns.at[it.value()]; other >= 0) {
            columns.error = ImportText::tr("The columns “%1” and “%2” mean the same; keep one of them.")
                                .arg(header.fields[other].trimmed(), title);
            return columns;
        }
        columns.at[it.value()] = i;
    }
    if (columns.at[PlatformField] < 0)
        columns.error = ImportText::tr("The file has no platform column. Name one “Platform” (Android, iOS, "
                                       "iPadOS, macOS, Windows or Other in each row).");
    else if (columns.at[Serial] < 0 && columns.at[Imei] < 0)
        columns.error =
            ImportText::tr("The file has neither a serial number nor an IMEI column; a device needs "
                           "one of them. Name it “Serial number” or “IMEI”.");
    return columns;
}

StagedImportRow parseRow(const csv::Record &record, const Columns &columns,
                         const QHash<QString, Platform> &words)
{
    const auto value = [&](Field field) {
        const int i = columns.at[field];
        return i >= 0 && i < record.fields.size() ? csv::restoreFormula(record.fields[i]).trimmed()
                                                  : QString();
    };
    StagedImportRow row;
    row.line = record.line;
    row.name = value(Name);
    row.serial = value(Serial);
    row.imei = value(Imei);
    row.platformText = value(PlatformField);
    row.userName = value(User);
    row.email = value(Email);
    row.group = value(Group);

    QStringList problems;
    for (qsizetype i = columns.count; i < record.fields.size(); ++i) {
        if (!record.fields[i].trimmed().isEmpty()) {
            problems << ImportText::tr(
                "The row has more cells than the header has columns (an unquoted comma "
                "in a value?).");
            break;
        }
    }
    if (row.platformText.isEmpty()) {
        problems << ImportText::tr("No platform.");
    } else {
        row.platform = platformFromText(row.platformText);
        if (!row.platform) {
            const auto it = words.constFind(row.platformText.toLower());
            if (it != words.constEnd())
                row.platform = it.value();
        }
        if (!row.platform)
            problems << ImportText::tr(
                            "“%1” is not a platform (Android, iOS, iPadOS, macOS, Windows or Other).")
                            .arg(row.platformText);
    }
    // IMEIs are often printed in groups: "35 209900 176148 1".
    row.imei.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    if (row.serial.isEmpty() && row.imei.isEmpty())
        problems << ImportText::tr("Neither a serial number nor an IMEI; a device needs one of them.");
    if (!row.imei.isEmpty() && !isValidImei(row.imei)) {
        bool digits = row.imei.size() == 15;
        for (QChar c : row.imei)
            digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        problems << (digits ? ImportText::tr("The IMEI %1 has a wrong check digit (mistyped?).").arg(row.imei)
                            : ImportText::tr("The IMEI “%1” is not 15 digits.").arg(row.imei));
    }
    if (!row.email.isEmpty() && !isValidEmail(row.email))
        problems << ImportText::tr("“%1” is not an email address.").arg(row.email);
    if (!row.email.isEmpty() && row.userName.isEmpty())
        row.userName = row.email.section(QLatin1Char('@'), 0, 0);
    if (row.email.isEmpty() && !row.userName.isEmpty())
        row.warning =
            ImportText::tr("No email address, so the device is staged without a user; the user name "
                           "“%1” is not kept.")
                .arg(row.userName);
    row.problem = problems.join(QLatin1Char(' '));
    return row;
}

void addProblem(StagedImportRow &row, const QString &problem)
{
    row.problem = row.problem.isEmpty() ? problem : row.problem + QLatin1Char(' ') + problem;
}

// The line where a non-empty value was first seen, or 0 when this is its first time (then remembered).
int firstLine(QHash<QString, int> &seen, const QString &value, int line)
{
    if (value.isEmpty())
        return 0;
    const auto it = seen.constFind(value);
    if (it != seen.constEnd())
        return it.value();
    seen.insert(value, line);
    return 0;
}

// A serial number or IMEI repeated in the file: the first row keeps it, later rows are conflicts.
void markRepeats(QList<StagedImportRow> &rows)
{
    QHash<QString, int> serials;
    QHash<QString, int> imeis;
    serials.reserve(rows.size());
    imeis.reserve(rows.size());
    for (StagedImportRow &row : rows) {
        if (const int first = firstLine(serials, row.serial, row.line); first > 0)
            addProblem(row,
                       ImportText::tr("The serial number %1 is also on line %2.").arg(row.serial).arg(first));
        if (const int first = firstLine(imeis, row.imei, row.line); first > 0)
            addProblem(row, ImportText::tr("The IMEI %1 is also on line %2.").arg(row.imei).arg(first));
    }
}

} // namespace

StagedImportResult StagedImport::fromFile(const QString &path, const StagedImportOptions &options,
                                          const ActionControl &control)
{
    if (store_.isOwnFile(path)) {
        StagedImportResult result;
        result.error = tr("“%1” is the console's own store, not a CSV file.").arg(path);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        StagedImportResult result;
        result.error = tr("Cannot read “%1”: %2").arg(path, file.errorString());
        return result;
    }
    StagedImportOptions named = options;
    if (named.sourceName.isEmpty())
        named.sourceName = QFileInfo(path).fileName();
    return fromBytes(file.readAll(), named, control);
}

StagedImportResult StagedImport::fromBytes(const QByteArray &csv, const StagedImportOptions &options,
                                           const ActionControl &control)
{
    StagedImportResult result;
    const csv::Table table = csv::read(csv);
    if (!table.error.isEmpty()) {
        result.error = table.error;
        return result;
    }
    if (table.records.isEmpty()) {
        result.error = tr("The file is empty.");
        return result;
    }
    const Columns columns = mapHeader(table.records.first());
    if (!columns.error.isEmpty()) {
        result.error = tr("Line %1: %2").arg(table.records.first().line).arg(columns.error);
        return result;
    }
    if (!columns.unknown.isEmpty())
        result.warnings << tr("These columns are not used and were ignored: %1.")
                               .arg(columns.unknown.join(QStringLiteral(", ")));
    const QHash<QString, Platform> words = platformWords();
    result.rows.reserve(table.records.size() - 1);
    for (qsizetype i = 1; i < table.records.size(); ++i)
        result.rows.append(parseRow(table.records[i], columns, words));
    if (result.rows.isEmpty()) {
        result.error = tr("The file has a header but no devices.");
        return result;
    }
    markRepeats(result.rows);
    if (!checkStore(result.rows, &result.error))
        return result;

    const int problems = result.problemCount();
    if (problems > 0 && !options.onlyValidRows) {
        result.error = options.dryRun
                           ? tr("%n row(s) have problems.", nullptr, problems)
                           : tr("%n row(s) have problems, so nothing was imported. Correct them, or import "
                                "only the valid rows.",
                                nullptr, problems);
        return result;
    }
    if (options.dryRun) {
        result.ok = true;
        result.imported = static_cast<int>(result.rows.size()) - problems;
        result.skipped = problems;
        return result;
    }
    result.ok = write(result, options, control, &result.error);
    return result;
}

// Conflicts with devices already in the store: the file's serial numbers and IMEIs looked up in batches
// (a round trip per value would cost a PostgreSQL store seconds). The "<> ''" terms let SQLite use the
// partial unique indexes; serials and IMEIs compare exactly on both stores.
bool StagedImport::checkStore(QList<StagedImportRow> &rows, QString *error) const
{
    QStringList serials;
    QStringList imeis;
    for (const StagedImportRow &row : rows) {
        if (!row.serial.isEmpty())
            serials << row.serial;
        if (!row.imei.isEmpty())
            imeis << row.imei;
    }
    QHash<QString, int> serialState;
    QHash<QString, int> imeiState;
    const QSqlDatabase db = store_.database();
    if (!lookUpIn(
            db, serials, "SELECT serial, state FROM devices WHERE serial <> '' AND serial IN ?",
            [&](const QSqlQuery &q) { serialState.insert(q.value(0).toString(), q.value(1).toInt()); },
            error) ||
        !lookUpIn(
            db, imeis, "SELECT imei, state FROM devices WHERE imei <> '' AND imei IN ?",
            [&](const QSqlQuery &q) { imeiState.insert(q.value(0).toString(), q.value(1).toInt()); }, error))
        return false;
    for (StagedImportRow &row : rows) {
        if (const auto it = serialState.constFind(row.serial);
            !row.serial.isEmpty() && it != serialState.cend())
            addProblem(row,
                       it.value() == static_cast<int>(DeviceState::Staged)
                           ? tr("The serial number %1 already belongs to a staged device.").arg(row.serial)
                           : tr("The serial number %1 already belongs to a managed device.").arg(row.serial));
        if (const auto it = imeiState.constFind(row.imei); !row.imei.isEmpty() && it != imeiState.cend())
            addProblem(row, it.value() == static_cast<int>(DeviceState::Staged)
                                ? tr("The IMEI %1 already belongs to a staged device.").arg(row.imei)
                                : tr("The IMEI %1 already belongs to a managed device.").arg(row.imei));
    }
    return true;
}

bool StagedImport::write(StagedImportResult &result, const StagedImportOptions &options,
                         const ActionControl &control, QString *error)
{
    const qint64 now = clock_.nowMs();
    const qint64 total = static_cast<qint64>(result.rows.size()) - result.problemCount();
    std::vector<std::pair<qsizetype, qint64>> created; // row index, device ID
    created.reserve(static_cast<size_t>(total));
    int unkeptNames = 0;
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlDatabase qdb = store_.database();
            // A large import journals one mark instead of an entry per device (readers rebuild).
            ChangeJournal::BulkChange bulk(qdb);
            const bool asBulk = total > ChangeJournal::kBulkRows;
            if (asBulk && !bulk.suspend(err))
                return false;
            // Users before the devices referring to them: the writer sends its tables in this order.
            const std::unique_ptr<BulkWriter> writer = BulkWriter::create(qdb);
            BulkTable *userTable = writer->table("users", {"name", "email"});
            BulkTable *insert = writer->table("devices", {"name", "platform", "ownership", "serial", "imei",
                                                          "user_id", "group_id", "state", "staged_at"});
            if (!userTable || !insert) {
                *err = writer->error();
                return false;
            }
            Directory directory(store_);
            UserCache users(qdb, *writer, *userTable);
            if (!users.preload(result.rows, err))
                return false;
            insert->expect(total);
            QHash<QString, qint64> groups;
            for (qsizetype i = 0; i < result.rows.size(); ++i) {
                const StagedImportRow &row = result.rows[i];
                if (!row.valid())
                    continue;
                if (control.cancelled()) {
                    result.cancelled = true;
                    *err = tr("Cancelled; no device was imported.");
                    return false;
                }
                if (control.progress && created.size() % kProgressStep == 0)
                    control.progress(static_cast<qint64>(created.size()), total);
                qint64 userId = 0;
                if (!row.email.isEmpty()) {
                    userId = users.idFor(row.userName, row.email, err);
                    if (userId == 0)
                        return false;
                } else if (!row.userName.isEmpty()) {
                    ++unkeptNames;
                }
                qint64 groupId = 0;
                if (!row.group.isEmpty()) {
                    const QString key = asciiLower(row.group);
                    groupId = groups.value(key);
                    if (groupId == 0) {
                        // A new group comes from a plain statement: the writer is between COPYs here.
                        groupId = directory.groupFor(row.group, err);
                        if (groupId < 0)
                            return false;
                        groups.insert(key, groupId);
                    }
                }
                insert->bind(1, row.name.toUtf8());
                insert->bind(2, static_cast<qint64>(*row.platform));
                insert->bind(3, qint64{0});
                const auto textOrNull = [insert](int index, const QString &text) {
                    if (text.isEmpty())
                        insert->bindNull(index);
                    else
                        insert->bind(index, text.toUtf8());
                };
                textOrNull(4, row.serial);
                textOrNull(5, row.imei);
                if (userId > 0)
                    insert->bind(6, userId);
                else
                    insert->bindNull(6);
                if (groupId > 0)
                    insert->bind(7, groupId);
                else
                    insert->bindNull(7);
                insert->bind(8, qint64{0});
                insert->bind(9, now);
                const qint64 id = insert->insert();
                if (id == 0) {
                    // PostgreSQL reports a failed row when its chunk is sent, not by line.
                    *err = writer->flush() ? tr("Line %1: %2").arg(row.line).arg(writer->error())
                                           : writer->error();
                    return false;
                }
                created.emplace_back(i, id);
            }
            if (!writer->finish()) {
                *err = writer->error();
                return false;
            }
            if (asBulk && !bulk.finish(err))
                return false;
            if (created.empty())
                return true;
            QList<qint64> ids;
            ids.reserve(static_cast<qsizetype>(created.size()));
            for (const auto &[index, id] : created)
                ids << id;
            QJsonObject details{{QStringLiteral("count"), static_cast<qint64>(ids.size())},
                                {QStringLiteral("skipped"), result.problemCount()}};
            if (!options.sourceName.isEmpty())
                details.insert(QStringLiteral("file"), options.sourceName);
            if (unkeptNames > 0)
                details.insert(QStringLiteral("userNamesWithoutEmail"), unkeptNames);
            // The serials beside the IDs: a device removed later is still found by what is on its box.
            QStringList records;
            for (const auto &[index, id] : created) {
                if (records.size() >= AuditLog::kListedRecords)
                    break;
                const StagedImportRow &row = result.rows[index];
                const QString hardware = row.serial.isEmpty() ? row.imei : row.serial;
                records << (row.name.isEmpty() ? hardware : row.name + QStringLiteral(" (%1)").arg(hardware));
            }
            AuditEntry entry{
                now, AuditLog::currentActor(),  QStringLiteral("staged.import"), RecordKind::Device,
                ids, AuditLog::details(details)};
            AuditLog::addRecords(&entry, records, ids.size());
            return AuditLog::append(qdb, entry, err);
        },
        error);
    if (!ok)
        return false;
    for (const auto &[index, id] : created) {
        result.rows[index].deviceId = id;
        result.createdIds << id;
    }
    result.imported = static_cast<int>(created.size());
    result.skipped = result.problemCount();
    if (control.progress)
        control.progress(total, total);
    if (!result.createdIds.isEmpty())
        store_.announce(RecordKind::Device, result.createdIds);
    return true;
}

} // namespace mdm
