#pragma once

#include "index/tab_spec.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace mdm {

// One remembered value of the window's layout: its key and type are written once, here, and every
// reader and writer goes through it (qBittorrent's SettingValue<T> is the model).
template <typename T> class SettingValue
{
public:
    SettingValue(QString key, T fallback = T()) : key_(std::move(key)), fallback_(std::move(fallback)) {}

    T get() const { return QSettings().value(key_, QVariant::fromValue(fallback_)).template value<T>(); }
    void set(const T &value) const { QSettings().setValue(key_, QVariant::fromValue(value)); }
    bool isSet() const { return QSettings().contains(key_); }

private:
    QString key_;
    T fallback_;
};

// What the console remembers between runs (QSettings, per user).
namespace UiSettings {

inline SettingValue<QByteArray> windowGeometry()
{
    return {QStringLiteral("window/geometry")};
}
inline SettingValue<QByteArray> windowState()
{
    return {QStringLiteral("window/state")};
}
inline SettingValue<bool> detailsPaneShown()
{
    return {QStringLiteral("window/detailsPane"), true};
}
inline SettingValue<int> currentTab()
{
    return {QStringLiteral("window/tab"), 0};
}
// The folder the last successful export went to, proposed for the next one.
inline SettingValue<QString> exportFolder()
{
    return {QStringLiteral("export/folder")};
}

// A tab's column order, widths, visibility and sort; and where its details pane splits.
inline QString tabKey(TabKind kind, const char *what)
{
    static const char *names[] = {"managed", "staged", "pending"};
    return QStringLiteral("tabs/%1/%2")
        .arg(QLatin1String(names[static_cast<int>(kind)]), QLatin1String(what));
}
inline SettingValue<QByteArray> tabHeader(TabKind kind)
{
    return {tabKey(kind, "header")};
}
inline SettingValue<QByteArray> tabSplitter(TabKind kind)
{
    return {tabKey(kind, "splitter")};
}

} // namespace UiSettings

} // namespace mdm
