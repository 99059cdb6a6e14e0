#include "feed/pg_store_watcher.h"

#include "store/change_journal.h"
#include "store/postgres_location.h"
#include "store/postgres_password.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <libpq-fe.h>
#include <limits>

namespace mdm {

namespace {

class WatcherText
{
    Q_DECLARE_TR_FUNCTIONS(StoreWatcher)
};

std::atomic<int> nextConnection{0};

// The store's own reading of its URI (libpq's parser, as the store connects), plus the watcher's settings.
// Returns why the URI cannot be used, empty when db is set up.
QString configure(QSqlDatabase &db, const QString &uri)
{
    const PostgresLocation loc = parsePostgresLocation(uri);
    if (!loc.error.isEmpty())
        return loc.error;
    db.setDatabaseName(loc.database);
    db.setHostName(loc.host);
    db.setUserName(loc.user);
    if (loc.port > 0)
        db.setPort(loc.port);
    // libpq takes the last value of a keyword given twice: these follow the URI's options. The watcher's
    // connection shows as such in pg_stat_activity. A short connect timeout (see kConnectTimeoutS): the
    // store was reachable when it opened. TCP keepalives find a server that vanished without closing
    // the connection (a host down, a cable pulled) within about 25 s, unless the URI sets them; a server
    // that stops or restarts closes it, which the socket notifier sees at once.
    QStringList options;
    if (!loc.qtOptions.isEmpty())
        options << loc.qtOptions;
    options << QStringLiteral("application_name='mdm store watcher'")
            << QStringLiteral("connect_timeout=%1").arg(PgStoreWatcher::kConnectTimeoutS);
    for (const auto &[key, value] :
         {std::pair{"keepalives_idle", 10}, {"keepalives_interval", 5}, {"keepalives_count", 3}}) {
        if (!loc.qtOptions.contains(QLatin1String(key) + QLatin1Char('=')))
            options << QStringLiteral("%1=%2").arg(QLatin1String(key)).arg(value);
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    // The keychain's password, when the app found one for the store (else libpq finds its own).
    if (const QString password = postgresPassword(uri); !password.isEmpty())
        db.setPassword(password);
    return {};
}

// Lives on the watcher's thread, owns the connection, and is deleted there when the thread finishes.
class JournalListener : public StoreWatcherReader
{
public:
    JournalListener(QString uri, qint64 afterSeq, StoreWatcherSink sink)
        : uri_(std::move(uri)), afterSeq_(afterSeq), sink_(std::move(sink)), coalesce_(this), retry_(this)
    {
        coalesce_.setSingleShot(true);
        coalesce_.setInterval(PgStoreWatcher::kCoalesceMs);
        QObject::connect(&coalesce_, &QTimer::timeout, this, [this] { read(); });
        retry_.setSingleShot(true);
        QObject::connect(&retry_, &QTimer::timeout, this, [this] { retry(); });
        clock_.start();
    }

    ~JournalListener() override { closeConnection(); }

    // On the thread: connect, listen, catch up.
    void begin() override
    {
        const QString error = connectAndListen();
        if (!error.isEmpty()) {
            // The store was reachable a moment ago (it was opened): a URI or login it refuses now is no
            // outage worth waiting for.
            fail(error);
            return;
        }
        read();
    }

private:
    enum class Outcome
    {
        Ok,
        Busy,
        Lost,
        Failed
    };

    struct Gap
    {
        qint64 firstSeenMs = 0;
        // Once set: the gap is given up when every transaction older than this one has ended.
        qint64 waitXid = 0;
    };

    QSqlDatabase database() const { return QSqlDatabase::database(connectionName_, false); }

    // Opens the connection, issues LISTEN before the first read (so no commit falls between the two),
    // and watches its socket. Returns the error, empty when listening.
    QString connectAndListen()
    {
        connectionName_ = QStringLiteral("mdm-pg-watcher-%1").arg(nextConnection.fetch_add(1));
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName_);
            error = configure(db, uri_);
            if (!error.isEmpty()) {
                // reported below
            } else if (!db.open()) {
                error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                if (!q.exec(QStringLiteral("SET lock_timeout = %1").arg(PgStoreWatcher::kLockWaitMs)) ||
                    !q.exec(QStringLiteral("LISTEN %1").arg(QLatin1String(PgStoreWatcher::kChannel))))
                    error = q.lastError().text();
                const QVariant handle = db.driver()->handle();
                // Qt registers the handle as PGconn*; its metatype may carry libpq's struct name.
                const char *type = handle.typeName();
                if (error.isEmpty() && (qstrcmp(type, "PGconn*") == 0 || qstrcmp(type, "pg_conn*") == 0))
                    pg_ = *static_cast<PGconn *const *>(handle.constData());
                if (error.isEmpty() && (!pg_ || PQsocket(pg_) < 0))
                    error = WatcherText::tr("no connection to listen on");
            }
        }
        if (!error.isEmpty()) {
            closeConnection();
            return error;
        }
        // libpq prints a server's messages outside a statement (the FATAL of a shutdown) to stderr; a lost
        // connection is handled here, and failed() tells the admin when it matters.
        PQsetNoticeProcessor(
            pg_, [](void *, const char *) {}, nullptr);
        // Our own notifier rather than QSqlDriver::subscribeToNotification: Qt's driver does not report
        // a lost connection, and keeps watching a socket that libpq has closed.
        notifier_ = new QSocketNotifier(PQsocket(pg_), QSocketNotifier::Read, this);
        QObject::connect(notifier_, &QSocketNotifier::activated, this, [this] { readable(); });
        return {};
    }

