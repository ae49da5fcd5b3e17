#include "api/routes.h"

#include "api/applications.h"
#include "api/apptokens.h"
#include "api/discovery.h"
#include "api/entities.h"
#include "api/exportedlogs.h"
#include "api/exportlogs.h"
#include "api/gcstatus.h"
#include "api/labels.h"
#include "api/logs.h"
#include "api/manifests.h"
#include "api/organizations.h"
#include "api/permissions.h"
#include "api/prototypes.h"
#include "api/repositories.h"
#include "api/robots.h"
#include "api/session.h"
#include "api/superuser.h"
#include "api/tags.h"
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
    router.add("GET", "/api/v1/user/", [users](HttpRequest &q, HttpResponse &r) { users->get(q, r); });
    router.add("PUT", "/api/v1/user/", [users](HttpRequest &q, HttpResponse &r) { users->update(q, r); }, 64 * 1024);
    router.add("DELETE", "/api/v1/user/", [users](HttpRequest &q, HttpResponse &r) { users->remove(q, r); });
    router.add("GET", "/api/v1/users/{username}", [users](HttpRequest &q, HttpResponse &r) { users->getOther(q, r); });
    addSessionRoutes(router, context);
    addDiscoveryRoutes(router, context);
    addSuperuserRoutes(router, context);
    addGcStatusRoutes(router, context);

    // One file per resource family, each with its own route table.
    addOrganizationRoutes(router, context);
    addTeamRoutes(router, context);
    addRobotRoutes(router, context);
    addEntityRoutes(router, context);
    addAppTokenRoutes(router, context);
    addApplicationRoutes(router, context);
    addPrototypeRoutes(router, context);
    addPermissionRoutes(router, context);
    addTagRoutes(router, context);
    addManifestRoutes(router, context);
    addLabelRoutes(router, context);
    addLogRoutes(router, context);
    addExportLogsRoutes(router, context);
    addExportedLogsRoutes(router, context);
    // Last: its bare /api/v1/repository/{repository...} routes match every
    // deeper path, so the families below a repository must come first.
    addRepositoryRoutes(router, context);
}

} // namespace kai::api
