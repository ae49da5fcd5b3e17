#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

namespace kai::client {

// Quay's repository roles (reference §3 "Repository Role"), weakest first.
enum class RepositoryRole { Read, Write, Admin };

// "read", "write", "admin" as Quay's JSON spells them.
QString repositoryRoleName(RepositoryRole role);
std::optional<RepositoryRole> repositoryRoleFromName(const QString &name);

// Who holds a repository permission. Users and robots share the
// .../permissions/user/ paths; teams have .../permissions/team/.
struct Grantee
{
    enum class Kind { User, Robot, Team };

    Kind kind = Kind::User;
    QString name;   // robots as "namespace+short", teams by their short name

    bool isTeam() const { return kind == Kind::Team; }
    bool operator==(const Grantee &other) const = default;
};

// One direct grant on a repository (reference §2.8).
struct RepositoryPermission
{
    Grantee grantee;
    RepositoryRole role = RepositoryRole::Read;
};

// GET .../permissions/user/ or .../permissions/team/:
// {"permissions": {<name>: {role, name, is_robot?, ...}}}.
struct RepositoryPermissionList
{
    QList<RepositoryPermission> permissions;

    static Result<RepositoryPermissionList> fromUserJson(const QJsonDocument &document);
    static Result<RepositoryPermissionList> fromTeamJson(const QJsonDocument &document);
};

} // namespace kai::client
