#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace mdm {
struct MailSettings;
}

namespace mdm::mail {

// The SMTP password in the OS keychain (Secret Service / KWallet on Linux, Keychain on macOS, Credential
// Manager on Windows) through QtKeychain: service "mdm-console", one entry per account, keyed
// "user@host:port". Never falls back to a plain-text file or QSettings.
//
// Asynchronous like QtKeychain itself: read()/write()/remove() return at once and finished() reports the
// result. A headless command that has nothing else to do may use the *Now() helpers, which spin a local
// event loop until the job is done (or timeoutMs passed); never call them from the GUI thread.
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 15000;

    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    enum class Status
    {
        Ok,
        NotFound,    // no entry for the key (also what a locked keyring answers to a read)
        Unavailable, // no usable keychain here (no D-Bus session, no Secret Service or KWallet, no keyring)
        Denied,      // the user or the system refused access
        Failed,      // anything else; see error
        TimedOut,    // the *Now() helpers only: no answer within the time given
    };

    struct Result
    {
        Operation operation = Operation::Read;
        QString key;
        Status status = Status::Failed;
        QString password; // Read with Ok only
        QString error;    // readable, for every status but Ok

        bool ok() const { return status == Status::Ok; }
    };

    explicit PasswordStore(QObject *parent = nullptr);
    explicit PasswordStore(const QString &service, QObject *parent = nullptr);

    QString service() const { return service_; }
    // "user@host:port" of the settings (the account the password belongs to).
    static QString keyFor(const MailSettings &settings);

    void read(const QString &key);
    void write(const QString &key, const QString &password);
    void remove(const QString &key);

    Result readNow(const QString &key, int timeoutMs = kDefaultTimeoutMs);
    Result writeNow(const QString &key, const QString &password, int timeoutMs = kDefaultTimeoutMs);
    Result removeNow(const QString &key, int timeoutMs = kDefaultTimeoutMs);

signals:
    void finished(const mdm::mail::PasswordStore::Result &result);

private:
    void start(QKeychain::Job *job, Operation operation);
    Result runNow(Operation operation, const QString &key, const QString &password, int timeoutMs);
    static Result resultOf(QKeychain::Job *job, Operation operation);

    QString service_;
};

} // namespace mdm::mail

Q_DECLARE_METATYPE(mdm::mail::PasswordStore::Result)
