#include "store/bound_rows.h"

#include "store/dialect.h"
#include "store/sql.h"

#include <QSqlQuery>
#include <QStringList>

namespace mdm {

namespace {

// One element of a PostgreSQL array literal: NULL, a number, or quoted text with " and \ escaped
// (a blob as bytea's hex input, \x…).
QString arrayElement(const QVariant &value, const QString &type)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (type == QLatin1String("BIGINT") || type == QLatin1String("INTEGER"))
        return QString::number(value.toLongLong());
    QString out = type == QLatin1String("BYTEA")
                      ? QStringLiteral("\\x") + QString::fromLatin1(value.toByteArray().toHex())
                      : value.toString();
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

BoundRows::BoundRows(const QSqlDatabase &db, const QString &name, QList<Column> columns)
    : db_(db), name_(name), postgres_(dialectOf(db).isPostgres()), columns_(std::move(columns))
{
}

BoundRows::~BoundRows()
{
    if (staged_ && !postgres_) {
        QSqlQuery q(db_);
        q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(name_));
    }
}

void BoundRows::append(const QVariantList &values)
{
    Q_ASSERT(values.size() == columns_.size());
    rows_.append(values);
}

bool BoundRows::stage(QString *error)
{
    staged_ = true;
    if (postgres_)
        return true;
    QStringList names;
    for (const Column &c : columns_)
        names << c.name;
    QSqlQuery q(db_);
    // Columns without a type keep each value as bound (SQLite's affinity NONE).
    q.prepare(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(name_));
    if (!execOrError(q, error))
        return false;
    q.prepare(QStringLiteral("CREATE TEMP TABLE %1 (%2, ord INTEGER PRIMARY KEY)")
                  .arg(name_, names.join(QLatin1String(", "))));
    if (!execOrError(q, error))
        return false;
    q.prepare(QStringLiteral("INSERT INTO temp.%1 VALUES (%2)")
                  .arg(name_, QString::fromLatin1(sqlPlaceholders(columns_.size() + 1))));
    qint64 ord = 0;
    for (const QVariantList &row : rows_) {
        for (const QVariant &value : row)
            q.addBindValue(value);
        q.addBindValue(++ord);
        if (!execOrError(q, error))
            return false;
    }
    return true;
}

QString BoundRows::from(const QString &alias) const
{
    if (!postgres_)
        return QStringLiteral("temp.%1 AS %2").arg(name_, alias);
    QStringList names;
    QStringList arrays;
    for (const Column &c : columns_) {
        names << c.name;
        arrays << QStringLiteral("CAST(? AS %1[])").arg(c.type);
    }
    return QStringLiteral("unnest(%1) WITH ORDINALITY AS %2(%3, ord)")
        .arg(arrays.join(QLatin1String(", ")), alias, names.join(QLatin1String(", ")));
}

void BoundRows::bind(QSqlQuery &query) const
{
    if (!postgres_)
        return;
    for (qsizetype column = 0; column < columns_.size(); ++column) {
        QStringList elements;
        elements.reserve(rows_.size());
        for (const QVariantList &row : rows_)
            elements << arrayElement(row.at(column), columns_.at(column).type);
        query.addBindValue(QLatin1Char('{') + elements.join(QLatin1Char(',')) + QLatin1Char('}'));
    }
}

QString idSetSql(const QSqlDatabase &db)
{
    return QString::fromLatin1(idSetSql(dialectOf(db).isPostgres()));
}

QVariant idSetValue(const QSqlDatabase &db, const QList<qint64> &ids)
{
    return QString::fromLatin1(idSetText(dialectOf(db).isPostgres(), ids));
}

QByteArray idSetSql(bool postgres)
{
    return postgres ? QByteArrayLiteral("SELECT unnest(CAST(? AS BIGINT[])) AS id")
                    : QByteArrayLiteral("SELECT value AS id FROM json_each(?)");
}

QByteArray idSetText(bool postgres, std::span<const qint64> ids)
{
    QByteArray list;
    list.reserve(static_cast<qsizetype>(ids.size()) * 8 + 2);
    list += postgres ? '{' : '[';
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i > 0)
            list += ',';
        list += QByteArray::number(ids[i]);
    }
    list += postgres ? '}' : ']';
    return list;
}

} // namespace mdm
