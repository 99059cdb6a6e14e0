#pragma once

#include "domain/domain.h"
#include "services/device_service.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace mdm {

// Deprovision (Wipe): Revoke MDM or Factory reset, each explained, with what the affected devices'
// platforms do; the destructive button enables only once the admin has typed the device name (one
// device) or the number of devices (many).
class DeprovisionDialog : public QDialog
{
    Q_OBJECT

public:
    DeprovisionDialog(const QList<DeviceInfo> &sample, qint64 deviceCount, QWidget *parent = nullptr);

    DeprovisionMode mode() const;
    QString expectedConfirmation() const { return expected_; }
    QLineEdit *confirmationEdit() const { return confirm_; }
    QRadioButton *factoryResetChoice() const { return factoryReset_; }
    QPushButton *destroyButton() const { return destroy_; }

private:
    void update();

    QRadioButton *revoke_;
    QRadioButton *factoryReset_;
    QLabel *platformNote_;
    QLineEdit *confirm_;
    QPushButton *destroy_;
    QString expected_;
    qint64 count_;
    QList<Platform> platforms_;
};

} // namespace mdm
