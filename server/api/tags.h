#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// /api/v1/repository/<r>/tag/... (reference §2.9): the tag history (time
// machine) listing, create/move and expiration (PUT), delete, restore and,
// with PERMANENTLY_DELETE_TAGS, permanent expiry. Reading needs repository
// read, everything else write on a repository in state NORMAL. Changes go
// through model::TagMover, one transaction per request, so a refused
// request changes nothing.
//
// Must be added before addRepositoryRoutes(), whose bare
// "/api/v1/repository/{repository...}" routes match every deeper path.
void addTagRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
