#pragma once

#include "api/tenancy.h"
#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// /api/v1/organization/... (reference §2.3): create, view, change and
// delete organizations; members and outside collaborators.
void addOrganizationRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
