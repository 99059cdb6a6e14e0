#include "store/demo_data.h"

#include "domain/clock.h"
#include "domain/domain.h"
#include "domain/enrollment_token.h"
#include "domain/imei.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "store/audit_log.h"
#include "store/bulk_writer.h"
#include "store/change_journal.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <array>

namespace mdm {

namespace {

constexpr std::array kFirstNames{"Ana",   "Ben",   "Chen", "Dana",  "Elif",   "Farid",  "Grace", "Hiro",
                                 "Ines",  "Jonas", "Kofi", "Lena",  "Mateo",  "Nadia",  "Omar",  "Priya",
                                 "Quinn", "Rosa",  "Sven", "Tara",  "Umar",   "Vera",   "Wei",   "Ximena",
                                 "Yusuf", "Zoe",   "Aiko", "Bruno", "Carmen", "Dmitri", "Emma",  "Felix"};
constexpr std::array kLastNames{"Silva",   "Okafor", "Wei",     "Novak",  "Yilmaz",  "Haddad", "Kim",
                                "Tanaka",  "Garcia", "Berg",    "Mensah", "Schmidt", "Rossi",  "Khan",
                                "Nasser",  "Patel",  "Murphy",  "Lopez",  "Larsen",  "Singh",  "Farouk",
                                "Ivanova", "Zhang",  "Morales", "Demir",  "Martin",  "Sato",   "Ferreira",
                                "Ortiz",   "Petrov", "Dubois",  "Weber"};
constexpr std::array kGroups{"Sales",   "Engineering", "Finance",    "Human Resources", "Marketing",
                             "Support", "Operations",  "Executives", "Field Staff",     "Contractors"};
constexpr const char *kDomain = "contoso.example";

struct PlatformProfile
{
    Platform platform;
    int weight; // out of 100
    std::array<const char *, 4> models;
    std::array<const char *, 3> osVersions;
    bool hasImei;
};

const std::array<PlatformProfile, kPlatformCount> kProfiles{{
    {Platform::Android, 34, {"Pixel 8", "Galaxy S23", "Galaxy A54", "Zebra TC52"}, {"14", "13", "12"}, true},
    {Platform::iOS, 30, {"iPhone 15", "iPhone 14", "iPhone 13", "iPhone SE"}, {"17.1", "16.7", "17.0"}, true},
    {Platform::iPadOS,
     8,
     {"iPad Air", "iPad Pro 11", "iPad (10th gen)", "iPad mini"},
     {"17.1", "16.7", "17.0"},
     false},
    {Platform::macOS,
     10,
     {"MacBook Air M2", "MacBook Pro 14", "iMac 24", "Mac mini"},
     {"14.1", "13.6", "14.0"},
     false},
    {Platform::Windows,
     16,
     {"Surface Laptop 5", "ThinkPad T14", "Latitude 7440", "EliteBook 840"},
     {"11 23H2", "11 22H2", "10 22H2"},
     false},
    {Platform::Other,
     2,
     {"Chromebook", "RealWear HMT-1", "Oculus Quest 2", "Linux workstation"},
     {"119", "12", "5"},
     false},
}};

const PlatformProfile &pickProfile(QRandomGenerator &rng)
{
    int roll = rng.bounded(100);
    for (const auto &profile : kProfiles) {
        if (roll < profile.weight)
            return profile;
        roll -= profile.weight;
    }
    return kProfiles[0];
}

// 15 digits: a type allocation code of a real handset family, a serial part unique per n (for up to
// five million devices), and the Luhn check digit.
QByteArray imeiFor(qint64 n)
{
    static constexpr const char *kTypeCodes[] = {"35332511", "35391110", "35875611", "86824504", "35209900"};
    return imeiWithCheckDigit(QByteArray(kTypeCodes[n % 5]) +
                              QByteArray::number((n / 5) % 1000000).rightJustified(6, '0'));
}

QByteArray serialFor(qint64 n, char prefix)
{
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    QByteArray out(11, '0');
    quint64 v = static_cast<quint64>(n) * 2654435761ULL % 1'000'000'000'000'000ULL + static_cast<quint64>(n);
    for (int i = 10; i >= 0; --i) {
        out[i] = kAlphabet[v % 34];
        v /= 34;
    }
    return prefix + out;
}

class Filler
{
public:
    Filler(const QSqlDatabase &db, const Clock &clock, const DemoOptions &options, qint64 base)
        : db_(db), now_(clock.nowMs()), rng_(options.seed + static_cast<quint32>(base)), base_(base)
    {
    }

