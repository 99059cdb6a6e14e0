#include "smtp_reply.h"

#include <utility>

namespace mdm::mail {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

SmtpReplyRead takeSmtpReply(QByteArray *buffer, QList<QByteArray> *pending)
{
    SmtpReplyRead result;
    for (;;) {
        const qsizetype newline = buffer->indexOf('\n');
        if (newline < 0) {
            if (buffer->size() > kMaxReplyLine)
                result.kind = SmtpReplyRead::Kind::LineTooLong;
            return result;
        }
        QByteArray line = buffer->left(newline);
        buffer->remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        // "250-first line", "250-…", "250 last line" (or just "250"): same code on every line.
        const bool valid = line.size() >= 3 && isDigit(line.at(0)) && isDigit(line.at(1)) &&
                           isDigit(line.at(2)) &&
                           (line.size() == 3 || line.at(3) == ' ' || line.at(3) == '-') &&
                           (pending->isEmpty() || line.left(3) == pending->constFirst().left(3)) &&
                           pending->size() < kMaxReplyLines;
        if (!valid) {
            result.kind = SmtpReplyRead::Kind::NotSmtp;
            result.badLine = line;
            return result;
        }
        pending->append(line);
        if (line.size() > 3 && line.at(3) == '-')
            continue;
        result.kind = SmtpReplyRead::Kind::Reply;
        result.code = line.left(3).toInt();
        for (const QByteArray &replyLine : std::as_const(*pending))
            result.lines.append(QString::fromUtf8(replyLine));
        pending->clear();
        return result;
    }
}

SmtpCapabilities parseSmtpCapabilities(const QStringList &ehloReplyLines)
{
    SmtpCapabilities capabilities;
    for (qsizetype i = 1; i < ehloReplyLines.size(); ++i) {
        const QString capability = ehloReplyLines.at(i).mid(4).trimmed().toUpper();
        const QStringList words = capability.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        if (words.first() == QLatin1String("STARTTLS")) {
            capabilities.startTls = true;
        } else if (words.first() == QLatin1String("AUTH") ||
                   words.first().startsWith(QLatin1String("AUTH="))) {
            QStringList mechanisms = words.mid(1);
            if (words.first().size() > 5)
                mechanisms.prepend(words.first().mid(5));
            for (const QString &mechanism : std::as_const(mechanisms)) {
                if (!capabilities.authMechanisms.contains(mechanism))
                    capabilities.authMechanisms.append(mechanism);
            }
        }
    }
    return capabilities;
}

} // namespace mdm::mail
