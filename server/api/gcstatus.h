#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// GET /api/v1/superuser/gc (a Kai extension): what garbage collection did
// last and whether a pass is running now, for superusers (the super:user
// scope for tokens). Read from the gc_status table, so every node answers
// the same whichever node collected.
void addGcStatusRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
