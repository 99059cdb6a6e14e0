#pragma once

#include <QStringList>

namespace mdm::cli {

// Each headless subcommand: parses its own options from the full argument list and returns the
// process exit code (0 success, 1 failure, 2 usage error).
int demo(const QStringList &arguments);
int invite(const QStringList &arguments);
int resend(const QStringList &arguments);
int removeRequest(const QStringList &arguments);
int reassign(const QStringList &arguments);
int deprovision(const QStringList &arguments);
int list(const QStringList &arguments);
int audit(const QStringList &arguments);
int check(const QStringList &arguments);
int exportList(const QStringList &arguments);    // cli_csv.cpp
int importStaged(const QStringList &arguments);  // cli_csv.cpp
int deliver(const QStringList &arguments);       // cli_mail.cpp
int mailSettings(const QStringList &arguments);  // cli_mail.cpp
int serve(const QStringList &arguments);         // cli_serve.cpp
int grant(const QStringList &arguments);         // cli_roles.cpp
int revoke(const QStringList &arguments);        // cli_roles.cpp
int importStore(const QStringList &arguments);   // cli_store.cpp
int storePassword(const QStringList &arguments); // cli_store_password.cpp

} // namespace mdm::cli
