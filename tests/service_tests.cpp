// Service tests: the enrollment and device use cases on a real store file, checked with direct SQL,
// the audit log and the store's change announcements.
#include "backend_fixture.h"
#include "domain/clock.h"
#include "domain/domain.h"
#include "domain/invitation_rules.h"
#include "index/record_table_model.h"
#include "index/tab_spec.h"
#include "services/bulk_result.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "store/audit_log.h"
#include "store/store.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <atomic>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <string>

using namespace mdm;
using mdm::test::FailingTrigger;
using mdm::test::kDayMs;
using mdm::test::kHourMs;
using mdm::test::kMinuteMs;
using mdm::test::qs;
using mdm::test::sqlFor;
using mdm::test::storeContents;
using mdm::test::StoreLocation;
using mdm::test::str;
using mdm::test::waitUntil;

namespace {

constexpr int kBulk = 300; // > 256: the services report progress every 256 records

QVariant nullId()
{
    return QVariant(QMetaType::fromType<qint64>());
}

// A real store (an SQLite file or a PostgreSQL database) with the clock standing still at a known instant.
struct Env
{
    StoreLocation where;
    std::unique_ptr<Store> store;
    Clock clock;

    explicit Env(const QString &backend) : where(backend)
    {
        clock.setFixed(QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC));
        store = mdm::test::openStoreAt(where.location());
    }
    qint64 now() const { return clock.nowMs(); }
    QSqlDatabase db() const { return store->database(); }
};

// Runs one statement; every row it returns, each as its column values.
QList<QVariantList> rows(Store &store, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    for (const QVariant &value : binds)
        q.addBindValue(value);
    ok = ok && q.exec();
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
    QList<QVariantList> out;
    while (q.next()) {
        QVariantList row;
        for (int c = 0; c < q.record().count(); ++c)
            row << q.value(c);
        out << row;
    }
    return out;
}

QVariantList row(Store &store, const QString &sql, const QVariantList &binds = {})
{
    const QList<QVariantList> all = rows(store, sql, binds);
    INFO(sql.toStdString());
    REQUIRE(all.size() == 1);
    return all.first();
}

QVariant value(Store &store, const QString &sql, const QVariantList &binds = {})
{
    return row(store, sql, binds).value(0);
}

qint64 scalar(Store &store, const QString &sql, const QVariantList &binds = {})
{
    return value(store, sql, binds).toLongLong();
}

// The new row's ID, read with RETURNING (PostgreSQL's lastInsertId() is not the new row's ID).
qint64 insert(Store &store, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(store.database());
    bool ok = q.prepare(sql + QStringLiteral(" RETURNING id"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    ok = ok && q.exec() && q.next();
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
    return q.value(0).toLongLong();
}

void exec(Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    const bool ok = q.exec(sql);
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
}

// Catch prints a QString as a list of "{?}"; compared as std::string, a failure shows the text.
QString idsText(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

// Every table of the store, row by row (sorted: PostgreSQL has no rowid order), blobs in hex: equal dumps
// mean nothing changed.
QString dump(Store &store)
{
    QString out;
    for (const char *table : {"users", "groups", "invitations", "devices", "commands", "outbox", "audit_log",
                              "audit_log_records"}) {
        out += QLatin1String(table) + QLatin1Char('\n');
        QStringList lines;
        for (const QVariantList &r :
             rows(store, QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table)))) {
            QStringList fields;
            for (const QVariant &v : r)
                fields << (v.isNull() ? QStringLiteral("NULL")
                           : v.typeId() == QMetaType::QByteArray
                               ? QString::fromLatin1(v.toByteArray().toHex())
                               : v.toString());
            lines << fields.join(QLatin1Char('|'));
        }
        lines.sort();
        for (const QString &line : lines)
            out += line + QLatin1Char('\n');
    }
    return out;
}

// The differing lines of two dumps (a few): empty when nothing changed.
std::string changes(const QString &before, const QString &after)
{
    if (before == after)
        return {};
    const QStringList was = before.split(QLatin1Char('\n'));
    const QStringList is = after.split(QLatin1Char('\n'));
    const QSet<QString> wasSet(was.begin(), was.end());
    const QSet<QString> isSet(is.begin(), is.end());
    QStringList out;
    for (const QString &line : was)
        if (!isSet.contains(line))
            out << QStringLiteral("- ") + line;
    for (const QString &line : is)
        if (!wasSet.contains(line))
            out << QStringLiteral("+ ") + line;
    if (out.isEmpty())
        out << QStringLiteral("(same lines in another order)");
    return str(out.mid(0, 12).join(QLatin1Char('\n')));
}

QByteArray sha256(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

qint64 addUser(Store &store, const QString &name, const QString &email)
{
    return insert(store, QStringLiteral("INSERT INTO users (name, email) VALUES (?, ?)"), {name, email});
}

qint64 addGroup(Store &store, const QString &name)
{
    return insert(store, QStringLiteral("INSERT INTO groups (name) VALUES (?)"), {name});
}

struct DeviceSpec
{
    QString name;
    Platform platform = Platform::Android;
    DeviceState state = DeviceState::Enrolled;
    qint64 userId = 0;
    qint64 groupId = 0;
    qint64 enrolledAt = 0; // 0: now - 30 days for a managed device
    Ownership ownership = Ownership::Corporate;
};

qint64 addDevice(Env &env, const DeviceSpec &spec)
{
    const bool staged = spec.state == DeviceState::Staged;
    const qint64 enrolled = staged ? 0 : spec.enrolledAt ? spec.enrolledAt : env.now() - 30 * kDayMs;
    return insert(
        *env.store,
        QStringLiteral("INSERT INTO devices (name, platform, ownership, serial, user_id, group_id, state,"
                       " staged_at, enrolled_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {spec.name, static_cast<int>(spec.platform), static_cast<int>(spec.ownership),
         QStringLiteral("SN-") + spec.name, spec.userId ? QVariant(spec.userId) : nullId(),
         spec.groupId ? QVariant(spec.groupId) : nullId(), static_cast<int>(spec.state),
         env.now() - 40 * kDayMs, staged ? nullId() : QVariant(enrolled),
         staged ? nullId() : QVariant(enrolled)});
}

// Many devices in one transaction (fast); returns their IDs in order.
QList<qint64> addDevices(Env &env, int count, DeviceState state, const QString &prefix, qint64 userId)
{
    QList<qint64> ids;
    QString error;
    const bool ok = env.store->transaction(
        [&](QString *) {
            for (int i = 0; i < count; ++i) {
                DeviceSpec spec;
                spec.name = QStringLiteral("%1-%2").arg(prefix).arg(i, 4, 10, QLatin1Char('0'));
                spec.state = state;
                spec.userId = userId;
                ids << addDevice(env, spec);
            }
            return true;
        },
        &error);
    REQUIRE(ok);
    return ids;
}

InviteRequest request(const QString &name, const QString &email, Platform platform = Platform::Android,
                      const QString &group = {})
{
    InviteRequest r;
    r.name = name;
    r.email = email;
    r.platform = platform;
    r.group = group;
    return r;
}

QList<InviteRequest> requests(int count, const QString &prefix, Platform platform = Platform::Android)
{
    QList<InviteRequest> out;
    for (int i = 0; i < count; ++i)
        out << request(QStringLiteral("%1 %2").arg(prefix).arg(i),
                       QStringLiteral("%1.%2@contoso.example").arg(prefix).arg(i), platform);
    return out;
}

QList<qint64> inviteAll(EnrollmentService &service, const QList<InviteRequest> &list)
{
    const BulkResult result = service.invite(list);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    REQUIRE(result.createdIds.size() == list.size());
    return result.createdIds;
}

qint64 inviteOne(EnrollmentService &service, const InviteRequest &r)
{
    return inviteAll(service, {r}).first();
}

// "id:D" per outcome (D done, S skipped, F failed), in the order reported.
std::string outcomesText(const BulkResult &result)
{
    QStringList parts;
    for (const Outcome &o : result.outcomes)
        parts << QStringLiteral("%1:%2").arg(o.id).arg(o.result == Outcome::Result::Done ? QLatin1Char('D')
                                                       : o.result == Outcome::Result::Skipped
                                                           ? QLatin1Char('S')
                                                           : QLatin1Char('F'));
    return str(parts.join(QLatin1Char(' ')));
}

Outcome outcomeOf(const BulkResult &result, qint64 id)
{
    for (const Outcome &o : result.outcomes)
        if (o.id == id)
            return o;
    FAIL("no outcome for record " << id);
    return {};
}

QString kindName(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Device:
        return QStringLiteral("Device");
    case RecordKind::Invitation:
        return QStringLiteral("Invitation");
    case RecordKind::User:
        return QStringLiteral("User");
    case RecordKind::Group:
        return QStringLiteral("Group");
    case RecordKind::Outbox:
        return QStringLiteral("Outbox");
    case RecordKind::Audit:
        return QStringLiteral("Audit");
    }
    return {};
}

// What Store::changed announced, e.g. "Invitation[3,4]; Device[7]".
std::string announced(const QSignalSpy &spy)
{
    QStringList parts;
    for (const QList<QVariant> &args : spy)
        parts << kindName(args.at(0).value<RecordKind>()) + QLatin1Char('[') +
                     idsText(args.at(1).value<QList<qint64>>()) + QLatin1Char(']');
    return str(parts.join(QStringLiteral("; ")));
}

std::string announcement(RecordKind kind, const QList<qint64> &ids)
{
    return str(kindName(kind) + QLatin1Char('[') + idsText(ids) + QLatin1Char(']'));
}

qint64 auditCount(Env &env)
{
    return scalar(*env.store, QStringLiteral("SELECT count(*) FROM audit_log"));
}

// Exactly one new audit entry since auditBefore, naming exactly ids, found again through history().
void checkAudit(Env &env, qint64 auditBefore, const QString &action, const QString &kind,
                const QList<qint64> &ids)
{
    REQUIRE(auditCount(env) == auditBefore + 1);
    const QVariantList entry =
        row(*env.store, QStringLiteral("SELECT id, at, actor, action, record_kind, record_ids,"
                                       " details FROM audit_log ORDER BY id DESC LIMIT 1"));
    const qint64 auditId = entry.value(0).toLongLong();
    CHECK(entry.value(1).toLongLong() == env.now());
    CHECK(entry.value(2).toString() == AuditLog::currentActor());
    CHECK(entry.value(3).toString() == action);
    CHECK(entry.value(4).toString() == kind);
    CHECK(str(entry.value(5).toString()) == str(idsText(ids)));
    CHECK(entry.value(6).toString().startsWith(QLatin1Char('{')));
    QStringList records;
    for (const QVariantList &r : rows(*env.store,
                                      QStringLiteral("SELECT record_kind, record_id FROM audit_log_records"
                                                     " WHERE audit_id = ? ORDER BY ") +
                                          sqlFor(*env.store, QStringLiteral("rowid"), QStringLiteral("ctid")),
                                      {auditId})) {
        CHECK(r.value(0).toString() == kind);
        records << r.value(1).toString();
    }
    CHECK(str(records.join(QLatin1Char(','))) == str(idsText(ids)));
    for (qint64 id : ids) {
        const QList<AuditEntry> history = AuditLog::history(*env.store, *recordKindFromKey(kind), id);
        REQUIRE_FALSE(history.isEmpty());
        CHECK(history.first().action == action);
        CHECK(history.first().actor == AuditLog::currentActor());
        CHECK(history.first().atMs == env.now());
        CHECK(str(idsText(history.first().recordIds)) == str(idsText(ids)));
    }
}

struct InvitationRow
{
    qint64 userId = 0;
    QString email;
    int platform = -1;
    int ownership = -1;
    QVariant groupId;
    QVariant tokenHash;
    qint64 requestedAt = 0, sentAt = 0, expiresAt = 0;
    int state = -1, delivery = -1;
    QString remarks;
    int resendCount = -1;
};

InvitationRow invitationRow(Env &env, qint64 id)
{
    const QVariantList r =
        row(*env.store,
            QStringLiteral("SELECT user_id, email, platform, ownership, group_id, token_hash,"
                           " requested_at, sent_at, expires_at, state, delivery, remarks,"
                           " resend_count FROM invitations WHERE id = ?"),
            {id});
    InvitationRow out;
    out.userId = r.value(0).toLongLong();
    out.email = r.value(1).toString();
    out.platform = r.value(2).toInt();
    out.ownership = r.value(3).toInt();
    out.groupId = r.value(4);
    out.tokenHash = r.value(5);
    out.requestedAt = r.value(6).toLongLong();
    out.sentAt = r.value(7).toLongLong();
    out.expiresAt = r.value(8).toLongLong();
    out.state = r.value(9).toInt();
    out.delivery = r.value(10).toInt();
    out.remarks = r.value(11).toString();
    out.resendCount = r.value(12).toInt();
    return out;
}

struct OutboxRow
{
    qint64 id = 0;
    QString recipient;
    QVariant linkToken;
    int state = -1;
    qint64 nextAttemptAt = 0, createdAt = 0;
};

QList<OutboxRow> outboxOf(Env &env, qint64 invitationId)
{
    QList<OutboxRow> out;
    for (const QVariantList &r :
         rows(*env.store,
              QStringLiteral("SELECT id, recipient, link_token, state, next_attempt_at,"
                             " created_at FROM outbox WHERE invitation_id = ? ORDER BY id"),
              {invitationId}))
        out.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2), r.value(3).toInt(),
                    r.value(4).toLongLong(), r.value(5).toLongLong()});
    return out;
}

