#include "core/jsontext.h"

#include <QLocale>

#include <cmath>

namespace kai {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// UTF-8 of one code point.
void appendCodePoint(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6)));
        out.append(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(char(0xE0 | (c >> 12)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xF0 | (c >> 18)));
        out.append(char(0x80 | ((c >> 12) & 0x3F)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    }
}

void appendEscaped(QByteArray &out, char16_t c)
{
    out.append('\\');
    switch (c) {
    case u'"': out.append('"'); return;
    case u'\\': out.append('\\'); return;
    case u'\b': out.append('b'); return;
    case u'\f': out.append('f'); return;
    case u'\n': out.append('n'); return;
    case u'\r': out.append('r'); return;
    case u'\t': out.append('t'); return;
    default: break;
    }
    const char unicode[] = {'u', '0', '0', kHex[(c >> 4) & 0xF], kHex[c & 0xF]};
    out.append(unicode, sizeof unicode);
}

void appendDouble(QByteArray &out, double d)
{
    if (!std::isfinite(d)) {
        out.append("null");
        return;
    }
    // Integral values in the range a double holds exactly print as integers.
    if (d == std::floor(d) && std::fabs(d) <= 9007199254740992.0) {
        out.append(QByteArray::number(qint64(d)));
        return;
    }
    out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    out.append('"');
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    while (p < end) {
        // Runs of printable ASCII, the common case, in one append.
        const char16_t *run = p;
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != u'"' && *p != u'\\')
            ++p;
        if (p > run) {
            const qsizetype n = p - run;
            const qsizetype at = out.size();
            out.resize(at + n);
            char *dst = out.data() + at;
            for (qsizetype i = 0; i < n; ++i)
                dst[i] = char(run[i]);
        }
        if (p == end)
            break;
        const char16_t c = *p++;
        if (c < 0x20 || c == u'"' || c == u'\\') {
            appendEscaped(out, c);
        } else if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            appendCodePoint(out, QChar::surrogateToUcs4(c, *p++));
        } else if (QChar::isSurrogate(c)) {
            appendCodePoint(out, 0xFFFD);   // a lone surrogate has no UTF-8
        } else {
            appendCodePoint(out, c);
        }
    }
    out.append('"');
}

void appendJson(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out.append("null"); return;
    case QJsonValue::Bool: out.append(value.toBool() ? "true" : "false"); return;
    case QJsonValue::Double: appendDouble(out, value.toDouble()); return;
    case QJsonValue::String: appendJsonString(out, value.toString()); return;
    case QJsonValue::Array: appendJson(out, value.toArray()); return;
    case QJsonValue::Object: appendJson(out, value.toObject()); return;
    }
}

void appendJson(QByteArray &out, const QJsonObject &object)
{
    out.append('{');
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!first)
            out.append(',');
        first = false;
        appendJsonString(out, it.key());
        out.append(':');
        appendJson(out, it.value());
    }
    out.append('}');
}

void appendJson(QByteArray &out, const QJsonArray &array)
{
    out.append('[');
    bool first = true;
    for (const QJsonValue &value : array) {
        if (!first)
            out.append(',');
        first = false;
        appendJson(out, value);
    }
    out.append(']');
}

QByteArray compactJson(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(256);
    appendJson(out, object);
    return out;
}

} // namespace kai
