#include "api/robots.h"

namespace kai::api {

// STUB: to be implemented.
void addRobotRoutes(http::Router &, runtime::WorkerContext &) {}

} // namespace kai::api
