#pragma once

#include "client/types/permission.h"
#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

namespace kai::client {

// Quay's organization-wide team roles (reference §5 TeamRole).
enum class TeamRole { Member, Creator, Admin };

// "member", "creator", "admin"; none for anything else.
std::optional<TeamRole> teamRoleFromName(const QString &name);
QString teamRoleName(TeamRole role);

// One team of an organization, as the `teams` object of
// GET /api/v1/organization/{org} and the answer of PUT .../team/{team}
// describe it (counts only in the former).
struct Team
{
    QString name;
    QString description;
    TeamRole role = TeamRole::Member;
    bool canView = false;
    int repositoryCount = 0;
    int memberCount = 0;
    bool isSynced = false;

    static Result<Team> fromJson(const QJsonDocument &document);
};

// The teams of GET /api/v1/organization/{org} in `ordered_teams` order
// (members and admins only; others see no teams), with the caller's
// is_admin / is_member flags of the same answer.
struct TeamList
{
    QList<Team> teams;
    bool isAdmin = false;
    bool isMember = false;

    static Result<TeamList> fromOrganizationJson(const QJsonDocument &document);
};

// A repository grant of a team: GET .../team/{team}/permissions rows.
struct TeamRepositoryPermission
{
    QString repository;   // short name inside the organization
    RepositoryRole role = RepositoryRole::Read;
    bool isPublic = false;
};

struct TeamPermissionList
{
    QList<TeamRepositoryPermission> permissions;

    static Result<TeamPermissionList> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
