#pragma once

#include <QObject>
#include <QString>

namespace mdm {

// Where the SMTP password lives: the OS keychain in the console (an adapter in app/). Asynchronous;
// "unavailable" means there is no keychain service here, and the console then asks once per session.
class PasswordVault : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void read(const QString &key) = 0;
    virtual void write(const QString &key, const QString &password) = 0;

signals:
    void readFinished(const QString &key, bool ok, const QString &password, bool unavailable,
                      const QString &error);
};

} // namespace mdm
