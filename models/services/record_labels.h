#pragma once

#include "domain/domain.h"
#include "domain/record_kind.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdm {

class Store;

// What the admin recognises a record by wherever records are listed: the result sheet and its Copy, the
// confirmations. A name alone is not enough ("Aiko's iPhone 14" three times; one address invited for two
// platforms), so a device carries its serial (or IMEI) and an invitation its platform.
class RecordLabels
{
    Q_DECLARE_TR_FUNCTIONS(RecordLabels)

public:
    // "Aiko's iPhone 14 (F2LX1234)", "Aiko's Pixel (IMEI 356938035643809)"; without a name the serial or
    // IMEI alone; with nothing at all "#id".
    static QString device(qint64 id, const QString &name, const QString &serial, const QString &imei);
    // "aiko@contoso.example (iOS)".
    static QString invitation(const QString &email, Platform platform);

    // The labels of at most limit of the records, in the order of ids; records gone are left out.
    static QStringList of(const Store &store, RecordKind kind, const QList<qint64> &ids, int limit);
};

} // namespace mdm
