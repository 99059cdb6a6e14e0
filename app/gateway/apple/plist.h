#pragma once
// Apple's XML property lists (the bodies of MDM check-ins, command reports, commands and profiles), read
// and written without any HTTP. Values map to Qt types as follows:
//   <dict> QVariantMap, <array> QVariantList, <string> QString, <integer> qint64, <real> double,
//   <true/>/<false/> bool, <data> QByteArray (base64 in the XML), <date> QDateTime (UTC, whole seconds).
// The reader takes untrusted input from the network: it refuses DTD entity and notation declarations
// and entity references, nests at most kMaxPlistDepth containers deep, and rejects duplicate keys and
// anything after </plist>. Its errors name the line.
#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace mdm::gateway {

inline constexpr int kMaxPlistDepth = 32;

struct PlistResult
{
    QVariant value;
    QString error; // empty when the body was read
    bool ok() const { return error.isEmpty(); }
};

PlistResult readPlist(const QByteArray &xml);

// A complete document (XML declaration, Apple's DOCTYPE, <plist version="1.0">). Python's plistlib
// reads it. QVariantHash and QStringList are written as dict and array; other integer types as integer;
// characters XML cannot carry (control characters, lone surrogates) become U+FFFD; a QVariant of a type
// plists do not have is written as its toString() text.
QByteArray writePlist(const QVariant &value);

class AppleText
{
    Q_DECLARE_TR_FUNCTIONS(AppleText)
};

} // namespace mdm::gateway
