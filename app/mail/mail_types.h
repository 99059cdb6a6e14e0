#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mdm::mail {

// How to reach the submission server. Passed by value: the client never reads global settings.
struct SmtpSettings
{
    enum class Security
    {
        StartTls,    // plain connect, then STARTTLS is required (usually port 587)
        ImplicitTls, // TLS from the first byte (usually port 465)
        None,        // no TLS at all; the only mode that sends in clear text
    };

    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString user; // empty: no AUTH
    QString password;
    QString fromAddress; // envelope sender and From: address
    QString fromName;    // display name in From:, may be non-ASCII
    QString caFile;      // extra trusted CA certificates (PEM or DER), in addition to the system's
    int timeoutMs =
        30000; // for every step: connect, TLS handshake, each reply (restarted on progress); <= 0: 30 s
};

// A picture the HTML body shows inline as <img src="cid:CONTENT-ID"> (RFC 2392), sent as a part of
// its own: the HTML part and these become one multipart/related.
struct InlineImage
{
    QByteArray contentId; // "local@domain", without angle brackets
    QByteArray mimeType;  // e.g. "image/png"
    QString fileName;     // ASCII, offered when the user saves it
    QByteArray data;
};

struct MailMessage
{
    QByteArray
        messageId; // stable per outbox message, e.g. "<outbox-42.9f3a…@example.com>"; see makeMessageId()
    QString to;
    QString toName;
    QString subject;
    QString textBody;                // text/plain part (line ends: any of \n, \r\n, \r)
    QString htmlBody;                // text/html part; with both bodies the message is multipart/alternative
    QDateTime date;                  // Date: header; invalid → the time of sending
    QList<InlineImage> inlineImages; // only with an HTML body, which refers to them by Content-ID
};

struct SendResult
{
    enum class Kind
    {
        // The server accepted the message: 250 after the final dot of DATA.
        Sent,
        // Try again later: a 4xx reply, connection refused/reset/dropped, host not found, a timeout,
        // cancel(). A message whose final dot was sent but whose 250 never arrived is Transient too: it may
        // have been delivered, so a retry can duplicate it (the stable Message-ID lets mail clients dedupe).
        Transient,
        // This message will not be delivered: a 5xx reply to its RCPT TO or DATA, or an invalid
        // recipient address / Message-ID (nothing sent to the server).
        Permanent,
        // The settings are wrong and every message fails the same way until an admin fixes them: TLS
        // handshake or certificate errors (untrusted, expired, wrong host name), STARTTLS required but not
        // offered, AUTH failed (535 …) or not offered, sender address refused (5xx to MAIL FROM), a 5xx
        // greeting, an unreadable CA file, a non-SMTP answer. Retrying without a change is pointless.
        ConfigError,
    };

    Kind kind = Kind::Transient;
    QString serverReply; // the server's exact reply ("550 5.1.1 <x@y>: Recipient address rejected"); lines of
                         // a multi-line reply joined with '\n'; empty when the server said nothing relevant
    QString error;       // readable explanation; empty for Sent (for testConnection(): a summary)

    bool sent() const { return kind == Kind::Sent; }
};

// "Sent", "Transient", "Permanent", "ConfigError" (for logs and test output, not for the UI).
QString toString(SendResult::Kind kind);

} // namespace mdm::mail

Q_DECLARE_METATYPE(mdm::mail::SendResult)
