#include "team.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kai::client {

namespace {

std::optional<Team> teamOf(const QJsonObject &object)
{
    if (!object.value("name").isString())
        return std::nullopt;
    Team team;
    team.name = object.value("name").toString();
    team.description = object.value("description").toString();
    team.role = teamRoleFromName(object.value("role").toString()).value_or(TeamRole::Member);
    team.canView = object.value("can_view").toBool();
    team.repositoryCount = object.value("repo_count").toInt();
    team.memberCount = object.value("member_count").toInt();
    team.isSynced = object.value("is_synced").toBool();
    return team;
}

} // namespace

std::optional<TeamRole> teamRoleFromName(const QString &name)
{
    if (name == QLatin1String("member"))
        return TeamRole::Member;
    if (name == QLatin1String("creator"))
        return TeamRole::Creator;
    if (name == QLatin1String("admin"))
        return TeamRole::Admin;
    return std::nullopt;
}

QString teamRoleName(TeamRole role)
{
    switch (role) {
    case TeamRole::Member:
        return QStringLiteral("member");
    case TeamRole::Creator:
        return QStringLiteral("creator");
    case TeamRole::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

Result<Team> Team::fromJson(const QJsonDocument &document)
{
    std::optional<Team> team = teamOf(document.object());
    if (!team)
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no team name"));
    return *team;
}

Result<TeamList> TeamList::fromOrganizationJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("name").isString())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no organization name"));
    TeamList list;
    list.isAdmin = object.value("is_admin").toBool();
    list.isMember = object.value("is_member").toBool();
    const QJsonObject teams = object.value("teams").toObject();
    // ordered_teams gives Quay's creation order; the object alone has none.
    QStringList order;
    for (const QJsonValue &name : object.value("ordered_teams").toArray())
        order << name.toString();
    for (const QString &name : teams.keys()) {
        if (!order.contains(name))
            order << name;
    }
    for (const QString &name : order) {
        if (std::optional<Team> team = teamOf(teams.value(name).toObject()))
            list.teams.append(std::move(*team));
    }
    return list;
}

Result<TeamPermissionList> TeamPermissionList::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("permissions").isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no permissions list"));
    TeamPermissionList list;
    for (const QJsonValue &value : object.value("permissions").toArray()) {
        const QJsonObject repository = value.toObject().value("repository").toObject();
        if (!repository.value("name").isString())
            continue;
        const std::optional<RepositoryRole> role = repositoryRoleFromName(value.toObject().value("role").toString());
        if (!role)
            continue;
        list.permissions.append(TeamRepositoryPermission{repository.value("name").toString(), *role,
                                                         repository.value("is_public").toBool()});
    }
    return list;
}

} // namespace kai::client
