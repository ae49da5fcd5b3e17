#pragma once

#include "core/result.h"
#include "http/router.h"
#include "runtime/workercontext.h"

#include <QDate>

namespace kai::api {

// Browsing the usage logs (reference §2.11): the entries of the caller's
// user namespace, of an organization, of a repository and (superusers) of
// the whole registry, 20 a page newest first with an opaque next_page, and
// their counts per kind and UTC day (.../aggregatelogs, gated by
// FEATURE_AGGREGATED_LOG_COUNT_RETRIEVAL). Readers: the user themself, org
// admins, repository admins; global read-only superusers and superusers
// with full access everywhere.
//
// Must be added before addRepositoryRoutes(), whose bare
// "/api/v1/repository/{repository...}" routes match every deeper path.
void addLogRoutes(http::Router &router, runtime::WorkerContext &context);

// A starttime/endtime value of the log endpoints: MM/DD/YYYY (one-digit
// month and day too, as Python's strptime reads them) as a UTC day; 400
// invalid_request naming `parameter` when it is not a date.
Result<QDate> parseLogDay(const QString &parameter, const QString &text);

} // namespace kai::api
