// deliver and mail-settings: the outbox sent without a window (for cron) and the SMTP relay's settings.
#include "cli_commands.h"
#include "cli_common.h"
#include "domain/clock.h"
#include "mail/mail_settings.h"
#include "mail/outbox.h"
#include "mail/outbox_dispatcher.h"
#include "password_store.h"
#include "smtp_mail_transport.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTimer>
#include <cstdio>

namespace mdm::cli {

namespace {

constexpr int kDefaultWaitSeconds = 300;
// After --wait ran out and delivery was cancelled: how long the cancelled batch may take to report back.
constexpr int kCancelGraceMs = 10000;
const char kPasswordVariable[] = "MDM_SMTP_PASSWORD";

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int *code)
{
    if (!parser.parse(arguments)) {
        *code = usageError(parser.errorText());
        return false;
    }
    if (parser.positionalArguments().size() > 1) {
        *code = usageError(Text::tr("unexpected argument “%1”.").arg(parser.positionalArguments().at(1)));
        return false;
    }
    return true;
}

// One line from standard input, without its line end; false when the input ended before anything came.
bool readLineFromStdin(QString *line)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return false;
    QByteArray bytes = in.readLine();
    if (bytes.isEmpty())
        return false;
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    *line = QString::fromUtf8(bytes);
    return true;
}

QString keychainHint()
{
    return Text::tr("For cron, set %1 in the job's environment (or pipe the password to deliver "
                    "--password-stdin); the password is never written to the store.")
        .arg(QString::fromLatin1(kPasswordVariable));
}

// The SMTP password for deliver: MDM_SMTP_PASSWORD, else --password-stdin, else the keychain; nothing
// when the settings name no user (no AUTH). False with a message when it cannot be had.
bool smtpPassword(const MailSettings &settings, bool fromStdin, QString *password, QString *problem)
{
    if (qEnvironmentVariableIsSet(kPasswordVariable)) {
        if (fromStdin)
            err() << Text::tr("warning: %1 is set; standard input is not read.")
                         .arg(QString::fromLatin1(kPasswordVariable))
                  << '\n';
        *password = qEnvironmentVariable(kPasswordVariable);
        return true;
    }
    if (fromStdin) {
        if (!readLineFromStdin(password) || password->isEmpty()) {
            *problem = Text::tr("--password-stdin: standard input held no password.");
            return false;
        }
        return true;
    }
    if (settings.user.isEmpty())
        return true;
    mail::PasswordStore keychain;
    const QString key = mail::PasswordStore::keyFor(settings);
    const mail::PasswordStore::Result result = keychain.readNow(key);
    if (result.ok()) {
        *password = result.password;
        return true;
    }
    *problem = Text::tr("No password for %1: %2").arg(key, result.error) + QLatin1Char('\n') + keychainHint();
    return false;
}

QString describeFrom(const MailSettings &settings)
{
    return settings.fromName.isEmpty()
               ? settings.fromAddress
               : QStringLiteral("%1 <%2>").arg(settings.fromName, settings.fromAddress);
}

void printSettings(const MailSettings &settings)
{
    if (!settings.isConfigured()) {
        out() << Text::tr("No mail server is set up. Set one with:") << '\n'
              << "  mdm-console mail-settings --host H --port P --security starttls|tls|none --from ADDR\n";
        return;
    }
    const std::pair<const char *, QString> rows[] = {
        {"host", settings.host},
        {"port", QString::number(settings.port)},
        {"security", MailSettings::securityKey(settings.security)},
        {"from", settings.fromAddress},
        {"from-name", settings.fromName},
        {"user", settings.user},
        {"ca-file", settings.caFile},
        {"link-base", settings.linkBase},
        // What the setting means, as the mails will show it.
        {"links", settings.enrollmentLink(QStringLiteral("<token>"))},
    };
    for (const auto &[key, value] : rows)
        out() << qSetFieldWidth(11) << Qt::left << QString::fromLatin1(key) + QLatin1Char(':')
              << qSetFieldWidth(0) << value << '\n';
    out() << qSetFieldWidth(11) << Qt::left << QStringLiteral("password:") << qSetFieldWidth(0);
    if (settings.user.isEmpty())
        out() << Text::tr("none (no user, so no authentication)") << '\n';
    else
        out() << Text::tr("not in the store; deliver takes %1, --password-stdin or the keychain entry “%2”")
                     .arg(QString::fromLatin1(kPasswordVariable), mail::PasswordStore::keyFor(settings))
              << '\n';
}

} // namespace

