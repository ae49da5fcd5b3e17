#include "api/logs.h"

#include "api/apicaller.h"
#include "api/repositories.h"
#include "api/tenancy.h"
#include "core/quaydate.h"
#include "logs/logkinds.h"
#include "logs/logpage.h"
#include "logs/logview.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

constexpr int kPageSize = 20;
constexpr qint64 kDayMs = 86'400'000;
// The widest range one request may cover (Kai's bound; Quay leaves it to
// its log backends): a month, so a page or an aggregate never walks more
// than a month of a busy namespace.
constexpr qint64 kMaxRangeDays = 31;
constexpr qint64 kPageTokenLifetimeMs = 2LL * 24 * 3600 * 1000;


// What a request covers, who may see it, and what its page tokens are bound
// to.
struct Scope
{
    store::LogQuery query;
    QByteArray listing;          // the page token's associated data
    bool withNamespace = false;  // the superuser listing names each entry's namespace
    bool takesPerformer = true;
};

// 00:00 UTC of a starttime/endtime day.
Result<qint64> parseDay(const QString &name, const QString &text)
{
    auto day = parseLogDay(name, text);
    if (!day)
        return day.error();
    return day->startOfDay(Qt::UTC).toMSecsSinceEpoch();
}

// starttime and endtime (§2.11): UTC days, the end day inclusive. Without
// them the last day up to now.
Status applyRange(const http::HttpRequest &request, qint64 nowMs, store::LogQuery &query)
{
    query.startMs = nowMs - kDayMs;
    query.endMs = nowMs + 1;
    if (const QString start = request.queryValue(QStringLiteral("starttime")); !start.isEmpty()) {
        auto day = parseDay(QStringLiteral("starttime"), start);
        if (!day)
            return day.error();
        query.startMs = *day;
    }
    if (const QString end = request.queryValue(QStringLiteral("endtime")); !end.isEmpty()) {
        auto day = parseDay(QStringLiteral("endtime"), end);
        if (!day)
            return day.error();
        query.endMs = *day + kDayMs;
    }
    // An end day before the start day leaves an empty range.
    if (query.endMs <= query.startMs)
        return badRequest(QStringLiteral("Invalid date range: endtime is before starttime"));
    if (query.endMs - query.startMs > kMaxRangeDays * kDayMs)
        return badRequest(QStringLiteral("Invalid date range: at most %1 days per request").arg(kMaxRangeDays));
    return {};
}

// The performer filter; false when nobody has that name (then nothing
// matches: an empty answer, not an error).
Result<bool> applyPerformer(WorkerContext &ctx, const http::HttpRequest &request, store::LogQuery &query)
{
    const QString name = request.queryValue(QStringLiteral("performer"));
    if (name.isEmpty())
        return true;
    auto performer = ctx.namespaces.byName(name);
    if (!performer)
        return performer.error();
    if (!performer->has_value())
        return false;
    query.performerId = (*performer)->id;
    return true;
}

// GET /user/...: the caller's own namespace (Quay's require_user_admin).
Result<Scope> userScope(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateUserAdmin(request, ctx);
    if (!caller)
        return caller.error();
    Scope scope;
    scope.query.namespaceId = caller->identity.namespaceId;
    scope.query.excludedKinds = logs::serviceLevelLogKinds();
    scope.listing = "logs-user-" + QByteArray::number(caller->identity.namespaceId);
    return scope;
}

// GET /organization/<org>/...: org admins, and superusers who read everything.
Result<Scope> organizationScope(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto org = tenancy::administeredOrganization(ctx, *caller, request.param(QStringLiteral("org")),
                                                 tenancy::OrganizationAccess::Read);
    if (!org)
        return org.error();
    Scope scope;
    scope.query.namespaceId = org->id;
    scope.listing = "logs-org-" + QByteArray::number(org->id);
    return scope;
}

// GET /repository/<r>/...: repository admins, and superusers who read
// everything.
Result<Scope> repositoryScope(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    const auth::Role needed = ctx.permissions.readsEverything(caller->identity) ? auth::Role::Read : auth::Role::Admin;
    auto found = repository::access(ctx, *caller, request.param(QStringLiteral("repository")), needed);
    if (!found)
        return found.error();
    Scope scope;
    scope.query.repositoryId = found->repository.id;
    scope.listing = "logs-repo-" + QByteArray::number(found->repository.id);
    scope.takesPerformer = false;
    return scope;
}

// GET /superuser/...: superusers and global read-only superusers.
Result<Scope> superuserScope(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    if (Status s = requireUser(*caller); !s)
        return s.error();
    const bool allowed = caller->identity.superuser || caller->identity.globalReadOnlySuperuser;
    if (!allowed || !caller->identity.hasScope(QStringLiteral("super:user")))
        return unauthorized();
    if (Status s = requireFreshLogin(*caller); !s)
        return s.error();
    Scope scope;
    scope.listing = "logs-superuser";
    scope.withNamespace = true;
    scope.takesPerformer = false;
    return scope;
}

using ScopeOf = Result<Scope> (*)(WorkerContext &, const http::HttpRequest &);