// A fresh invitation as invite() or assignStaged() writes it: a token whose hash is stored, not sent
// yet (its 7 days start when the mail server accepts the mail), and one queued mail carrying the token.
void checkFreshInvitation(Env &env, qint64 id, qint64 userId, const QString &email)
{
    const InvitationRow inv = invitationRow(env, id);
    CHECK(inv.userId == userId);
    CHECK(inv.email == email);
    CHECK(inv.state == static_cast<int>(InvitationRecordState::Pending));
    CHECK(inv.delivery == static_cast<int>(DeliveryState::Queued));
    CHECK(inv.remarks.isEmpty());
    CHECK(inv.resendCount == 0);
    CHECK(inv.requestedAt == env.now());
    CHECK(inv.sentAt == 0);
    CHECK(inv.expiresAt == 0);
    CHECK(inv.tokenHash.toByteArray().size() == 32);
    const QList<OutboxRow> mail = outboxOf(env, id);
    REQUIRE(mail.size() == 1);
    CHECK(mail.first().state == 0);
    CHECK(mail.first().recipient == email);
    CHECK(mail.first().createdAt == env.now());
    CHECK(mail.first().nextAttemptAt == env.now());
    CHECK_FALSE(mail.first().linkToken.toString().isEmpty());
    CHECK(sha256(mail.first().linkToken.toString()) == inv.tokenHash.toByteArray());
}

bool settled(const RecordTableModel &model)
{
    return waitUntil([&] { return !model.isLoading() && !model.isQueryPending(); });
}

} // namespace

// ---------------------------------------------------------------------------------------------------
// Invite

TEST_CASE("Invite one user creates the user and group and a queued invitation mail", "[service][invite]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    QSignalSpy spy(env.store.get(), &Store::changed);

    InviteRequest r =
        request(qs("Ana Silva"), qs("  ana.silva@contoso.example "), Platform::iOS, qs("Sales"));
    r.ownership = Ownership::Personal;
    const BulkResult result = service.invite({r});
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK_FALSE(result.cancelled);
    REQUIRE(result.createdIds.size() == 1);
    const qint64 id = result.createdIds.first();
    REQUIRE(result.outcomes.size() == 1);
    CHECK(result.outcomes.first().id == id);
    CHECK(result.outcomes.first().result == Outcome::Result::Done);
    CHECK(result.outcomes.first().label == qs("ana.silva@contoso.example (iOS)"));

    const QVariantList user = row(*env.store, QStringLiteral("SELECT id, name, email FROM users"));
    CHECK(user.value(1).toString() == qs("Ana Silva"));
    CHECK(user.value(2).toString() == qs("ana.silva@contoso.example"));
    const QVariantList group = row(*env.store, QStringLiteral("SELECT id, name FROM groups"));
    CHECK(group.value(1).toString() == qs("Sales"));

    checkFreshInvitation(env, id, user.value(0).toLongLong(), qs("ana.silva@contoso.example"));
    const InvitationRow inv = invitationRow(env, id);
    CHECK(inv.platform == static_cast<int>(Platform::iOS));
    CHECK(inv.ownership == static_cast<int>(Ownership::Personal));
    CHECK(inv.groupId.toLongLong() == group.value(0).toLongLong());

    const InvitationInfo info = service.invitation(id);
    CHECK(info.userName == qs("Ana Silva"));
    CHECK(info.group == qs("Sales"));
    CHECK(info.linkToken == outboxOf(env, id).first().linkToken.toString());

    checkAudit(env, 0, qs("invite.send"), qs("invitation"), {id});
    CHECK(announced(spy) == announcement(RecordKind::Invitation, {id}));

    SECTION("inviting the same address again reuses the user and the group whatever their case")
    {
        spy.clear();
        const qint64 again = inviteOne(
            service, request(qs("A. Silva"), qs("ANA.Silva@Contoso.example"), Platform::macOS, qs("sales")));
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM users")) == 1);
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM groups")) == 1);
        const InvitationRow second = invitationRow(env, again);
        CHECK(second.userId == user.value(0).toLongLong());
        CHECK(second.groupId.toLongLong() == group.value(0).toLongLong());
        CHECK(second.tokenHash.toByteArray() != inv.tokenHash.toByteArray());
        checkAudit(env, 1, qs("invite.send"), qs("invitation"), {again});
        CHECK(announced(spy) == announcement(RecordKind::Invitation, {again}));
    }

    SECTION("without a group the invitation has none and no group is created")
    {
        const qint64 plain = inviteOne(service, request(qs("Ben Okafor"), qs("ben.okafor@contoso.example")));
        CHECK(invitationRow(env, plain).groupId.isNull());
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM groups")) == 1);
    }
}

TEST_CASE("Invite a list creates one invitation per line in one audited call", "[service][invite]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 existing = addUser(*env.store, qs("Chen Wei"), qs("chen.wei@contoso.example"));
    QSignalSpy spy(env.store.get(), &Store::changed);

    QList<InviteRequest> list{
        request(qs("Dana Novak"), qs("dana.novak@contoso.example"), Platform::Android, qs("Field Staff")),
        request(qs("Chen Wei"), qs("CHEN.WEI@contoso.example"), Platform::Windows),
        request(qs("Elif Yilmaz"), qs("elif.yilmaz@contoso.example"), Platform::iPadOS, qs("Field Staff"))};
    for (int i = 0; i < list.size(); ++i)
        list[i].line = i + 2;
    QList<qint64> progress;
    ActionControl control;
    control.progress = [&](qint64 done, qint64 total) {
        progress << done;
        CHECK(total == 3);
    };
    const BulkResult result = service.invite(list, control);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    REQUIRE(result.createdIds.size() == 3);
    CHECK(result.count(Outcome::Result::Done) == 3);
    // Progress comes every 256 records and at the end.
    CHECK(str(idsText(progress)) == "3");

    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM users")) == 3);
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM groups WHERE name = 'Field Staff'")) == 1);
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM groups")) == 1);
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM invitations")) == 3);
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM outbox")) == 3);
    const qint64 dana =
        scalar(*env.store, QStringLiteral("SELECT id FROM users WHERE email = 'dana.novak@contoso.example'"));
    const qint64 elif = scalar(
        *env.store, QStringLiteral("SELECT id FROM users WHERE email = 'elif.yilmaz@contoso.example'"));
    checkFreshInvitation(env, result.createdIds[0], dana, qs("dana.novak@contoso.example"));
    checkFreshInvitation(env, result.createdIds[1], existing, qs("CHEN.WEI@contoso.example"));
    checkFreshInvitation(env, result.createdIds[2], elif, qs("elif.yilmaz@contoso.example"));
    CHECK(invitationRow(env, result.createdIds[1]).groupId.isNull());
    CHECK(invitationRow(env, result.createdIds[0]).groupId ==
          invitationRow(env, result.createdIds[2]).groupId);
    CHECK(invitationRow(env, result.createdIds[2]).platform == static_cast<int>(Platform::iPadOS));

    checkAudit(env, 0, qs("invite.send"), qs("invitation"), result.createdIds);
    CHECK(announced(spy) == announcement(RecordKind::Invitation, result.createdIds));
}

