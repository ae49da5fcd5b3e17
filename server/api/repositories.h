#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

void addRepositoryRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
