#pragma once
// The JSON bodies of the agent API (README: "Agent API"), read without any HTTP: untrusted input from
// the network, so every field is checked for its type and length and anything else is an error.

#include "domain/domain.h"
#include "services/device_gateway_service.h"

#include <QByteArray>
#include <QString>

namespace mdm::gateway {

inline constexpr int kMaxAgentField = 256;      // token, serial, model, … (a secret is 32 characters)
inline constexpr int kMaxAgentErrorText = 4000; // a result's error text

// POST /agent/v1/enroll: {token, platform, serial, imei, model, osVersion, deviceName}.
struct AgentEnrollBody
{
    QString token;
    Platform platform = Platform::Other;
    DeviceFacts facts;
    QString error; // empty when the body was read
};
AgentEnrollBody readAgentEnroll(const QByteArray &body);

// POST /agent/v1/commands/<id>/result: {status: "Acknowledged"|"Error"|"NotNow", error}.
struct AgentResultBody
{
    CommandReportStatus status = CommandReportStatus::Idle;
    QString errorText;
    QString error; // empty when the body was read
};
AgentResultBody readAgentResult(const QByteArray &body);

// An empty body or a JSON object (checkin and checkout carry nothing); error text otherwise.
QString checkEmptyAgentBody(const QByteArray &body);

} // namespace mdm::gateway