TEST_CASE("Invite refuses an empty name or a bad address and writes nothing", "[service][invite][bad-input]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    inviteOne(service, request(qs("Ana Silva"), qs("ana.silva@contoso.example")));
    const QString before = dump(*env.store);
    QSignalSpy spy(env.store.get(), &Store::changed);
    BulkResult result;

    SECTION("an empty name")
    {
        result = service.invite({request(qs("   "), qs("ben.okafor@contoso.example"))});
        CHECK(result.error.contains(qs("name is empty")));
    }
    SECTION("addresses that are not addresses")
    {
        for (const char *bad : {"ben.okafor", "ben@contoso", "ben okafor@contoso.example", "",
                                "ben@@contoso.example", "<ben@contoso.example>"}) {
            INFO(bad);
            result = service.invite({request(qs("Ben Okafor"), qs(bad))});
            CHECK_FALSE(result.ok);
            CHECK(result.error.contains(qs("is not an email address")));
            CHECK(EnrollmentService::validate(request(qs("Ben Okafor"), qs(bad))) == result.error);
        }
    }
    SECTION("a list names each bad CSV line and sends nobody")
    {
        QList<InviteRequest> list = requests(6, qs("csv"));
        for (int i = 0; i < list.size(); ++i)
            list[i].line = i + 2;
        list[1].email = qs("csv.1-at-contoso.example"); // line 3
        list[3].name.clear();                           // line 5
        result = service.invite(list);
        CHECK(result.error.contains(qs("line 3")));
        CHECK(result.error.contains(qs("csv.1-at-contoso.example")));
        CHECK(result.error.contains(qs("line 5")));
        CHECK_FALSE(result.error.contains(qs("line 2")));
        CHECK_FALSE(result.error.contains(qs("line 4")));
    }
    SECTION("an empty list")
    {
        result = service.invite({});
        CHECK_FALSE(result.error.isEmpty());
    }
    CHECK_FALSE(result.ok);
    CHECK(result.createdIds.isEmpty());
    CHECK(result.outcomes.isEmpty());
    CHECK(changes(before, dump(*env.store)) == std::string());
    CHECK(spy.count() == 0);
}

namespace {
// What Outbox::markSent() records when the server accepts the mail now: sent now, valid 7 days.
void markDelivered(Env &env, qint64 id)
{
    exec(*env.store,
         QStringLiteral("UPDATE invitations SET delivery = 1, sent_at = %1, expires_at = %2 WHERE id = %3")
             .arg(env.now())
             .arg(invitationExpiry(env.now()))
             .arg(id));
}
} // namespace

TEST_CASE("Invite warnings name a valid pending invitation or an enrolled device of that platform",
          "[service][invite]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    // Valid pending Android invitation, delivered.
    const qint64 valid =
        inviteOne(service, request(qs("Ana Silva"), qs("ana.silva@contoso.example"), Platform::Android));
    markDelivered(env, valid);
    // Expired, removed and accepted invitations do not count.
    const qint64 expired = inviteOne(service, request(qs("Ben Okafor"), qs("ben.okafor@contoso.example")));
    exec(*env.store,
         QStringLiteral("UPDATE invitations SET delivery = 1, sent_at = %1, expires_at = %2 WHERE id = %3")
             .arg(env.now() - kInvitationValidityMs)
             .arg(env.now())
             .arg(expired));
    const qint64 removed = inviteOne(service, request(qs("Chen Wei"), qs("chen.wei@contoso.example")));
    REQUIRE(service.removeRequests({removed}).ok);
    const qint64 accepted = inviteOne(service, request(qs("Dana Novak"), qs("dana.novak@contoso.example")));
    exec(*env.store, QStringLiteral("UPDATE invitations SET state = 1 WHERE id = %1").arg(accepted));
    // Devices: enrolled and pending deprovision count; unmanaged and staged do not.
    const qint64 elif = addUser(*env.store, qs("Elif Yilmaz"), qs("elif.yilmaz@contoso.example"));
    addDevice(env, {qs("Elif iPhone"), Platform::iOS, DeviceState::Enrolled, elif});
    const qint64 farid = addUser(*env.store, qs("Farid Haddad"), qs("farid.haddad@contoso.example"));
    addDevice(env, {qs("Farid Mac"), Platform::macOS, DeviceState::WipePending, farid});
    const qint64 grace = addUser(*env.store, qs("Grace Kim"), qs("grace.kim@contoso.example"));
    addDevice(env, {qs("Grace iPhone"), Platform::iOS, DeviceState::Unmanaged, grace});
    addDevice(env, {qs("Grace iPad"), Platform::iPadOS, DeviceState::Staged, grace});

    auto warningsFor = [&](const char *email, Platform platform) {
        return service.warnings(request(qs("Someone"), qs(email), platform));
    };

    QStringList w = warningsFor("ana.silva@contoso.example", Platform::Android);
    REQUIRE(w.size() == 1);
    CHECK(w.first().contains(qs("ana.silva@contoso.example")));
    CHECK(w.first().contains(qs("pending")));
    CHECK(w.first().contains(DomainText::platform(Platform::Android)));
    CHECK(warningsFor(" ANA.Silva@contoso.example ", Platform::Android).size() == 1);
    CHECK(warningsFor("ana.silva@contoso.example", Platform::iOS).isEmpty());

    w = warningsFor("elif.yilmaz@contoso.example", Platform::iOS);
    REQUIRE(w.size() == 1);
    CHECK(w.first().contains(qs("elif.yilmaz@contoso.example")));
    CHECK(w.first().contains(qs("enrolled")));
    CHECK(w.first().contains(DomainText::platform(Platform::iOS)));
    CHECK(warningsFor("Elif.Yilmaz@CONTOSO.example", Platform::iOS).size() == 1);
    CHECK(warningsFor("elif.yilmaz@contoso.example", Platform::Android).isEmpty());
    CHECK(warningsFor("farid.haddad@contoso.example", Platform::macOS).size() == 1);

    CHECK(warningsFor("ben.okafor@contoso.example", Platform::Android).isEmpty());
    CHECK(warningsFor("chen.wei@contoso.example", Platform::Android).isEmpty());
    CHECK(warningsFor("dana.novak@contoso.example", Platform::Android).isEmpty());
    CHECK(warningsFor("grace.kim@contoso.example", Platform::iOS).isEmpty());
    CHECK(warningsFor("grace.kim@contoso.example", Platform::iPadOS).isEmpty());
    CHECK(warningsFor("nobody@contoso.example", Platform::Android).isEmpty());

    SECTION("both warnings at once")
    {
        inviteOne(service, request(qs("Elif Yilmaz"), qs("elif.yilmaz@contoso.example"), Platform::iOS));
        CHECK(warningsFor("elif.yilmaz@contoso.example", Platform::iOS).size() == 2);
    }
    SECTION("a pending invitation stops warning the moment it expires")
    {
        env.clock.advance(kInvitationValidityMs - 1);
        CHECK(warningsFor("ana.silva@contoso.example", Platform::Android).size() == 1);
        env.clock.advance(1);
        CHECK(warningsFor("ana.silva@contoso.example", Platform::Android).isEmpty());
    }
    SECTION("a queued invitation warns however long it waits: its 7 days have not started")
    {
        inviteOne(service, request(qs("Hiro Tanaka"), qs("hiro.tanaka@contoso.example"), Platform::Android));
        env.clock.advance(30 * kDayMs);
        CHECK(warningsFor("hiro.tanaka@contoso.example", Platform::Android).size() == 1);
    }
}

// ---------------------------------------------------------------------------------------------------
// Resend