    void closeConnection()
    {
        delete notifier_;
        notifier_ = nullptr;
        pg_ = nullptr;
        if (connectionName_.isEmpty())
            return;
        database().close();
        QSqlDatabase::removeDatabase(std::exchange(connectionName_, {}));
    }

    // Data on the socket: notifications, or the server closing the connection.
    void readable()
    {
        if (!pg_ || PQconsumeInput(pg_) == 0 || PQstatus(pg_) != CONNECTION_OK) {
            lost();
            return;
        }
        takeNotifications();
    }

    // Notifications received (on the socket, or while a read ran): one read after kCoalesceMs answers
    // all of them and whatever else arrives meanwhile.
    void takeNotifications()
    {
        bool any = false;
        while (PGnotify *n = PQnotifies(pg_)) {
            any = true;
            PQfreemem(n);
        }
        if (any && !coalesce_.isActive())
            coalesce_.start();
    }

    void read()
    {
        if (!pg_)
            return;
        coalesce_.stop();
        Outcome outcome = readJournal();
        // The connection may break after the read's last checked statement: Qt's driver frees the prepared
        // statement when the query goes, and ends a busy read's transaction, without telling. libpq then
        // closes the socket, the notifier never fires again (Qt disables it), and the watcher would wait
        // for notifications forever. So whatever the read says, a broken connection is a lost one.
        if (outcome != Outcome::Failed && PQstatus(pg_) != CONNECTION_OK)
            outcome = Outcome::Lost;
        switch (outcome) {
        case Outcome::Ok:
            takeNotifications();
            break;
        case Outcome::Busy:
            sink_.busy();
            startRetry(PgStoreWatcher::kBusyRetryMs);
            break;
        case Outcome::Lost:
            lost();
            break;
        case Outcome::Failed:
            break;
        }
    }

    Outcome readJournal()
    {
        QSqlDatabase db = database();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
            return failure(q.lastError());
        const Outcome r = readInTransaction(q);
        q.finish(); // rows left unread after a bulk mark
        QSqlQuery end(db);
        if (r == Outcome::Ok) {
            if (!end.exec(QStringLiteral("COMMIT")))
                return failure(end.lastError());
        } else if (r != Outcome::Lost) {
            end.exec(QStringLiteral("ROLLBACK"));
        }
        return r;
    }

