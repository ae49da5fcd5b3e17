#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// GET /api/v1/entities/{prefix}: Quay's entity search (reference §2.15),
// the chooser behind every "user, robot or team" field.
void addEntityRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