TEST_CASE("Resend gives a new token and seven more days and replaces the unsent mail", "[service][resend]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 requestedAt = env.now();
    const QList<qint64> ids = inviteAll(service, requests(3, qs("resend")));
    const qint64 failed = ids[0], delivered = ids[1], untouched = ids[2];
    // The mailer gave up on one and delivered the other.
    exec(*env.store,
         QStringLiteral("UPDATE invitations SET delivery = 2, remarks = '550 5.1.1 Mailbox unavailable'"
                        " WHERE id = %1")
             .arg(failed));
    exec(*env.store,
         QStringLiteral("UPDATE outbox SET state = 2, attempts = 3 WHERE invitation_id = %1").arg(failed));
    exec(*env.store, QStringLiteral("UPDATE invitations SET delivery = 1 WHERE id = %1").arg(delivered));
    exec(*env.store, QStringLiteral("UPDATE outbox SET state = 1, sent_at = %1 WHERE invitation_id = %2")
                         .arg(env.now() + kMinuteMs)
                         .arg(delivered));
    env.clock.advance(8 * kDayMs);

    const QByteArray oldFailedHash = invitationRow(env, failed).tokenHash.toByteArray();
    const QByteArray oldDeliveredHash = invitationRow(env, delivered).tokenHash.toByteArray();
    const QVariantList deliveredMail =
        row(*env.store, QStringLiteral("SELECT * FROM outbox WHERE invitation_id = ?"), {delivered});
    const QVariantList untouchedBefore =
        row(*env.store, QStringLiteral("SELECT * FROM invitations WHERE id = ?"), {untouched});
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);

    const BulkResult result = service.resend({failed, delivered});
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(outcomesText(result) == str(QStringLiteral("%1:D %2:D").arg(failed).arg(delivered)));
    CHECK(result.createdIds.isEmpty());

    for (qint64 id : {failed, delivered}) {
        INFO("invitation " << id);
        const InvitationRow inv = invitationRow(env, id);
        const QByteArray hash = inv.tokenHash.toByteArray();
        CHECK(hash.size() == 32);
        CHECK(hash != (id == failed ? oldFailedHash : oldDeliveredHash));
        // Queued again: not sent yet, so no last sending and no expiry until the server accepts it.
        CHECK(inv.sentAt == 0);
        CHECK(inv.expiresAt == 0);
        CHECK(inv.requestedAt == requestedAt);
        CHECK(inv.resendCount == 1);
        CHECK(inv.delivery == static_cast<int>(DeliveryState::Queued));
        CHECK(inv.remarks.isEmpty());
        CHECK(inv.state == static_cast<int>(InvitationRecordState::Pending));
        const QList<OutboxRow> mail = outboxOf(env, id);
        REQUIRE(mail.size() == 2);
        CHECK(mail[1].state == 0);
        CHECK(mail[1].createdAt == env.now());
        CHECK(mail[1].nextAttemptAt == env.now());
        CHECK(mail[1].recipient == inv.email);
        CHECK(sha256(mail[1].linkToken.toString()) == hash);
        CHECK(service.invitation(id).linkToken == mail[1].linkToken.toString());
    }
    // The failed mail is cancelled and forgets its link; the delivered one is history and stays.
    const QList<OutboxRow> failedMail = outboxOf(env, failed);
    CHECK(failedMail[0].state == 3);
    CHECK(failedMail[0].linkToken.isNull());
    CHECK(row(*env.store, QStringLiteral("SELECT * FROM outbox WHERE invitation_id = ? ORDER BY id LIMIT 1"),
              {delivered}) == deliveredMail);
    CHECK(row(*env.store, QStringLiteral("SELECT * FROM invitations WHERE id = ?"), {untouched}) ==
          untouchedBefore);
    CHECK(outboxOf(env, untouched).size() == 1);

    checkAudit(env, auditBefore, qs("invite.resend"), qs("invitation"), {failed, delivered});
    const QList<AuditEntry> history = AuditLog::history(*env.store, RecordKind::Invitation, failed);
    REQUIRE(history.size() == 2);
    CHECK(history[0].action == qs("invite.resend"));
    CHECK(history[1].action == qs("invite.send"));
    CHECK(announced(spy) == announcement(RecordKind::Invitation, {failed, delivered}));

    SECTION("resending again cancels the previous resend's queued mail")
    {
        const QByteArray firstResend = invitationRow(env, failed).tokenHash.toByteArray();
        env.clock.advance(kHourMs);
        REQUIRE(service.resend({failed}).ok);
        const InvitationRow inv = invitationRow(env, failed);
        CHECK(inv.resendCount == 2);
        CHECK(inv.tokenHash.toByteArray() != firstResend);
        CHECK(inv.expiresAt == 0);
        const QList<OutboxRow> mail = outboxOf(env, failed);
        REQUIRE(mail.size() == 3);
        CHECK(mail[1].state == 3);
        CHECK(mail[1].linkToken.isNull());
        CHECK(mail[2].state == 0);
        CHECK(sha256(mail[2].linkToken.toString()) == inv.tokenHash.toByteArray());
        CHECK(scalar(*env.store,
                     QStringLiteral("SELECT count(*) FROM outbox WHERE invitation_id = ? AND state = 0"),
                     {failed}) == 1);
        CHECK(AuditLog::history(*env.store, RecordKind::Invitation, failed).size() == 3);
    }
}

TEST_CASE("Resend all expired picks exactly the expired pending invitations", "[service][resend]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 old = inviteOne(service, request(qs("Ana Silva"), qs("ana.silva@contoso.example")));
    markDelivered(env, old);
    const qint64 oldRemoved = inviteOne(service, request(qs("Ben Okafor"), qs("ben.okafor@contoso.example")));
    markDelivered(env, oldRemoved);
    REQUIRE(service.removeRequests({oldRemoved}).ok);
    // Never delivered: however old, not expired.
    const qint64 oldQueued = inviteOne(service, request(qs("Dana Novak"), qs("dana.novak@contoso.example")));
    env.clock.advance(3 * kDayMs);
    const qint64 recent = inviteOne(service, request(qs("Chen Wei"), qs("chen.wei@contoso.example")));
    markDelivered(env, recent);
    env.clock.advance(4 * kDayMs - 1);
    CHECK(service.expiredInvitationIds().isEmpty()); // 1 ms before the first one expires
    env.clock.advance(1);
    CHECK(str(idsText(service.expiredInvitationIds())) ==
          str(QString::number(old))); // expired at its expiry instant

    env.clock.advance(kDayMs);
    const QList<qint64> expired = service.expiredInvitationIds();
    REQUIRE(str(idsText(expired)) == str(QString::number(old)));
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);
    const BulkResult result = service.resend(expired);
    REQUIRE(result.ok);
    CHECK(outcomesText(result) == str(QStringLiteral("%1:D").arg(old)));
    CHECK(invitationRow(env, old).expiresAt == 0); // queued again: its new 7 days start when sent
    CHECK(invitationRow(env, recent).resendCount == 0);
    CHECK(invitationRow(env, oldQueued).resendCount == 0);
    CHECK(invitationRow(env, oldRemoved).resendCount == 0);
    CHECK(service.expiredInvitationIds().isEmpty());
    checkAudit(env, auditBefore, qs("invite.resend"), qs("invitation"), {old});
    CHECK(announced(spy) == announcement(RecordKind::Invitation, {old}));
}

TEST_CASE("Resend skips and names invitations that were removed or deleted or accepted or enrolled since",
          "[service][resend]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 requestedAt = env.now();
    const QList<qint64> ids =
        inviteAll(service, {request(qs("Ana Silva"), qs("ana.silva@contoso.example")),
                            request(qs("Ben Okafor"), qs("ben.okafor@contoso.example")),
                            request(qs("Chen Wei"), qs("chen.wei@contoso.example")),
                            request(qs("Dana Novak"), qs("dana.novak@contoso.example")),
                            request(qs("Elif Yilmaz"), qs("elif.yilmaz@contoso.example"), Platform::iOS),
                            request(qs("Farid Haddad"), qs("farid.haddad@contoso.example"), Platform::iOS),
                            request(qs("Grace Kim"), qs("grace.kim@contoso.example"), Platform::iOS)});
    const qint64 plain = ids[0], removed = ids[1], deleted = ids[2], accepted = ids[3],
                 enrolledSince = ids[4], enrolledBefore = ids[5], otherPlatform = ids[6];
    auto userOf = [&](qint64 invitation) { return invitationRow(env, invitation).userId; };
    // Meanwhile, in another window: a removal, a deletion, an acceptance and enrolments.
    REQUIRE(service.removeRequests({removed}).ok);
    exec(*env.store, QStringLiteral("DELETE FROM outbox WHERE invitation_id = %1").arg(deleted));
    exec(*env.store, QStringLiteral("DELETE FROM invitations WHERE id = %1").arg(deleted));
    exec(*env.store, QStringLiteral("UPDATE invitations SET state = 1 WHERE id = %1").arg(accepted));
    env.clock.advance(kHourMs);
    addDevice(env, {qs("Elif iPhone"), Platform::iOS, DeviceState::Enrolled, userOf(enrolledSince), 0,
                    requestedAt});
    addDevice(env, {qs("Farid old iPhone"), Platform::iOS, DeviceState::Enrolled, userOf(enrolledBefore), 0,
                    requestedAt - 1});
    addDevice(env, {qs("Grace Pixel"), Platform::Android, DeviceState::Enrolled, userOf(otherPlatform), 0,
                    env.now()});
    env.clock.advance(kDayMs);

    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);
    const BulkResult result = service.resend(ids);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK_FALSE(result.cancelled);
    REQUIRE(result.outcomes.size() == ids.size());
    CHECK(str(idsText(result.idsWith(Outcome::Result::Done))) ==
          str(idsText({plain, enrolledBefore, otherPlatform})));
    CHECK(str(idsText(result.idsWith(Outcome::Result::Skipped))) ==
          str(idsText({removed, deleted, accepted, enrolledSince})));
    CHECK(result.count(Outcome::Result::Failed) == 0);
    for (qint64 id : result.idsWith(Outcome::Result::Skipped)) {
        INFO("invitation " << id);
        CHECK_FALSE(outcomeOf(result, id).reason.isEmpty());
        CHECK_FALSE(outcomeOf(result, id).label.isEmpty());
    }
    CHECK(outcomeOf(result, removed).label == qs("ben.okafor@contoso.example (Android)"));
    CHECK(outcomeOf(result, removed).reason.contains(qs("removed")));
    CHECK(outcomeOf(result, deleted).reason.contains(qs("longer exists")));
    CHECK(outcomeOf(result, accepted).reason.contains(qs("enrolled")));
    CHECK(outcomeOf(result, enrolledSince).label == qs("elif.yilmaz@contoso.example (iOS)"));
    CHECK(outcomeOf(result, enrolledSince).reason.contains(DomainText::platform(Platform::iOS)));

    for (qint64 id : {removed, accepted, enrolledSince})
        CHECK(invitationRow(env, id).resendCount == 0);
    CHECK(invitationRow(env, removed).tokenHash.isNull());
    CHECK(outboxOf(env, enrolledSince).size() == 1);
    for (qint64 id : {plain, enrolledBefore, otherPlatform})
        CHECK(invitationRow(env, id).resendCount == 1);

    checkAudit(env, auditBefore, qs("invite.resend"), qs("invitation"),
               {plain, enrolledBefore, otherPlatform});
    CHECK(announced(spy) == announcement(RecordKind::Invitation, {plain, enrolledBefore, otherPlatform}));
}

