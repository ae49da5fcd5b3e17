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

} // namespace kai::client::superuser
