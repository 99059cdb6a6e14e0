#include "domain/enrollment_token.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <array>

namespace mdm {

EnrollmentToken EnrollmentToken::generate()
{
    std::array<quint32, kRandomBytes / 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), static_cast<qsizetype>(words.size()));
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), kRandomBytes);
    EnrollmentToken token;
    token.text =
        QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    token.hash = hashOf(token.text);
    return token;
}

QByteArray EnrollmentToken::hashOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace mdm