    // One snapshot: the horizon, the entries and the running transactions agree with each other.
    Outcome readInTransaction(QSqlQuery &q)
    {
        if (!q.exec(QStringLiteral("SELECT (SELECT seq FROM change_journal_horizon WHERE id = 1),"
                                   " (SELECT coalesce(max(seq), 0) FROM change_journal),"
                                   " pg_snapshot_xmin(pg_current_snapshot())::text::bigint,"
                                   " pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) ||
            !q.next())
            return failure(q.lastError());
        const qint64 horizon = q.value(0).toLongLong();
        const qint64 newest = q.value(1).toLongLong();
        const qint64 snapshotXmin = q.value(2).toLongLong();
        const qint64 snapshotXmax = q.value(3).toLongLong();
        q.finish();
        if (afterSeq_ < 0) {
            afterSeq_ = newest;
            return Outcome::Ok;
        }
        if (afterSeq_ + 1 < horizon || (!gaps_.isEmpty() && lowestGap() < horizon)) {
            // Entries this reader never saw were pruned (or may have been).
            behind(newest);
            return Outcome::Ok;
        }
        if (afterSeq_ >= newest && gaps_.isEmpty())
            return Outcome::Ok;

        QString sql =
            QStringLiteral("SELECT seq, kind, record_id, change, at FROM change_journal WHERE seq > ?");
        if (!gaps_.isEmpty())
            sql += QStringLiteral(" OR seq = ANY(CAST(? AS bigint[]))");
        sql += QStringLiteral(" ORDER BY seq");
        if (!q.prepare(sql))
            return failure(q.lastError());
        q.addBindValue(afterSeq_);
        if (!gaps_.isEmpty()) {
            QStringList seqs;
            seqs.reserve(gaps_.size());
            for (auto it = gaps_.cbegin(); it != gaps_.cend(); ++it)
                seqs << QString::number(it.key());
            q.addBindValue(QLatin1Char('{') + seqs.join(QLatin1Char(',')) + QLatin1Char('}'));
        }
        if (!q.exec())
            return failure(q.lastError());

        const qint64 now = clock_.elapsed();
        qint64 expected = afterSeq_ + 1;
        QList<StoreChange> batch;
        while (q.next()) {
            const qint64 seq = q.value(0).toLongLong();
            if (seq <= afterSeq_) {
                gaps_.remove(seq); // a late commit of a seq awaited
            } else {
                for (qint64 missing = expected; missing < seq; ++missing) {
                    if (gaps_.size() >= PgStoreWatcher::kMaxGaps) {
                        behind(newest);
                        return Outcome::Ok;
                    }
                    gaps_.insert(missing, Gap{now, 0});
                }
                expected = seq + 1;
            }
            const QString key = q.value(1).toString();
            if (key == QLatin1String(ChangeJournal::kEverythingKey)) {
                // A bulk change without entries: whatever came before or after it, the reader rebuilds.
                behind(newest);
                return Outcome::Ok;
            }
            const auto kind = recordKindFromKey(key);
            if (!kind)
                continue;
            batch.append({seq, *kind, q.value(2).toLongLong(),
                          static_cast<StoreChange::Type>(q.value(3).toInt()), q.value(4).toLongLong()});
            if (batch.size() >= PgStoreWatcher::kBatch)
                sink_.changes(std::exchange(batch, {}));
        }
        if (q.lastError().isValid())
            return failure(q.lastError());
        if (!batch.isEmpty())
            sink_.changes(batch);
        afterSeq_ = std::max(afterSeq_, newest);
        forgetSettledGaps(now, snapshotXmin, snapshotXmax);
        return Outcome::Ok;
    }

    // A missing seq can only still appear while the transaction that drew it runs. Once kGapGraceMs have
    // passed (by then a writer that drew it has its transaction id), the gap waits for every transaction
    // that had begun by then (ids below that snapshot's xmax) to end; after that it never appears. Only
    // reads settle gaps, and reads come with notifications: a gap left by a rollback costs nothing while
    // the store is quiet, and is re-read by primary key on the next read until then.
    void forgetSettledGaps(qint64 now, qint64 snapshotXmin, qint64 snapshotXmax)
    {
        for (auto it = gaps_.begin(); it != gaps_.end();) {
            Gap &gap = it.value();
            if (gap.waitXid == 0 && now - gap.firstSeenMs >= PgStoreWatcher::kGapGraceMs)
                gap.waitXid = snapshotXmax;
            if (gap.waitXid != 0 && snapshotXmin >= gap.waitXid)
                it = gaps_.erase(it);
            else
                ++it;
        }
    }

    qint64 lowestGap() const
    {
        qint64 lowest = std::numeric_limits<qint64>::max();
        for (auto it = gaps_.cbegin(); it != gaps_.cend(); ++it)
            lowest = std::min(lowest, it.key());
        return lowest;
    }

    void behind(qint64 newest)
    {
        afterSeq_ = newest;
        gaps_.clear();
        sink_.fellBehind();
    }

    Outcome failure(const QSqlError &error)
    {
        if (!pg_ || PQstatus(pg_) != CONNECTION_OK)
            return Outcome::Lost;
        // lock_not_available (lock_timeout), serialization failure, deadlock: try again shortly.
        const QString code = error.nativeErrorCode();
        if (code == QLatin1String("55P03") || code == QLatin1String("40001") ||
            code == QLatin1String("40P01"))
            return Outcome::Busy;
        fail(error.text());
        return Outcome::Failed;
    }

    void startRetry(int ms)
    {
        if (!retry_.isActive() || retry_.remainingTime() > ms)
            retry_.start(ms);
    }

    // The retry timer: a read after busy() or for awaited gaps, or the next reconnection attempt.
    void retry()
    {
        if (pg_) {
            read();
            return;
        }
        const QString error = connectAndListen();
        if (error.isEmpty()) {
            lostSinceMs_ = -1;
            reconnectDelayMs_ = PgStoreWatcher::kReconnectFirstMs;
            read();
            return;
        }
        lastError_ = error;
        scheduleReconnect();
    }

    // The connection broke: drop it (before the event loop looks at its closed socket again) and connect
    // again with a growing delay.
    void lost()
    {
        if (pg_)
            lastError_ = QString::fromUtf8(PQerrorMessage(pg_)).trimmed();
        closeConnection();
        coalesce_.stop();
        retry_.stop();
        if (lostSinceMs_ < 0) {
            lostSinceMs_ = clock_.elapsed();
            reconnectDelayMs_ = PgStoreWatcher::kReconnectFirstMs;
        }
        scheduleReconnect();
    }

    void scheduleReconnect()
    {
        const qint64 waited = clock_.elapsed() - lostSinceMs_;
        if (waited >= PgStoreWatcher::kGiveUpMs) {
            fail(lastError_);
            return;
        }
        retry_.start(
            static_cast<int>(std::min<qint64>(reconnectDelayMs_, PgStoreWatcher::kGiveUpMs - waited)));
        reconnectDelayMs_ = std::min(reconnectDelayMs_ * 2, PgStoreWatcher::kReconnectMaxMs);
    }

    void fail(const QString &message)
    {
        closeConnection();
        coalesce_.stop();
        retry_.stop();
        sink_.failed(WatcherText::tr("Cannot follow changes to the store “%1”: %2").arg(uri_, message));
    }

    QString uri_;
    qint64 afterSeq_;
    StoreWatcherSink sink_;
    QString connectionName_;
    PGconn *pg_ = nullptr; // the connection's libpq handle, owned by Qt's driver
    QSocketNotifier *notifier_ = nullptr;
    QTimer coalesce_;
    QTimer retry_;
    QElapsedTimer clock_;
    QHash<qint64, Gap> gaps_;
    qint64 lostSinceMs_ = -1;
    int reconnectDelayMs_ = PgStoreWatcher::kReconnectFirstMs;
    QString lastError_;
};

} // namespace

PgStoreWatcher::PgStoreWatcher(QString uri, QObject *parent) : StoreWatcher(parent), uri_(std::move(uri)) {}

StoreWatcherReader *PgStoreWatcher::createReader(qint64 afterSeq, StoreWatcherSink sink)
{
    return new JournalListener(uri_, afterSeq, std::move(sink));
}

} // namespace mdm
