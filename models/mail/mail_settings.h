#pragma once

#include <QCoreApplication>
#include <QString>

namespace mdm {

class Store;

// How invitations leave: the organisation's SMTP relay and the enrollment link. Kept in the store so
// the window and the command line (cron) agree. The password is never here: it lives in the OS
// keychain, or comes from MDM_SMTP_PASSWORD / --password-stdin on the command line.
struct MailSettings
{
    enum class Security
    {
        StartTls = 0,
        ImplicitTls = 1,
        None = 2
    };

    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString user;
    QString fromAddress;
    QString fromName;
    QString caFile;
    // The enrollment gateway's public URL (what devices reach), e.g. "https://mdm.example.com"; links
    // are <public URL>/enroll/<token>. Kept under its old name: stores from before the gateway hold the
    // link prefix "…/enroll/" here, which publicUrl() reads as the public URL.
    QString linkBase = QStringLiteral("https://mdm.example.com");
    // Where "Send Test Email" goes; empty: the From address.
    QString testRecipient;

    QString testRecipientOrFrom() const
    {
        return testRecipient.trimmed().isEmpty() ? fromAddress.trimmed() : testRecipient.trimmed();
    }

    // The account the password belongs to, as the keychain names it: "user@host:port".
    QString keychainKey() const;

    bool isConfigured() const { return !host.isEmpty() && !fromAddress.isEmpty(); }
    QString validate() const; // empty when usable
    // The public URL without trailing slashes and without a trailing "/enroll" (an old-style link base).
    QString publicUrl() const { return normalizedPublicUrl(linkBase); }
    // The link a user opens to enroll: <public URL>/enroll/<token>, joined with exactly one "/" whatever
    // the admin typed ("https://mdm.example.com", "…com/", "…com//", "…com/enroll/").
    QString enrollmentLink(const QString &token) const { return enrollmentLinkFor(linkBase, token); }
    static QString normalizedPublicUrl(const QString &typed);
    static QString enrollmentLinkFor(const QString &publicUrl, const QString &token);

    static MailSettings load(Store &store);
    // Saves and records in the audit log which fields changed (the password, kept in the keychain, only
    // as "password" when passwordChanged; never its value). No entry when nothing changed.
    bool save(Store &store, QString *error, bool passwordChanged = false) const;

    static QString securityKey(Security s);
    static bool securityFromKey(const QString &key, Security *s);
};

class MailSettingsText
{
    Q_DECLARE_TR_FUNCTIONS(MailSettings)
};

} // namespace mdm
