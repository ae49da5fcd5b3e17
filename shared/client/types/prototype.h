#pragma once

#include "client/types/entity.h"
#include "client/types/permission.h"
#include "core/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kai::client {

// One default permission of an organization (reference §2.8, Quay's
// PermissionPrototype): when `activatingUser` creates a repository (anyone
// when none), `delegate` gets `role` on it.
struct Prototype
{
    QString id;
    std::optional<Entity> activatingUser;   // a user or robot
    Entity delegate;                        // a user, robot or team
    RepositoryRole role = RepositoryRole::Read;

    static Result<Prototype> fromJson(const QJsonDocument &document);
    static Result<Prototype> fromJsonObject(const QJsonObject &object);
};

// GET .../prototypes: {"prototypes": [prototype]}.
struct PrototypeList
{
    QList<Prototype> prototypes;

    static Result<PrototypeList> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