namespace {

struct DeliveryCounts
{
    int sent = 0, retry = 0, failed = 0, unrecorded = 0;
};

// One line per message as it happens, also into a cron log.
void printReport(const OutboxDispatcher::Report &report, DeliveryCounts *counts)
{
    const DeliveryResult &r = report.result;
    const QString reason = r.serverReply.isEmpty() ? r.error : r.serverReply;
    QString word;
    switch (r.kind) {
    case DeliveryResult::Kind::Sent:
        word = Text::tr("sent");
        ++counts->sent;
        break;
    case DeliveryResult::Kind::Permanent:
        word = Text::tr("failed");
        ++counts->failed;
        break;
    case DeliveryResult::Kind::Transient:
    case DeliveryResult::Kind::ConfigError:
        word = Text::tr("retry later");
        ++counts->retry;
        break;
    }
    out() << qSetFieldWidth(12) << Qt::left << word << qSetFieldWidth(0) << '#' << report.outboxId << "  "
          << report.recipient;
    if (r.kind != DeliveryResult::Kind::Sent && !reason.isEmpty())
        out() << ": " << reason;
    out() << '\n';
    if (!report.storeError.isEmpty()) {
        ++counts->unrecorded;
        err() << Text::tr("#%1: the outcome could not be recorded, so the message stays queued: %2")
                     .arg(report.outboxId)
                     .arg(report.storeError)
              << '\n';
    }
    out().flush();
}

// Prints why nothing goes out now; true when nothing is due.
bool reportNothingDue(const Outbox &outbox, bool ignoreBackoff)
{
    if (!outbox.due(ignoreBackoff, 1).isEmpty())
        return false;
    const qint64 queued = outbox.counts().queued;
    if (queued == 0)
        out() << Text::tr("Nothing to send.") << '\n';
    else
        out() << Text::tr("Nothing is due; %n message(s) wait for a retry, the next at %1.", nullptr,
                          static_cast<int>(queued))
                     .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(outbox.nextDueAt()).toLocalTime(),
                                             QLocale::ShortFormat))
              << '\n';
    return true;
}

// Delivers what is due, for waitSeconds at most; true when the time ran out (what is unfinished is
// reported as "retry later" and stays queued).
bool deliverWithDeadline(OutboxDispatcher &dispatcher, mail::SmtpMailTransport &transport, int waitSeconds,
                         bool ignoreBackoff)
{
    QEventLoop loop;
    QObject::connect(&dispatcher, &OutboxDispatcher::finished, &loop, &QEventLoop::quit);
    bool timedOut = false;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        dispatcher.cancel();
        transport.cancel();
        QTimer::singleShot(kCancelGraceMs, &loop, &QEventLoop::quit);
    });
    deadline.start(waitSeconds * 1000);
    dispatcher.deliverDue(ignoreBackoff);
    if (dispatcher.isBusy())
        loop.exec();
    return timedOut;
}

} // namespace

int deliver(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("now"), QString()});
    parser.addOption({QStringLiteral("wait"), QString(), QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("password-stdin"), QString()});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    int waitSeconds = kDefaultWaitSeconds;
    if (parser.isSet(QStringLiteral("wait"))) {
        bool ok = false;
        waitSeconds = parser.value(QStringLiteral("wait")).toInt(&ok);
        if (!ok || waitSeconds < 1 || waitSeconds > 24 * 3600)
            return usageError(Text::tr("--wait takes a number of seconds (1 to 86400), not “%1”.")
                                  .arg(parser.value(QStringLiteral("wait"))));
    }
    const bool ignoreBackoff = parser.isSet(QStringLiteral("now"));

    auto store = openStore(parser);
    if (!store)
        return 1;
    const MailSettings settings = MailSettings::load(*store);
    if (!settings.isConfigured()) {
        err() << Text::tr("No mail server is set up: run 'mdm-console mail-settings --host H --port P "
                          "--security starttls|tls|none --from ADDR' first.")
              << '\n';
        return 1;
    }
    if (const QString problem = settings.validate(); !problem.isEmpty()) {
        err() << Text::tr("The mail settings are not usable: %1").arg(problem) << '\n';
        return 1;
    }

    Clock clock;
    if (reportNothingDue(Outbox(*store, clock), ignoreBackoff))
        return 0;

    QString password;
    QString problem;
    if (!smtpPassword(settings, parser.isSet(QStringLiteral("password-stdin")), &password, &problem)) {
        err() << problem << '\n';
        return 1;
    }

    mail::SmtpMailTransport transport;
    OutboxDispatcher dispatcher(*store, clock, transport);
    dispatcher.setCredentials(settings, password);
    DeliveryCounts counts;
    QObject::connect(&dispatcher, &OutboxDispatcher::reported,
                     [&counts](const OutboxDispatcher::Report &report) { printReport(report, &counts); });
    const bool timedOut = deliverWithDeadline(dispatcher, transport, waitSeconds, ignoreBackoff);

    if (timedOut)
        err() << Text::tr("Stopped after %n second(s) (--wait); what was not sent stays queued.", nullptr,
                          waitSeconds)
              << '\n';
    else if (counts.sent + counts.retry + counts.failed == 0 && !dispatcher.lastProblem().isEmpty())
        err() << dispatcher.lastProblem() << '\n';
    out() << Text::tr("sent %1, retry later %2, failed %3; %4 still queued")
                 .arg(counts.sent)
                 .arg(counts.retry)
                 .arg(counts.failed)
                 .arg(Outbox(*store, clock).counts().queued)
          << '\n';
    return !timedOut && counts.retry == 0 && counts.failed == 0 && counts.unrecorded == 0 ? 0 : 1;
}

