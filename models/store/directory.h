#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace mdm {

class Store;

struct UserInfo
{
    qint64 id = 0;
    QString name;
    QString email;
};

// Users and groups: looked up by what the admin types, created on first use.
class Directory
{
    Q_DECLARE_TR_FUNCTIONS(Directory)

public:
    // Works on the store's connection, inside the caller's transaction when there is one.
    explicit Directory(const Store &store);

    // The user with this email (case-insensitive); created with name when missing. 0 on error.
    qint64 userFor(const QString &name, const QString &email, QString *error);
    // The group with this name; created when missing. 0 for an empty name (no group); -1 on error.
    qint64 groupFor(const QString &name, QString *error);
    UserInfo user(qint64 id) const;
    // The user with this email, compared case-insensitively as userFor() does; id 0 when there is none.
    UserInfo userByEmail(const QString &email) const;
    QList<UserInfo> searchUsers(const QString &text, int limit = 200) const;
    QStringList groupNames() const;

private:
    // query, prepared with sql on its first use: an invitation list of thousands looks up each user.
    static QSqlQuery &prepared(QSqlQuery &query, const char *sql);

    QSqlDatabase db_;
    QSqlQuery findUser_;
    QSqlQuery addUser_;
    QSqlQuery findGroup_;
    QSqlQuery addGroup_;
};

bool isValidEmail(const QString &email);

} // namespace mdm
