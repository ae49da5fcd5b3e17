#pragma once

#include "client/apiclient.h"
#include "client/endpoints/robots.h"
#include "client/types/robotpermission.h"

namespace kai::client::robotpermissions {

// What a robot may do with the repositories of its namespace (reference
// §2.5). Granting and revoking go through the repository's user
// permissions (endpoints/permissions.h, Grantee::Kind::Robot).

// GET .../robots/{short}/permissions (organization or own user): the
// robot's direct grants.
Reply<RobotPermissionList> *list(ApiClient &client, const robots::RobotNamespace &owner, const QString &shortName);

} // namespace kai::client::robotpermissions
