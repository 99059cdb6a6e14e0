#pragma once

#include "gateway/gateway_launch.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace mdm {

class GatewayController;

// File ▸ Enrollment Gateway…: whether a gateway serves this store, and starting or stopping one run by
// this window (address, public URL, certificate and key, remembered). Non-modal, so the admin can watch
// devices arrive in the tabs while its log scrolls.
class GatewayDialog : public QDialog
{
    Q_OBJECT

public:
    GatewayDialog(GatewayController &controller, QWidget *parent = nullptr);

    GatewayLaunch launch() const;
    QString problemText() const;
    QString statusLabelText() const;
    QLineEdit *listenEdit() const { return listen_; }
    QLineEdit *publicUrlEdit() const { return publicUrl_; }
    QLineEdit *certEdit() const { return cert_; }
    QLineEdit *keyEdit() const { return key_; }
    QPlainTextEdit *logView() const { return log_; }
    QPushButton *startButton() const { return start_; }
    QPushButton *stopButton() const { return stop_; }

private:
    void updateState();
    // Shows text in red under the form; an empty text hides the line rather than leaving a gap.
    void setProblem(const QString &text);
    void chooseFile(QLineEdit *edit, const QString &title, const QString &filter);
    QWidget *fileRow(QLineEdit *edit, const QString &title, const QString &filter, QPushButton **browse);

    GatewayController &controller_;
    QLabel *status_;
    QLineEdit *listen_;
    QLineEdit *publicUrl_;
    QLineEdit *cert_;
    QLineEdit *key_;
    QCheckBox *insecure_;
    QLabel *problem_;
    QPlainTextEdit *log_;
    QPushButton *start_;
    QPushButton *stop_;
    QPushButton *browseCert_ = nullptr;
    QPushButton *browseKey_ = nullptr;
};

} // namespace mdm
