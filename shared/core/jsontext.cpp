#include "core/jsontext.h"

#include <QLocale>

#include <cmath>
#include <utility>

namespace kai {

namespace {

void appendEscaped(QString &out, char16_t c)
{
    out.append(u'\\');
    switch (c) {
    case u'"': out.append(u'"'); return;
    case u'\\': out.append(u'\\'); return;
    case u'\b': out.append(u'b'); return;
    case u'\f': out.append(u'f'); return;
    case u'\n': out.append(u'n'); return;
    case u'\r': out.append(u'r'); return;
    case u'\t': out.append(u't'); return;
    default: break;
    }
    constexpr char16_t kHex[] = u"0123456789abcdef";
    const char16_t unicode[] = {u'u', u'0', u'0', kHex[(c >> 4) & 0xF], kHex[c & 0xF]};
    out.append(QStringView(unicode, 5));
}

void appendDouble(QString &out, double d)
{
    if (!std::isfinite(d)) {
        out.append(QLatin1String("null"));
        return;
    }
    // Whole numbers in the range a double holds exactly print as integers.
    if (d == std::floor(d) && std::fabs(d) <= 9007199254740992.0) {
        out.append(QString::number(qint64(d)));
        return;
    }
    out.append(QString::number(d, 'g', QLocale::FloatingPointShortest));
}

bool needsEscape(char16_t c) { return c < 0x20 || c == u'"' || c == u'\\'; }

} // namespace

void appendJsonString(QString &out, QStringView text)
{
    out.append(u'"');
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    while (p < end) {
        // Runs that need nothing, the common case, in one append.
        const char16_t *run = p;
        while (p < end && !needsEscape(*p) && !QChar::isSurrogate(*p))
            ++p;
        if (p > run)
            out.append(QStringView(run, p - run));
        if (p == end)
            break;
        const char16_t c = *p++;
        if (needsEscape(c)) {
            appendEscaped(out, c);
        } else if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            out.append(QStringView(p - 1, 2));
            ++p;
        } else {
            out.append(QChar(QChar::ReplacementCharacter));   // a lone surrogate
        }
    }
    out.append(u'"');
}

void appendJson(QString &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out.append(QLatin1String("null")); return;
    case QJsonValue::Bool: out.append(value.toBool() ? QLatin1String("true") : QLatin1String("false")); return;
    case QJsonValue::Double: appendDouble(out, value.toDouble()); return;
    case QJsonValue::String: appendJsonString(out, value.toString()); return;
    case QJsonValue::Array: appendJson(out, value.toArray()); return;
    case QJsonValue::Object: appendJson(out, value.toObject()); return;
    }
}

void appendJson(QString &out, const QJsonObject &object)
{
    out.append(u'{');
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!first)
            out.append(u',');
        first = false;
        appendJsonString(out, it.key());
        out.append(u':');
        appendJson(out, it.value());
    }
    out.append(u'}');
}

void appendJson(QString &out, const QJsonArray &array)
{
    out.append(u'[');
    bool first = true;
    for (const QJsonValue &value : array) {
        if (!first)
            out.append(u',');
        first = false;
        appendJson(out, value);
    }
    out.append(u']');
}

QString compactJson(const QJsonObject &object)
{
    QString out;
    out.reserve(256);
    appendJson(out, object);
    return out;
}

void JsonObjectText::appendKey(QStringView key)
{
    if (m_text.isEmpty()) {
        m_text.reserve(256);
        m_text.append(u'{');
    } else {
        m_text.append(u',');
    }
    appendJsonString(m_text, key);
    m_text.append(u':');
}

JsonObjectText &JsonObjectText::add(QStringView key, QStringView value)
{
    appendKey(key);
    appendJsonString(m_text, value);
    return *this;
}

JsonObjectText &JsonObjectText::add(QStringView key, bool value)
{
    appendKey(key);
    m_text.append(value ? QLatin1String("true") : QLatin1String("false"));
    return *this;
}

JsonObjectText &JsonObjectText::add(QStringView key, const QJsonValue &value)
{
    appendKey(key);
    appendJson(m_text, value);
    return *this;
}

QString JsonObjectText::take()
{
    if (m_text.isEmpty())
        return QStringLiteral("{}");
    m_text.append(u'}');
    return std::exchange(m_text, QString());
}

} // namespace kai
