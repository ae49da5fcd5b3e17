#include "api/permissions.h"

#include "api/apicaller.h"
#include "api/tenancy.h"
#include "api/repositories.h"
#include "logs/logscope.h"

#include <QJsonArray>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

// Quay's data-model refusals, {"message": ...} with 400.
Error noUserPermission() { return message400(QStringLiteral("User does not have permission for repo.")); }
Error noTeamPermission() { return message400(QStringLiteral("Team does not have permission for repo.")); }
Error ownerMustBeAdmin() { return message400(QStringLiteral("Namespace owner must always be admin.")); }

Result<QString> roleIn(const http::HttpRequest &request)
{
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    if (!body->contains("role"))
        return tenancy::requiredProperty(QStringLiteral("role"));
    const QJsonValue role = body->value("role");
    if (!role.isString())
        return tenancy::notOfType(role, QStringLiteral("string"));
    if (auth::roleFromName(role.toString()) == auth::Role::None)
        return badRequest(QStringLiteral("'%1' is not one of ['read', 'write', 'admin']").arg(role.toString()));
    return role.toString();
}

// A user or robot by name; organizations do not hold direct grants.
Result<std::optional<store::Namespace>> userOrRobot(WorkerContext &ctx, const QString &name)
{
    auto found = ctx.namespaces.byName(name);
    if (!found)
        return found.error();
    if (found->has_value() && (*found)->kind != QLatin1String("user") && (*found)->kind != QLatin1String("robot"))
        return std::optional<store::Namespace>{};
    return *found;
}

// {role, name, is_robot, avatar} and, on organization repositories,
// is_org_member (robots count as members, as in Quay).
Result<QJsonObject> userPermissionView(WorkerContext &ctx, const store::Repository &repository, const store::UserGrant &grant)
{
    QJsonObject view{{"role", grant.role},
                     {"name", grant.name},
                     {"is_robot", grant.robot},
                     {"avatar", tenancy::memberAvatar(store::OrganizationMember{grant.memberId, grant.name, grant.email, grant.robot})}};
    if (repository.isOrganization()) {
        bool member = grant.robot;
        if (!member) {
            auto teams = ctx.grants.organizationTeamRoles(repository.namespaceId, grant.memberId);
            if (!teams)
                return teams.error();
            member = !teams->isEmpty();
        }
        view.insert("is_org_member", member);
    }
    return view;
}

QJsonObject teamPermissionView(const QString &team, const QString &role)
{
    return QJsonObject{{"role", role}, {"name", team}, {"avatar", tenancy::teamAvatar(team)}};
}

// Quay's entries for grants: change_repo_permission on every PUT (new or
// changed), delete_repo_permission on DELETE; users with the namespace in
// the metadata, teams without, as Quay writes them.
Status recordGrant(WorkerContext &ctx, const http::HttpRequest &request, const repository::Access &access,
                   const QString &kind, QJsonObject metadata)
{
    metadata.insert("repo", access.repository.name);
    return ctx.actionLog.record(kind, logs::repositoryScope(access.repository), logs::LogActor::of(access.caller, request),
                                metadata);
}

Result<repository::Access> administered(WorkerContext &ctx, const http::HttpRequest &request)
{
    return repository::accessFor(ctx, request, auth::Role::Admin);
}

// The organization team named in the path, if the repository is in an
// organization and the team is one of its own.
Result<std::optional<store::Team>> teamOf(WorkerContext &ctx, const store::Repository &repository, const QString &name)
{
    if (!repository.isOrganization())
        return std::optional<store::Team>{};
    return ctx.teams.byName(repository.namespaceId, name);
}

Result<Reply> listUserPermissions(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto grants = ctx.repositories.userGrants(found->repository.id);
    if (!grants)
        return grants.error();
    QJsonObject permissions;
    for (const store::UserGrant &grant : *grants) {
        auto view = userPermissionView(ctx, found->repository, grant);
        if (!view)
            return view.error();
        permissions.insert(grant.name, *view);
    }
    return Reply::json({{"permissions", permissions}});
}

Result<Reply> getUserPermission(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto grants = ctx.repositories.userGrants(found->repository.id);
    if (!grants)
        return grants.error();
    const QString username = request.param("username");
    for (const store::UserGrant &grant : *grants) {
        if (grant.name != username)
            continue;
        auto view = userPermissionView(ctx, found->repository, grant);
        if (!view)
            return view.error();
        return Reply::json(*view);
    }
    return noUserPermission();
}

