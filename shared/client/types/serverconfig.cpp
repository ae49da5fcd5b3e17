#include "serverconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace kai::client {

std::optional<qint64> ServerConfig::durationSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)([smhdw])$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 count = match.captured(1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QChar unit = match.captured(2).at(0);
    const qint64 unitSeconds = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : unit == u'd' ? 86400 : 604800;
    return count * unitSeconds;
}

Result<ServerConfig> ServerConfig::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("config").isObject())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no config object"));
    ServerConfig config;
    const QJsonObject features = object.value("features").toObject();
    for (auto it = features.begin(); it != features.end(); ++it) {
        if (it.value().toBool())
            config.enabledFeatures.insert(it.key());
    }
    // Quay's default when the option is not configured (config.py).
    QJsonArray options = object.value("config").toObject().value("TAG_EXPIRATION_OPTIONS").toArray();
    if (options.isEmpty())
        options = QJsonArray{"0s", "1d", "1w", "2w", "4w"};
    for (const QJsonValue &option : options) {
        // An option the console cannot read cannot be offered, but the rest can.
        if (const std::optional<qint64> seconds = durationSeconds(option.toString()))
            config.tagExpirationOptions.append(Duration{option.toString(), *seconds});
    }
    config.readOnly = object.value("registry_state").toString() == QLatin1String("readonly");
    config.robotsDisallowed = object.value("config").toObject().value("ROBOTS_DISALLOW").toBool();
    return config;
}

} // namespace kai::client
