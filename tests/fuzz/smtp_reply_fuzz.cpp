// libFuzzer target for the SMTP reply reader (app/mail/smtp_reply.cpp): whatever a server sends, in whatever
// pieces the network delivers it, must read without a crash or undefined behaviour, and the reader must keep
// its rules: a reply has one three-digit code on every line and only its last line without the '-'; buffered
// bytes never grow past kMaxReplyLine without a line end being reported; and the replies read do not depend
// on how the bytes were split (the first input byte chooses the piece size). The EHLO capability parser runs
// on every reply.
#include "smtp_reply.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace {

using mdm::mail::SmtpReplyRead;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// Every reply read from bytes delivered in pieces of chunk bytes, then how reading ended.
QList<SmtpReplyRead> readAll(const QByteArray &bytes, qsizetype chunk)
{
    QList<SmtpReplyRead> replies;
    QByteArray buffer;
    QList<QByteArray> pending;
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        buffer += bytes.mid(at, chunk);
        for (;;) {
            const qsizetype before = buffer.size();
            SmtpReplyRead taken = mdm::mail::takeSmtpReply(&buffer, &pending);
            if (taken.kind == SmtpReplyRead::Kind::NeedMore) {
                // Lines of an unfinished multi-line reply moved to pending; only a partial line stays.
                check(buffer.size() <= before && !buffer.contains('\n'));
                check(buffer.size() <= mdm::mail::kMaxReplyLine);
                break;
            }
            if (taken.kind != SmtpReplyRead::Kind::Reply) {
                // The client gives up on the connection here.
                replies.append(taken);
                return replies;
            }
            check(buffer.size() < before);
            check(!taken.lines.isEmpty() && taken.lines.size() <= mdm::mail::kMaxReplyLines);
            check(taken.code >= 0 && taken.code <= 999);
            const QString code = taken.lines.first().left(3);
            check(code.toInt() == taken.code);
            for (qsizetype i = 0; i < taken.lines.size(); ++i) {
                const QString &line = taken.lines[i];
                check(line.left(3) == code);
                const bool last = i == taken.lines.size() - 1;
                check(last ? (line.size() == 3 || line.at(3) == QLatin1Char(' '))
                           : (line.size() > 3 && line.at(3) == QLatin1Char('-')));
            }
            check(pending.isEmpty());
            mdm::mail::SmtpCapabilities capabilities = mdm::mail::parseSmtpCapabilities(taken.lines);
            check(capabilities.authMechanisms.removeDuplicates() == 0);
            for (const QString &mechanism : capabilities.authMechanisms)
                check(!mechanism.isEmpty() && mechanism == mechanism.toUpper());
            replies.append(taken);
        }
    }
    return replies;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunk = data[0] % 16 + 1;
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const QList<SmtpReplyRead> whole = readAll(bytes, bytes.size() + 1);
    const QList<SmtpReplyRead> pieces = readAll(bytes, chunk);
    // A line too long for the buffer may be noticed earlier in pieces than whole; everything before agrees.
    const qsizetype common = std::min(whole.size(), pieces.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (whole[i].kind == SmtpReplyRead::Kind::LineTooLong ||
            pieces[i].kind == SmtpReplyRead::Kind::LineTooLong)
            return 0;
        check(whole[i].kind == pieces[i].kind && whole[i].code == pieces[i].code &&
              whole[i].lines == pieces[i].lines && whole[i].badLine == pieces[i].badLine);
    }
    return 0;
}