int mailSettings(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    const QStringList valueOptions{QStringLiteral("host"),      QStringLiteral("port"),
                                   QStringLiteral("security"),  QStringLiteral("from"),
                                   QStringLiteral("from-name"), QStringLiteral("user"),
                                   QStringLiteral("ca-file"),   QStringLiteral("link-base")};
    for (const QString &name : valueOptions)
        parser.addOption({name, QString(), QStringLiteral("value")});
    parser.addOption({QStringLiteral("password-stdin"), QString()});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    bool changing = parser.isSet(QStringLiteral("password-stdin"));
    for (const QString &name : valueOptions)
        changing = changing || parser.isSet(name);

    // Values are checked before the store is opened: a usage error leaves no file behind.
    MailSettings::Security security = MailSettings::Security::StartTls;
    if (parser.isSet(QStringLiteral("security")) &&
        !MailSettings::securityFromKey(parser.value(QStringLiteral("security")), &security))
        return usageError(Text::tr("--security must be starttls, tls or none, not “%1”.")
                              .arg(parser.value(QStringLiteral("security"))));
    int port = 0;
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok)
            return usageError(
                Text::tr("--port takes a number, not “%1”.").arg(parser.value(QStringLiteral("port"))));
    }
    QString caFile;
    if (parser.isSet(QStringLiteral("ca-file")) && !parser.value(QStringLiteral("ca-file")).isEmpty()) {
        const QFileInfo info(parser.value(QStringLiteral("ca-file")));
        if (!info.isFile() || !info.isReadable())
            return usageError(
                Text::tr("--ca-file: cannot read “%1”.").arg(parser.value(QStringLiteral("ca-file"))));
        caFile = info.absoluteFilePath(); // cron runs elsewhere
    }

    auto store = openStore(parser);
    if (!store)
        return 1;
    MailSettings settings = MailSettings::load(*store);
    if (!changing) {
        printSettings(settings);
        return 0;
    }

    // Given options replace the saved values; the others stay.
    if (parser.isSet(QStringLiteral("host")))
        settings.host = parser.value(QStringLiteral("host")).trimmed();
    if (parser.isSet(QStringLiteral("port")))
        settings.port = port;
    if (parser.isSet(QStringLiteral("security")))
        settings.security = security;
    if (parser.isSet(QStringLiteral("from")))
        settings.fromAddress = parser.value(QStringLiteral("from")).trimmed();
    if (parser.isSet(QStringLiteral("from-name")))
        settings.fromName = parser.value(QStringLiteral("from-name"));
    if (parser.isSet(QStringLiteral("user")))
        settings.user = parser.value(QStringLiteral("user")).trimmed();
    if (parser.isSet(QStringLiteral("ca-file")))
        settings.caFile = caFile;
    if (parser.isSet(QStringLiteral("link-base")))
        settings.linkBase = parser.value(QStringLiteral("link-base")).trimmed();
    if (const QString problem = settings.validate(); !problem.isEmpty())
        return usageError(Text::tr("%1 Nothing was saved.").arg(problem));

    QString password;
    if (parser.isSet(QStringLiteral("password-stdin"))) {
        if (settings.user.isEmpty())
            return usageError(
                Text::tr("--password-stdin needs --user (the account the password belongs to)."));
        if (!readLineFromStdin(&password) || password.isEmpty())
            return usageError(
                Text::tr("--password-stdin: standard input held no password. Nothing was saved."));
    }

    QString error;
    if (!settings.save(*store, &error, !password.isEmpty())) {
        err() << Text::tr("Nothing was saved: %1").arg(error) << '\n';
        return 1;
    }
    out() << Text::tr("Saved the mail settings: %1:%2 (%3), from %4.")
                 .arg(settings.host)
                 .arg(settings.port)
                 .arg(MailSettings::securityKey(settings.security), describeFrom(settings))
          << '\n';
    if (password.isEmpty())
        return 0;

    mail::PasswordStore keychain;
    const QString key = mail::PasswordStore::keyFor(settings);
    const mail::PasswordStore::Result result = keychain.writeNow(key, password);
    if (result.ok()) {
        out() << Text::tr("Saved the password in the keychain (service “%1”, entry “%2”).")
                     .arg(keychain.service(), key)
              << '\n';
        return 0;
    }
    err() << Text::tr("The password was not saved: %1").arg(result.error) << '\n';
    if (result.status == mail::PasswordStore::Status::Unavailable)
        err() << keychainHint() << '\n';
    return 1;
}

} // namespace mdm::cli
