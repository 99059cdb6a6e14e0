#pragma once

#include "domain/domain.h"
#include "services/device_service.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace mdm {

// Deprovision: Revoke MDM or Factory reset, each explained, with what the affected devices' platforms
// do. Typing starts in the confirmation field; the destructive button is the default one and enables
// only once the admin has typed the device name (one device) or the number of devices (many), so Enter
// acts exactly when the text matches and never cancels in silence.
class DeprovisionDialog : public QDialog
{
    Q_OBJECT

public:
    DeprovisionDialog(const QList<DeviceInfo> &sample, qint64 deviceCount, QWidget *parent = nullptr);

    DeprovisionMode mode() const;
    // The confirmation as the label shows it (a number in the locale's grouping, e.g. "200,000").
    QString expectedConfirmation() const { return expected_; }
    bool confirmationMatches() const;
    QLineEdit *confirmationEdit() const { return confirm_; }
    QRadioButton *revokeChoice() const { return revoke_; }
    QRadioButton *factoryResetChoice() const { return factoryReset_; }
    QPushButton *destroyButton() const { return destroy_; }
    QString platformNoteText() const;

private:
    void update();

    QRadioButton *revoke_;
    QRadioButton *factoryReset_;
    QLabel *platformNote_;
    QLineEdit *confirm_;
    QPushButton *destroy_;
    QString expected_;
    QStringList accepted_; // every spelling of the confirmation that counts as typed right
    qint64 count_;
    QList<Platform> platforms_;
};

} // namespace mdm