// Resolves the scope and its filters; false when the performer filter
// names nobody.
Result<std::pair<Scope, bool>> scopeFor(WorkerContext &ctx, const http::HttpRequest &request, ScopeOf scopeOf)
{
    auto scope = scopeOf(ctx, request);
    if (!scope)
        return scope.error();
    if (Status s = applyRange(request, ctx.nowMs(), scope->query); !s)
        return s.error();
    bool anyone = true;
    if (scope->takesPerformer) {
        auto performer = applyPerformer(ctx, request, scope->query);
        if (!performer)
            return performer.error();
        anyone = *performer;
    }
    return std::pair<Scope, bool>{std::move(*scope), anyone};
}

// next_page: where the next page starts (logs::LogPage::next), sealed and
// bound to the listing. A token that does not open (or expired) gives the
// first page, as in Quay.
QString sealPageToken(const WorkerContext &ctx, const QByteArray &listing, const store::LogCursor &next)
{
    const QJsonObject token{{"datetime", QString::number(next.datetimeMs)},
                            {"id", QString::number(next.id)},
                            {"left", QString::number(next.repeatsLeft)},
                            {"expires", QString::number(ctx.nowMs() + kPageTokenLifetimeMs)}};
    return QString::fromLatin1(ctx.server.secretBox.seal(QJsonDocument(token).toJson(QJsonDocument::Compact), listing));
}

std::optional<store::LogCursor> openPageToken(const WorkerContext &ctx, const QByteArray &listing, const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    auto opened = ctx.server.secretBox.open(text.toLatin1(), listing);
    if (!opened)
        return std::nullopt;
    const QJsonObject token = QJsonDocument::fromJson(*opened).object();
    bool datetimeOk = false, idOk = false, leftOk = true, expiresOk = false;
    const qint64 datetime = token.value("datetime").toString().toLongLong(&datetimeOk);
    const qint64 id = token.value("id").toString().toLongLong(&idOk);
    // Tokens sealed before rows had occurrences have no "left".
    qint64 left = 0;
    if (token.contains("left"))
        left = token.value("left").toString().toLongLong(&leftOk);
    const qint64 expires = token.value("expires").toString().toLongLong(&expiresOk);
    if (!datetimeOk || !idOk || !leftOk || left < 0 || !expiresOk || expires < ctx.nowMs())
        return std::nullopt;
    return store::LogCursor{datetime, id, left};
}

template <ScopeOf scopeOf>
Result<Reply> listLogs(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto resolved = scopeFor(ctx, request, scopeOf);
    if (!resolved)
        return resolved.error();
    const auto &[scope, anyone] = *resolved;
    QJsonObject body{{"start_time", formatQuayDate(scope.query.startMs)},
                     {"end_time", formatQuayDate(scope.query.endMs)}};
    QJsonArray logs;
    if (anyone) {
        const auto after = openPageToken(ctx, scope.listing, request.queryValue(QStringLiteral("next_page")));
        auto page = logs::readLogPage(ctx.logStore, scope.query, after, kPageSize);
        if (!page)
            return page.error();
        for (const store::LogEntry &entry : page->entries)
            logs.append(logs::logEntryView(entry, scope.withNamespace));
        if (page->next)
            body.insert("next_page", sealPageToken(ctx, scope.listing, *page->next));
    }
    body.insert("logs", logs);
    return Reply::json(body);
}

template <ScopeOf scopeOf>
Result<Reply> aggregateLogs(WorkerContext &ctx, const http::HttpRequest &request)
{
    if (!ctx.config().featureAggregatedLogCountRetrieval)
        return notFound();
    auto resolved = scopeFor(ctx, request, scopeOf);
    if (!resolved)
        return resolved.error();
    const auto &[scope, anyone] = *resolved;
    QJsonArray aggregated;
    if (anyone) {
        auto counts = ctx.logStore.aggregate(scope.query);
        if (!counts)
            return counts.error();
        for (const store::LogAggregate &count : *counts)
            aggregated.append(QJsonObject{{"kind", count.kind},
                                          {"count", count.count},
                                          {"datetime", formatQuayDate(count.dayStartMs)}});
    }
    return Reply::json(QJsonObject{{"aggregated", aggregated}});
}

} // namespace

Result<QDate> parseLogDay(const QString &parameter, const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    const auto match = pattern.match(text.trimmed());
    const QDate day = match.hasMatch()
        ? QDate(match.captured(3).toInt(), match.captured(1).toInt(), match.captured(2).toInt())
        : QDate();
    if (!day.isValid())
        return badRequest(QStringLiteral("Invalid %1: expected a date as MM/DD/YYYY, got '%2'").arg(parameter, text));
    return day;
}

void addLogRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto route = [&context](tenancy::Endpoint endpoint) { return tenancy::bind(context, endpoint); };
    router.add("GET", "/api/v1/user/logs", route(listLogs<userScope>));
    router.add("GET", "/api/v1/user/aggregatelogs", route(aggregateLogs<userScope>));
    router.add("GET", "/api/v1/organization/{org}/logs", route(listLogs<organizationScope>));
    router.add("GET", "/api/v1/organization/{org}/aggregatelogs", route(aggregateLogs<organizationScope>));
    router.add("GET", "/api/v1/repository/{repository...}/logs", route(listLogs<repositoryScope>));
    router.add("GET", "/api/v1/repository/{repository...}/aggregatelogs", route(aggregateLogs<repositoryScope>));
    router.add("GET", "/api/v1/superuser/logs", route(listLogs<superuserScope>));
    router.add("GET", "/api/v1/superuser/aggregatelogs", route(aggregateLogs<superuserScope>));
}

} // namespace kai::api
