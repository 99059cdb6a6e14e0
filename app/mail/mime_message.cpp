#include "mime_message.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace mdm::mail::mime {

namespace {

constexpr int kMaxHeaderLine = 78; // RFC 5322 2.1.1 SHOULD
constexpr int kMaxBodyLine = 76;   // RFC 2045 6.7 / 6.8
constexpr int kMaxEncodedBytes =
    42;                        // UTF-8 bytes per encoded-word → "=?UTF-8?B?" + 56 + "?=" = 68 characters
constexpr int kLongWord = 900; // a word this long would break the 998 limit when written as is

const char kHex[] = "0123456789ABCDEF";

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

bool hasLongWord(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '));
    for (const QString &word : words) {
        if (word.size() > kLongWord)
            return true;
    }
    return false;
}

// Header values must not contain line breaks (header injection); other control characters become spaces too.
QString singleLine(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    }
    return result.trimmed();
}

// Folds tokens into a header field. Every token after the first starts with the whitespace that separates it
// from the previous one; a fold (CRLF) goes just before that whitespace, so unfolding restores the text.
QByteArray fold(const QByteArray &name, const QList<QByteArray> &tokens)
{
    QByteArray out = name + ':';
    qsizetype lineLength = out.size();
    bool first = true;
    for (const QByteArray &token : tokens) {
        QByteArray piece = first ? ' ' + token : token;
        if (!first && lineLength + piece.size() > kMaxHeaderLine) {
            out += "\r\n";
            lineLength = 0;
        }
        out += piece;
        lineLength += piece.size();
        first = false;
    }
    out += "\r\n";
    return out;
}

// "a  b c" → "a", "  b", " c": tokens that keep their leading whitespace (for fold()).
QList<QByteArray> asciiTokens(const QString &text)
{
    QList<QByteArray> tokens;
    const QByteArray bytes = text.toLatin1();
    QByteArray current;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == ' ' && !current.isEmpty() && current.back() != ' ') {
            tokens.append(current);
            current.clear();
        }
        current += c;
    }
    if (!current.isEmpty())
        tokens.append(current);
    return tokens;
}

QList<QByteArray> encodedTokens(const QString &text)
{
    QList<QByteArray> tokens = encodedWords(text);
    for (qsizetype i = 1; i < tokens.size(); ++i)
        tokens[i].prepend(' ');
    return tokens;
}

