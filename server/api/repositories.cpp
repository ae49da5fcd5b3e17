#include "api/repositories.h"

namespace kai::api {

// STUB: to be implemented.
void addRepositoryRoutes(http::Router &, runtime::WorkerContext &) {}

} // namespace kai::api