// ---------------------------------------------------------------------------------------------------
// Remove request

TEST_CASE("Remove requests revokes the link at once and cancels the unsent mail", "[service][remove]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    const QList<qint64> ids = inviteAll(service, requests(3, qs("remove")));
    const qint64 queued = ids[0], delivered = ids[1], kept = ids[2];
    exec(*env.store, QStringLiteral("UPDATE outbox SET state = 1, sent_at = %1 WHERE invitation_id = %2")
                         .arg(env.now())
                         .arg(delivered));
    exec(*env.store, QStringLiteral("UPDATE invitations SET delivery = 1 WHERE id = %1").arg(delivered));
    const QVariantList deliveredMail =
        row(*env.store, QStringLiteral("SELECT * FROM outbox WHERE invitation_id = ?"), {delivered});
    const QVariantList keptRow =
        row(*env.store, QStringLiteral("SELECT * FROM invitations WHERE id = ?"), {kept});
    env.clock.advance(kHourMs);
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);

    const BulkResult result = service.removeRequests({queued, delivered});
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(outcomesText(result) == str(QStringLiteral("%1:D %2:D").arg(queued).arg(delivered)));
    for (qint64 id : {queued, delivered}) {
        const InvitationRow inv = invitationRow(env, id);
        CHECK(inv.state == static_cast<int>(InvitationRecordState::Removed));
        CHECK(inv.tokenHash.isNull());
    }
    const QList<OutboxRow> mail = outboxOf(env, queued);
    REQUIRE(mail.size() == 1);
    CHECK(mail[0].state == 3);
    CHECK(mail[0].linkToken.isNull());
    CHECK(row(*env.store, QStringLiteral("SELECT * FROM outbox WHERE invitation_id = ?"), {delivered}) ==
          deliveredMail);
    CHECK(row(*env.store, QStringLiteral("SELECT * FROM invitations WHERE id = ?"), {kept}) == keptRow);
    CHECK(service.invitation(queued).linkToken.isEmpty());
    checkAudit(env, auditBefore, qs("invite.remove"), qs("invitation"), {queued, delivered});
    CHECK(announced(spy) == announcement(RecordKind::Invitation, {queued, delivered}));

    SECTION("removing again skips the removed one by name and removes the rest")
    {
        spy.clear();
        exec(*env.store, QStringLiteral("DELETE FROM outbox WHERE invitation_id = %1").arg(queued));
        exec(*env.store, QStringLiteral("DELETE FROM invitations WHERE id = %1").arg(queued));
        const BulkResult again = service.removeRequests({queued, delivered, kept});
        REQUIRE(again.ok);
        CHECK(outcomesText(again) ==
              str(QStringLiteral("%1:S %2:S %3:D").arg(queued).arg(delivered).arg(kept)));
        CHECK(outcomeOf(again, queued).reason.contains(qs("longer exists")));
        CHECK(outcomeOf(again, delivered).reason.contains(qs("removed")));
        CHECK(outcomeOf(again, delivered).label == qs("remove.1@contoso.example (Android)"));
        CHECK(invitationRow(env, kept).state == static_cast<int>(InvitationRecordState::Removed));
        checkAudit(env, auditBefore + 1, qs("invite.remove"), qs("invitation"), {kept});
        CHECK(announced(spy) == announcement(RecordKind::Invitation, {kept}));
    }
    SECTION("a removed invitation cannot be resent")
    {
        const BulkResult resent = service.resend({queued});
        REQUIRE(resent.ok);
        CHECK(outcomesText(resent) == str(QStringLiteral("%1:S").arg(queued)));
        CHECK(invitationRow(env, queued).tokenHash.isNull());
        CHECK(outboxOf(env, queued).size() == 1);
    }
}

// ---------------------------------------------------------------------------------------------------
// Re-assign

namespace {

// Two users, two groups, managed devices (one already being wiped) and staged devices.
struct DeviceWorld
{
    qint64 ana = 0, ben = 0, sales = 0, finance = 0;
    qint64 anaPhone = 0, anaLaptop = 0, benPhone = 0, staged = 0, unassignedStaged = 0, wiping = 0;

    explicit DeviceWorld(Env &env)
    {
        ana = addUser(*env.store, qs("Ana Silva"), qs("ana.silva@contoso.example"));
        ben = addUser(*env.store, qs("Ben Okafor"), qs("ben.okafor@contoso.example"));
        sales = addGroup(*env.store, qs("Sales"));
        finance = addGroup(*env.store, qs("Finance"));
        anaPhone = addDevice(env, {qs("Ana Pixel"), Platform::Android, DeviceState::Enrolled, ana, sales});
        anaLaptop = addDevice(env, {qs("Ana Surface"), Platform::Windows, DeviceState::Enrolled, ana, sales});
        benPhone = addDevice(env, {qs("Ben iPhone"), Platform::iOS, DeviceState::Enrolled, ben, finance});
        staged = addDevice(env, {qs("STAGED-IPAD-0001"), Platform::iPadOS, DeviceState::Staged, ben, sales, 0,
                                 Ownership::Personal});
        unassignedStaged =
            addDevice(env, {qs("STAGED-PIXEL-0002"), Platform::Android, DeviceState::Staged, 0, 0});
        wiping = addDevice(env, {qs("Ana old iPhone"), Platform::iOS, DeviceState::WipePending, ana, sales});
    }
};

// "user/group/state" of one device, "-" for no user or group.
std::string deviceRow(Env &env, qint64 id)
{
    const QVariantList r =
        row(*env.store, QStringLiteral("SELECT user_id, group_id, state FROM devices WHERE id = ?"), {id});
    auto part = [](const QVariant &v) {
        return v.isNull() ? QStringLiteral("-") : QString::number(v.toLongLong());
    };
    return str(part(r.value(0)) + QLatin1Char('/') + part(r.value(1)) + QLatin1Char('/') + part(r.value(2)));
}

std::string dev(qint64 userId, qint64 groupId, DeviceState state)
{
    return str((userId ? QString::number(userId) : QStringLiteral("-")) + QLatin1Char('/') +
               (groupId ? QString::number(groupId) : QStringLiteral("-")) + QLatin1Char('/') +
               QString::number(static_cast<int>(state)));
}

int deviceStateOf(Env &env, qint64 id)
{
    return static_cast<int>(
        scalar(*env.store, QStringLiteral("SELECT state FROM devices WHERE id = ?"), {id}));
}

} // namespace

TEST_CASE("Reassign moves managed devices to an existing user and optionally to a group",
          "[service][reassign]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    DeviceService service(*env.store, env.clock);
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);

    SECTION("to an existing user keeping each device group")
    {
        AssignTarget target;
        target.userId = w.ben;
        const BulkResult result = service.reassign({w.anaPhone, w.anaLaptop, w.staged, w.benPhone}, target);
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(outcomesText(result) == str(QStringLiteral("%1:D %2:D %3:S %4:S")
                                              .arg(w.anaPhone)
                                              .arg(w.anaLaptop)
                                              .arg(w.staged)
                                              .arg(w.benPhone)));
        CHECK(outcomeOf(result, w.staged).label == qs("STAGED-IPAD-0001 (SN-STAGED-IPAD-0001)"));
        CHECK(outcomeOf(result, w.staged).reason.contains(qs("managed")));
        CHECK(outcomeOf(result, w.benPhone).label == qs("Ben iPhone (SN-Ben iPhone)"));
        CHECK(outcomeOf(result, w.benPhone).reason.contains(qs("ben.okafor@contoso.example")));
        CHECK(deviceRow(env, w.anaPhone) == dev(w.ben, w.sales, DeviceState::Enrolled));
        CHECK(deviceRow(env, w.anaLaptop) == dev(w.ben, w.sales, DeviceState::Enrolled));
        CHECK(deviceRow(env, w.staged) == dev(w.ben, w.sales, DeviceState::Staged));
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM users")) == 2);
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM invitations")) == 0);
        checkAudit(env, auditBefore, qs("device.reassign"), qs("device"), {w.anaPhone, w.anaLaptop});
        CHECK(announced(spy) == announcement(RecordKind::Device, {w.anaPhone, w.anaLaptop}));
    }
    SECTION("to an existing user and a new group created once whatever its case")
    {
        AssignTarget target;
        target.userId = w.ben;
        target.group = qs("  Field Staff ");
        REQUIRE(service.reassign({w.anaPhone}, target).ok);
        const qint64 field =
            scalar(*env.store, QStringLiteral("SELECT id FROM groups WHERE name = 'Field Staff'"));
        CHECK(deviceRow(env, w.anaPhone) == dev(w.ben, field, DeviceState::Enrolled));
        checkAudit(env, auditBefore, qs("device.reassign"), qs("device"), {w.anaPhone});
        target.group = qs("field staff");
        REQUIRE(service.reassign({w.anaLaptop}, target).ok);
        CHECK(deviceRow(env, w.anaLaptop) == dev(w.ben, field, DeviceState::Enrolled));
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM groups")) == 3);
        CHECK(announced(spy) == announcement(RecordKind::Device, {w.anaPhone}) + "; " +
                                    announcement(RecordKind::Device, {w.anaLaptop}));
    }
    SECTION("the same user but another group is a change")
    {
        AssignTarget target;
        target.userId = w.ana;
        target.group = qs("Finance");
        const BulkResult result = service.reassign({w.anaPhone}, target);
        REQUIRE(result.ok);
        CHECK(outcomesText(result) == str(QStringLiteral("%1:D").arg(w.anaPhone)));
        CHECK(deviceRow(env, w.anaPhone) == dev(w.ana, w.finance, DeviceState::Enrolled));
    }
    SECTION("a user that no longer exists is an error and nothing changes")
    {
        const QString before = dump(*env.store);
        AssignTarget target;
        target.userId = 9999;
        const BulkResult result = service.reassign({w.anaPhone}, target);
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(qs("no longer exists")));
        CHECK(changes(before, dump(*env.store)) == std::string());
        CHECK(spy.count() == 0);
    }
}

