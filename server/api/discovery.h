#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// Anonymous discovery: GET /config (feature flags and public settings) and
// GET /api/v1/error/<error_type>.
void addDiscoveryRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
