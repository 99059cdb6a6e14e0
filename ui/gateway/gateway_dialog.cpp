#include "gateway/gateway_dialog.h"

#include "gateway/gateway_controller.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdm {

GatewayDialog::GatewayDialog(GatewayController &controller, QWidget *parent)
    : QDialog(parent), controller_(controller), status_(new QLabel(this)), listen_(new QLineEdit(this)),
      publicUrl_(new QLineEdit(this)), cert_(new QLineEdit(this)), key_(new QLineEdit(this)),
      insecure_(new QCheckBox(tr("Plain &HTTP without TLS (a trial on this machine only)"), this)),
      problem_(new QLabel(this)), log_(new QPlainTextEdit(this)), start_(new QPushButton(tr("&Start"), this)),
      stop_(new QPushButton(tr("S&top"), this))
{
    setWindowTitle(tr("Enrollment Gateway"));
    const GatewayLaunch remembered = GatewayLaunch::remembered();
    listen_->setText(remembered.listen);
    publicUrl_->setText(remembered.publicUrl);
    cert_->setText(remembered.certFile);
    key_->setText(remembered.keyFile);
    insecure_->setChecked(remembered.insecureHttp);

    auto *intro = new QLabel(tr("Devices open their invitation link, enroll and check in through the "
                                "enrollment gateway. On a server, run <code>mdm-console serve</code> there; "
                                "for a one-machine setup this window can run it."),
                             this);
    intro->setWordWrap(true);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    listen_->setPlaceholderText(tr("e.g. 0.0.0.0:443"));
    publicUrl_->setPlaceholderText(tr("Empty: the mail settings' link base"));
    cert_->setPlaceholderText(tr("PEM file, e.g. /etc/ssl/mdm.pem"));
    key_->setPlaceholderText(tr("PEM file of its private key"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b3261e"));
    problem_->setAccessibleName(tr("Problem"));
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(GatewayController::kLogLines);
    log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    log_->setAccessibleName(tr("Gateway log"));
    log_->setPlaceholderText(tr("The log of a gateway started here shows here: one line per request."));
    log_->setMinimumHeight(140);
    for (const QString &line : controller_.log())
        log_->appendPlainText(line);

    auto *form = new QFormLayout;
    form->addRow(tr("Status:"), status_);
    form->addRow(tr("&Listen on:"), listen_);
    form->addRow(tr("&Public URL:"), publicUrl_);
    form->addRow(tr("&Certificate:"),
                 fileRow(cert_, tr("Gateway certificate"), tr("PEM files (*.pem *.crt)"), &browseCert_));
    form->addRow(tr("Private &key:"),
                 fileRow(key_, tr("Private key"), tr("PEM files (*.pem *.key)"), &browseKey_));
    form->addRow(QString(), insecure_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(start_, QDialogButtonBox::ActionRole);
    buttons->addButton(stop_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(start_, &QPushButton::clicked, this, [this] {
        QString error;
        if (!controller_.start(launch(), &error))
            setProblem(error);
        updateState();
    });
    connect(stop_, &QPushButton::clicked, &controller_, &GatewayController::stop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(problem_);
    auto *logLabel = new QLabel(tr("&Log of the gateway run by this window:"), this);
    logLabel->setBuddy(log_);
    layout->addWidget(logLabel);
    layout->addWidget(log_, 1);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {listen_, publicUrl_, cert_, key_})
        connect(edit, &QLineEdit::textEdited, this, [this] { setProblem({}); });
    connect(insecure_, &QCheckBox::toggled, this, [this] {
        setProblem({});
        updateState();
    });
    connect(&controller_, &GatewayController::statusChanged, this, &GatewayDialog::updateState);
    connect(&controller_, &GatewayController::logLine, log_, &QPlainTextEdit::appendPlainText);
    connect(&controller_, &GatewayController::message, this, &GatewayDialog::setProblem);
    setProblem({});
    resize(sizeHint().expandedTo(QSize(620, 460)));
    updateState();
}

QWidget *GatewayDialog::fileRow(QLineEdit *edit, const QString &title, const QString &filter,
                                QPushButton **browseButton)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Browse…"), row);
    browse->setAccessibleName(tr("Browse for %1").arg(title));
    connect(browse, &QPushButton::clicked, this, [=, this] { chooseFile(edit, title, filter); });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    *browseButton = browse;
    return row;
}

void GatewayDialog::chooseFile(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, title, start, filter);
    if (!file.isEmpty()) {
        edit->setText(file);
        setProblem({});
    }
}

GatewayLaunch GatewayDialog::launch() const
{
    GatewayLaunch l;
    l.listen = listen_->text();
    l.publicUrl = publicUrl_->text();
    l.certFile = cert_->text();
    l.keyFile = key_->text();
    l.insecureHttp = insecure_->isChecked();
    return l;
}

void GatewayDialog::setProblem(const QString &text)
{
    problem_->setText(text);
    problem_->setVisible(!text.isEmpty());
}

QString GatewayDialog::problemText() const
{
    return problem_->text();
}

QString GatewayDialog::statusLabelText() const
{
    return status_->text();
}

void GatewayDialog::updateState()
{
    const bool here = controller_.runsHere();
    QString text = controller_.status().summary(controller_.statusTimeMs());
    if (here)
        text = tr("%1 (run by this window)").arg(text);
    const GatewayStatus status = controller_.status();
    const qint64 now = controller_.statusTimeMs();
    if (status.serving(now))
        text += QLatin1Char('\n') + tr("Last request: %1 · started: %2")
                                        .arg(status.lastRequestAt > 0
                                                 ? GatewayStatus::ago(status.lastRequestAt, now)
                                                 : tr("none yet"),
                                             GatewayStatus::ago(status.startedAt, now));
    status_->setText(text);
    start_->setEnabled(!here);
    stop_->setEnabled(here);
    for (QWidget *w : std::initializer_list<QWidget *>{listen_, publicUrl_, cert_, key_, insecure_})
        w->setEnabled(!here);
    // The certificate's Browse… buttons go with their fields: nothing to choose while it runs.
    for (QWidget *w : std::initializer_list<QWidget *>{cert_, key_, browseCert_, browseKey_})
        w->setEnabled(!here && !insecure_->isChecked());
}

} // namespace mdm
