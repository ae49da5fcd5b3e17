#include "api/prototypes.h"

namespace kai::api {

// STUB: to be implemented.
void addPrototypeRoutes(http::Router &, runtime::WorkerContext &) {}

} // namespace kai::api
