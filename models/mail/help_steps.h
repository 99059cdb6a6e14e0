#pragma once

#include "domain/domain.h"

#include <QString>

namespace mdm {

// What the bundled help (resources/help/enrollment-steps-<platform>.html) tells the user to do on a
// platform: its "Before you start" and "Steps for the user" sections as HTML, without the links to other
// help pages. One text serves the admin's help browser and the device user's landing page, so the two
// never disagree. language: "de" for the German pages, anything else for English. Empty when the page
// is missing or has no such sections.
QString helpUserSteps(Platform platform, const QString &language);

} // namespace mdm
