#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// /api/v1/repository/<r>/permissions/{user,team}/... (reference §2.8):
// direct grants of users, robots and teams on one repository; repository
// admins only. Must be added before addRepositoryRoutes(), whose bare
// "/api/v1/repository/{repository...}" routes match every deeper path.
void addPermissionRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
