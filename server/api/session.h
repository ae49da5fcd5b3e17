#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// The UI sign-in flow (reference §1.2): GET /csrf_token, POST
// /api/v1/signin, /api/v1/signin/verify (fresh login), /api/v1/signout.
void addSessionRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
