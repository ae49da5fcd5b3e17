#include "api/exportedlogs.h"

#include "api/apicaller.h"
#include "api/apiresponse.h"
#include "store/logexportstore.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <memory>

namespace kai::api {

namespace {

// The export worker names files "<export uuid>-<random uuid>"; nothing
// else may reach the file system.
bool isFileId(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$"));
    return pattern.match(text).hasMatch();
}

void download(runtime::WorkerContext &ctx, const http::HttpRequest &request, http::HttpResponse &response)
{
    const QString fileId = request.param(QStringLiteral("file"));
    if (!isFileId(fileId))
        return writeApiError(response, notFound(), ctx.server);
    auto expires = store::LogExportStore(*ctx.database).liveFileExpiry(fileId, ctx.nowMs());
    if (!expires)
        return writeApiError(response, expires.error(), ctx.server);
    if (!expires->has_value())
        return writeApiError(response, notFound(), ctx.server);
    auto file = std::make_unique<QFile>(QDir(ctx.config().exportedLogsPath()).absoluteFilePath(fileId));
    if (!file->open(QIODevice::ReadOnly))
        return writeApiError(response, notFound(), ctx.server);
    const qint64 size = file->size();
    response.setStatus(200);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileId.left(36).toLatin1() + ".json\"");
    response.setHeader("Cache-Control", "private, no-store");
    response.setBodyDevice(std::move(file), 0, size, "application/json");
}

} // namespace

void addExportedLogsRoutes(http::Router &router, runtime::WorkerContext &context)
{
    router.add("GET", "/exportedlogs/{file}", [&context](http::HttpRequest &request, http::HttpResponse &response) {
        download(context, request, response);
    });
}

} // namespace kai::api
