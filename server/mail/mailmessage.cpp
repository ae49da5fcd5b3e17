#include "mail/mailmessage.h"

#include <QLocale>
#include <QUuid>

namespace kai::mail {

namespace {

bool isAscii(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() > 0x7e || (c.unicode() < 0x20 && c != QLatin1Char('\t')))
            return false;
    return true;
}

// RFC 2047 B-encoded words, each under the 75-character limit, split on
// whole UTF-8 sequences.
QByteArray encodeHeaderText(const QString &text)
{
    if (isAscii(text))
        return text.toUtf8();
    QByteArray out;
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (int i = 0; i < text.size(); ++i) {
        QString unit(text[i]);
        if (text[i].isHighSurrogate() && i + 1 < text.size())
            unit += text[++i];
        const QByteArray bytes = unit.toUtf8();
        if ((chunk.size() + bytes.size() + 2) / 3 * 4 > 45)
            flush();
        chunk += bytes;
    }
    flush();
    return out;
}

// Quoted-printable (RFC 2045 §6.7) with CRLF line ends and soft breaks at
// 76 characters.
QByteArray quotedPrintable(const QByteArray &utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    int column = 0;
    auto put = [&](const QByteArray &piece) {
        if (column + piece.size() > 75) {
            out += "=\r\n";
            column = 0;
        }
        // A line starting with '.' could end SMTP's DATA phase.
        if (column == 0 && piece == ".") {
            out += "=2E";
            column = 3;
            return;
        }
        out += piece;
        column += int(piece.size());
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == '\r')
            continue;
        if (c == '\n') {
            // Trailing white space before a line break must be encoded.
            if (!out.isEmpty() && (out.endsWith(' ') || out.endsWith('\t'))) {
                const char last = out.back();
                out.chop(1);
                --column;
                put(QByteArray("=") + hex[last >> 4] + hex[last & 15]);
            }
            out += "\r\n";
            column = 0;
            continue;
        }
        const bool literal = (c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t';
        if (literal)
            put(QByteArray(1, char(c)));
        else
            put(QByteArray("=") + hex[c >> 4] + hex[c & 15]);
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

} // namespace

bool isDeliverableAddress(const QString &address)
{
    if (address.size() > 254)
        return false;
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != address.lastIndexOf(QLatin1Char('@')) || at == address.size() - 1)
        return false;
    for (QChar c : address) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c == QLatin1Char('<') || c == QLatin1Char('>') ||
            c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('"') || c == QLatin1Char('(') ||
            c == QLatin1Char(')') || c == QLatin1Char('\\'))
            return false;
    }
    return true;
}

Result<QByteArray> renderMessage(const MailMessage &message, const QString &sender, const QDateTime &date,
                                 const QString &messageIdDomain)
{
    if (!isDeliverableAddress(message.to))
        return Error::of(ErrorKind::InvalidRequest, QStringLiteral("not a deliverable e-mail address: %1").arg(message.to));
    if (!isDeliverableAddress(sender))
        return Error::of(ErrorKind::InvalidRequest, QStringLiteral("MAIL_DEFAULT_SENDER is not an e-mail address: %1").arg(sender));
    QString subject = message.subject;
    subject.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));

    QByteArray out;
    out += "From: " + sender.toUtf8() + "\r\n";
    out += "To: " + message.to.toUtf8() + "\r\n";
    out += "Subject: " + encodeHeaderText(subject) + "\r\n";
    out += "Date: " + QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() +
           " +0000\r\n";
    out += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@" +
           messageIdDomain.toUtf8() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n";
    out += "\r\n";
    out += quotedPrintable(message.text.toUtf8());
    return out;
}

} // namespace kai::mail
