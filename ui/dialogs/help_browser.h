#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;

namespace mdm {

// The bundled help pages (resources/help), with back, forward and contents.
class HelpBrowser : public QDialog
{
    Q_OBJECT

public:
    explicit HelpBrowser(QWidget *parent = nullptr);
    void showPage(const QString &page); // e.g. "faq.html"

private:
    QTextBrowser *browser_;
};

} // namespace mdm
