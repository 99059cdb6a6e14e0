#include "cli_commands.h"
#include "cli_common.h"
#include "pg_keychain.h"
#include "store/postgres_location.h"
#include "store/postgres_password.h"

#include <QFile>
#include <termios.h>
#include <unistd.h>

namespace mdm::cli {

namespace {

// One line from standard input without its line end; on a terminal, asked for with a prompt and not
// echoed. False when the input ended before anything came.
bool readPassword(const QString &prompt, QString *password)
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        err() << prompt;
        err().flush();
    }
    QFile in;
    QByteArray bytes;
    if (in.open(stdin, QIODevice::ReadOnly))
        bytes = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << '\n';
        err().flush();
    }
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    *password = QString::fromUtf8(bytes);
    return !bytes.isEmpty();
}

} // namespace

// store-password: the PostgreSQL store's password from standard input into the OS keychain, once the
// server took it. Never an argument: it would show in process lists and shell history.
int storePassword(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usageError(Text::tr("store-password takes no arguments; it reads the password from standard "
                                   "input."));
    const QString location = parser.value(QStringLiteral("db"));
    if (!isPostgresLocation(location))
        return usageError(Text::tr("store-password is for a PostgreSQL store: --db postgresql://USER@HOST/DB "
                                   "store-password (a store file needs no password)."));
    if (const PostgresLocation loc = parsePostgresLocation(location); !loc.error.isEmpty()) {
        err() << loc.error << '\n';
        return 1;
    }
    const QString key = pgkeychain::keyFor(location);
    QString password;
    if (!readPassword(Text::tr("Password for %1: ").arg(key), &password))
        return usageError(Text::tr("store-password: standard input held no password. Nothing was stored."));

    if (const QString refused = checkPostgresLogin(location, password); !refused.isEmpty()) {
        err() << Text::tr("The PostgreSQL server did not take the login for “%1”: %2. Nothing was stored.")
                     .arg(key, refused.section(QLatin1Char('\n'), 0, 0).trimmed())
              << '\n';
        return 1;
    }
    const pgkeychain::WriteResult written = pgkeychain::write(location, password);
    if (!written.ok) {
        err() << Text::tr("The password was not stored: %1").arg(written.error) << '\n';
        if (written.unavailable)
            err() << Text::tr("Without a keychain, put the password in ~/.pgpass (or the file PGPASSFILE "
                              "names) or set PGPASSWORD.")
                  << '\n';
        return 1;
    }
    out() << Text::tr("Stored the password in the keychain (service “mdm-console”, entry “%1”).").arg(key)
          << '\n';
    return 0;
}

} // namespace mdm::cli
