#include "permissions.h"

#include "client/endpoints/repositories.h"

#include <QJsonObject>

namespace kai::client::permissions {

namespace {

QString listPath(const QString &namespaceName, const QString &repository, bool teams)
{
    return repositories::path(namespaceName, repository)
           + (teams ? QStringLiteral("/permissions/team/") : QStringLiteral("/permissions/user/"));
}

QString path(const QString &namespaceName, const QString &repository, const Grantee &grantee)
{
    return listPath(namespaceName, repository, grantee.isTeam()) + ApiRequest::segment(grantee.name);
}

} // namespace

Reply<RepositoryPermissionList> *listUsers(ApiClient &client, const QString &namespaceName, const QString &repository)
{
    return client.call<RepositoryPermissionList>(ApiRequest{"GET", listPath(namespaceName, repository, false), {}, {}},
                                                 &RepositoryPermissionList::fromUserJson);
}

Reply<RepositoryPermissionList> *listTeams(ApiClient &client, const QString &namespaceName, const QString &repository)
{
    return client.call<RepositoryPermissionList>(ApiRequest{"GET", listPath(namespaceName, repository, true), {}, {}},
                                                 &RepositoryPermissionList::fromTeamJson);
}

Reply<Done> *set(ApiClient &client, const QString &namespaceName, const QString &repository, const Grantee &grantee,
                 RepositoryRole role)
{
    return client.callForDone(ApiRequest{"PUT", path(namespaceName, repository, grantee), {},
                                         QJsonObject{{"role", repositoryRoleName(role)}}});
}

Reply<Done> *remove(ApiClient &client, const QString &namespaceName, const QString &repository, const Grantee &grantee)
{
    return client.callForDone(ApiRequest{"DELETE", path(namespaceName, repository, grantee), {}, {}});
}

} // namespace kai::client::permissions