TEST_CASE("Reassign to a new user creates the user once and reuses a matching address", "[service][reassign]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    DeviceService service(*env.store, env.clock);
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);

    AssignTarget target;
    target.name = qs("Hiro Tanaka");
    target.email = qs(" hiro.tanaka@contoso.example ");
    const BulkResult first = service.reassign({w.anaPhone, w.benPhone}, target);
    INFO(first.error.toStdString());
    REQUIRE(first.ok);
    CHECK(first.count(Outcome::Result::Done) == 2);
    const QVariantList hiro =
        row(*env.store, QStringLiteral("SELECT id, name, email FROM users WHERE id > ?"), {w.ben});
    CHECK(hiro.value(1).toString() == qs("Hiro Tanaka"));
    CHECK(hiro.value(2).toString() == qs("hiro.tanaka@contoso.example"));
    const qint64 hiroId = hiro.value(0).toLongLong();
    CHECK(deviceRow(env, w.anaPhone) == dev(hiroId, w.sales, DeviceState::Enrolled));
    CHECK(deviceRow(env, w.benPhone) == dev(hiroId, w.finance, DeviceState::Enrolled));
    checkAudit(env, auditBefore, qs("device.reassign"), qs("device"), {w.anaPhone, w.benPhone});
    CHECK(announced(spy) == announcement(RecordKind::Device, {w.anaPhone, w.benPhone}));

    SECTION("the same address in another case reuses the user; with a group")
    {
        AssignTarget again;
        again.name = qs("H. Tanaka");
        again.email = qs("HIRO.Tanaka@Contoso.EXAMPLE");
        again.group = qs("Executives");
        REQUIRE(service.reassign({w.anaLaptop}, again).ok);
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM users")) == 3);
        CHECK(value(*env.store, QStringLiteral("SELECT name FROM users WHERE id = ?"), {hiroId}).toString() ==
              qs("Hiro Tanaka"));
        const qint64 executives =
            scalar(*env.store, QStringLiteral("SELECT id FROM groups WHERE name = 'Executives'"));
        CHECK(deviceRow(env, w.anaLaptop) == dev(hiroId, executives, DeviceState::Enrolled));
        checkAudit(env, auditBefore + 1, qs("device.reassign"), qs("device"), {w.anaLaptop});
    }
    SECTION("an existing user's address in another case reuses that user")
    {
        AssignTarget again;
        again.name = qs("Someone Else");
        again.email = qs("ANA.SILVA@contoso.example");
        REQUIRE(service.reassign({w.benPhone}, again).ok);
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM users")) == 3);
        CHECK(deviceRow(env, w.benPhone) == dev(w.ana, w.finance, DeviceState::Enrolled));
    }
}

TEST_CASE("Reassign to a new user with a bad address or no name is refused and changes nothing",
          "[service][reassign][bad-input]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    DeviceService service(*env.store, env.clock);
    const QString before = dump(*env.store);
    QSignalSpy spy(env.store.get(), &Store::changed);
    AssignTarget target;
    target.name = qs("Hiro Tanaka");
    target.group = qs("Brand New Group");
    SECTION("bad address")
    {
        target.email = qs("hiro.tanaka@contoso");
        const BulkResult result = service.reassign({w.anaPhone, w.benPhone}, target);
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(qs("hiro.tanaka@contoso")));
        CHECK(result.error.contains(qs("not an email address")));
        CHECK(DeviceService::validate(target) == result.error);
    }
    SECTION("no name")
    {
        target.name = qs(" ");
        target.email = qs("hiro.tanaka@contoso.example");
        const BulkResult result = service.reassign({w.anaPhone}, target);
        CHECK_FALSE(result.ok);
        CHECK(result.error.contains(qs("name is empty")));
    }
    SECTION("a name but no address")
    {
        const BulkResult result = service.assignStaged({w.staged}, target);
        CHECK_FALSE(result.ok);
        CHECK_FALSE(result.error.isEmpty());
    }
    CHECK(changes(before, dump(*env.store)) == std::string());
    CHECK(spy.count() == 0);
}

// ---------------------------------------------------------------------------------------------------
// Deprovision

TEST_CASE("Deprovision queues one command per device and marks it pending", "[service][deprovision]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    const qint64 unmanaged =
        addDevice(env, {qs("Ben old Pixel"), Platform::Android, DeviceState::Unmanaged, w.ben});
    DeviceService service(*env.store, env.clock);
    const qint64 commandsBefore = scalar(*env.store, QStringLiteral("SELECT count(*) FROM commands"));
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);

    const auto [mode, kind, state, action] = GENERATE(
        std::make_tuple(DeprovisionMode::RevokeMdm, 1, DeviceState::RevokePending, "device.revoke_mdm"),
        std::make_tuple(DeprovisionMode::FactoryReset, 2, DeviceState::WipePending, "device.factory_reset"));
    INFO(action);
    const qint64 gone = 987654;
    const BulkResult result =
        service.deprovision({w.anaPhone, w.wiping, w.staged, gone, w.benPhone, unmanaged}, mode);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(outcomesText(result) == str(QStringLiteral("%1:D %2:S %3:S %4:S %5:D %6:D")
                                          .arg(w.anaPhone)
                                          .arg(w.wiping)
                                          .arg(w.staged)
                                          .arg(gone)
                                          .arg(w.benPhone)
                                          .arg(unmanaged)));
    CHECK(outcomeOf(result, w.wiping).label == qs("Ana old iPhone (SN-Ana old iPhone)"));
    CHECK(outcomeOf(result, w.wiping).reason.contains(DomainText::deviceState(DeviceState::WipePending)));
    CHECK(outcomeOf(result, w.staged).reason.contains(qs("managed")));
    CHECK(outcomeOf(result, gone).reason.contains(qs("longer exists")));

    for (qint64 id : {w.anaPhone, w.benPhone, unmanaged}) {
        INFO("device " << id);
        CHECK(deviceStateOf(env, id) == static_cast<int>(state));
        const QVariantList command =
            row(*env.store,
                QStringLiteral("SELECT kind, state, created_at, updated_at FROM commands"
                               " WHERE device_id = ?"),
                {id});
        CHECK(command.value(0).toInt() == kind);
        CHECK(command.value(1).toInt() == 0);
        CHECK(command.value(2).toLongLong() == env.now());
        CHECK(command.value(3).toLongLong() == env.now());
    }
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM commands")) == commandsBefore + 3);
    CHECK(deviceStateOf(env, w.wiping) == static_cast<int>(DeviceState::WipePending));
    CHECK(deviceStateOf(env, w.staged) == static_cast<int>(DeviceState::Staged));
    CHECK(deviceStateOf(env, w.anaLaptop) == static_cast<int>(DeviceState::Enrolled));
    checkAudit(env, auditBefore, qs(action), qs("device"), {w.anaPhone, w.benPhone, unmanaged});
    CHECK(announced(spy) == announcement(RecordKind::Device, {w.anaPhone, w.benPhone, unmanaged}));

    // Asking again: every one of them is now pending and skipped by name; nothing is queued twice.
    spy.clear();
    const BulkResult again = service.deprovision({w.anaPhone, w.benPhone}, DeprovisionMode::RevokeMdm);
    REQUIRE(again.ok);
    CHECK(again.count(Outcome::Result::Skipped) == 2);
    CHECK(outcomeOf(again, w.anaPhone).reason.contains(DomainText::deviceState(state)));
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM commands")) == commandsBefore + 3);
    CHECK(auditCount(env) == auditBefore + 1);
}

// ---------------------------------------------------------------------------------------------------
// Staged devices

TEST_CASE("Remove staged deletes only staged devices and names the managed one it skips", "[service][staged]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    DeviceService service(*env.store, env.clock);
    const qint64 devicesBefore = scalar(*env.store, QStringLiteral("SELECT count(*) FROM devices"));
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);

    const BulkResult result = service.removeStaged({w.staged, w.anaPhone, w.unassignedStaged});
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(outcomesText(result) ==
          str(QStringLiteral("%1:D %2:S %3:D").arg(w.staged).arg(w.anaPhone).arg(w.unassignedStaged)));
    CHECK(outcomeOf(result, w.anaPhone).label == qs("Ana Pixel (SN-Ana Pixel)"));
    CHECK(outcomeOf(result, w.anaPhone).reason.contains(qs("enrolled")));
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM devices WHERE id IN (?, ?)"),
                 {w.staged, w.unassignedStaged}) == 0);
    CHECK(deviceRow(env, w.anaPhone) == dev(w.ana, w.sales, DeviceState::Enrolled));
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM devices")) == devicesBefore - 2);
    checkAudit(env, auditBefore, qs("staged.remove"), qs("device"), {w.staged, w.unassignedStaged});
    CHECK(announced(spy) == announcement(RecordKind::Device, {w.staged, w.unassignedStaged}));

    spy.clear();
    const BulkResult again = service.removeStaged({w.staged});
    REQUIRE(again.ok);
    CHECK(outcomesText(again) == str(QStringLiteral("%1:S").arg(w.staged)));
    CHECK(outcomeOf(again, w.staged).reason.contains(qs("longer exists")));
    CHECK(auditCount(env) == auditBefore + 1);
}

