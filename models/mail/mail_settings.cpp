#include "mail/mail_settings.h"

#include "store/audit_log.h"
#include "store/directory.h"
#include "store/store.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

namespace mdm {

QString MailSettings::securityKey(Security s)
{
    switch (s) {
    case Security::StartTls:
        return QStringLiteral("starttls");
    case Security::ImplicitTls:
        return QStringLiteral("tls");
    case Security::None:
        break;
    }
    return QStringLiteral("none");
}

bool MailSettings::securityFromKey(const QString &key, Security *s)
{
    if (key == QLatin1String("starttls"))
        *s = Security::StartTls;
    else if (key == QLatin1String("tls"))
        *s = Security::ImplicitTls;
    else if (key == QLatin1String("none"))
        *s = Security::None;
    else
        return false;
    return true;
}

QString MailSettings::keychainKey() const
{
    return QStringLiteral("%1@%2:%3").arg(user, host.trimmed()).arg(port);
}

QString MailSettings::validate() const
{
    if (host.trimmed().isEmpty())
        return MailSettingsText::tr("The mail server's host name is empty.");
    if (port < 1 || port > 65535)
        return MailSettingsText::tr("The port must be between 1 and 65535.");
    if (!isValidEmail(fromAddress.trimmed()))
        return MailSettingsText::tr("“%1” is not an email address for the sender.").arg(fromAddress);
    if (!testRecipient.trimmed().isEmpty() && !isValidEmail(testRecipient.trimmed()))
        return MailSettingsText::tr("“%1” is not an email address for the test email.").arg(testRecipient);
    const QUrl link(publicUrl(), QUrl::StrictMode);
    if (!link.isValid() || link.host().isEmpty() ||
        (link.scheme() != QLatin1String("https") && link.scheme() != QLatin1String("http")))
        return MailSettingsText::tr("The gateway's public URL must start with https:// (or http://) and name "
                                    "a host.");
    // Links are <public URL>/enroll/<token>: a query or fragment would end up in front of the path.
    if (link.hasQuery() || link.hasFragment())
        return MailSettingsText::tr("The gateway's public URL must not contain “?” or “#”.");
    return {};
}

QString MailSettings::normalizedPublicUrl(const QString &typed)
{
    const auto chopSlashes = [](QString &url) {
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
    };
    QString url = typed.trimmed();
    chopSlashes(url);
    // Before the gateway the setting was the link's prefix ("https://mdm.example.com/enroll/"): read
    // as the public URL it would give "/enroll/enroll/" links that nothing answers.
    const QLatin1String legacySuffix("/enroll");
    if (url.endsWith(legacySuffix, Qt::CaseInsensitive)) {
        url.chop(legacySuffix.size());
        chopSlashes(url);
    }
    return url;
}

QString MailSettings::enrollmentLinkFor(const QString &publicUrl, const QString &token)
{
    return normalizedPublicUrl(publicUrl) + QStringLiteral("/enroll/") + token;
}

MailSettings MailSettings::load(Store &store)
{
    MailSettings s;
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, 5) = 'mail.'")))
        return s;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == QLatin1String("mail.host"))
            s.host = value;
        else if (key == QLatin1String("mail.port"))
            s.port = value.toInt();
        else if (key == QLatin1String("mail.security"))
            securityFromKey(value, &s.security);
        else if (key == QLatin1String("mail.user"))
            s.user = value;
        else if (key == QLatin1String("mail.from"))
            s.fromAddress = value;
        else if (key == QLatin1String("mail.from_name"))
            s.fromName = value;
        else if (key == QLatin1String("mail.ca_file"))
            s.caFile = value;
        else if (key == QLatin1String("mail.link_base"))
            s.linkBase = value;
        else if (key == QLatin1String("mail.test_to"))
            s.testRecipient = value;
    }
    return s;
}

bool MailSettings::save(Store &store, QString *error, bool passwordChanged) const
{
    if (const QString problem = validate(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const std::pair<const char *, QString> values[] = {
        {"mail.host", host.trimmed()},
        {"mail.port", QString::number(port)},
        {"mail.security", securityKey(security)},
        {"mail.user", user},
        {"mail.from", fromAddress.trimmed()},
        {"mail.from_name", fromName},
        {"mail.ca_file", caFile},
        {"mail.link_base", linkBase.trimmed()},
        // Only a recipient other than From is remembered, so the test keeps following a changed From.
        {"mail.test_to",
         testRecipientOrFrom() == fromAddress.trimmed() ? QString() : testRecipient.trimmed()},
    };
    return store.transaction(
        [&](QString *err) {
            QSqlQuery q(store.database());
            QHash<QString, QString> before;
            if (!q.exec(
                    QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, 5) = 'mail.'"))) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            while (q.next())
                before.insert(q.value(0).toString(), q.value(1).toString());
            // Which fields changed and their new values: the audit log answers "who pointed the mail
            // at another server?".
            QJsonArray changed;
            QJsonObject details;
            for (const auto &[key, value] : values) {
                const QString name = QString::fromLatin1(key);
                const QString now = value.isNull() ? QStringLiteral("") : value;
                if (before.value(name) == now && (before.contains(name) || now.isEmpty()))
                    continue;
                const QString field = name.mid(5); // without "mail."
                changed.append(field);
                details.insert(field, now);
            }
            if (passwordChanged)
                changed.append(QStringLiteral("password"));
            q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
            for (const auto &[key, value] : values) {
                q.addBindValue(QString::fromLatin1(key));
                q.addBindValue(value.isNull() ? QStringLiteral("") : value);
                if (!q.exec()) {
                    *err = sqlErrorText(q.lastError());
                    return false;
                }
            }
            if (changed.isEmpty())
                return true;
            details.insert(QStringLiteral("changed"), changed);
            return AuditLog::append(store.database(),
                                    {QDateTime::currentMSecsSinceEpoch(),
                                     AuditLog::currentActor(),
                                     QStringLiteral("mail.settings"),
                                     std::nullopt,
                                     {},
                                     AuditLog::details(details)},
                                    err);
        },
        error);
}

} // namespace mdm
