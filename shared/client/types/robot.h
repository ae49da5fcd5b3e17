#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kai::client {

// One robot account of Quay's robot object (reference §2.5). `name` is the
// full "namespace+short" name; the API paths take the short part.
struct Robot
{
    QString name;
    std::optional<QDateTime> created;
    std::optional<QDateTime> lastAccessed;   // none when never used (or not tracked)
    QString description;
    QString token;                           // only in admin answers
    QStringList teams;                       // with permissions=true
    QStringList repositories;                // with permissions=true

    QString shortName() const;

    static Result<Robot> fromJson(const QJsonDocument &document);
};

// GET .../robots: {"robots": [robot]}.
struct RobotList
{
    QList<Robot> robots;

    static Result<RobotList> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
