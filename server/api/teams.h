#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// Teams of an organization (reference §2.4): create / change / delete,
// members, e-mail invites, repository grants, and /api/v1/teaminvite/<code>.
void addTeamRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
