#pragma once

#include "client/apiclient.h"
#include "client/types/organization.h"
#include "client/types/superuseruser.h"

namespace kai::client::superuser {

// GET /api/v1/superuser/organizations/[?next_page=TOKEN]
Reply<OrganizationPage> *organizations(ApiClient &client, const QString &nextPage = {});

// GET /api/v1/superuser/users/[?next_page=TOKEN]
Reply<SuperuserUserPage> *users(ApiClient &client, const QString &nextPage = {});

// DELETE /api/v1/superuser/organizations/{org}
Reply<Done> *removeOrganization(ApiClient &client, const QString &name);

// DELETE /api/v1/superuser/users/{user}
Reply<Done> *removeUser(ApiClient &client, const QString &name);

// POST /api/v1/superuser/users/ {username, email}: the answer carries the
// generated password.
Reply<CreatedUser> *createUser(ApiClient &client, const QString &username, const QString &email);

// PUT /api/v1/superuser/users/{user} with one change each.
Reply<Done> *changeEmail(ApiClient &client, const QString &user, const QString &email);
Reply<Done> *changePassword(ApiClient &client, const QString &user, const QString &password);
Reply<Done> *setUserEnabled(ApiClient &client, const QString &user, bool enabled);

// PUT /api/v1/superuser/organizations/{org} {name}
Reply<Done> *renameOrganization(ApiClient &client, const QString &name, const QString &newName);

// POST /api/v1/superuser/takeownership/{namespace}: a user namespace becomes
// an organization the caller owns; for an organization the caller joins
// its admin team.
Reply<Done> *takeOwnership(ApiClient &client, const QString &namespaceName);

} // namespace kai::client::superuser
