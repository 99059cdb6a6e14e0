#include "plist.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace mdm::gateway {

namespace {

using Token = QXmlStreamReader::TokenType;

// A recursive-descent reader over QXmlStreamReader's tokens. The first error wins; every step after it
// returns at once, so the text names where the body first went wrong.
class Reader
{
public:
    explicit Reader(const QByteArray &xml) : xml_(xml) {}

    PlistResult read()
    {
        PlistResult result;
        if (readPrologue() && readRoot(result.value))
            readEpilogue();
        if (!error_.isEmpty())
            result = {QVariant(), error_};
        return result;
    }

private:
    bool fail(const QString &message)
    {
        if (error_.isEmpty())
            error_ = AppleText::tr("Line %1: %2").arg(xml_.lineNumber()).arg(message);
        return false;
    }

    bool failFromXml() { return fail(xml_.errorString()); }

    // The next token that matters: comments and whitespace between elements are skipped; DTDs, entity
    // references and processing instructions inside the document are refused.
    Token nextSignificant()
    {
        for (;;) {
            const Token token = xml_.readNext();
            switch (token) {
            case Token::Comment:
                continue;
            case Token::Characters:
                if (xml_.isWhitespace())
                    continue;
                fail(AppleText::tr("unexpected text “%1”.").arg(shortened(xml_.text().toString())));
                return Token::Invalid;
            case Token::EntityReference:
                fail(AppleText::tr("entity references are not allowed (&%1;).").arg(xml_.name().toString()));
                return Token::Invalid;
            case Token::ProcessingInstruction:
                fail(AppleText::tr("processing instructions are not allowed."));
                return Token::Invalid;
            case Token::DTD:
                fail(AppleText::tr("a document type declaration is only allowed before <plist>."));
                return Token::Invalid;
            case Token::Invalid:
                failFromXml();
                return Token::Invalid;
            default:
                return token;
            }
        }
    }

    static QString shortened(const QString &text)
    {
        const QString simple = text.simplified();
        return simple.size() > 40 ? simple.left(40) + QChar(0x2026) : simple;
    }

    bool readPrologue()
    {
        for (;;) {
            const Token token = xml_.readNext();
            switch (token) {
            case Token::StartDocument:
            case Token::Comment:
                continue;
            case Token::Characters:
                if (xml_.isWhitespace())
                    continue;
                return fail(AppleText::tr("text before <plist>."));
            case Token::DTD:
                // Apple's DOCTYPE names an external DTD that is never fetched. Any declaration of its own
                // (entities, notations, an internal subset) could expand or reference outside content.
                if (!xml_.entityDeclarations().isEmpty() || !xml_.notationDeclarations().isEmpty() ||
                    xml_.text().contains(QLatin1Char('[')))
                    return fail(AppleText::tr("DTD declarations (<!ENTITY> and the like) are not allowed."));
                continue;
            case Token::StartElement:
                if (xml_.name() != QLatin1String("plist"))
                    return fail(AppleText::tr("the root element is <%1>, not <plist>.").arg(xml_.name()));
                return true;
            case Token::Invalid:
                return failFromXml();
            case Token::EndDocument:
                return fail(AppleText::tr("the body holds no <plist>."));
            default:
                return fail(AppleText::tr("unexpected content before <plist>."));
            }
        }
    }

    bool readRoot(QVariant &value)
    {
        const Token token = nextSignificant();
        if (token == Token::EndElement)
            return fail(AppleText::tr("<plist> holds no value."));
        if (token != Token::StartElement || !readValue(value, 0))
            return fail(AppleText::tr("<plist> holds no value."));
        const Token end = nextSignificant();
        if (end == Token::StartElement)
            return fail(AppleText::tr("<plist> holds more than one value."));
        if (end != Token::EndElement)
            return fail(AppleText::tr("<plist> is not closed."));
        return true;
    }

    bool readEpilogue()
    {
        for (;;) {
            const Token token = xml_.readNext();
            switch (token) {
            case Token::Comment:
                continue;
            case Token::Characters:
                if (xml_.isWhitespace())
                    continue;
                return fail(AppleText::tr("text after </plist>."));
            case Token::EndDocument:
                return true;
            case Token::Invalid:
                return failFromXml();
            default:
                return fail(AppleText::tr("content after </plist>."));
            }
        }
    }