    bool run(DemoResult &result, const std::function<void(int)> &progress)
    {
        if (!groups())
            return false;
        // Referenced tables first: the writer sends each table's rows in this order.
        const std::unique_ptr<BulkWriter> writer = BulkWriter::create(db_);
        BulkTable *user = writer->table("users", {"id", "name", "email"});
        BulkTable *device = writer->table("devices", {"name", "platform", "ownership", "serial", "imei",
                                                      "model", "os_version", "user_id", "group_id", "state",
                                                      "staged_at", "enrolled_at", "last_seen_at"});
        BulkTable *command = writer->table("commands", {"device_id", "kind", "created_at", "updated_at"});
        BulkTable *invite = writer->table(
            "invitations", {"user_id", "email", "platform", "ownership", "group_id", "token_hash",
                            "requested_at", "sent_at", "expires_at", "delivery", "remarks", "resend_count"});
        BulkTable *mail =
            writer->table("outbox", {"invitation_id", "recipient", "link_token", "state", "attempts",
                                     "next_attempt_at", "last_error", "created_at"});
        if (!user || !device || !command || !invite || !mail)
            return fail(writer->error());
        device->expect(managed_ + staged_);
        invite->expect(pending_);
        if (!fillRows(result, progress, *user, *device, *command, *invite, *mail) || !writer->finish())
            return fail(writer->error());
        return true;
    }

