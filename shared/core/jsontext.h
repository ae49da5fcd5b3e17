#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

namespace kai {

// Compact JSON text that parses back to the same value as the text of
// QJsonDocument::toJson(Compact) (keys in QJsonObject's order, non-ASCII as
// UTF-8, whole numbers up to 2^53 without exponent or fraction, NaN and
// infinities as null), written straight into the caller's buffer.
// QJsonDocument::toJson was a sixth of the usage-log writer's CPU, one
// object per logged pull.
void appendJson(QByteArray &out, const QJsonObject &object);
void appendJson(QByteArray &out, const QJsonArray &array);
void appendJson(QByteArray &out, const QJsonValue &value);
// A JSON string literal, quotes included.
void appendJsonString(QByteArray &out, QStringView text);

QByteArray compactJson(const QJsonObject &object);

} // namespace kai
