#include "api/routes.h"

#include "api/organizations.h"
#include "api/permissions.h"
#include "api/prototypes.h"
#include "api/repositories.h"
#include "api/robots.h"
#include "api/teams.h"
#include "api/user.h"

#include <memory>

namespace kai::api {

void addRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto users = std::make_shared<UserEndpoints>(context);
    using http::HttpRequest;
    using http::HttpResponse;

    router.add("POST", "/api/v1/user/initialize", [users](HttpRequest &q, HttpResponse &r) { users->initialize(q, r); }, 64 * 1024);

    // One file per resource family, each with its own route table.
    addOrganizationRoutes(router, context);
    addTeamRoutes(router, context);
    addRobotRoutes(router, context);
    addRepositoryRoutes(router, context);
    addPermissionRoutes(router, context);
    addPrototypeRoutes(router, context);
}

} // namespace kai::api
