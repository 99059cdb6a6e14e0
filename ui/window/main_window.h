#pragma once

#include "index/tab_spec.h"

#include <QMainWindow>
#include <array>

class QLabel;
class QTabWidget;

namespace mdm {

class ActionController;
class Clock;
class ConsoleActions;
class DeviceTabView;
class GatewayController;
class HelpBrowser;
class MailController;
class MailTransport;
class PasswordVault;
class Store;
class StoreFollower;

// The console window: menus, toolbar, the three tabs and the status bar. The tabs are one reusable
// view class; what an action does lives with the action controller, not here.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Store &store, Clock &clock, QWidget *parent = nullptr);

    DeviceTabView *tab(TabKind kind) const { return tabs_[static_cast<size_t>(kind)]; }
    DeviceTabView *currentTab() const;
    ConsoleActions &actions() const { return *actions_; }
    ActionController &controller() const { return *controller_; }
    QString statusText() const;
    void showHelpPage(const QString &page);
    // Invitation mail: background delivery and the Mail Server settings. Without it the outbox waits.
    void enableMail(MailTransport &transport, PasswordVault &vault);
    MailController *mail() const { return mail_; }
    GatewayController *gateway() const { return gateway_; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildToolBar();
    void applyAccess();
    void connectActions();
    void updateActionState();
    void updateTabTitles();
    void showStatusMessage(const QString &text);
    void showContextMenu(const QPoint &globalPos);
    void openDemoStore();
    void restoreLayout();
    void saveLayout() const;

    Store &store_;
    Clock &clock_;
    ConsoleActions *actions_;
    QTabWidget *tabWidget_;
    std::array<DeviceTabView *, 3> tabs_{};
    QLabel *selectionLabel_;
    ActionController *controller_ = nullptr;
    MailController *mail_ = nullptr;
    QLabel *mailLabel_;
    QLabel *gatewayLabel_;
    GatewayController *gateway_ = nullptr;
    StoreFollower *follower_; // changes other processes commit, announced like this window's own
    HelpBrowser *help_ = nullptr;
};

} // namespace mdm
