#include "window/main_window.h"

#include "dialogs/help_browser.h"
#include "domain/clock.h"
#include "domain/domain.h"
#include "feed/store_follower.h"
#include "gateway/gateway_controller.h"
#include "index/record_table_model.h"
#include "mail/mail_controller.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "tabs/device_tab_view.h"
#include "window/action_controller.h"
#include "window/action_runner.h"
#include "window/console_actions.h"
#include "window/layout_settings.h"
#include "window/message_box.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace mdm {

MainWindow::MainWindow(Store &store, Clock &clock, QWidget *parent)
    : QMainWindow(parent), store_(store), clock_(clock), actions_(new ConsoleActions(this)),
      tabWidget_(new QTabWidget(this)), selectionLabel_(new QLabel(this)), mailLabel_(new QLabel(this)),
      gatewayLabel_(new QLabel(this)), follower_(new StoreFollower(store, this))
{
    // The title is the store's file name; the platform adds the application's display name after it
    // ("demo.db — MDM Enrollment Console"), so the window does not name the application itself.
    setWindowFilePath(store_.path());
    setWindowIcon(QIcon(QStringLiteral(":/icons/mdm-console.svg")));
    tabWidget_->setDocumentMode(true);
    connect(follower_, &StoreFollower::busy, this, [this] {
        showStatusMessage(tr("Another program is writing to the store; changes show when it is done."));
    });
    connect(follower_, &StoreFollower::failed, this, [this](const QString &why) {
        showStatusMessage(
            tr("Changes made by other programs no longer show (press F5 to reload): %1").arg(why));
    });
    // Before the tabs load: whatever another process commits while they read is announced afterwards.
    follower_->start();
    for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
        auto *view = new DeviceTabView(store_, clock_, kind, tabWidget_);
        tabs_[static_cast<size_t>(kind)] = view;
        tabWidget_->addTab(view, TabText::tabTitle(kind));
        connect(view, &DeviceTabView::selectionChanged, this, &MainWindow::updateActionState);
        connect(view, &DeviceTabView::countsChanged, this, [this] {
            updateTabTitles();
            updateActionState();
        });
        connect(view, &DeviceTabView::contextMenuRequested, this, &MainWindow::showContextMenu);
        connect(view, &DeviceTabView::detailsRequested, actions_->details, &QAction::trigger);
        connect(view, &DeviceTabView::suggestionChosen, this, [this](DeviceTabView::Suggestion s) {
            if (s == DeviceTabView::Suggestion::SendInvite)
                actions_->sendInvite->trigger();
            else if (s == DeviceTabView::Suggestion::ImportStaged)
                actions_->importStaged->trigger();
            else if (s == DeviceTabView::Suggestion::OpenDemo)
                actions_->openDemo->trigger();
            else if (s == DeviceTabView::Suggestion::Reload)
                actions_->refresh->trigger();
        });
        connect(view, &DeviceTabView::message, this, &MainWindow::showStatusMessage);
    }
    setCentralWidget(tabWidget_);
    statusBar()->addWidget(selectionLabel_, 1);
    statusBar()->addPermanentWidget(mailLabel_);
    mailLabel_->hide();
    gateway_ = new GatewayController(store_, clock_, this);
    statusBar()->addPermanentWidget(gatewayLabel_);
    gatewayLabel_->setText(gateway_->statusText());
    connect(gateway_, &GatewayController::statusChanged, this,
            [this] { gatewayLabel_->setText(gateway_->statusText()); });
    connect(gateway_, &GatewayController::message, this, &MainWindow::showStatusMessage);
    connect(tabWidget_, &QTabWidget::currentChanged, this, &MainWindow::updateActionState);

    buildMenus();
    buildToolBar();
    connectActions();
    applyAccess();
    controller_ = new ActionController(
        store_, clock_, *actions_, [this] { return currentTab(); }, this);
    connect(controller_, &ActionController::message, this, &MainWindow::showStatusMessage);
    connect(controller_, &ActionController::revealRequested, this, [this](RecordKind kind, qint64 id) {
        // Invitations live on Enrollment Pending; a device on the device tab in front, else Managed.
        DeviceTabView *view = kind == RecordKind::Invitation ? tab(TabKind::Pending)
                              : currentTab() && currentTab()->kind() != TabKind::Pending
                                  ? currentTab()
                                  : tab(TabKind::Managed);
        tabWidget_->setCurrentWidget(view);
        view->reveal(id);
    });
    connect(&controller_->runner(), &ActionRunner::busyChanged, this, &MainWindow::updateActionState);
    connect(&controller_->runner(), &ActionRunner::storeBusy, this, [this] {
        showStatusMessage(
            tr("Another program is writing to the store; the action waits for it and tries again."));
    });
    restoreLayout();
    updateTabTitles();
    updateActionState();
}

