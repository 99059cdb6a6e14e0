// The demo fill on both stores (SQLite, and PostgreSQL with MDM_TEST_PG_URI set).
#include "backend_store.h"
#include "domain/clock.h"
#include "domain/domain.h"
#include "domain/invitation_rules.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"

#include <QSqlQuery>
#include <QVariant>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::scalar;
using mdm::test::storeBackends;

TEST_CASE("Demo data covers every platform and state and several groups", "[demo]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore opened(backend);
            Store &store = *opened;
            Clock clock;
            clock.setFixed(QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC));

            DemoOptions options;
            options.managed = 600;
            const DemoResult result = fillDemoData(store, clock, options);
            REQUIRE(result.ok);
            CHECK(result.managed == 600);
            CHECK(result.staged == 120);
            CHECK(result.pending == 200);

            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM devices WHERE state <> 0")) == 600);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM devices WHERE state = 0")) == 120);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE state = 0")) == 200);
            CHECK(scalar(store, QStringLiteral("SELECT count(DISTINCT platform) FROM devices")) ==
                  kPlatformCount);
            CHECK(scalar(store, QStringLiteral("SELECT count(DISTINCT state) FROM devices")) == 5);
            CHECK(scalar(store, QStringLiteral("SELECT count(DISTINCT group_id) FROM devices")) >= 5);
            CHECK(scalar(store, QStringLiteral("SELECT count(DISTINCT delivery) FROM invitations")) == 3);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM commands")) ==
                  scalar(store, QStringLiteral("SELECT count(*) FROM devices WHERE state IN (3, 4)")));

            const qint64 now = clock.nowMs();
            const QString expired =
                QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 1 AND expires_at <= %1")
                    .arg(now);
            const QString soon =
                QStringLiteral("SELECT count(*) FROM invitations WHERE expires_at > %1 AND expires_at <= %2")
                    .arg(now)
                    .arg(now + 48 * 3600 * 1000LL);
            const QString valid = QStringLiteral("SELECT count(*) FROM invitations WHERE expires_at > %1")
                                      .arg(now + 48 * 3600 * 1000LL);
            CHECK(scalar(store, expired) > 0);
            CHECK(scalar(store, soon) > 0);
            CHECK(scalar(store, valid) > 0);
            // Sent ones: 7 days from the sending; the others have not been sent, so neither time is set.
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 1"
                                               " AND expires_at <> sent_at + %1")
                                    .arg(kInvitationValidityMs)) == 0);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery <> 1"
                                               " AND sent_at + expires_at <> 0")) == 0);
            CHECK(scalar(store,
                         QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'demo.fill'")) == 1);
            CHECK(store.hasRecords());
        }
    }
}

TEST_CASE("Demo data added twice with force keeps every serial, IMEI and email unique", "[demo]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            Clock clock;
            DemoOptions options;
            options.managed = 200;
            REQUIRE(fillDemoData(*store, clock, options).ok);
            const DemoResult again = fillDemoData(*store, clock, options);
            INFO(again.error.toStdString());
            REQUIRE(again.ok);
            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM devices WHERE state <> 0")) == 400);
        }
    }
}
