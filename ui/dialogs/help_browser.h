#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;

namespace mdm {

// The bundled help pages (resources/help, resources/help/<language>), with back, forward and contents.
class HelpBrowser : public QDialog
{
    Q_OBJECT

public:
    explicit HelpBrowser(QWidget *parent = nullptr);
    // e.g. "faq.html": in the UI language when the page is translated, else in English.
    void showPage(const QString &page);

private:
    QTextBrowser *browser_;
};

} // namespace mdm
