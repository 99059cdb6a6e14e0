#pragma once

#include <QMainWindow>

namespace mdm {

class Clock;
class Store;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Store &store, Clock &clock, QWidget *parent = nullptr);

private:
    Store &store_;
    Clock &clock_;
};

} // namespace mdm
