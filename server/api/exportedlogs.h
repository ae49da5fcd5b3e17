#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// GET /exportedlogs/<file_id>: the document a usage log export wrote, as
// Quay serves exports kept in local storage. No credentials: the random
// part of the id is the secret, and the link stops working (404) after
// EXPORT_ACTION_LOGS_SECONDS, when the export worker also removes the file.
void addExportedLogsRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
