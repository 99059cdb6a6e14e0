#pragma once

#include "mail_types.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

// Building RFC 5322 / MIME messages: UTF-8 bodies in quoted-printable or base64, RFC 2047 encoded-words for
// non-ASCII subjects and display names, CRLF line ends, no line longer than 78 characters in headers (unless
// one word is longer) and 76 in bodies — always far below the 998 limit.
namespace mdm::mail::mime {

struct BuiltMessage
{
    QByteArray data;         // the whole message, CRLF line ends, ending in CRLF; not yet dot-stuffed
    QByteArray messageId;    // as written in the Message-ID header, with angle brackets
    QByteArray envelopeFrom; // ASCII addresses for MAIL FROM / RCPT TO (IDN domains in punycode)
    QByteArray envelopeTo;
    QString error; // non-empty: the message could not be built (e.g. invalid address); data is empty
};

// The whole message. from: the envelope sender and From: header (from SmtpSettings).
BuiltMessage build(const MailMessage &message, const QString &fromAddress, const QString &fromName);

// "<prefix.RANDOM@domain-of-fromAddress>", e.g. makeMessageId("outbox-42", "it@example.com"). Store it with
// the outbox message so that a retry carries the same Message-ID.
QByteArray makeMessageId(const QString &prefix, const QString &fromAddress);

// RFC 5322 date in English: "Tue, 01 Jul 2025 09:05:03 +0200" (the offset of the QDateTime's time spec).
QByteArray formatDate(const QDateTime &dateTime);

// An ASCII mailbox address for SMTP and headers: the domain converted to punycode, std::nullopt when the
// address is not a plain "local@domain" (no spaces, angle brackets, CR/LF, non-ASCII local part, …).
std::optional<QByteArray> normalizeAddress(const QString &address);

// A complete header field, folded at whitespace to lines of at most 78 characters, ending in CRLF.
// Unstructured text (Subject) is written as is when it is printable ASCII, else as RFC 2047 "B" encoded-words
// of whole UTF-8 characters.
QByteArray unstructuredHeader(const QByteArray &name, const QString &text);
// "From: Display Name <addr>" with the name as atoms, a quoted-string or encoded-words as needed.
QByteArray mailboxHeader(const QByteArray &name, const QString &displayName, const QByteArray &address);

// RFC 2047 encoded-words ("=?UTF-8?B?...?=", each at most 68 characters) for text; never splits a character.
QList<QByteArray> encodedWords(const QString &text);

// The body as UTF-8 with CRLF line ends (any of \n, \r\n, \r accepted), quoted-printable (lines ≤ 76).
QByteArray quotedPrintable(const QString &text);
// The same in base64, lines of 76 characters.
QByteArray base64Body(const QString &text);

// SMTP transparency (RFC 5321 4.5.2): a '.' is doubled at the start of every line. Also makes sure the data
// ends with CRLF; the caller appends the terminating ".\r\n".
QByteArray dotStuff(const QByteArray &data);

} // namespace mdm::mail::mime
