#include "domain/domain.h"

#include <array>

namespace mdm {

namespace {
constexpr std::array<const char *, kPlatformCount> kPlatformKeys{"android", "ios",     "ipados",
                                                                 "macos",   "windows", "other"};
constexpr std::array<const char *, kPlatformCount> kPlatformIcons{
    ":/icons/platform-android.svg", ":/icons/platform-ios.svg",     ":/icons/platform-ipados.svg",
    ":/icons/platform-macos.svg",   ":/icons/platform-windows.svg", ":/icons/platform-other.svg"};

QString normalized(const QString &text)
{
    QString out;
    for (QChar c : text.trimmed())
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}
} // namespace

QString DomainText::platform(Platform p)
{
    switch (p) {
    case Platform::Android:
        return tr("Android");
    case Platform::iOS:
        return tr("iOS");
    case Platform::iPadOS:
        return tr("iPadOS");
    case Platform::macOS:
        return tr("macOS");
    case Platform::Windows:
        return tr("Windows");
    case Platform::Other:
        break;
    }
    return tr("Other");
}

QString DomainText::ownership(Ownership o)
{
    return o == Ownership::Personal ? tr("Personal") : tr("Corporate");
}

QString DomainText::deviceState(DeviceState s)
{
    switch (s) {
    case DeviceState::Staged:
        return tr("Staged");
    case DeviceState::Enrolled:
        return tr("Enrolled");
    case DeviceState::Unmanaged:
        return tr("Unmanaged");
    case DeviceState::RevokePending:
        return tr("Revoke pending");
    case DeviceState::WipePending:
        return tr("Wipe pending");
    case DeviceState::RevokeFailed:
        return tr("Revoke failed");
    case DeviceState::WipeFailed:
        return tr("Wipe failed");
    }
    return {};
}

QString DomainText::inviteStatus(InvitationDisplayStatus s)
{
    switch (s) {
    case InvitationDisplayStatus::Queued:
        return tr("Queued");
    case InvitationDisplayStatus::Pending:
        return tr("Pending");
    case InvitationDisplayStatus::Expired:
        return tr("Expired");
    case InvitationDisplayStatus::DeliveryFailed:
        return tr("Delivery failed");
    }
    return {};
}

QString DomainText::deprovisionMode(DeprovisionMode m)
{
    return m == DeprovisionMode::FactoryReset ? tr("Factory reset") : tr("Revoke MDM");
}

QString platformKey(Platform p)
{
    return QString::fromLatin1(kPlatformKeys[static_cast<size_t>(p)]);
}

std::optional<Platform> platformFromText(const QString &text)
{
    const QString key = normalized(text);
    for (int i = 0; i < kPlatformCount; ++i)
        if (key == QLatin1String(kPlatformKeys[static_cast<size_t>(i)]))
            return static_cast<Platform>(i);
    if (key == QLatin1String("iphone") || key == QLatin1String("ios/ipados"))
        return Platform::iOS;
    if (key == QLatin1String("ipad"))
        return Platform::iPadOS;
    if (key == QLatin1String("mac") || key == QLatin1String("osx") || key == QLatin1String("macosx"))
        return Platform::macOS;
    if (key == QLatin1String("win") || key == QLatin1String("win10") || key == QLatin1String("win11"))
        return Platform::Windows;
    return std::nullopt;
}

QString ownershipKey(Ownership o)
{
    return o == Ownership::Personal ? QStringLiteral("personal") : QStringLiteral("corporate");
}

std::optional<Ownership> ownershipFromText(const QString &text)
{
    const QString key = normalized(text);
    if (key == QLatin1String("corporate") || key == QLatin1String("corp") || key == QLatin1String("cope"))
        return Ownership::Corporate;
    if (key == QLatin1String("personal") || key == QLatin1String("byod"))
        return Ownership::Personal;
    return std::nullopt;
}

QString platformIconPath(Platform p)
{
    return QString::fromLatin1(kPlatformIcons[static_cast<size_t>(p)]);
}

} // namespace mdm
