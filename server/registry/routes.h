#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::registry {

// Adds every /v2 route to the router; the endpoints live as long as the
// router's owner keeps `context` alive.
void addRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::registry