Result<Reply> putUserPermission(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto role = roleIn(request);
    if (!role)
        return role.error();
    const store::Repository &repository = found->repository;
    const QString username = request.param("username");
    if (username == repository.namespaceName)
        return ownerMustBeAdmin();
    auto member = userOrRobot(ctx, username);
    if (!member)
        return member.error();
    if (!member->has_value())
        return message400(QStringLiteral("Invalid username: %1").arg(username));
    const store::Namespace &target = **member;
    const bool robot = target.kind == QLatin1String("robot");
    // Robots hold grants only inside their own namespace (§4.4).
    if (robot && target.name.section('+', 0, 0) != repository.namespaceName)
        return message400(QStringLiteral("Cannot add robot %1 under namespace %2").arg(username, repository.namespaceName));
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = ctx.repositories.grant(repository.id, target.id, *role); !s)
        return s.error();
    if (Status s = recordGrant(ctx, request, *found, QStringLiteral("change_repo_permission"),
                               {{"username", target.name}, {"namespace", repository.namespaceName}, {"role", *role}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    auto view = userPermissionView(ctx, repository, store::UserGrant{target.id, target.name, target.email, robot, *role});
    if (!view)
        return view.error();
    return Reply::json(*view);
}

Result<Reply> deleteUserPermission(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    const QString username = request.param("username");
    if (username == found->repository.namespaceName)
        return ownerMustBeAdmin();
    auto member = userOrRobot(ctx, username);
    if (!member)
        return member.error();
    if (!member->has_value())
        return noUserPermission();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto revoked = ctx.repositories.revoke(found->repository.id, (*member)->id);
    if (!revoked)
        return revoked.error();
    if (!*revoked)
        return noUserPermission();
    if (Status s = recordGrant(ctx, request, *found, QStringLiteral("delete_repo_permission"),
                               {{"username", (*member)->name}, {"namespace", found->repository.namespaceName}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

// Direct and team grants of one user (not the implicit roles of owners and
// org admins), as Quay lists them.
Result<Reply> transitiveUserPermission(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto member = userOrRobot(ctx, request.param("username"));
    if (!member)
        return member.error();
    if (!member->has_value())
        return notFound();
    QStringList roles;
    auto direct = ctx.repositories.explicitRole(found->repository.id, (*member)->id);
    if (!direct)
        return direct.error();
    if (direct->has_value())
        roles << **direct;
    auto viaTeams = ctx.grants.teamRepositoryRoles(found->repository.id, (*member)->id);
    if (!viaTeams)
        return viaTeams.error();
    roles << *viaTeams;
    if (roles.isEmpty())
        return notFound();
    QJsonArray permissions;
    for (const QString &role : roles)
        permissions.append(QJsonObject{{"role", role}});
    return Reply::json({{"permissions", permissions}});
}

Result<Reply> listTeamPermissions(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto grants = ctx.repositories.teamGrants(found->repository.id);
    if (!grants)
        return grants.error();
    QJsonObject permissions;
    for (const store::TeamGrant &grant : *grants)
        permissions.insert(grant.name, teamPermissionView(grant.name, grant.role));
    return Reply::json({{"permissions", permissions}});
}

Result<Reply> getTeamPermission(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto team = teamOf(ctx, found->repository, request.param("teamname"));
    if (!team)
        return team.error();
    if (!team->has_value())
        return noTeamPermission();
    auto role = ctx.repositories.teamRole(found->repository.id, (*team)->id);
    if (!role)
        return role.error();
    if (!role->has_value())
        return noTeamPermission();
    return Reply::json({{"role", **role}});
}

Result<Reply> putTeamPermission(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto role = roleIn(request);
    if (!role)
        return role.error();
    const QString teamName = request.param("teamname");
    auto team = teamOf(ctx, found->repository, teamName);
    if (!team)
        return team.error();
    if (!team->has_value())
        return message400(QStringLiteral("No team %1 in organization %2").arg(teamName, found->repository.namespaceName));
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = ctx.repositories.grantTeam(found->repository.id, (*team)->id, *role); !s)
        return s.error();
    if (Status s = recordGrant(ctx, request, *found, QStringLiteral("change_repo_permission"),
                               {{"team", (*team)->name}, {"role", *role}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json(teamPermissionView((*team)->name, *role));
}

Result<Reply> deleteTeamPermission(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administered(ctx, request);
    if (!found)
        return found.error();
    auto team = teamOf(ctx, found->repository, request.param("teamname"));
    if (!team)
        return team.error();
    if (!team->has_value())
        return noTeamPermission();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto revoked = ctx.repositories.revokeTeam(found->repository.id, (*team)->id);
    if (!revoked)
        return revoked.error();
    if (!*revoked)
        return noTeamPermission();
    if (Status s = recordGrant(ctx, request, *found, QStringLiteral("delete_repo_permission"), {{"team", (*team)->name}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

} // namespace

void addPermissionRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;
    const QString users = QStringLiteral("/api/v1/repository/{repository...}/permissions/user/");
    const QString teams = QStringLiteral("/api/v1/repository/{repository...}/permissions/team/");

    router.add("GET", users, route(listUserPermissions));
    router.add("GET", users + "{username}/transitive", route(transitiveUserPermission));
    router.add("GET", users + "{username}", route(getUserPermission));
    // The guide checks a deletion with a trailing slash after the name.
    router.add("GET", users + "{username}/", route(getUserPermission));
    router.add("PUT", users + "{username}", route(putUserPermission), kBody);
    router.add("DELETE", users + "{username}", route(deleteUserPermission));

    router.add("GET", teams, route(listTeamPermissions));
    router.add("GET", teams + "{teamname}", route(getTeamPermission));
    router.add("PUT", teams + "{teamname}", route(putTeamPermission), kBody);
    router.add("DELETE", teams + "{teamname}", route(deleteTeamPermission));
}


} // namespace kai::api