    QString error;
    qint64 managed_ = 0, staged_ = 0, pending_ = 0;

private:
    // Every row through the writer; false on the first failure (the writer has the error).
    bool fillRows(DemoResult &result, const std::function<void(int)> &progress, BulkTable &user,
                  BulkTable &device, BulkTable &command, BulkTable &invite, BulkTable &mail)
    {
        const qint64 total = managed_ + staged_ + pending_;
        qint64 done = 0;
        auto tick = [&](qint64 step) {
            done += step;
            if (progress && total > 0 && done % 20000 == 0)
                progress(static_cast<int>(done * 100 / total));
        };
        // Managed devices: roughly one user in five has a second device.
        qint64 userId = base_;
        for (qint64 i = 0; i < managed_; ++i) {
            if (i == 0 || rng_.bounded(5) != 0) {
                if (!addUser(user, ++userId))
                    return false;
                ++result.users;
            }
            const auto &profile = pickProfile(rng_);
            const qint64 n = base_ + i;
            const int roll = rng_.bounded(100);
            const DeviceState state = roll < 90   ? DeviceState::Enrolled
                                      : roll < 96 ? DeviceState::Unmanaged
                                      : roll < 98 ? DeviceState::RevokePending
                                                  : DeviceState::WipePending;
            const qint64 enrolledAt = now_ - static_cast<qint64>(rng_.bounded(730 * 24)) * 3'600'000;
            const qint64 lastSeen = state == DeviceState::Unmanaged
                                        ? enrolledAt + (now_ - enrolledAt) / 2
                                        : now_ - static_cast<qint64>(rng_.bounded(7 * 24 * 60)) * 60'000;
            const qint64 deviceId = addDevice(device, profile, n, userId, state, enrolledAt, lastSeen);
            if (deviceId == 0)
                return false;
            if (state == DeviceState::RevokePending || state == DeviceState::WipePending) {
                command.bind(1, deviceId);
                command.bind(2, state == DeviceState::RevokePending ? 1 : 2);
                command.bind(3, now_ - 3'600'000);
                command.bind(4, now_ - 3'600'000);
                if (command.insert() == 0)
                    return false;
            }
            ++result.managed;
            tick(1);
        }

        // Staged devices: pre-configured in batches, half already earmarked for a user.
        for (qint64 i = 0; i < staged_; ++i) {
            qint64 owner = 0;
            if (rng_.bounded(2) == 0) {
                if (!addUser(user, ++userId))
                    return false;
                ++result.users;
                owner = userId;
            }
            const auto &profile = pickProfile(rng_);
            if (addDevice(device, profile, base_ + managed_ + i, owner, DeviceState::Staged, 0, 0) == 0)
                return false;
            ++result.staged;
            tick(1);
        }

        // Pending invitations: requested over the last 12 days, so some are valid, some expire within
        // 48 hours and some have expired; a few are still queued or failed delivery. Each tells the same
        // story everywhere: a queued one has its mail waiting in the outbox (no mail server is set up in a
        // new demo store) and no last sending or expiry yet, a failed one has its failed mail, and the
        // remarks say what last happened (sent, expired, the server's reply).
        static const QByteArray kRefused("550 5.1.1 Mailbox unavailable");
        for (qint64 i = 0; i < pending_; ++i) {
            if (!addUser(user, ++userId))
                return false;
            ++result.users;
            const auto &profile = pickProfile(rng_);
            qint64 requested = now_ - static_cast<qint64>(rng_.bounded(12 * 24 * 60)) * 60'000;
            const int resends = rng_.bounded(10) == 0 ? 1 + rng_.bounded(2) : 0;
            const int roll = rng_.bounded(100);
            const DeliveryState delivery = roll < 88   ? DeliveryState::Sent
                                           : roll < 96 ? DeliveryState::Queued
                                                       : DeliveryState::Failed;
            // When the last mail was queued. A queued mail gives up after 24 hours, so one still waiting was
            // queued within the last day: requested then, or resent then.
            qint64 lastQueued = resends ? requested + (now_ - requested) / 2 : requested;
            if (delivery == DeliveryState::Queued) {
                lastQueued = std::max(requested, now_ - static_cast<qint64>(rng_.bounded(20 * 60)) * 60'000);
                if (!resends)
                    requested = lastQueued;
            }
            const bool sent = delivery == DeliveryState::Sent;
            const qint64 expires = sent ? invitationExpiry(lastQueued) : 0;
            // A queued mail carries a working link; the others only need a unique fingerprint.
            QByteArray tokenHash(32, Qt::Uninitialized);
            rng_.fillRange(reinterpret_cast<quint32 *>(tokenHash.data()), 8);
            const EnrollmentToken token = delivery == DeliveryState::Queued ? EnrollmentToken::generate()
                                                                            : EnrollmentToken{{}, tokenHash};
            invite.bind(1, userId);
            invite.bind(2, emailFor(userId));
            invite.bind(3, static_cast<int>(profile.platform));
            invite.bind(4, rng_.bounded(4) == 0 ? 1 : 0);
            invite.bind(5, randomGroup());
            invite.bindBlob(6, token.hash);
            invite.bind(7, requested);
            invite.bind(8, sent ? lastQueued : 0); // a sent mail was accepted when queued
            invite.bind(9, expires);
            invite.bind(10, static_cast<int>(delivery));
            QString remark; // a queued mail has nothing to report yet
            if (delivery == DeliveryState::Failed)
                remark = InvitationText::failedRemark(QString::fromUtf8(kRefused));
            else if (sent)
                remark = expires <= now_ ? InvitationText::expiredRemark(expires)
                                         : InvitationText::sentRemark(lastQueued);
            invite.bind(11, remark.toUtf8());
            invite.bind(12, resends);
            const qint64 invitationId = invite.insert();
            if (invitationId == 0)
                return false;
            if (!sent) {
                // The mail behind the state: waiting with its link, or failed with the server's reply.
                const bool failed = delivery == DeliveryState::Failed;
                mail.bind(1, invitationId);
                mail.bind(2, emailFor(userId));
                if (failed)
                    mail.bindNull(3);
                else
                    mail.bind(3, token.text.toUtf8());
                mail.bind(4, failed ? 2 : 0);
                mail.bind(5, failed ? 1 : 0);
                mail.bind(6, lastQueued);
                mail.bind(7, failed ? kRefused : QByteArray(""));
                mail.bind(8, lastQueued);
                if (mail.insert() == 0)
                    return false;
            }
            ++result.pending;
            tick(1);
        }
        return true;
    }

    bool fail(const QString &message)
    {
        error = message;
        return false;
    }

    bool groups()
    {
        // Ten rows: plain statements. A group that is there already (a second fill) stays as it is.
        QSqlQuery group(db_);
        group.prepare(QStringLiteral("INSERT INTO groups (name) VALUES (?) ON CONFLICT DO NOTHING"));
        QSqlQuery find(db_);
        find.prepare(QStringLiteral("SELECT id FROM groups WHERE name = ?"));
        for (size_t i = 0; i < kGroups.size(); ++i) {
            group.addBindValue(QString::fromLatin1(kGroups[i]));
            find.addBindValue(QString::fromLatin1(kGroups[i]));
            if (!execOrError(group, &error) || !execOrError(find, &error))
                return false;
            // Found by name: a PostgreSQL sequence is not rolled back with a failed fill, so IDs may not
            // start at 1.
            groupIds_[i] = find.next() ? find.value(0).toLongLong() : 0;
            find.finish();
            if (groupIds_[i] == 0)
                return fail(QStringLiteral("group %1 is missing").arg(QLatin1String(kGroups[i])));
        }
        return true;
    }

    qint64 randomGroup()
    {
        return groupIds_[static_cast<size_t>(rng_.bounded(static_cast<int>(kGroups.size())))];
    }

    QByteArray nameFor(qint64 n) const
    {
        const auto first = static_cast<size_t>(n % static_cast<qint64>(kFirstNames.size()));
        const auto last = static_cast<size_t>((n / static_cast<qint64>(kFirstNames.size())) %
                                              static_cast<qint64>(kLastNames.size()));
        return QByteArray(kFirstNames[first]) + ' ' + kLastNames[last];
    }

    QByteArray emailFor(qint64 n) const
    {
        const qint64 combos = static_cast<qint64>(kFirstNames.size() * kLastNames.size());
        QByteArray local = nameFor(n).toLower().replace(' ', '.');
        if (n >= combos)
            local += QByteArray::number(n / combos);
        return local + '@' + kDomain;
    }

    bool addUser(BulkTable &user, qint64 id)
    {
        user.bind(1, id);
        user.bind(2, nameFor(id));
        user.bind(3, emailFor(id));
        return user.insert() != 0;
    }

    // The new device's ID, 0 on failure.
    qint64 addDevice(BulkTable &device, const PlatformProfile &profile, qint64 n, qint64 userId,
                     DeviceState state, qint64 enrolledAt, qint64 lastSeen)
    {
        const char *model = profile.models[static_cast<size_t>(rng_.bounded(4))];
        const QByteArray prefix = profile.platform == Platform::Windows ? QByteArray("WS-") : QByteArray();
        const QByteArray name = userId ? nameFor(userId).split(' ').first() + "'s " + model
                                       : prefix + QByteArray(model).replace(' ', '-').toUpper() + '-' +
                                             QByteArray::number(n % 10000).rightJustified(4, '0');
        device.bind(1, name);
        device.bind(2, static_cast<int>(profile.platform));
        device.bind(3, rng_.bounded(5) == 0 ? 1 : 0);
        device.bind(4, serialFor(n, state == DeviceState::Staged ? 'S' : 'C'));
        if (profile.hasImei)
            device.bind(5, imeiFor(n));
        else
            device.bindNull(5);
        device.bind(6, QByteArray(model));
        device.bind(7, QByteArray(profile.osVersions[static_cast<size_t>(rng_.bounded(3))]));
        if (userId)
            device.bind(8, userId);
        else
            device.bindNull(8);
        device.bind(9, randomGroup());
        device.bind(10, static_cast<int>(state));
        device.bind(11, enrolledAt ? enrolledAt - 86'400'000 : now_ - rng_.bounded(30) * 86'400'000LL);
        if (state == DeviceState::Staged) {
            device.bindNull(12);
            device.bindNull(13);
        } else {
            device.bind(12, enrolledAt);
            device.bind(13, lastSeen);
        }
        return device.insert();
    }

    QSqlDatabase db_;
    std::array<qint64, kGroups.size()> groupIds_{};
    qint64 now_;
    QRandomGenerator rng_;
    qint64 base_;
};

} // namespace

DemoResult fillDemoData(Store &store, const Clock &clock, DemoOptions options,
                        const std::function<void(int)> &progress)
{
    DemoResult result;
    QString error;
    result.ok = store.transaction(
        [&](QString *err) {
            // Continue numbering after what is there, so that --force adds records without clashing (read
            // under the write lock, so no other writer adds any meanwhile).
            QSqlQuery q(store.database());
            if (!q.exec(QStringLiteral("SELECT CASE WHEN u > d THEN u ELSE d END FROM"
                                       " (SELECT coalesce((SELECT max(id) FROM users), 0) AS u,"
                                       " coalesce((SELECT max(id) FROM devices), 0) AS d) AS m")) ||
                !q.next()) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            const qint64 base = q.value(0).toLongLong();
            q.finish();
            Filler filler(store.database(), clock, options, base);
            filler.managed_ = options.managed;
            filler.staged_ = options.staged >= 0 ? options.staged : options.managed / 5;
            filler.pending_ = options.pending >= 0 ? options.pending : options.managed / 3;
            // Sample data is a bulk write: one "everything changed" mark instead of an entry per row
            // (readers rebuild), which keeps the fill as fast as it was without the journal.
            ChangeJournal::BulkChange bulk(store.database());
            if (!bulk.suspend(err))
                return false;
            if (!filler.run(result, progress)) {
                *err = filler.error;
                return false;
            }
            AuditEntry entry{clock.nowMs(),
                             AuditLog::currentActor(),
                             QStringLiteral("demo.fill"),
                             std::nullopt,
                             {},
                             QStringLiteral("{\"managed\":%1,\"staged\":%2,\"pending\":%3}")
                                 .arg(result.managed)
                                 .arg(result.staged)
                                 .arg(result.pending)};
            return AuditLog::append(store.database(), entry, err) && bulk.finish(err);
        },
        &error);
    if (!result.ok) {
        result = DemoResult{};
        result.error = error;
        return result;
    }
    store.refreshStatistics();
    store.announce(RecordKind::Device, {});
    store.announce(RecordKind::Invitation, {});
    return result;
}

namespace {
class DemoText
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)
};
} // namespace

QString demoStorePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.db"));
}

QString prepareDemoStore(const QString &path, const Clock &clock)
{
    const bool fresh = !QFileInfo::exists(path);
    auto opened = Store::open(path);
    if (!opened.store)
        return opened.error;
    if (!fresh)
        return {};
    const DemoResult result = fillDemoData(*opened.store, clock, DemoOptions{});
    return result.ok ? QString() : DemoText::tr("Sample data was not written: %1").arg(result.error);
}

} // namespace mdm
