#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// /api/v1/organization/<org>/applications/... (reference §1.5): an
// organization's OAuth applications and the API tokens minted for them, the
// way automation gets a token without a browser.
void addApplicationRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
