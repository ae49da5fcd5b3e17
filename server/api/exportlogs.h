#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// Exporting the usage logs (reference §2.11, gated by FEATURE_LOG_EXPORT):
// POST /api/v1/user/exportlogs, /organization/<org>/exportlogs and
// /repository/<r>/exportlogs with the listings' starttime/endtime and a
// body {"callback_url"?, "callback_email"?} queue a job and answer
// {"export_id"}; the export worker (server/logs/exportworker.h) does the
// rest. Callers as for the listings: the user themself, org admins,
// repository admins, and superusers who read everything. A callback URL
// must be http(s) and reach only public addresses unless its host is in
// SSRF_ALLOWED_HOSTS; an e-mail needs FEATURE_MAILING. Anything refused is
// a 400 and queues nothing.
//
// Must be added before addRepositoryRoutes(), whose bare
// "/api/v1/repository/{repository...}" routes match every deeper path.
void addExportLogsRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
