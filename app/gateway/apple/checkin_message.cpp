#include "checkin_message.h"

#include "plist.h"

namespace mdm::gateway {

namespace {

// Reads typed fields out of the body's dict; the first problem becomes the error.
class Fields
{
public:
    Fields(const QVariantMap &map, QString &error) : map_(map), error_(error) {}

    QString string(const QString &key, bool required = false)
    {
        const QVariant value = map_.value(key);
        if (!value.isValid()) {
            if (required)
                setError(AppleText::tr("The key %1 is missing.").arg(key));
            return {};
        }
        if (value.typeId() != QMetaType::QString) {
            setError(AppleText::tr("The key %1 is not a <string>.").arg(key));
            return {};
        }
        const QString text = value.toString();
        if (required && text.isEmpty())
            setError(AppleText::tr("The key %1 is empty.").arg(key));
        return text;
    }

    QByteArray data(const QString &key, bool required = false, bool *present = nullptr)
    {
        const QVariant value = map_.value(key);
        if (present)
            *present = false;
        if (!value.isValid()) {
            if (required)
                setError(AppleText::tr("The key %1 is missing.").arg(key));
            return {};
        }
        if (value.typeId() != QMetaType::QByteArray) {
            setError(AppleText::tr("The key %1 is not <data>.").arg(key));
            return {};
        }
        const QByteArray bytes = value.toByteArray();
        if (required && bytes.isEmpty())
            setError(AppleText::tr("The key %1 is empty.").arg(key));
        if (present)
            *present = true;
        return bytes;
    }

    QVariantList list(const QString &key)
    {
        const QVariant value = map_.value(key);
        if (!value.isValid())
            return {};
        if (value.typeId() != QMetaType::QVariantList) {
            setError(AppleText::tr("The key %1 is not an <array>.").arg(key));
            return {};
        }
        return value.toList();
    }

private:
    void setError(const QString &message)
    {
        if (error_.isEmpty())
            error_ = message;
    }

    const QVariantMap &map_;
    QString &error_;
};

// The body's root dict, or an error.
bool readDict(const QByteArray &body, QVariantMap &map, QString &error)
{
    const PlistResult plist = readPlist(body);
    if (!plist.ok()) {
        error = plist.error;
        return false;
    }
    if (plist.value.typeId() != QMetaType::QVariantMap) {
        error = AppleText::tr("The body's plist is not a <dict>.");
        return false;
    }
    map = plist.value.toMap();
    return true;
}

QString oneLine(const QString &text)
{
    return text.simplified();
}

} // namespace

CheckinMessage parseCheckin(const QByteArray &body)
{
    CheckinMessage message;
    QVariantMap map;
    if (!readDict(body, map, message.error))
        return message;
    Fields fields(map, message.error);
    message.messageType = fields.string(QStringLiteral("MessageType"), true);
    if (!message.ok())
        return message;
    if (message.messageType == QLatin1String("Authenticate")) {
        message.type = CheckinType::Authenticate;
    } else if (message.messageType == QLatin1String("TokenUpdate")) {
        message.type = CheckinType::TokenUpdate;
    } else if (message.messageType == QLatin1String("CheckOut")) {
        message.type = CheckinType::CheckOut;
    } else {
        message.error =
            AppleText::tr("The MessageType %1 is not supported.").arg(oneLine(message.messageType).left(60));
        return message;
    }
    message.udid = fields.string(QStringLiteral("UDID"), true);
    message.topic = fields.string(QStringLiteral("Topic"));
    message.serialNumber = fields.string(QStringLiteral("SerialNumber"));
    message.productName = fields.string(QStringLiteral("ProductName"));
    message.model = fields.string(QStringLiteral("Model"));
    message.modelName = fields.string(QStringLiteral("ModelName"));
    message.osVersion = fields.string(QStringLiteral("OSVersion"));
    message.buildVersion = fields.string(QStringLiteral("BuildVersion"));
    message.imei = fields.string(QStringLiteral("IMEI"));
    message.deviceName = fields.string(QStringLiteral("DeviceName"));
    const bool tokenUpdate = message.type == CheckinType::TokenUpdate;
    message.token = fields.data(QStringLiteral("Token"), tokenUpdate);
    message.pushMagic = fields.string(QStringLiteral("PushMagic"), tokenUpdate);
    message.unlockToken = fields.data(QStringLiteral("UnlockToken"), false, &message.hasUnlockToken);
    return message;
}

QString flattenErrorChain(const QVariantList &chain)
{
    QStringList parts;
    for (const QVariant &item : chain) {
        const QVariantMap entry = item.toMap();
        QString description = oneLine(entry.value(QStringLiteral("USEnglishDescription")).toString());
        if (description.isEmpty())
            description = oneLine(entry.value(QStringLiteral("LocalizedDescription")).toString());
        const QString domain = oneLine(entry.value(QStringLiteral("ErrorDomain")).toString());
        const QVariant code = entry.value(QStringLiteral("ErrorCode"));
        QString where = domain;
        if (code.isValid())
            where = (where + QLatin1Char(' ') + oneLine(code.toString())).trimmed();
        QString part = description;
        if (!where.isEmpty())
            part = part.isEmpty() ? where : part + QStringLiteral(" (") + where + QLatin1Char(')');
        if (!part.isEmpty())
            parts.append(part);
    }
    // The line goes into the device's Remarks: long chains are cut rather than flooding them.
    QString text = parts.join(QStringLiteral("; "));
    constexpr qsizetype kMaxLength = 1000;
    if (text.size() > kMaxLength)
        text = text.left(kMaxLength - 1) + QChar(0x2026);
    return text;
}

ConnectReport parseConnect(const QByteArray &body)
{
    ConnectReport report;
    QVariantMap map;
    if (!readDict(body, map, report.error))
        return report;
    Fields fields(map, report.error);
    report.udid = fields.string(QStringLiteral("UDID"), true);
    report.statusText = fields.string(QStringLiteral("Status"), true);
    if (!report.ok())
        return report;
    static const QList<std::pair<QLatin1String, CommandStatus>> statuses = {
        {QLatin1String("Idle"), CommandStatus::Idle},
        {QLatin1String("Acknowledged"), CommandStatus::Acknowledged},
        {QLatin1String("Error"), CommandStatus::Error},
        {QLatin1String("CommandFormatError"), CommandStatus::CommandFormatError},
        {QLatin1String("NotNow"), CommandStatus::NotNow},
    };
    for (const auto &[name, status] : statuses) {
        if (report.statusText == name)
            report.status = status;
    }
    if (report.status == CommandStatus::Unknown) {
        report.error =
            AppleText::tr("The Status %1 is not supported.").arg(oneLine(report.statusText).left(60));
        return report;
    }
    report.commandUuid = fields.string(QStringLiteral("CommandUUID"), report.status != CommandStatus::Idle);
    const QVariantList chain = fields.list(QStringLiteral("ErrorChain"));
    for (const QVariant &entry : chain) {
        if (entry.typeId() != QMetaType::QVariantMap && report.error.isEmpty())
            report.error = AppleText::tr("An ErrorChain entry is not a <dict>.");
    }
    report.errorChain = flattenErrorChain(chain);
    return report;
}

QByteArray commandPlist(const QString &commandUuid, const QString &requestType, const QVariantMap &extra)
{
    QVariantMap command = extra;
    command.insert(QStringLiteral("RequestType"), requestType);
    return writePlist(
        QVariantMap{{QStringLiteral("CommandUUID"), commandUuid}, {QStringLiteral("Command"), command}});
}

} // namespace mdm::gateway
