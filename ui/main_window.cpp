#include "main_window.h"

#include "store.h"

#include <QFileInfo>
#include <QLabel>

namespace mdm {

MainWindow::MainWindow(Store &store, Clock &clock, QWidget *parent) : QMainWindow(parent), store_(store), clock_(clock)
{
    setWindowTitle(tr("MDM Enrollment Console — %1").arg(QFileInfo(store_.path()).fileName()));
    setCentralWidget(new QLabel(tr("Store: %1").arg(store_.path()), this));
    resize(1280, 800);
}

} // namespace mdm
