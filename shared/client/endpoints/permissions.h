#pragma once

#include "client/apiclient.h"
#include "client/types/permission.h"

namespace kai::client::permissions {

// The direct permissions of a repository (reference §2.8); all need admin
// on the repository.

// GET /api/v1/repository/{ns}/{repo}/permissions/user/ (users and robots)
Reply<RepositoryPermissionList> *listUsers(ApiClient &client, const QString &namespaceName, const QString &repository);

// GET /api/v1/repository/{ns}/{repo}/permissions/team/
Reply<RepositoryPermissionList> *listTeams(ApiClient &client, const QString &namespaceName, const QString &repository);

// PUT .../permissions/{user|team}/{name} {role}: grants or changes, as Quay
// does not tell the two apart.
Reply<Done> *set(ApiClient &client, const QString &namespaceName, const QString &repository, const Grantee &grantee,
                RepositoryRole role);

// DELETE .../permissions/{user|team}/{name}
Reply<Done> *remove(ApiClient &client, const QString &namespaceName, const QString &repository, const Grantee &grantee);

} // namespace kai::client::permissions
