#include "store/directory.h"

#include "store/portable_sql.h"
#include "store/store.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

Directory::Directory(const Store &store)
    : db_(store.database()), findUser_(db_), addUser_(db_), findGroup_(db_), addGroup_(db_)
{
}

QSqlQuery &Directory::prepared(QSqlQuery &query, const char *sql)
{
    if (query.lastQuery().isEmpty())
        query.prepare(QString::fromLatin1(sql));
    return query;
}

bool isValidEmail(const QString &email)
{
    // Deliberately simple: one @, a dot in the domain, no spaces; the mail server has the last word.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^[^@\s"<>(),;:]+@[^@\s"<>(),;:]+\.[^@\s"<>(),;:.]{2,}$)"));
    return email.size() <= 254 && pattern.match(email).hasMatch();
}

qint64 Directory::userFor(const QString &name, const QString &email, QString *error)
{
    QSqlQuery &find = prepared(findUser_, "SELECT id FROM users WHERE email = ?");
    find.addBindValue(email.trimmed());
    const qint64 found = find.exec() && find.next() ? find.value(0).toLongLong() : 0;
    find.finish();
    if (found > 0)
        return found;
    QSqlQuery &q = prepared(addUser_, "INSERT INTO users (name, email) VALUES (?, ?) RETURNING id");
    q.addBindValue(name.trimmed());
    q.addBindValue(email.trimmed());
    QString why;
    const qint64 id = insertReturningId(q, &why);
    if (id == 0)
        *error = tr("Cannot add the user %1: %2").arg(email, why);
    return id;
}

qint64 Directory::groupFor(const QString &name, QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return 0;
    QSqlQuery &find = prepared(findGroup_, "SELECT id FROM groups WHERE name = ?");
    find.addBindValue(trimmed);
    const qint64 found = find.exec() && find.next() ? find.value(0).toLongLong() : 0;
    find.finish();
    if (found > 0)
        return found;
    QSqlQuery &q = prepared(addGroup_, "INSERT INTO groups (name) VALUES (?) RETURNING id");
    q.addBindValue(trimmed);
    QString why;
    const qint64 id = insertReturningId(q, &why);
    if (id == 0) {
        *error = tr("Cannot add the group %1: %2").arg(trimmed, why);
        return -1;
    }
    return id;
}

UserInfo Directory::user(qint64 id) const
{
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT id, name, email FROM users WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
    return {};
}

UserInfo Directory::userByEmail(const QString &email) const
{
    QSqlQuery q(db_);
    // The column compares without case (COLLATE NOCASE), as the lookup in userFor() does.
    q.prepare(QStringLiteral("SELECT id, name, email FROM users WHERE email = ?"));
    q.addBindValue(email.trimmed());
    if (q.exec() && q.next())
        return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
    return {};
}

QList<UserInfo> Directory::searchUsers(const QString &text, int limit) const
{
    QSqlQuery q(db_);
    const QString pattern = likeContains(text.trimmed());
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not. The email column
    // compares without case (NOCASE; a nondeterministic collation on PostgreSQL, which LIKE refuses):
    // "binary" is SQLite's own collation and one the PostgreSQL schema defines. Sorted by lower(name),
    // as SQLite's NOCASE did (ASCII case only).
    q.prepare(QStringLiteral("SELECT id, name, email FROM users WHERE lower(name) LIKE lower(?)%1"
                             " OR lower(email) COLLATE \"binary\" LIKE lower(?)%1"
                             " ORDER BY lower(name), email LIMIT ?")
                  .arg(QLatin1String(kLikeEscape)));
    q.addBindValue(pattern);
    q.addBindValue(pattern);
    q.addBindValue(limit);
    QList<UserInfo> out;
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

QStringList Directory::groupNames() const
{
    QSqlQuery q(db_);
    QStringList out;
    if (q.exec(QStringLiteral("SELECT name FROM groups ORDER BY lower(name), name")))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

} // namespace mdm
