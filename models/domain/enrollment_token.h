#pragma once

#include <QByteArray>
#include <QString>

namespace mdm {

// A secret the user's device presents to enroll. Only its SHA-256 is stored, so a stolen store file
// cannot be used to enroll a rogue device.
struct EnrollmentToken
{
    static constexpr int kRandomBytes = 24; // 192 bits

    QString text;    // base64url, goes into the enrollment link
    QByteArray hash; // SHA-256 of text, goes into the store

    static EnrollmentToken generate();
    static QByteArray hashOf(const QString &text);
};

} // namespace mdm