TEST_CASE("Assign staged devices to a user with and without an invitation", "[service][staged]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    DeviceService service(*env.store, env.clock);
    const qint64 auditBefore = auditCount(env);
    QSignalSpy spy(env.store.get(), &Store::changed);

    SECTION("without an invitation")
    {
        AssignTarget target;
        target.userId = w.ana;
        const BulkResult result = service.assignStaged({w.staged, w.unassignedStaged, w.benPhone}, target);
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(outcomesText(result) ==
              str(QStringLiteral("%1:D %2:D %3:S").arg(w.staged).arg(w.unassignedStaged).arg(w.benPhone)));
        CHECK(outcomeOf(result, w.benPhone).label == qs("Ben iPhone (SN-Ben iPhone)"));
        CHECK(outcomeOf(result, w.benPhone).reason.contains(qs("staged")));
        CHECK(result.createdIds.isEmpty());
        CHECK(deviceRow(env, w.staged) == dev(w.ana, w.sales, DeviceState::Staged));
        CHECK(deviceRow(env, w.unassignedStaged) == dev(w.ana, 0, DeviceState::Staged));
        CHECK(deviceRow(env, w.benPhone) == dev(w.ben, w.finance, DeviceState::Enrolled));
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM invitations")) == 0);
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM outbox")) == 0);
        checkAudit(env, auditBefore, qs("staged.assign"), qs("device"), {w.staged, w.unassignedStaged});
        CHECK(announced(spy) == announcement(RecordKind::Device, {w.staged, w.unassignedStaged}));
    }
    SECTION("with an invitation for each device")
    {
        AssignTarget target;
        target.userId = w.ana;
        target.sendInvitation = true;
        const BulkResult result = service.assignStaged({w.staged, w.unassignedStaged}, target);
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.count(Outcome::Result::Done) == 2);
        REQUIRE(result.createdIds.size() == 2);
        checkFreshInvitation(env, result.createdIds[0], w.ana, qs("ana.silva@contoso.example"));
        checkFreshInvitation(env, result.createdIds[1], w.ana, qs("ana.silva@contoso.example"));
        const InvitationRow forStaged = invitationRow(env, result.createdIds[0]);
        CHECK(forStaged.platform == static_cast<int>(Platform::iPadOS));
        CHECK(forStaged.ownership == static_cast<int>(Ownership::Personal));
        CHECK(forStaged.groupId.toLongLong() == w.sales);
        const InvitationRow forUnassigned = invitationRow(env, result.createdIds[1]);
        CHECK(forUnassigned.platform == static_cast<int>(Platform::Android));
        CHECK(forUnassigned.groupId.isNull());
        CHECK(deviceRow(env, w.staged) == dev(w.ana, w.sales, DeviceState::Staged));
        CHECK(deviceRow(env, w.unassignedStaged) == dev(w.ana, 0, DeviceState::Staged));
        // The invitations get an entry of their own, so their history shows where they came from.
        CHECK(AuditLog::history(*env.store, RecordKind::Invitation, result.createdIds[0]).size() == 1);
        checkAudit(env, auditBefore + 1, qs("staged.assign"), qs("device"), {w.staged, w.unassignedStaged});
        CHECK(announced(spy) == announcement(RecordKind::Device, {w.staged, w.unassignedStaged}) + "; " +
                                    announcement(RecordKind::Invitation, result.createdIds));
    }
    SECTION("to a new user and a group with an invitation")
    {
        AssignTarget target;
        target.name = qs("Ines Garcia");
        target.email = qs("ines.garcia@contoso.example");
        target.group = qs("Contractors");
        target.sendInvitation = true;
        const BulkResult result = service.assignStaged({w.staged}, target);
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        REQUIRE(result.createdIds.size() == 1);
        const qint64 ines = scalar(
            *env.store, QStringLiteral("SELECT id FROM users WHERE email = 'ines.garcia@contoso.example'"));
        const qint64 contractors =
            scalar(*env.store, QStringLiteral("SELECT id FROM groups WHERE name = 'Contractors'"));
        CHECK(deviceRow(env, w.staged) == dev(ines, contractors, DeviceState::Staged));
        checkFreshInvitation(env, result.createdIds[0], ines, qs("ines.garcia@contoso.example"));
        CHECK(invitationRow(env, result.createdIds[0]).groupId.toLongLong() == contractors);
        checkAudit(env, auditBefore + 1, qs("staged.assign"), qs("device"), {w.staged});
    }
    SECTION("a device already assigned to that user is skipped unless an invitation is asked for")
    {
        AssignTarget target;
        target.userId = w.ben;
        const BulkResult same = service.assignStaged({w.staged}, target);
        REQUIRE(same.ok);
        CHECK(outcomesText(same) == str(QStringLiteral("%1:S").arg(w.staged)));
        CHECK(outcomeOf(same, w.staged).reason.contains(qs("ben.okafor@contoso.example")));
        CHECK(auditCount(env) == auditBefore);
        target.sendInvitation = true;
        const BulkResult invited = service.assignStaged({w.staged}, target);
        REQUIRE(invited.ok);
        CHECK(outcomesText(invited) == str(QStringLiteral("%1:D").arg(w.staged)));
        REQUIRE(invited.createdIds.size() == 1);
        checkFreshInvitation(env, invited.createdIds[0], w.ben, qs("ben.okafor@contoso.example"));
    }
}

// ---------------------------------------------------------------------------------------------------
// All or nothing

TEST_CASE("An action that fails part-way changes nothing at all", "[service][atomic]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService enrollment(*env.store, env.clock);
    DeviceService devices(*env.store, env.clock);
    const QList<qint64> invitations = inviteAll(enrollment, requests(5, qs("atomic")));
    for (qint64 id : invitations)
        markDelivered(env, id); // so that they expire 7 days on
    const qint64 owner = addUser(*env.store, qs("Jonas Berg"), qs("jonas.berg@contoso.example"));
    const QList<qint64> managed = addDevices(env, 5, DeviceState::Enrolled, qs("MANAGED"), owner);
    const QList<qint64> staged = addDevices(env, 5, DeviceState::Staged, qs("STAGED"), 0);
    env.clock.advance(8 * kDayMs);

    struct
    {
        QString timing;
        QString table;
        QString when;
    } trigger;
    std::function<BulkResult()> action;
    SECTION("resend")
    {
        trigger = {qs("BEFORE UPDATE"), qs("invitations"), QStringLiteral("NEW.id = %1").arg(invitations[2])};
        action = [&] { return enrollment.resend(invitations); };
    }
    SECTION("resend all expired")
    {
        trigger = {qs("BEFORE INSERT"), qs("outbox"),
                   QStringLiteral("NEW.invitation_id = %1").arg(invitations[3])};
        action = [&] { return enrollment.resend(enrollment.expiredInvitationIds()); };
    }
    SECTION("remove requests")
    {
        trigger = {qs("BEFORE UPDATE"), qs("outbox"),
                   QStringLiteral("NEW.invitation_id = %1").arg(invitations[2])};
        action = [&] { return enrollment.removeRequests(invitations); };
    }
    SECTION("invite a list")
    {
        trigger = {qs("BEFORE INSERT"), qs("outbox"),
                   QStringLiteral("NEW.recipient = 'fresh.2@contoso.example'")};
        action = [&] {
            QList<InviteRequest> list = requests(4, qs("fresh"));
            for (InviteRequest &r : list)
                r.group = qs("Brand New Group");
            return enrollment.invite(list);
        };
    }
    SECTION("revoke MDM")
    {
        trigger = {qs("BEFORE INSERT"), qs("commands"), QStringLiteral("NEW.device_id = %1").arg(managed[2])};
        action = [&] { return devices.deprovision(managed, DeprovisionMode::RevokeMdm); };
    }
    SECTION("factory reset")
    {
        trigger = {qs("BEFORE UPDATE"), qs("devices"), QStringLiteral("NEW.id = %1").arg(managed[3])};
        action = [&] { return devices.deprovision(managed, DeprovisionMode::FactoryReset); };
    }
    SECTION("reassign to a new user and group")
    {
        trigger = {qs("BEFORE UPDATE"), qs("devices"), QStringLiteral("NEW.id = %1").arg(managed[2])};
        action = [&] {
            AssignTarget target;
            target.name = qs("Kofi Mensah");
            target.email = qs("kofi.mensah@contoso.example");
            target.group = qs("Brand New Group");
            return devices.reassign(managed, target);
        };
    }
    SECTION("remove staged")
    {
        trigger = {qs("BEFORE DELETE"), qs("devices"), QStringLiteral("OLD.id = %1").arg(staged[2])};
        action = [&] { return devices.removeStaged(staged); };
    }
    SECTION("assign staged with invitations")
    {
        trigger = {qs("BEFORE UPDATE"), qs("devices"), QStringLiteral("NEW.id = %1").arg(staged[3])};
        action = [&] {
            AssignTarget target;
            target.userId = owner;
            target.sendInvitation = true;
            return devices.assignStaged(staged, target);
        };
    }
    SECTION("the audit entry itself fails")
    {
        trigger = {qs("BEFORE INSERT"), qs("audit_log_records"),
                   QStringLiteral("NEW.record_id = %1").arg(managed[4])};
        action = [&] { return devices.deprovision(managed, DeprovisionMode::RevokeMdm); };
    }
    INFO(trigger.timing.toStdString()
         << " ON " << trigger.table.toStdString() << " WHEN " << trigger.when.toStdString());
    FailingTrigger boom(*env.store, trigger.timing, trigger.table, trigger.when,
                        qs("boom: injected failure"));
    const QString before = dump(*env.store);
    const QByteArray bytes = storeContents(*env.store);
    QSignalSpy spy(env.store.get(), &Store::changed);

    const BulkResult failed = action();
    CHECK_FALSE(failed.ok);
    CHECK_FALSE(failed.cancelled);
    CHECK(failed.error.contains(qs("boom: injected failure")));
    CHECK(failed.createdIds.isEmpty());
    CHECK(changes(before, dump(*env.store)) == std::string());
    CHECK(storeContents(*env.store) == bytes);
    CHECK(spy.count() == 0);

    // Without the fault the same action goes through: it was the injected failure, not the data.
    boom.remove();
    const BulkResult retried = action();
    INFO(retried.error.toStdString());
    CHECK(retried.ok);
    CHECK(retried.count(Outcome::Result::Done) >= 4);
    CHECK_FALSE(changes(before, dump(*env.store)).empty());
}