bool isAtext(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-/=?^_`{|}~", c) != nullptr && c != '\0';
}

// A display name as a phrase: atoms when possible, a quoted-string for printable ASCII with specials,
// encoded-words for anything else.
QList<QByteArray> phraseTokens(const QString &name)
{
    if (!isPrintableAscii(name) || name.contains(QLatin1String("=?")) || hasLongWord(name))
        return encodedTokens(name);
    const QByteArray bytes = name.toLatin1();
    bool atoms = true;
    for (const char c : bytes) {
        if (c != ' ' && !isAtext(c))
            atoms = false;
    }
    if (atoms)
        return asciiTokens(name);
    QByteArray quoted = "\"";
    for (const char c : bytes) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    if (quoted.size() > kLongWord)
        return encodedTokens(name);
    return {quoted};
}

// Splits text into lines at \r\n, \n or \r (UTF-8 per line).
QList<QByteArray> utf8Lines(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return normalized.toUtf8().split('\n');
}

QByteArray crlfText(const QString &text)
{
    return utf8Lines(text).join("\r\n");
}

// Mostly non-ASCII text (e.g. Japanese) is a third smaller in base64; anything else reads better as QP.
bool preferBase64(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    qsizetype high = 0;
    for (const char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80)
            ++high;
    }
    return high * 3 > utf8.size();
}

QByteArray partHeaders(const char *mimeType, const QString &body, QByteArray *encodedBody,
                       bool *isBase64 = nullptr)
{
    const bool base64 = preferBase64(body);
    if (isBase64)
        *isBase64 = base64;
    *encodedBody = base64 ? base64Body(body) : quotedPrintable(body);
    return QByteArray("Content-Type: ") + mimeType +
           "; charset=UTF-8\r\nContent-Transfer-Encoding: " + (base64 ? "base64" : "quoted-printable") +
           "\r\n";
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

QByteArray normalizeMessageId(const QByteArray &given, QString *error)
{
    QByteArray id = given.trimmed();
    if (!id.startsWith('<'))
        id.prepend('<');
    if (!id.endsWith('>'))
        id.append('>');
    bool ok = id.size() > 4 && id.size() <= kLongWord && id.count('@') == 1 && id.count('<') == 1 &&
              id.count('>') == 1;
    for (const char c : id) {
        if (c <= 0x20 || c >= 0x7f)
            ok = false;
    }
    if (!ok)
        *error = QStringLiteral("invalid Message-ID: ") + QString::fromLatin1(given);
    return id;
}

// Base64 of binary data in lines of 76 characters, CRLF between them.
QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); i += kMaxBodyLine) {
        if (i > 0)
            out += "\r\n";
        out += encoded.mid(i, kMaxBodyLine);
    }
    return out;
}

// Content-IDs, types and file names go into headers as they are: only plain tokens, no CR/LF, quotes or
// brackets that could end the field or the angle-bracketed ID.
bool isHeaderToken(const QByteArray &value, const char *extra)
{
    if (value.isEmpty() || value.size() > 200)
        return false;
    for (const char c : value) {
        if (!isAtext(c) && std::strchr(extra, c) == nullptr)
            return false;
    }
    return true;
}

// The HTML body as one entity: a text/html part, or with inline images a multipart/related whose first
// part is the HTML (RFC 2387) and whose images carry the Content-IDs it refers to.
QByteArray htmlEntity(const MailMessage &message, QString *error)
{
    QByteArray body;
    const QByteArray html = partHeaders("text/html", message.htmlBody, &body) + "\r\n" + body;
    if (message.inlineImages.isEmpty())
        return html;
    const QByteArray boundary = "=_mdm_rel_" + randomHex(12);
    QByteArray out = "Content-Type: multipart/related; type=\"text/html\";\r\n boundary=\"" + boundary +
                     "\"\r\n\r\n--" + boundary + "\r\n" + html + "\r\n";
    for (const InlineImage &image : message.inlineImages) {
        const QByteArray fileName = image.fileName.toLatin1();
        if (!isHeaderToken(image.contentId, "@.") || image.contentId.count('@') != 1 ||
            !isHeaderToken(image.mimeType, "/.") || !image.mimeType.startsWith("image/") ||
            !isHeaderToken(fileName, ".") || image.data.isEmpty()) {
            *error = QStringLiteral("invalid inline image: ") + QString::fromLatin1(image.contentId);
            return {};
        }
        out += "--" + boundary + "\r\nContent-Type: " + image.mimeType + "; name=\"" + fileName +
               "\"\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <" + image.contentId +
               ">\r\nContent-Disposition: inline; filename=\"" + fileName + "\"\r\n\r\n" +
               base64Lines(image.data) + "\r\n";
    }
    out += "--" + boundary + "--";
    return out;
}

} // namespace

QByteArray formatDate(const QDateTime &dateTime)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime dt = dateTime.isValid() ? dateTime : QDateTime::currentDateTime();
    const int offset = dt.offsetFromUtc();
    const QDateTime shifted = dt.toOffsetFromUtc(offset);
    const QDate date = shifted.date();
    const QTime time = shifted.time();
    const int offsetMinutes = std::abs(offset) / 60;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                  days[date.dayOfWeek() - 1], date.day(), months[date.month() - 1], date.year(), time.hour(),
                  time.minute(), time.second(), offset < 0 ? '-' : '+', offsetMinutes / 60,
                  offsetMinutes % 60);
    return QByteArray(buffer);
}

std::optional<QByteArray> normalizeAddress(const QString &address)
{
    static const QRegularExpression localPart(QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$"));
    static const QRegularExpression asciiDomain(QStringLiteral(
        "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$"));
    const QString trimmed = address.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == trimmed.size() - 1)
        return std::nullopt;
    const QString local = trimmed.left(at);
    const QString domain = trimmed.mid(at + 1);
    if (!localPart.match(local).hasMatch() || local.startsWith(QLatin1Char('.')) ||
        local.endsWith(QLatin1Char('.')) || local.contains(QLatin1String("..")))
        return std::nullopt;
    QByteArray aceDomain = QUrl::toAce(domain);
    if (aceDomain.isEmpty() || aceDomain.size() > 253 ||
        !asciiDomain.match(QString::fromLatin1(aceDomain)).hasMatch())
        return std::nullopt;
    return local.toLatin1() + '@' + aceDomain;
}

QList<QByteArray> encodedWords(const QString &text)
{
    QList<QByteArray> words;
    QByteArray chunk;
    auto flush = [&] {
        if (!chunk.isEmpty())
            words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length =
            (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        if (chunk.size() + character.size() > kMaxEncodedBytes)
            flush();
        chunk += character;
        i += length;
    }
    flush();
    return words;
}

QByteArray unstructuredHeader(const QByteArray &name, const QString &text)
{
    const QString line = singleLine(text);
    if (isPrintableAscii(line) && !line.contains(QLatin1String("=?")) && !hasLongWord(line))
        return fold(name, asciiTokens(line));
    return fold(name, encodedTokens(line));
}

QByteArray mailboxHeader(const QByteArray &name, const QString &displayName, const QByteArray &address)
{
    const QString phrase = singleLine(displayName);
    if (phrase.isEmpty())
        return fold(name, {address});
    QList<QByteArray> tokens = phraseTokens(phrase);
    tokens.append(" <" + address + '>');
    return fold(name, tokens);
}

QByteArray quotedPrintable(const QString &text)
{
    QByteArray out;
    const QList<QByteArray> lines = utf8Lines(text);
    for (qsizetype n = 0; n < lines.size(); ++n) {
        if (n > 0)
            out += "\r\n";
        const QByteArray &line = lines.at(n);
        qsizetype length = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line.at(i));
            const bool last = i == line.size() - 1;
            const bool encode =
                c == '=' || c > 126 || (c < 32 && c != '\t') || ((c == ' ' || c == '\t') && last);
            const qsizetype width = encode ? 3 : 1;
            // Leave room for the '=' of a soft line break unless this is the line's last character.
            if (length + width > (last ? kMaxBodyLine : kMaxBodyLine - 1)) {
                out += "=\r\n";
                length = 0;
            }
            if (encode) {
                out += '=';
                out += kHex[c >> 4];
                out += kHex[c & 0xf];
            } else {
                out += static_cast<char>(c);
            }
            length += width;
        }
    }
    return out;
}

QByteArray base64Body(const QString &text)
{
    const QByteArray encoded = crlfText(text).toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); i += kMaxBodyLine) {
        if (i > 0)
            out += "\r\n";
        out += encoded.mid(i, kMaxBodyLine);
    }
    return out;
}

QByteArray dotStuff(const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size() + data.size() / 50 + 2);
    bool lineStart = true;
    for (const char c : data) {
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = c == '\n';
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

QByteArray makeMessageId(const QString &prefix, const QString &fromAddress)
{
    QByteArray domain = "localhost";
    if (const auto from = normalizeAddress(fromAddress))
        domain = from->mid(from->lastIndexOf('@') + 1);
    QByteArray local;
    for (const char c : prefix.toLatin1()) {
        if (isAtext(c) || c == '.')
            local += c;
    }
    if (!local.isEmpty())
        local += '.';
    return '<' + local + randomHex(12) + '@' + domain + '>';
}

BuiltMessage build(const MailMessage &message, const QString &fromAddress, const QString &fromName)
{
    BuiltMessage built;
    const auto from = normalizeAddress(fromAddress);
    if (!from) {
        built.error = QStringLiteral("invalid sender address: ") + fromAddress;
        return built;
    }
    const auto to = normalizeAddress(message.to);
    if (!to) {
        built.error = QStringLiteral("invalid recipient address: ") + message.to;
        return built;
    }
    built.envelopeFrom = *from;
    built.envelopeTo = *to;
    built.messageId = message.messageId.trimmed().isEmpty()
                          ? makeMessageId(QString(), fromAddress)
                          : normalizeMessageId(message.messageId, &built.error);
    if (!built.error.isEmpty())
        return built;

    QByteArray data;
    data += "Date: " + formatDate(message.date) + "\r\n";
    data += mailboxHeader("From", fromName, *from);
    data += mailboxHeader("To", message.toName, *to);
    if (!singleLine(message.subject).isEmpty())
        data += unstructuredHeader("Subject", message.subject);
    data += "Message-ID: " + built.messageId + "\r\n";
    data += "MIME-Version: 1.0\r\n";

    const bool hasText = !message.textBody.isEmpty() || message.htmlBody.isEmpty();
    const bool hasHtml = !message.htmlBody.isEmpty();
    QByteArray body;
    if (hasHtml && !message.inlineImages.isEmpty()) {
        // Pictures shown by the HTML: multipart/alternative of the text and a multipart/related of the
        // HTML and its images (or that multipart/related alone), as mail clients expect.
        const QByteArray related = htmlEntity(message, &built.error);
        if (!built.error.isEmpty())
            return built;
        if (hasText) {
            const QByteArray boundary = "=_mdm_" + randomHex(12);
            data += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
            data += "--" + boundary + "\r\n" + partHeaders("text/plain", message.textBody, &body) + "\r\n" +
                    body + "\r\n";
            data += "--" + boundary + "\r\n" + related + "\r\n";
            data += "--" + boundary + "--\r\n";
        } else {
            data += related + "\r\n";
        }
    } else if (hasText && hasHtml) {
        // "=_" never occurs in quoted-printable or base64 output, so the boundary cannot clash with a body.
        const QByteArray boundary = "=_mdm_" + randomHex(12);
        data += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
        data += "--" + boundary + "\r\n" + partHeaders("text/plain", message.textBody, &body) + "\r\n" +
                body + "\r\n";
        data += "--" + boundary + "\r\n" + partHeaders("text/html", message.htmlBody, &body) + "\r\n" + body +
                "\r\n";
        data += "--" + boundary + "--\r\n";
    } else {
        const QString &text = hasHtml ? message.htmlBody : message.textBody;
        bool base64 = false;
        data += partHeaders(hasHtml ? "text/html" : "text/plain", text, &body, &base64) + "\r\n" + body;
        // Here the message's final CRLF belongs to the body: a text without a final line break ends in a
        // quoted-printable soft break instead (base64 decoders ignore the CRLF).
        if (!body.endsWith("\r\n"))
            data += base64 ? "\r\n" : "=\r\n";
    }
    built.data = data;
    return built;
}

} // namespace mdm::mail::mime
