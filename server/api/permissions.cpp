#include "api/permissions.h"

namespace kai::api {

// STUB: to be implemented.
void addPermissionRoutes(http::Router &, runtime::WorkerContext &) {}

} // namespace kai::api
