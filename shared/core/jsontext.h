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
// the caller's QString. QJsonDocument::toJson, and turning its UTF-8 into
// the QString a text column is bound as, was a sixth of the usage-log
// writer's CPU: one object per logged pull.
void appendJson(QString &out, const QJsonObject &object);
void appendJson(QString &out, const QJsonArray &array);
void appendJson(QString &out, const QJsonValue &value);
// A JSON string literal, quotes included.
void appendJsonString(QString &out, QStringView text);

QString compactJson(const QJsonObject &object);

} // namespace kai
