#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QSet>
#include <QString>

namespace kai::client {

// The parts of GET /config (console-workflows §0 "Boot") the console acts on.
struct ServerConfig
{
    // One choice of TAG_EXPIRATION_OPTIONS: Quay's text ("2w") and its length.
    struct Duration
    {
        QString text;
        qint64 seconds = 0;
    };

    QSet<QString> enabledFeatures;       // names of `features` that are true ("CHANGE_TAG_EXPIRATION")
    QList<Duration> tagExpirationOptions;
    bool readOnly = false;               // registry_state "readonly"
    bool robotsDisallowed = false;       // ROBOTS_DISALLOW: no robot accounts can be made

    bool hasFeature(const QString &name) const { return enabledFeatures.contains(name); }

    // Quay's duration syntax: a whole number and one of s, m, h, d, w.
    static std::optional<qint64> durationSeconds(const QString &text);
    static Result<ServerConfig> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
