#pragma once

#include "test_support.h"

#include <QString>
#include <QWidget>
#include <functional>

namespace mdm::test {

// Forgets the window layout earlier tests remembered, so each test starts as a first run.
void forgetSettings();

// Saves a picture of the widget to $MDM_SCREENSHOT_DIR (default: screenshots/ in the build folder).
QString saveScreenshot(QWidget *widget, const QString &name);

} // namespace mdm::test
