#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// Adds the /api/v1 routes (and Quay's web routes used by automation).
void addRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