    // The character content of the current element, which may hold no elements of its own.
    bool readText(QString &text)
    {
        const QString element = xml_.name().toString();
        for (;;) {
            const Token token = xml_.readNext();
            switch (token) {
            case Token::Characters:
                text += xml_.text();
                continue;
            case Token::Comment:
                continue;
            case Token::EndElement:
                return true;
            case Token::StartElement:
                return fail(AppleText::tr("<%1> inside <%2>.").arg(xml_.name(), element));
            case Token::EntityReference:
                return fail(
                    AppleText::tr("entity references are not allowed (&%1;).").arg(xml_.name().toString()));
            case Token::Invalid:
                return failFromXml();
            default:
                return fail(AppleText::tr("unexpected content inside <%1>.").arg(element));
            }
        }
    }

    // Reads the element whose start tag is the current token, up to and including its end tag.
    bool readValue(QVariant &value, int depth)
    {
        const QStringView name = xml_.name();
        if (name == QLatin1String("dict") || name == QLatin1String("array")) {
            if (depth >= kMaxPlistDepth)
                return fail(AppleText::tr("containers nest more than %1 deep.").arg(kMaxPlistDepth));
            return name == QLatin1String("dict") ? readDict(value, depth) : readArray(value, depth);
        }
        const QString element = name.toString();
        QString text;
        if (!readText(text))
            return false;
        if (element == QLatin1String("string")) {
            value = text;
        } else if (element == QLatin1String("integer")) {
            return readInteger(text.trimmed(), value);
        } else if (element == QLatin1String("real")) {
            bool ok = false;
            const double number = text.trimmed().toDouble(&ok);
            if (!ok)
                return fail(AppleText::tr("“%1” is not a number.").arg(shortened(text)));
            value = number;
        } else if (element == QLatin1String("true") || element == QLatin1String("false")) {
            if (!text.trimmed().isEmpty())
                return fail(AppleText::tr("<%1> must be empty.").arg(element));
            value = element == QLatin1String("true");
        } else if (element == QLatin1String("data")) {
            return readData(text, value);
        } else if (element == QLatin1String("date")) {
            return readDate(text.trimmed(), value);
        } else {
            return fail(AppleText::tr("<%1> is not a property list element.").arg(element));
        }
        return true;
    }

    bool readInteger(const QString &text, QVariant &value)
    {
        bool ok = false;
        qint64 number = 0;
        // plistlib reads hexadecimal too; the sign and digits must be all there is.
        static const QRegularExpression decimal(QStringLiteral("^[+-]?[0-9]+$"));
        static const QRegularExpression hex(QStringLiteral("^0[xX][0-9A-Fa-f]+$"));
        if (decimal.match(text).hasMatch())
            number = text.toLongLong(&ok, 10);
        else if (hex.match(text).hasMatch())
            number = text.mid(2).toLongLong(&ok, 16);
        if (!ok)
            return fail(AppleText::tr("“%1” is not a 64-bit integer.").arg(shortened(text)));
        value = number;
        return true;
    }

    bool readData(const QString &text, QVariant &value)
    {
        QByteArray base64;
        base64.reserve(text.size());
        for (const QChar c : text) {
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
                c == QLatin1Char('\r'))
                continue;
            if (c.unicode() > 0x7f)
                return fail(AppleText::tr("<data> is not valid base64."));
            base64.append(static_cast<char>(c.unicode()));
        }
        auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fail(AppleText::tr("<data> is not valid base64."));
        value = *decoded;
        return true;
    }

