#include "dialogs/deprovision_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mdm {

namespace {

class PlatformNotes
{
    Q_DECLARE_TR_FUNCTIONS(mdm::DeprovisionDialog)

public:
    static QString note(Platform p, DeprovisionMode mode)
    {
        const bool wipe = mode == DeprovisionMode::FactoryReset;
        switch (p) {
        case Platform::Android:
            return wipe ? tr("Android: the device is reset to factory settings; Factory Reset Protection may "
                             "ask for "
                             "the last Google account.")
                        : tr("Android: the work profile (or the fully managed setup) and its apps and data "
                             "are "
                             "removed.");
        case Platform::iOS:
        case Platform::iPadOS:
            return wipe ? tr("iOS/iPadOS: the device is erased; Activation Lock may need the Apple ID or a "
                             "bypass "
                             "code.")
                        : tr("iOS/iPadOS: the management profile, managed apps and their data are removed.");
        case Platform::macOS:
            return wipe ? tr("macOS: the Mac is erased; on Apple silicon it restarts into Recovery.")
                        : tr("macOS: the management profile and the settings it installed are removed.");
        case Platform::Windows:
            return wipe ? tr("Windows: the PC is reset and the user's files are removed.")
                        : tr("Windows: the device leaves management; corporate policies and apps are "
                             "removed.");
        case Platform::Other:
            break;
        }
        return wipe ? tr("Other devices: the reset depends on the device's own management agent.")
                    : tr("Other devices: the management agent is told to unenroll.");
    }
};

} // namespace

DeprovisionDialog::DeprovisionDialog(const QList<DeviceInfo> &sample, qint64 deviceCount, QWidget *parent)
    : QDialog(parent), revoke_(new QRadioButton(tr("&Revoke MDM"), this)),
      factoryReset_(new QRadioButton(tr("&Factory reset device"), this)), platformNote_(new QLabel(this)),
      confirm_(new QLineEdit(this)), count_(deviceCount)
{
    const int n = static_cast<int>(std::min<qint64>(deviceCount, INT_MAX));
    setWindowTitle(tr("Deprovision (Wipe)"));
    auto *headline =
        new QLabel(deviceCount == 1 && !sample.isEmpty()
                       ? tr("Remove <b>%1</b> (%2) from management.")
                             .arg(sample.first().name.toHtmlEscaped(), sample.first().email.toHtmlEscaped())
                       : tr("Remove <b>%Ln device(s)</b> from management.", nullptr, n),
                   this);
    headline->setWordWrap(true);

    auto *revokeText =
        new QLabel(tr("Removes the management profile and erases corporate data and configurations. "
                      "The device keeps its current state, including personal data."),
                   this);
    auto *resetText =
        new QLabel(tr("Erases everything — data, apps and settings, including those from MDM — and "
                      "returns the device to its original state. For devices being retired or "
                      "repurposed."),
                   this);
    for (QLabel *text : {revokeText, resetText}) {
        text->setWordWrap(true);
        text->setIndent(24);
    }
    revoke_->setChecked(true);

    auto *list = new QListWidget(this);
    for (const DeviceInfo &device : sample)
        list->addItem(QStringLiteral("%1 — %2").arg(device.name,
                                                    device.email.isEmpty() ? device.userName : device.email));
    if (deviceCount > sample.size())
        list->addItem(tr("… and %1 more").arg(QLocale().toString(deviceCount - sample.size())));
    list->setMaximumHeight(120);
    list->setVisible(deviceCount > 1);
    for (const DeviceInfo &device : sample)
        if (!platforms_.contains(device.platform))
            platforms_ << device.platform;

    platformNote_->setWordWrap(true);
    platformNote_->setStyleSheet(QStringLiteral("color: gray"));

    expected_ = deviceCount == 1 && !sample.isEmpty() ? sample.first().name : QString::number(deviceCount);
    auto *confirmLabel = new QLabel(
        deviceCount == 1 ? tr("To confirm, type the device name <b>%1</b>:").arg(expected_.toHtmlEscaped())
                         : tr("To confirm, type the number of devices, <b>%1</b>:").arg(expected_),
        this);
    confirmLabel->setWordWrap(true);
    confirmLabel->setBuddy(confirm_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    destroy_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    destroy_->setStyleSheet(QStringLiteral("QPushButton:enabled { color: white; background: #c62828; }"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addWidget(list);
    layout->addSpacing(6);
    layout->addWidget(revoke_);
    layout->addWidget(revokeText);
    layout->addWidget(factoryReset_);
    layout->addWidget(resetText);
    layout->addWidget(platformNote_);
    layout->addSpacing(6);
    layout->addWidget(confirmLabel);
    layout->addWidget(confirm_);
    layout->addWidget(buttons);
    setMinimumWidth(540);

    connect(revoke_, &QRadioButton::toggled, this, &DeprovisionDialog::update);
    connect(confirm_, &QLineEdit::textChanged, this, &DeprovisionDialog::update);
    update();
}

DeprovisionMode DeprovisionDialog::mode() const
{
    return factoryReset_->isChecked() ? DeprovisionMode::FactoryReset : DeprovisionMode::RevokeMdm;
}

void DeprovisionDialog::update()
{
    QStringList notes;
    for (Platform p : platforms_)
        notes << PlatformNotes::note(p, mode());
    platformNote_->setText(notes.join(QLatin1Char('\n')));
    const int n = static_cast<int>(std::min<qint64>(count_, INT_MAX));
    destroy_->setText(mode() == DeprovisionMode::FactoryReset
                          ? (n > 1 ? tr("Factory Reset %Ln Devices", nullptr, n) : tr("Factory Reset"))
                          : (n > 1 ? tr("Revoke MDM on %Ln Devices", nullptr, n) : tr("Revoke MDM")));
    // A style sheet button does not grow with its text on its own.
    destroy_->setMinimumWidth(destroy_->fontMetrics().horizontalAdvance(destroy_->text()) + 32);
    destroy_->setEnabled(confirm_->text().trimmed() == expected_);
}

} // namespace mdm
