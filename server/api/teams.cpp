#include "api/teams.h"

namespace kai::api {

// STUB: to be implemented.
void addTeamRoutes(http::Router &, runtime::WorkerContext &) {}

} // namespace kai::api
