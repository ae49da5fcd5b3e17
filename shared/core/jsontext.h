#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace kai {

// Compact JSON text that parses back to the same value as the text of
// QJsonDocument::toJson(Compact) (keys in QJsonObject's order, non-ASCII
// unescaped, whole numbers up to 2^53 without exponent or fraction, NaN and
// infinities as null, a lone surrogate as U+FFFD), written straight into
// the caller's QString, the type a text column is bound as.
// QJsonDocument::toJson, and turning its UTF-8 into that QString, was a
// sixth of the usage-log writer's CPU when every logged pull's metadata
// went through it.
void appendJson(QString &out, const QJsonObject &object);
void appendJson(QString &out, const QJsonArray &array);
void appendJson(QString &out, const QJsonValue &value);
// A JSON string literal, quotes included.
void appendJsonString(QString &out, QStringView text);

QString compactJson(const QJsonObject &object);

// A JSON object written member by member, in the order added, for hot
// paths that would build a QJsonObject only to write it out (every logged
// pull). Unlike QJsonObject::insert, adding a key twice writes it twice:
// callers add distinct keys.
class JsonObjectText
{
public:
    JsonObjectText &add(QStringView key, QStringView value);
    JsonObjectText &add(QStringView key, const QString &value) { return add(key, QStringView(value)); }
    JsonObjectText &add(QStringView key, bool value);
    JsonObjectText &add(QStringView key, const char *value) = delete;   // would pick the bool overload
    JsonObjectText &add(QStringView key, const QJsonValue &value);
    // The object's text; the builder is empty afterwards.
    QString take();

private:
    void appendKey(QStringView key);
    QString m_text;
};

} // namespace kai
