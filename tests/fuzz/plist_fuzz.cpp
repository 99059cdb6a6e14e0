// libFuzzer target for Apple's MDM bodies (app/gateway/apple): the XML plist reader and the check-in and
// command-report parsers on top of it. Whatever a device (or anyone on the network) sends must read without
// a crash, undefined behaviour or leak, and the readers must keep their rules: an error or a value, never
// both; containers no deeper than kMaxPlistDepth; whatever was read is written back as a plist that reads
// again and writes the same bytes a second time; a check-in or report that parses has the keys the gateway
// relies on; and the command bodies written from what was read always read back.
#include "checkin_message.h"
#include "plist.h"

#include <cstdint>
#include <cstdlib>

namespace {

using namespace mdm::gateway;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// Nesting depth of containers: a scalar is 0, an empty dict or array 1.
int depthOf(const QVariant &value)
{
    int deepest = 0;
    if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = value.toMap();
        for (const QVariant &item : map)
            deepest = std::max(deepest, depthOf(item));
        return deepest + 1;
    }
    if (value.typeId() == QMetaType::QVariantList) {
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            deepest = std::max(deepest, depthOf(item));
        return deepest + 1;
    }
    return 0;
}

void checkPlist(const QByteArray &bytes)
{
    const PlistResult read = readPlist(bytes);
    if (!read.ok()) {
        check(!read.value.isValid());
        return;
    }
    check(read.value.isValid());
    check(depthOf(read.value) <= kMaxPlistDepth);
    // The writer may replace characters XML cannot carry; after one round the bytes stay the same.
    const QByteArray written = writePlist(read.value);
    const PlistResult again = readPlist(written);
    check(again.ok());
    check(writePlist(again.value) == written);
}

void checkCheckin(const QByteArray &bytes)
{
    const CheckinMessage message = parseCheckin(bytes);
    if (!message.ok()) {
        check(!message.error.isEmpty());
        return;
    }
    check(readPlist(bytes).ok());
    check(message.type != CheckinType::Unknown && !message.udid.isEmpty());
    if (message.type == CheckinType::TokenUpdate)
        check(!message.token.isEmpty() && !message.pushMagic.isEmpty());
    check(message.hasUnlockToken || message.unlockToken.isEmpty());
    // The gateway answers with command bodies built from what a device sent: they must always read back.
    const QByteArray command = commandPlist(
        message.udid, message.messageType,
        {{QStringLiteral("Identifier"), message.deviceName}, {QStringLiteral("Data"), message.token}});
    const PlistResult read = readPlist(command);
    check(read.ok() && read.value.toMap().value(QStringLiteral("Command")).toMap().size() == 3);
}

void checkConnect(const QByteArray &bytes)
{
    const ConnectReport report = parseConnect(bytes);
    if (!report.ok()) {
        check(!report.error.isEmpty());
        return;
    }
    check(readPlist(bytes).ok());
    check(report.status != CommandStatus::Unknown && !report.udid.isEmpty() && !report.statusText.isEmpty());
    check(report.status == CommandStatus::Idle || !report.commandUuid.isEmpty());
    check(report.errorChain.size() <= 1000 && !report.errorChain.contains(QLatin1Char('\n')));
    const QByteArray command = commandPlist(report.commandUuid, report.statusText,
                                            {{QStringLiteral("ErrorChain"), report.errorChain}});
    check(readPlist(command).ok());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkPlist(bytes);
    checkCheckin(bytes);
    checkConnect(bytes);
    return 0;
}
