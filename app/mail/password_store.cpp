#include "password_store.h"

#include "mail/mail_settings.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace mdm::mail {

namespace {

QKeychain::Job *makeJob(const QString &service, PasswordStore::Operation operation, const QString &key,
                        const QString &password)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case PasswordStore::Operation::Read:
        job = new QKeychain::ReadPasswordJob(service);
        break;
    case PasswordStore::Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(service);
        write->setTextData(password);
        job = write;
        break;
    }
    case PasswordStore::Operation::Remove:
        job = new QKeychain::DeletePasswordJob(service);
        break;
    }
    job->setKey(key);
    job->setAutoDelete(true);        // deletes itself after finished(), also when nobody waits any more
    job->setInsecureFallback(false); // never a plain-text copy in QSettings
    return job;
}

} // namespace

PasswordStore::PasswordStore(QObject *parent) : PasswordStore(QStringLiteral("mdm-console"), parent) {}

PasswordStore::PasswordStore(const QString &service, QObject *parent) : QObject(parent), service_(service) {}

QString PasswordStore::keyFor(const MailSettings &settings)
{
    return settings.keychainKey();
}

void PasswordStore::read(const QString &key)
{
    start(makeJob(service_, Operation::Read, key, {}), Operation::Read);
}

void PasswordStore::write(const QString &key, const QString &password)
{
    start(makeJob(service_, Operation::Write, key, password), Operation::Write);
}

void PasswordStore::remove(const QString &key)
{
    start(makeJob(service_, Operation::Remove, key, {}), Operation::Remove);
}

void PasswordStore::start(QKeychain::Job *job, Operation operation)
{
    // Context `this`: a result that arrives after the store is gone is dropped (the job still deletes
    // itself).
    connect(job, &QKeychain::Job::finished, this,
            [this, operation](QKeychain::Job *done) { emit finished(resultOf(done, operation)); });
    job->start();
}

PasswordStore::Result PasswordStore::readNow(const QString &key, int timeoutMs)
{
    return runNow(Operation::Read, key, {}, timeoutMs);
}

PasswordStore::Result PasswordStore::writeNow(const QString &key, const QString &password, int timeoutMs)
{
    return runNow(Operation::Write, key, password, timeoutMs);
}

PasswordStore::Result PasswordStore::removeNow(const QString &key, int timeoutMs)
{
    return runNow(Operation::Remove, key, {}, timeoutMs);
}

PasswordStore::Result PasswordStore::runNow(Operation operation, const QString &key, const QString &password,
                                            int timeoutMs)
{
    QKeychain::Job *job = makeJob(service_, operation, key, password);
    QEventLoop loop;
    Result result;
    bool done = false;
    connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *finishedJob) {
        result = resultOf(finishedJob, operation);
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!done) {
        // The job goes on and deletes itself when it ends; its result is no longer wanted (the
        // connection dies with the loop).
        result.operation = operation;
        result.key = key;
        result.status = Status::TimedOut;
        result.error = tr("The keychain did not answer within %n second(s) (is it waiting for a password "
                          "prompt?).",
                          nullptr, (timeoutMs + 999) / 1000);
    }
    return result;
}

PasswordStore::Result PasswordStore::resultOf(QKeychain::Job *job, Operation operation)
{
    Result result;
    result.operation = operation;
    result.key = job->key();
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = Status::Ok;
        if (operation == Operation::Read)
            result.password = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        return result;
    case QKeychain::EntryNotFound:
        result.status = Status::NotFound;
        result.error = tr("The keychain holds no password for %1 (or it is locked).").arg(result.key);
        return result;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = Status::Denied;
        result.error = tr("The keychain refused access: %1").arg(detail);
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
        result.status = Status::Failed;
        result.error = tr("The keychain could not delete the password for %1: %2").arg(result.key, detail);
        return result;
    case QKeychain::OtherError:
        // What QtKeychain 0.13 answers on Linux when there is no session bus, nothing on it provides the
        // Secret Service or KWallet (it fails within milliseconds), or the service has no usable keyring
        // (e.g. no "login" collection and no prompt to create one without a display).
        result.status = Status::Unavailable;
        break;
    }
    result.error = tr("The OS keychain is not available (%1).").arg(detail);
    return result;
}

} // namespace mdm::mail