DeviceTabView *MainWindow::currentTab() const
{
    return qobject_cast<DeviceTabView *>(tabWidget_->currentWidget());
}

void MainWindow::buildMenus()
{
    ConsoleActions &a = *actions_;
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a.sendInvite, a.importInvites});
    file->addSeparator();
    file->addActions({a.importStaged, a.exportList});
    file->addSeparator();
    file->addActions({a.mailSettings, a.gateway, a.openDemo});
    file->addSeparator();
    file->addAction(a.quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({a.copy, a.selectAll});
    edit->addSeparator();
    edit->addActions({a.find, a.clearFilters});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({a.details, a.toggleDetailsPane});
    view->addSeparator();
    view->addActions({a.auditLog, a.refresh});

    QMenu *actionsMenu = menuBar()->addMenu(tr("&Actions"));
    actionsMenu->addAction(a.sendInvite);
    actionsMenu->addSection(TabText::tabTitle(TabKind::Managed));
    actionsMenu->addActions(a.tabActions(TabKind::Managed));
    actionsMenu->addSection(TabText::tabTitle(TabKind::Pending));
    actionsMenu->addActions({a.resend, a.resendExpired, a.removeRequest, a.enrollmentSteps});
    actionsMenu->addSection(TabText::tabTitle(TabKind::Staged));
    actionsMenu->addActions({a.assignStaged, a.removeStaged});

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({a.helpContents, a.howTo, a.troubleshooting, a.faq});
    QMenu *steps =
        help->addMenu(QIcon(QStringLiteral(":/icons/enrollment-steps.svg")), tr("&Enrollment Steps"));
    steps->addActions(a.enrollmentStepsPages);
    help->addSeparator();
    help->addAction(a.about);
}

void MainWindow::applyAccess()
{
    // A viewer (PostgreSQL role mdm_viewer) browses, searches and exports; the write actions stay off
    // with the reason in their tooltips (also in the menus) and the status bar says so all along.
    const bool viewer = store_.access() == Store::Access::Viewer;
    actions_->setReadOnly(viewer);
    if (!viewer)
        return;
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        menu->setToolTipsVisible(true);
    auto *label = new QLabel(tr("read-only (viewer)"), this);
    label->setObjectName(QStringLiteral("accessLabel"));
    label->setToolTip(ConsoleActions::readOnlyReason());
    statusBar()->addPermanentWidget(label);
}

void MainWindow::buildToolBar()
{
    ConsoleActions &a = *actions_;
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    for (QAction *action : a.toolBarActions()) {
        if (action)
            bar->addAction(action);
        else
            bar->addSeparator();
    }
}

void MainWindow::connectActions()
{
    ConsoleActions &a = *actions_;
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.find, &QAction::triggered, this, [this] { currentTab()->focusSearch(); });
    connect(a.selectAll, &QAction::triggered, this, [this] { currentTab()->selectAllShown(); });
    connect(a.clearFilters, &QAction::triggered, this, [this] { currentTab()->clearFilters(); });
    connect(a.copy, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(currentTab()->selectionAsText()); });
    connect(a.details, &QAction::triggered, this, [this] {
        if (!actions_->toggleDetailsPane->isChecked())
            actions_->toggleDetailsPane->setChecked(true);
    });
    connect(a.toggleDetailsPane, &QAction::toggled, this, [this](bool on) {
        for (DeviceTabView *view : tabs_)
            view->setDetailsVisible(on);
    });
    connect(a.refresh, &QAction::triggered, this, [this] {
        store_.announce(RecordKind::Device, {});
        store_.announce(RecordKind::Invitation, {});
    });
    connect(a.openDemo, &QAction::triggered, this, &MainWindow::openDemoStore);
    connect(a.gateway, &QAction::triggered, this, [this] { gateway_->openDialog(); });
    connect(a.helpContents, &QAction::triggered, this,
            [this] { showHelpPage(QStringLiteral("index.html")); });
    connect(a.troubleshooting, &QAction::triggered, this,
            [this] { showHelpPage(QStringLiteral("troubleshooting.html")); });
    connect(a.howTo, &QAction::triggered, this, [this] { showHelpPage(QStringLiteral("howto.html")); });
    connect(a.faq, &QAction::triggered, this, [this] { showHelpPage(QStringLiteral("faq.html")); });
    for (QAction *page : a.enrollmentStepsPages)
        connect(page, &QAction::triggered, this, [this, page] {
            showHelpPage(QStringLiteral("enrollment-steps-%1.html")
                             .arg(platformKey(static_cast<Platform>(page->data().toInt()))));
        });
    connect(a.about, &QAction::triggered, this, [this] {
        MessageBox::about(
            this, tr("About MDM Enrollment Console"),
            tr("<h3>MDM Enrollment Console %1</h3><p>Manage device enrollment: managed devices, "
               "staged devices and pending enrollment invitations.</p><p>Store: %2</p>")
                .arg(QApplication::applicationVersion(), store_.path().toHtmlEscaped()));
    });
}

