#include "teams.h"

#include <QJsonObject>

namespace kai::client::teams {

namespace {

QString teamPath(const QString &organization, const QString &team)
{
    return QStringLiteral("/api/v1/organization/") + ApiRequest::segment(organization) + QStringLiteral("/team/")
           + ApiRequest::segment(team);
}

QString memberPath(const QString &organization, const QString &team, const QString &member)
{
    return teamPath(organization, team) + QStringLiteral("/members/") + ApiRequest::segment(member);
}

QString invitePath(const QString &organization, const QString &team, const QString &email)
{
    return teamPath(organization, team) + QStringLiteral("/invite/") + ApiRequest::segment(email);
}

} // namespace

Reply<TeamList> *list(ApiClient &client, const QString &organization)
{
    return client.call<TeamList>(
        ApiRequest{"GET", QStringLiteral("/api/v1/organization/") + ApiRequest::segment(organization), {}, {}},
        &TeamList::fromOrganizationJson);
}

Reply<Team> *put(ApiClient &client, const QString &organization, const QString &team, TeamRole role,
                 const std::optional<QString> &description)
{
    QJsonObject body{{"role", teamRoleName(role)}};
    if (description)
        body.insert("description", *description);
    return client.call<Team>(ApiRequest{"PUT", teamPath(organization, team), {}, body}, &Team::fromJson);
}

Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &team)
{
    return client.callForDone(ApiRequest{"DELETE", teamPath(organization, team), {}, {}});
}

Reply<TeamMemberList> *members(ApiClient &client, const QString &organization, const QString &team)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("includePending"), QStringLiteral("true"));
    return client.call<TeamMemberList>(ApiRequest{"GET", teamPath(organization, team) + QStringLiteral("/members"), query, {}},
                                       &TeamMemberList::fromJson);
}

Reply<Done> *addMember(ApiClient &client, const QString &organization, const QString &team, const QString &member)
{
    return client.callForDone(ApiRequest{"PUT", memberPath(organization, team, member), {}, QJsonObject{}});
}

Reply<Done> *removeMember(ApiClient &client, const QString &organization, const QString &team, const QString &member)
{
    return client.callForDone(ApiRequest{"DELETE", memberPath(organization, team, member), {}, {}});
}

Reply<Done> *invite(ApiClient &client, const QString &organization, const QString &team, const QString &email)
{
    return client.callForDone(ApiRequest{"PUT", invitePath(organization, team, email), {}, QJsonObject{}});
}

Reply<Done> *removeInvite(ApiClient &client, const QString &organization, const QString &team, const QString &email)
{
    return client.callForDone(ApiRequest{"DELETE", invitePath(organization, team, email), {}, {}});
}

Reply<TeamPermissionList> *permissions(ApiClient &client, const QString &organization, const QString &team)
{
    return client.call<TeamPermissionList>(
        ApiRequest{"GET", teamPath(organization, team) + QStringLiteral("/permissions"), {}, {}},
        &TeamPermissionList::fromJson);
}

} // namespace kai::client::teams
