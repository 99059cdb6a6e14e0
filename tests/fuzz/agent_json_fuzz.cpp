// libFuzzer target for the agent API's JSON reader (app/gateway/agent_json.cpp): whatever a device sends as
// the body of /agent/v1/enroll, /agent/v1/commands/<id>/result, checkin or checkout must read without a
// crash or undefined behaviour, and an accepted body must keep the reader's promises: a token, a known
// platform, no field longer than its limit, a result status the state machine knows.
#include "agent_json.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    using namespace mdm::gateway;

    const AgentEnrollBody enroll = readAgentEnroll(body);
    if (enroll.error.isEmpty()) {
        check(!enroll.token.isEmpty() && enroll.token.size() <= kMaxAgentField);
        for (const QString *field : {&enroll.facts.serial, &enroll.facts.imei, &enroll.facts.model,
                                     &enroll.facts.osVersion, &enroll.facts.deviceName})
            check(field->size() <= kMaxAgentField);
        check(static_cast<int>(enroll.platform) >= 0 &&
              static_cast<int>(enroll.platform) < mdm::kPlatformCount);
    }

    const AgentResultBody result = readAgentResult(body);
    if (result.error.isEmpty()) {
        check(result.status != mdm::CommandReportStatus::Idle);
        check(result.errorText.size() <= kMaxAgentErrorText);
    }

    checkEmptyAgentBody(body);
    return 0;
}