void MainWindow::enableMail(MailTransport &transport, PasswordVault &vault)
{
    mail_ = new MailController(store_, clock_, transport, vault, this);
    connect(actions_->mailSettings, &QAction::triggered, mail_, &MailController::openSettings);
    connect(mail_, &MailController::statusChanged, this,
            [this] { mailLabel_->setText(mail_->statusText()); });
    mailLabel_->show();
    mail_->start();
}

void MainWindow::showHelpPage(const QString &page)
{
    if (!help_)
        help_ = new HelpBrowser(this);
    help_->showPage(page);
}

void MainWindow::updateTabTitles()
{
    for (int i = 0; i < tabWidget_->count(); ++i) {
        const DeviceTabView *view = tabs_[static_cast<size_t>(i)];
        const QString count = view->model().isLoading() && view->totalCount() == 0
                                  ? QStringLiteral("…")
                                  : QLocale().toString(view->totalCount());
        tabWidget_->setTabText(i, QStringLiteral("%1 (%2)").arg(TabText::tabTitle(view->kind()), count));
    }
}

void MainWindow::showStatusMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

QString MainWindow::statusText() const
{
    return selectionLabel_->text();
}

void MainWindow::updateActionState()
{
    DeviceTabView *view = currentTab();
    if (!view)
        return;
    const qint64 selected = view->selectedCount();
    actions_->update(view->kind(), selected, view->shownCount(),
                     controller_ && controller_->runner().isBusy());
    QLocale locale;
    QString text = tr("%1 selected of %2 shown (%3 total)")
                       .arg(locale.toString(selected), locale.toString(view->shownCount()),
                            locale.toString(view->totalCount()));
    if (view->model().isLoading())
        text += tr(" · loading…");
    selectionLabel_->setText(text);
}

void MainWindow::showContextMenu(const QPoint &globalPos)
{
    DeviceTabView *view = currentTab();
    updateActionState();
    QMenu menu(this);
    for (QAction *action : actions_->contextActions(view->kind())) {
        if (action)
            menu.addAction(action);
        else
            menu.addSeparator();
    }
    menu.exec(globalPos);
}

void MainWindow::openDemoStore()
{
    const QString path = demoStorePath();
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(store_.path()).absoluteFilePath()) {
        MessageBox::information(this, tr("Demo store"), tr("This window already shows the demo store."));
        return;
    }
    if (const QString error = prepareDemoStore(path, clock_); !error.isEmpty()) {
        MessageBox::warning(this, tr("Demo store"), error);
        return;
    }
    // The demo opens in a window of its own, so the admin's store stays where it is.
    if (!QProcess::startDetached(QApplication::applicationFilePath(), {QStringLiteral("--db"), path}))
        MessageBox::warning(this, tr("Demo store"), tr("Could not start a second console window."));
}

void MainWindow::restoreLayout()
{
    restoreGeometry(UiSettings::windowGeometry().get());
    if (!UiSettings::windowGeometry().isSet())
        resize(1360, 820);
    restoreState(UiSettings::windowState().get());
    for (DeviceTabView *view : tabs_)
        view->restoreState();
    actions_->toggleDetailsPane->setChecked(UiSettings::detailsPaneShown().get());
    for (DeviceTabView *view : tabs_)
        view->setDetailsVisible(actions_->toggleDetailsPane->isChecked());
    tabWidget_->setCurrentIndex(UiSettings::currentTab().get());
}

void MainWindow::saveLayout() const
{
    UiSettings::windowGeometry().set(saveGeometry());
    UiSettings::windowState().set(saveState());
    UiSettings::detailsPaneShown().set(actions_->toggleDetailsPane->isChecked());
    UiSettings::currentTab().set(tabWidget_->currentIndex());
    for (const DeviceTabView *view : tabs_)
        view->saveState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!gateway_->confirmClose()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

} // namespace mdm
