#include "api/organizations.h"

namespace kai::api {

// STUB: to be implemented.
void addOrganizationRoutes(http::Router &, runtime::WorkerContext &) {}

} // namespace kai::api