// ---------------------------------------------------------------------------------------------------
// Cancellation

TEST_CASE("A cancelled action changes nothing", "[service][cancel]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService enrollment(*env.store, env.clock);
    DeviceService devices(*env.store, env.clock);
    const QList<qint64> invitations = inviteAll(enrollment, requests(kBulk, qs("bulk")));
    const qint64 owner = addUser(*env.store, qs("Lena Schmidt"), qs("lena.schmidt@contoso.example"));
    const QList<qint64> managed = addDevices(env, kBulk, DeviceState::Enrolled, qs("MANAGED"), 0);
    const QList<qint64> staged = addDevices(env, kBulk, DeviceState::Staged, qs("STAGED"), 0);
    env.clock.advance(8 * kDayMs);
    const QString before = dump(*env.store);
    QSignalSpy spy(env.store.get(), &Store::changed);

    AssignTarget toOwner;
    toOwner.userId = owner;
    toOwner.sendInvitation = true;
    const QList<std::pair<const char *, std::function<BulkResult(const ActionControl &)>>> actions{
        {"invite",
         [&](const ActionControl &c) { return enrollment.invite(requests(kBulk, qs("fresh")), c); }},
        {"resend", [&](const ActionControl &c) { return enrollment.resend(invitations, c); }},
        {"remove requests",
         [&](const ActionControl &c) { return enrollment.removeRequests(invitations, c); }},
        {"revoke",
         [&](const ActionControl &c) { return devices.deprovision(managed, DeprovisionMode::RevokeMdm, c); }},
        {"factory reset",
         [&](const ActionControl &c) {
             return devices.deprovision(managed, DeprovisionMode::FactoryReset, c);
         }},
        {"reassign", [&](const ActionControl &c) { return devices.reassign(managed, toOwner, c); }},
        {"remove staged", [&](const ActionControl &c) { return devices.removeStaged(staged, c); }},
        {"assign staged", [&](const ActionControl &c) { return devices.assignStaged(staged, toOwner, c); }},
    };

    SECTION("from the progress callback after the first report")
    {
        for (const auto &[name, run] : actions) {
            INFO(name);
            std::atomic<bool> cancel{false};
            int reports = 0;
            ActionControl control;
            control.cancel = &cancel;
            control.progress = [&](qint64 done, qint64 total) {
                ++reports;
                CHECK(done > 0);
                CHECK(done <= total);
                cancel = true;
            };
            const BulkResult result = run(control);
            CHECK(reports == 1);
            CHECK_FALSE(result.ok);
            CHECK(result.cancelled);
            CHECK_FALSE(result.error.isEmpty());
            CHECK(result.createdIds.isEmpty());
            CHECK(changes(before, dump(*env.store)) == std::string());
        }
    }
    SECTION("set before the call")
    {
        for (const auto &[name, run] : actions) {
            INFO(name);
            const std::atomic<bool> cancel{true};
            ActionControl control;
            control.cancel = &cancel;
            const BulkResult result = run(control);
            CHECK_FALSE(result.ok);
            CHECK(result.cancelled);
            CHECK(changes(before, dump(*env.store)) == std::string());
        }
    }
    CHECK(spy.count() == 0);
}

// ---------------------------------------------------------------------------------------------------
// Live expiry

TEST_CASE("An invitation reads Expired as soon as the clock passes its expiry without a reload",
          "[service][expiry]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 delivered =
        inviteOne(service, request(qs("Mateo Rossi"), qs("mateo.rossi@contoso.example")));
    const qint64 queued = inviteOne(service, request(qs("Nadia Khan"), qs("nadia.khan@contoso.example")));
    markDelivered(env, delivered);

    RecordTableModel model(*env.store, env.clock, TabKind::Pending);
    REQUIRE(settled(model));
    const int deliveredRow = model.rowOf(delivered);
    const int queuedRow = model.rowOf(queued);
    REQUIRE(deliveredRow >= 0);
    REQUIRE(queuedRow >= 0);
    auto text = [&](int r, int column) { return model.data(model.index(r, column)).toString(); };

    CHECK(text(deliveredRow, PendingColumn::Status) == qs("Pending"));
    CHECK(text(queuedRow, PendingColumn::Status) ==
          DomainText::inviteStatus(InvitationDisplayStatus::Queued));
    CHECK(text(deliveredRow, PendingColumn::Expires).startsWith(qs("in ")));
    CHECK(text(deliveredRow, PendingColumn::Expires).contains(qs("7")));
    CHECK(
        model.data(model.index(deliveredRow, PendingColumn::Status), RecordTableModel::StatusRole).toInt() ==
        static_cast<int>(InvitationDisplayStatus::Pending));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    env.clock.advance(kInvitationValidityMs - kMinuteMs);
    CHECK(text(deliveredRow, PendingColumn::Status) == qs("Pending"));
    CHECK(text(deliveredRow, PendingColumn::Expires).startsWith(qs("in ")));

    env.clock.advance(kMinuteMs); // exactly the expiry instant
    CHECK(text(deliveredRow, PendingColumn::Status) == qs("Expired"));
    // The queued one has not been sent: its 7 days have not started, so it cannot expire.
    CHECK(text(queuedRow, PendingColumn::Status) == qs("Queued"));
    CHECK(
        model.data(model.index(deliveredRow, PendingColumn::Status), RecordTableModel::StatusRole).toInt() ==
        static_cast<int>(InvitationDisplayStatus::Expired));

    env.clock.advance(3 * kHourMs);
    const QString expires = text(deliveredRow, PendingColumn::Expires);
    CHECK(expires.startsWith(qs("expired ")));
    CHECK(expires.contains(qs("3")));
    CHECK(expires.endsWith(qs(" ago")));
    CHECK(model.data(model.index(deliveredRow, PendingColumn::Expires), Qt::ForegroundRole).isValid());
    // The texts moved with the clock alone: no reload, no query, no signal.
    CHECK(resets.count() == 0);
    CHECK(changes.count() == 0);
    CHECK_FALSE(model.isQueryPending());
    CHECK(str(idsText(service.expiredInvitationIds())) == str(idsText({delivered})));
}

// ---------------------------------------------------------------------------------------------------
// Announcements and repeated IDs

TEST_CASE("An action that changes nothing announces no change", "[service][announce]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    EnrollmentService enrollment(*env.store, env.clock);
    DeviceService devices(*env.store, env.clock);
    const qint64 removed =
        inviteOne(enrollment, request(qs("Omar Nasser"), qs("omar.nasser@contoso.example")));
    REQUIRE(enrollment.removeRequests({removed}).ok);
    const QString before = dump(*env.store);
    QSignalSpy spy(env.store.get(), &Store::changed);

    // Each of these skips every record it is given.
    AssignTarget same;
    same.userId = w.ana;
    CHECK(enrollment.resend({removed}).ok);
    CHECK(enrollment.removeRequests({removed}).ok);
    CHECK(devices.deprovision({w.wiping}, DeprovisionMode::RevokeMdm).ok);
    CHECK(devices.removeStaged({w.anaPhone}).ok);
    CHECK(devices.reassign({w.anaPhone}, same).ok);
    CHECK(changes(before, dump(*env.store)) == std::string());
    // An empty ID list tells listeners "reload everything" (see RecordTableModel::onStoreChanged), so a
    // no-op must not announce one.
    INFO(announced(spy));
    CHECK(spy.count() == 0);
}

TEST_CASE("A bulk set that names a record twice changes it once", "[service][bulk]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    EnrollmentService enrollment(*env.store, env.clock);
    DeviceService devices(*env.store, env.clock);
    const qint64 invitation =
        inviteOne(enrollment, request(qs("Priya Patel"), qs("priya.patel@contoso.example")));

    SECTION("deprovision")
    {
        REQUIRE(devices.deprovision({w.anaPhone, w.anaPhone}, DeprovisionMode::FactoryReset).ok);
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM commands WHERE device_id = ?"),
                     {w.anaPhone}) == 1);
    }
    SECTION("resend")
    {
        REQUIRE(enrollment.resend({invitation, invitation}).ok);
        CHECK(invitationRow(env, invitation).resendCount == 1);
        CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM outbox WHERE invitation_id = ?"),
                     {invitation}) == 2);
    }
    SECTION("remove requests")
    {
        REQUIRE(enrollment.removeRequests({invitation, invitation}).ok);
        CHECK(
            str(value(*env.store, QStringLiteral("SELECT record_ids FROM audit_log ORDER BY id DESC LIMIT 1"))
                    .toString()) == str(QString::number(invitation)));
    }
}

TEST_CASE("A reassign that skips every device creates no user or group", "[service][reassign]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Env env(backend);
    DeviceWorld w(env);
    DeviceService service(*env.store, env.clock);
    const QString before = dump(*env.store);
    AssignTarget target;
    target.name = qs("Quinn Murphy");
    target.email = qs("quinn.murphy@contoso.example");
    target.group = qs("Brand New Group");
    // A staged device is not re-assigned (that is Assign staged), and 987654 no longer exists.
    const BulkResult result = service.reassign({w.staged, 987654}, target);
    REQUIRE(result.ok);
    CHECK(result.count(Outcome::Result::Skipped) == 2);
    CHECK(auditCount(env) == 0);
    // Nothing was re-assigned, yet the user and the group were written, unaudited.
    CHECK(scalar(*env.store,
                 QStringLiteral("SELECT count(*) FROM users WHERE email = 'quinn.murphy@contoso.example'")) ==
          0);
    CHECK(scalar(*env.store, QStringLiteral("SELECT count(*) FROM groups WHERE name = 'Brand New Group'")) ==
          0);
    CHECK(changes(before, dump(*env.store)) == std::string());
}
