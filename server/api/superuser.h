#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// /api/v1/superuser/...: the superuser panel's users and organizations
// (reference §2.2). Superusers come from SUPER_USERS; an OAuth caller also
// needs the super:user scope.
void addSuperuserRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
