#include "api/entities.h"

#include "api/apicaller.h"
#include "api/avatar.h"
#include "api/tenancy.h"

#include <QJsonArray>

namespace kai::api {

namespace {

using namespace tenancy;
using runtime::WorkerContext;

// Quay's bounds: at most ten users and robots (get_matching_users with
// limit=10) and ten teams (get_matching_teams), plus the organization
// itself with includeOrgs, so an answer holds at most 21 entities.
constexpr int kAccountLimit = 10;
constexpr int kTeamLimit = 10;

// The namespace a search is about, and what the caller may see of it.
struct SearchScope
{
    std::optional<store::Namespace> space;
    bool isOrganization = false;
    bool seesRobots = false;    // org member, or the user himself
    bool seesTeams = false;     // org member
    bool administers = false;   // org admin
};

// Quay offers a namespace's robots and teams to its organization's members
// and a user's robots to the user himself (with user:admin, as Quay's
// UserAdminPermission); an unknown namespace offers nothing beyond users.
Result<SearchScope> scopeOf(WorkerContext &ctx, const auth::Identity &caller, const QString &name)
{
    SearchScope scope;
    if (name.isEmpty())
        return scope;
    auto found = ctx.namespaces.byName(name);
    if (!found)
        return found.error();
    if (!found->has_value())
        return scope;
    scope.space = **found;
    if (scope.space->kind == QLatin1String("organization")) {
        scope.isOrganization = true;
        auto member = ctx.permissions.isOrganizationMember(caller, scope.space->id);
        if (!member)
            return member.error();
        scope.seesRobots = scope.seesTeams = *member;
        if (*member) {
            auto admin = ctx.permissions.isOrganizationAdmin(caller, scope.space->id);
            if (!admin)
                return admin.error();
            scope.administers = *admin;
        }
    } else if (scope.space->kind == QLatin1String("user")) {
        scope.seesRobots = !caller.isRobot() && caller.namespaceId == scope.space->id
                           && caller.hasScope(QStringLiteral("user:admin"));
    }
    return scope;
}

QJsonObject accountView(const store::MatchedAccount &account, bool inOrganization)
{
    QJsonObject view{{"name", account.name},
                     {"kind", "user"},
                     {"is_robot", account.robot},
                     {"avatar", memberAvatar(store::OrganizationMember{0, account.name, account.email, account.robot})}};
    // Quay: only when searching against an organization; its robots are
    // members by definition.
    if (inOrganization)
        view.insert("is_org_member", account.robot || account.isOrgMember);
    return view;
}

QJsonObject teamView(const QString &name)
{
    return QJsonObject{{"name", name}, {"kind", "team"}, {"is_org_member", true}, {"avatar", teamAvatar(name)}};
}

// "<owner>+<short>" searches only the robots of <owner> by their short
// name; user and team names never contain '+'.
Result<Reply> searchRobots(WorkerContext &ctx, const auth::Identity &caller, const QString &prefix)
{
    const QString owner = prefix.section(u'+', 0, 0);
    auto scope = scopeOf(ctx, caller, owner);
    if (!scope)
        return scope.error();
    QJsonArray results;
    if (scope->seesRobots) {
        auto robots = ctx.entitySearch.robots(scope->space->id, prefix, kAccountLimit);
        if (!robots)
            return robots.error();
        for (const store::MatchedAccount &robot : *robots)
            results.append(accountView(robot, scope->isOrganization));
    }
    return Reply::json(QJsonObject{{"results", results}});
}

Result<Reply> searchEntities(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    if (caller->isAnonymous())
        return requiresAuthentication();
    const auth::Identity &identity = caller->identity;

    // Quay strips spaces and lower-cases the prefix before searching.
    const QString prefix = request.param(QStringLiteral("prefix")).remove(u' ').toLower();
    if (prefix.contains(u'+'))
        return searchRobots(ctx, identity, prefix);
    auto scope = scopeOf(ctx, identity, request.queryValue(QStringLiteral("namespace")));
    if (!scope)
        return scope.error();

    QJsonArray results;
    if (scope->seesTeams && queryFlag(request, QStringLiteral("includeTeams"))) {
        auto teams = ctx.entitySearch.teams(scope->space->id, prefix, kTeamLimit);
        if (!teams)
            return teams.error();
        for (const QString &team : *teams)
            results.append(teamView(team));
    }
    // Quay's includeOrgs offers the organization searched against itself,
    // to its admins, when its name matches.
    if (scope->administers && queryFlag(request, QStringLiteral("includeOrgs"))
        && scope->space->name.toLower().startsWith(prefix)) {
        results.append(QJsonObject{{"name", scope->space->name},
                                   {"kind", "org"},
                                   {"is_org_member", true},
                                   {"avatar", avatarOf(scope->space->name, scope->space->email, QStringLiteral("org"))}});
    }
    const qint64 robotOwner = scope->seesRobots ? scope->space->id : 0;
    const QString robotPrefix = scope->seesRobots ? scope->space->name.toLower() + u'+' + prefix : QString();
    auto accounts = ctx.entitySearch.accounts(prefix, robotOwner, robotPrefix,
                                              scope->isOrganization ? scope->space->id : 0, kAccountLimit);
    if (!accounts)
        return accounts.error();
    for (const store::MatchedAccount &account : *accounts)
        results.append(accountView(account, scope->isOrganization));
    return Reply::json(QJsonObject{{"results", results}});
}

} // namespace

void addEntityRoutes(http::Router &router, runtime::WorkerContext &context)
{
    router.add("GET", "/api/v1/entities/{prefix}", bind(context, searchEntities));
}

} // namespace kai::api
