#include "api/gcstatus.h"

#include "api/apicaller.h"
#include "api/apiresponse.h"
#include "core/quaydate.h"
#include "store/gcstore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kai::api {

namespace {

// A pass that has not written its heartbeat for this long died with its
// process: it is not shown as running.
constexpr qint64 kHeartbeatTimeoutMs = 10 * 60 * 1000;

Result<QJsonObject> gcStatus(runtime::WorkerContext &context, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, context);
    if (!caller)
        return caller.error();
    if (Status s = requireUser(*caller); !s)
        return s.error();
    const bool allowed = caller->identity.superuser || caller->identity.globalReadOnlySuperuser;
    if (!allowed || !caller->identity.hasScope("super:user"))
        return unauthorized();
    if (Status s = requireFreshLogin(*caller); !s)
        return s.error();
    auto status = store::GcStore(*context.database).status();
    if (!status)
        return status.error();
    const bool running = status->runningSinceMs.has_value() && status->heartbeatMs.has_value()
        && *status->heartbeatMs > context.nowMs() - kHeartbeatTimeoutMs;
    const QJsonObject rows = QJsonDocument::fromJson(status->lastRowsFreed).object();
    return QJsonObject{{"running", running},
                       {"last_run", status->lastRunMs ? QJsonValue(formatQuayDate(*status->lastRunMs)) : QJsonValue()},
                       {"last_duration_ms", status->lastDurationMs},
                       {"bytes_freed", status->lastBytesFreed},
                       {"rows_freed", rows},
                       {"total_bytes_freed", status->totalBytesFreed}};
}

} // namespace

void addGcStatusRoutes(http::Router &router, runtime::WorkerContext &context)
{
    router.add("GET", "/api/v1/superuser/gc", [&context](http::HttpRequest &request, http::HttpResponse &response) {
        auto body = gcStatus(context, request);
        if (!body)
            return writeApiError(response, body.error(), context.server);
        writeJson(response, 200, QJsonDocument(*body));
    });
}

} // namespace kai::api