    bool readDate(const QString &text, QVariant &value)
    {
        static const QRegularExpression format(
            QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z$"));
        const QRegularExpressionMatch match = format.match(text);
        if (match.hasMatch()) {
            const auto part = [&match](int i) { return match.capturedView(i).toInt(); };
            const QDate date(part(1), part(2), part(3));
            const QTime time(part(4), part(5), part(6));
            if (date.isValid() && time.isValid()) {
                value = QDateTime(date, time, Qt::UTC);
                return true;
            }
        }
        return fail(AppleText::tr("“%1” is not a date like 2024-05-31T12:00:00Z.").arg(shortened(text)));
    }

    bool readDict(QVariant &value, int depth)
    {
        QVariantMap map;
        for (;;) {
            Token token = nextSignificant();
            if (token == Token::EndElement)
                break;
            if (token != Token::StartElement)
                return fail(AppleText::tr("<dict> is not closed."));
            if (xml_.name() != QLatin1String("key"))
                return fail(AppleText::tr("<%1> in a <dict> where a <key> belongs.").arg(xml_.name()));
            QString key;
            if (!readText(key))
                return false;
            if (map.contains(key))
                return fail(AppleText::tr("the key “%1” appears twice in one <dict>.").arg(shortened(key)));
            token = nextSignificant();
            if (token != Token::StartElement || xml_.name() == QLatin1String("key"))
                return fail(AppleText::tr("the key “%1” has no value.").arg(shortened(key)));
            QVariant item;
            if (!readValue(item, depth + 1))
                return false;
            map.insert(key, item);
        }
        value = map;
        return true;
    }

    bool readArray(QVariant &value, int depth)
    {
        QVariantList list;
        for (;;) {
            const Token token = nextSignificant();
            if (token == Token::EndElement)
                break;
            if (token != Token::StartElement)
                return fail(AppleText::tr("<array> is not closed."));
            if (xml_.name() == QLatin1String("key"))
                return fail(AppleText::tr("<key> inside an <array>."));
            QVariant item;
            if (!readValue(item, depth + 1))
                return false;
            list.append(item);
        }
        value = list;
        return true;
    }

    QXmlStreamReader xml_;
    QString error_;
};

// XML 1.0 cannot carry most control characters or lone surrogates: they become U+FFFD. A carriage
// return is written as a character reference, since a reader turns a raw one into a line feed.
void writeText(QXmlStreamWriter &xml, const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    const auto flush = [&] {
        if (!clean.isEmpty())
            xml.writeCharacters(clean);
        clean.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            clean.append(c);
            clean.append(text.at(++i));
        } else if (u == u'\r') {
            flush();
            xml.writeEntityReference(QStringLiteral("#13"));
        } else if (c.isSurrogate() || (u < 0x20 && u != u'\t' && u != u'\n') || u == 0xfffe || u == 0xffff) {
            clean.append(QChar(0xfffd));
        } else {
            clean.append(c);
        }
    }
    flush();
}

void writeTextElement(QXmlStreamWriter &xml, const QString &element, const QString &text)
{
    xml.writeStartElement(element);
    writeText(xml, text);
    xml.writeEndElement();
}

void writeValue(QXmlStreamWriter &xml, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash: {
        // A hash is written in key order too, so that the same value always gives the same bytes.
        const QVariantMap map = value.typeId() == QMetaType::QVariantMap ? value.toMap() : [&value] {
            QVariantMap sorted;
            const QVariantHash hash = value.toHash();
            for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                sorted.insert(it.key(), it.value());
            return sorted;
        }();
        xml.writeStartElement(QStringLiteral("dict"));
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            writeTextElement(xml, QStringLiteral("key"), it.key());
            writeValue(xml, it.value());
        }
        xml.writeEndElement();
        return;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        xml.writeStartElement(QStringLiteral("array"));
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            writeValue(xml, item);
        xml.writeEndElement();
        return;
    }
    case QMetaType::Bool:
        xml.writeEmptyElement(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Long:
    case QMetaType::SChar:
        xml.writeTextElement(QStringLiteral("integer"), QString::number(value.toLongLong()));
        return;
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::UChar:
        xml.writeTextElement(QStringLiteral("integer"), QString::number(value.toULongLong()));
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        xml.writeTextElement(QStringLiteral("real"),
                             QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest));
        return;
    case QMetaType::QByteArray:
        xml.writeTextElement(QStringLiteral("data"), QString::fromLatin1(value.toByteArray().toBase64()));
        return;
    case QMetaType::QDateTime:
        xml.writeTextElement(QStringLiteral("date"),
                             value.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
        return;
    default:
        writeTextElement(xml, QStringLiteral("string"), value.toString());
        return;
    }
}

} // namespace

PlistResult readPlist(const QByteArray &xml)
{
    return Reader(xml).read();
}

QByteArray writePlist(const QVariant &value)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(-1);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    xml.writeStartElement(QStringLiteral("plist"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    writeValue(xml, value);
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace mdm::gateway
