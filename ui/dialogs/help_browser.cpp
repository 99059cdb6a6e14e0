#include "dialogs/help_browser.h"

#include "dialogs/help_pages.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace mdm {

HelpBrowser::HelpBrowser(QWidget *parent) : QDialog(parent), browser_(new QTextBrowser(this))
{
    setWindowTitle(tr("Help — MDM Enrollment Console"));
    auto *toolbar = new QToolBar(this);
    QAction *back = toolbar->addAction(tr("Back"), browser_, &QTextBrowser::backward);
    QAction *forward = toolbar->addAction(tr("Forward"), browser_, &QTextBrowser::forward);
    toolbar->addAction(tr("Contents"), this, [this] { showPage(QStringLiteral("index.html")); });
    back->setShortcut(QKeySequence::Back);
    forward->setShortcut(QKeySequence::Forward);
    back->setEnabled(false);
    forward->setEnabled(false);
    connect(browser_, &QTextBrowser::backwardAvailable, back, &QAction::setEnabled);
    connect(browser_, &QTextBrowser::forwardAvailable, forward, &QAction::setEnabled);
    browser_->setOpenExternalLinks(false);
    browser_->setSearchPaths({QStringLiteral(":/help")});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(browser_, 1);
    layout->addWidget(buttons);
    resize(760, 640);
}

void HelpBrowser::showPage(const QString &page)
{
    browser_->setSource(helpPageUrl(page));
    show();
    raise();
    activateWindow();
}

} // namespace mdm
