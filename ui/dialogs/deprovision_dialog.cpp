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

// Every way of writing the number that counts as typing it: plain ("200000"), grouped as the label
// shows it in the UI language's locale ("200.000"), grouped the English way ("200,000"), and with a
// plain space where the locale groups with a space one cannot type (French: U+202F).
QStringList countSpellings(qint64 count)
{
    QStringList out{QString::number(count)};
    for (const QLocale &locale : {QLocale(), QLocale(QLocale::English)}) {
        const QString grouped = locale.toString(count);
        out << grouped;
        if (!locale.groupSeparator().isEmpty())
            out << QString(grouped).replace(locale.groupSeparator(), QStringLiteral(" "));
    }
    out.removeDuplicates();
    return out;
}

} // namespace

DeprovisionDialog::DeprovisionDialog(const QList<DeviceInfo> &sample, qint64 deviceCount, QWidget *parent)
    : QDialog(parent), revoke_(new QRadioButton(tr("&Revoke MDM"), this)),
      factoryReset_(new QRadioButton(tr("&Factory reset device"), this)), platformNote_(new QLabel(this)),
      confirm_(new QLineEdit(this)), count_(deviceCount)
{
    const int n = static_cast<int>(std::min<qint64>(deviceCount, INT_MAX));
    const bool one = deviceCount == 1 && !sample.isEmpty();
    auto *headline =
        new QLabel(one ? tr("Remove <b>%1</b> (%2) from management.")
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

    if (one) {
        expected_ = sample.first().name;
        accepted_ = {expected_};
    } else {
        expected_ = QLocale().toString(deviceCount);
        accepted_ = countSpellings(deviceCount);
    }
    auto *confirmLabel =
        new QLabel(one ? tr("To confirm, type the device name <b>%1</b>:").arg(expected_.toHtmlEscaped())
                       : tr("To confirm, type the number of devices, <b>%1</b>:").arg(expected_),
                   this);
    confirmLabel->setWordWrap(true);
    confirmLabel->setBuddy(confirm_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    destroy_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    destroy_->setStyleSheet(QStringLiteral("QPushButton:enabled { color: white; background: #c62828; }"));
    // The destructive button is the default: Enter acts once the text matches and does nothing before
    // (a disabled default button swallows Enter), instead of Cancel closing the dialog unasked.
    destroy_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (confirmationMatches())
            accept();
    });
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

    // Typing goes to the confirmation first; Tab then visits the choice, the list and the buttons.
    setTabOrder(confirm_, revoke_);
    setTabOrder(revoke_, factoryReset_);
    setTabOrder(factoryReset_, list);
    setTabOrder(list, destroy_);
    setTabOrder(destroy_, buttons->button(QDialogButtonBox::Cancel));
    confirm_->setFocus();

    connect(revoke_, &QRadioButton::toggled, this, &DeprovisionDialog::update);
    connect(confirm_, &QLineEdit::textChanged, this, &DeprovisionDialog::update);
    update();
}

DeprovisionMode DeprovisionDialog::mode() const
{
    return factoryReset_->isChecked() ? DeprovisionMode::FactoryReset : DeprovisionMode::RevokeMdm;
}

QString DeprovisionDialog::platformNoteText() const
{
    return platformNote_->text();
}

bool DeprovisionDialog::confirmationMatches() const
{
    return accepted_.contains(confirm_->text().trimmed());
}

void DeprovisionDialog::update()
{
    const bool wipe = mode() == DeprovisionMode::FactoryReset;
    // The title names what will happen, as the choice says, not "Wipe" while Revoke is chosen.
    setWindowTitle(wipe ? tr("Deprovision: Factory Reset") : tr("Deprovision: Revoke MDM"));
    // iOS and iPadOS share one note: say it once.
    QStringList notes;
    for (Platform p : platforms_)
        notes << PlatformNotes::note(p, mode());
    notes.removeDuplicates();
    platformNote_->setText(notes.join(QLatin1Char('\n')));
    const int n = static_cast<int>(std::min<qint64>(count_, INT_MAX));
    destroy_->setText(wipe ? (n > 1 ? tr("Factory Reset %Ln Devices", nullptr, n) : tr("Factory Reset"))
                           : (n > 1 ? tr("Revoke MDM on %Ln Devices", nullptr, n) : tr("Revoke MDM")));
    // A style sheet button does not grow with its text on its own.
    destroy_->setMinimumWidth(destroy_->fontMetrics().horizontalAdvance(destroy_->text()) + 32);
    destroy_->setEnabled(confirmationMatches());
}

} // namespace mdm
