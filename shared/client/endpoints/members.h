#pragma once

#include "client/apiclient.h"
#include "client/types/orgmember.h"

namespace kai::client::members {

// The people of an organization (reference §2.3), for its admins.

// GET /api/v1/organization/{org}/members: users in at least one team.
Reply<OrganizationMemberList> *list(ApiClient &client, const QString &organization);

// GET /api/v1/organization/{org}/collaborators: users with direct
// repository permissions but in no team.
Reply<OrganizationMemberList> *collaborators(ApiClient &client, const QString &organization);

// DELETE /api/v1/organization/{org}/members/{user}: out of every team and
// every direct permission of the organization.
Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &user);

} // namespace kai::client::members
