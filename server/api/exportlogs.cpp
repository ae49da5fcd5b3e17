#include "api/exportlogs.h"

#include "api/apicaller.h"
#include "api/logs.h"
#include "api/repositories.h"
#include "api/tenancy.h"
#include "logs/actionlogger.h"
#include "logs/ssrfguard.h"
#include "mail/mailmessage.h"
#include "store/logexportstore.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using store::LogExport;
using tenancy::Reply;

constexpr qint64 kDayMs = 86'400'000;

// The namespace or repository a request exports (and who may), as a job
// still without its range and callbacks.
using TargetOf = Result<LogExport> (*)(WorkerContext &, const ApiCaller &, const http::HttpRequest &);

// /user/exportlogs: the caller's own namespace (Quay's require_user_admin).
Result<LogExport> userTarget(WorkerContext &, const ApiCaller &caller, const http::HttpRequest &)
{
    if (Status s = requireUser(caller); !s)
        return s.error();
    if (!caller.identity.hasScope(QStringLiteral("user:admin")))
        return unauthorized();
    LogExport job;
    job.namespaceId = caller.identity.namespaceId;
    job.namespaceName = caller.identity.name;
    return job;
}

// /organization/<org>/exportlogs: org admins, and superusers who read
// everything (as the listing).
Result<LogExport> organizationTarget(WorkerContext &ctx, const ApiCaller &caller, const http::HttpRequest &request)
{
    auto org = tenancy::administeredOrganization(ctx, caller, request.param(QStringLiteral("org")),
                                                 tenancy::OrganizationAccess::Read);
    if (!org)
        return org.error();
    LogExport job;
    job.namespaceId = org->id;
    job.namespaceName = org->name;
    job.namespaceIsOrganization = true;
    return job;
}

// /repository/<r>/exportlogs: repository admins, and superusers who read
// everything.
Result<LogExport> repositoryTarget(WorkerContext &ctx, const ApiCaller &caller, const http::HttpRequest &request)
{
    const auth::Role needed = ctx.permissions.readsEverything(caller.identity) ? auth::Role::Read : auth::Role::Admin;
    auto found = repository::access(ctx, caller, request.param(QStringLiteral("repository")), needed);
    if (!found)
        return found.error();
    LogExport job;
    job.namespaceId = found->repository.namespaceId;
    job.namespaceName = found->repository.namespaceName;
    job.namespaceIsOrganization = found->repository.isOrganization();
    job.repositoryId = found->repository.id;
    job.repositoryName = found->repository.name;
    return job;
}

// The days an export covers, end day included. An export is a document of
// whole UTC days (its details name them), so without starttime it starts
// at 00:00 yesterday, without endtime it ends with today. Quay's worker
// adds a further day at the end; Kai exports exactly what the listing of
// the same days shows.
Status applyDays(const http::HttpRequest &request, qint64 nowMs, LogExport &job)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).date();
    QDate first = today.addDays(-1);
    QDate last = today;
    if (const QString text = request.queryValue(QStringLiteral("starttime")); !text.isEmpty()) {
        auto day = parseLogDay(QStringLiteral("starttime"), text);
        if (!day)
            return day.error();
        first = *day;
    }
    if (const QString text = request.queryValue(QStringLiteral("endtime")); !text.isEmpty()) {
        auto day = parseLogDay(QStringLiteral("endtime"), text);
        if (!day)
            return day.error();
        last = *day;
    }
    if (last < first)
        return badRequest(QStringLiteral("Invalid date range: endtime is before starttime"));
    job.startMs = first.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
    job.endMs = last.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch() + kDayMs;
    job.startDay = first.toString(QStringLiteral("MM/dd/yyyy"));
    job.endDay = last.toString(QStringLiteral("MM/dd/yyyy"));
    return {};
}

// callback_url and callback_email, checked now so that a refused one is a
// 400 and never a queued job.
Status applyCallbacks(WorkerContext &ctx, const QJsonObject &body, LogExport &job)
{
    for (const char *key : {"callback_url", "callback_email"}) {
        const QJsonValue value = body.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return tenancy::notOfType(value, QStringLiteral("string"));
    }
    job.callbackUrl = body.value(QStringLiteral("callback_url")).toString().trimmed();
    job.callbackEmail = body.value(QStringLiteral("callback_email")).toString().trimmed();
    if (job.callbackUrl.isEmpty() && job.callbackEmail.isEmpty())
        return badRequest(QStringLiteral("Invalid export request: give a callback_url, a callback_email or both"));
    if (!job.callbackUrl.isEmpty()) {
        const logs::SsrfGuard guard(ctx.config().ssrfAllowedHosts);
        if (auto checked = guard.check(job.callbackUrl); !checked)
            return badRequest(QStringLiteral("Invalid callback URL: %1").arg(checked.error().message));
    }
    if (!job.callbackEmail.isEmpty()) {
        if (!job.callbackEmail.contains(QLatin1Char('@')) || !mail::isDeliverableAddress(job.callbackEmail))
            return badRequest(QStringLiteral("Invalid callback e-mail"));
        if (!ctx.server.mailer)
            return badRequest(QStringLiteral("Invalid callback e-mail: this registry does not send e-mail (FEATURE_MAILING is off)"));
    }
    return {};
}

template <TargetOf targetOf>
Result<Reply> exportLogs(WorkerContext &ctx, const http::HttpRequest &request)
{
    if (!ctx.config().featureLogExport)
        return notFound();
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto job = targetOf(ctx, *caller, request);
    if (!job)
        return job.error();
    if (Status s = applyDays(request, ctx.nowMs(), *job); !s)
        return s.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    if (Status s = applyCallbacks(ctx, *body, *job); !s)
        return s.error();

    // Who asked: the performer of the export_logs_* entry the worker writes.
    const logs::LogActor actor = logs::LogActor::of(caller->identity, request);
    job->requesterId = caller->identity.namespaceId;
    job->requesterName = caller->identity.name;
    job->requesterIsRobot = caller->identity.isRobot();
    job->requesterIp = actor.ip;
    if (!job->requesterIsRobot) {
        auto user = ctx.namespaces.byId(caller->identity.namespaceId);
        if (!user)
            return user.error();
        if (user->has_value())
            job->requesterEmail = (*user)->email;
    }
    auto queued = store::LogExportStore(*ctx.database).create(*job, ctx.nowMs());
    if (!queued)
        return queued.error();
    return Reply::json(QJsonObject{{"export_id", queued->exportId}});
}

} // namespace

void addExportLogsRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto route = [&context](tenancy::Endpoint endpoint) { return tenancy::bind(context, endpoint); };
    router.add("POST", "/api/v1/user/exportlogs", route(exportLogs<userTarget>), 64 * 1024);
    router.add("POST", "/api/v1/organization/{org}/exportlogs", route(exportLogs<organizationTarget>), 64 * 1024);
    router.add("POST", "/api/v1/repository/{repository...}/exportlogs", route(exportLogs<repositoryTarget>), 64 * 1024);
}

} // namespace kai::api
