#include "store/portable_sql.h"

#include "store/sql.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

qint64 insertReturningId(QSqlQuery &query, QString *error)
{
    if (!execOrError(query, error))
        return 0;
    if (!query.next()) {
        *error = query.lastError().isValid() ? sqlErrorText(query.lastError())
                                             : Store::tr("The database did not return the new row's ID.");
        return 0;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

QString likeContains(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += QLatin1Char('%');
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    escaped += QLatin1Char('%');
    return escaped;
}

} // namespace mdm
