#pragma once

#include "client/types/permission.h"
#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

namespace kai::client {

// One direct grant of a robot on a repository of its namespace.
struct RobotRepositoryPermission
{
    QString repository;   // the short name inside the namespace
    bool isPublic = false;
    RepositoryRole role = RepositoryRole::Read;
};

// GET .../robots/{short}/permissions:
// {"permissions": [{"repository": {name, is_public}, "role"}]}. Entries with
// a role this client does not know are left out.
struct RobotPermissionList
{
    QList<RobotRepositoryPermission> permissions;

    static Result<RobotPermissionList> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
