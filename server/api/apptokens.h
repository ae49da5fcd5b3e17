#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// App-specific tokens of the calling user (reference §1.4). Not registered
// when FEATURE_APP_SPECIFIC_TOKENS is off (plain 404, as in Quay).
void addAppTokenRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
