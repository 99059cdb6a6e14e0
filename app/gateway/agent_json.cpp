#include "agent_json.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace mdm::gateway {

namespace {

class AgentText
{
    Q_DECLARE_TR_FUNCTIONS(AgentJson)
};

// The body's top-level object; *error set when it is not one.
QJsonObject object(const QByteArray &body, QString *error)
{
    QJsonParseError parse{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = AgentText::tr("Malformed JSON at offset %1: %2").arg(parse.offset).arg(parse.errorString());
        return {};
    }
    if (!document.isObject()) {
        *error = AgentText::tr("The body is not a JSON object.");
        return {};
    }
    return document.object();
}

// A string field: absent or null reads as empty; any other type, or one too long, is an error.
QString text(const QJsonObject &o, const char *key, int maxLength, QString *error)
{
    const QJsonValue value = o.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        if (error->isEmpty())
            *error = AgentText::tr("“%1” must be a string.").arg(QLatin1String(key));
        return {};
    }
    const QString s = value.toString();
    if (s.size() > maxLength) {
        if (error->isEmpty())
            *error =
                AgentText::tr("“%1” is longer than %2 characters.").arg(QLatin1String(key)).arg(maxLength);
        return {};
    }
    return s.trimmed();
}

} // namespace

AgentEnrollBody readAgentEnroll(const QByteArray &body)
{
    AgentEnrollBody out;
    const QJsonObject o = object(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    out.token = text(o, "token", kMaxAgentField, &out.error);
    const QString platform = text(o, "platform", kMaxAgentField, &out.error);
    out.facts.serial = text(o, "serial", kMaxAgentField, &out.error);
    out.facts.imei = text(o, "imei", kMaxAgentField, &out.error);
    out.facts.model = text(o, "model", kMaxAgentField, &out.error);
    out.facts.osVersion = text(o, "osVersion", kMaxAgentField, &out.error);
    out.facts.deviceName = text(o, "deviceName", kMaxAgentField, &out.error);
    if (!out.error.isEmpty())
        return out;
    if (out.token.isEmpty()) {
        out.error = AgentText::tr("“token” is missing.");
        return out;
    }
    const auto p = platformFromText(platform);
    if (!p) {
        out.error = AgentText::tr("“platform” must be one of android, ios, ipados, macos, windows, other.");
        return out;
    }
    out.platform = *p;
    return out;
}

AgentResultBody readAgentResult(const QByteArray &body)
{
    AgentResultBody out;
    const QJsonObject o = object(body, &out.error);
    if (!out.error.isEmpty())
        return out;
    const QString status = text(o, "status", kMaxAgentField, &out.error);
    out.errorText = text(o, "error", kMaxAgentErrorText, &out.error);
    if (!out.error.isEmpty())
        return out;
    if (status == QLatin1String("Acknowledged"))
        out.status = CommandReportStatus::Acknowledged;
    else if (status == QLatin1String("Error"))
        out.status = CommandReportStatus::Error;
    else if (status == QLatin1String("NotNow"))
        out.status = CommandReportStatus::NotNow;
    else
        out.error = AgentText::tr("“status” must be Acknowledged, Error or NotNow.");
    return out;
}

QString checkEmptyAgentBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return {};
    QString error;
    object(body, &error);
    return error;
}

} // namespace mdm::gateway
