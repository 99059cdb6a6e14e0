#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace mdm::mail {

// Reading SMTP replies (RFC 5321 §4.2) out of the bytes a server sent: pure functions with no socket, so
// SmtpClient and the fuzzer (tests/fuzz/smtp_reply_fuzz.cpp) run the same code.

constexpr qsizetype kMaxReplyLine = 4096; // RFC 5321 allows 512; be lenient, but never buffer without bound
constexpr qsizetype kMaxReplyLines = 500;

struct SmtpReplyRead
{
    enum class Kind
    {
        NeedMore,    // no complete reply yet; the bytes stay in the buffer
        Reply,       // code and lines hold one complete reply
        LineTooLong, // more than kMaxReplyLine bytes without a line end: not an SMTP server
        NotSmtp,     // badLine is no reply line ("250-…", "250 …", "250") or breaks the reply's code
    };
    Kind kind = Kind::NeedMore;
    int code = 0;
    QStringList lines;  // every line of the reply, code included, without CR LF
    QByteArray badLine; // NotSmtp: the offending line
};

// Takes the next complete reply off the front of buffer. Lines of a multi-line reply ("250-…") read so far
// wait in pending between calls (start with an empty list and keep it for the connection). Every complete
// line read is removed from buffer; a partial line stays for the next call.
SmtpReplyRead takeSmtpReply(QByteArray *buffer, QList<QByteArray> *pending);

// What an EHLO reply offers: STARTTLS, and the AUTH mechanisms in the server's order ("AUTH PLAIN LOGIN" or
// the old "AUTH=PLAIN LOGIN"), upper case, each once. The first line (the greeting) is no capability.
struct SmtpCapabilities
{
    bool startTls = false;
    QStringList authMechanisms;
};
SmtpCapabilities parseSmtpCapabilities(const QStringList &ehloReplyLines);

} // namespace mdm::mail
