#include "api/repositories.h"

#include "api/tenancy.h"
#include "core/quaydate.h"
#include "logs/logscope.h"
#include "oci/names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace kai::api {

namespace repository {

Result<Access> access(runtime::WorkerContext &context, const ApiCaller &caller, const QString &path, auth::Role needed)
{
    auto split = oci::splitRepositoryPath(path);
    if (!split)
        return notFound();
    auto found = context.repositories.find(split->namespaceName, split->repositoryName);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        // Would the caller administer it? Owner of the user namespace or
        // admin of the organization: then it simply is not there.
        if (caller.isAnonymous() || caller.identity.isRobot())
            return tenancy::refuse(caller);
        auto ns = context.namespaces.byName(split->namespaceName);
        if (!ns)
            return ns.error();
        if (!ns->has_value())
            return unauthorized();
        bool administers = (*ns)->kind == QLatin1String("user") && (*ns)->id == caller.identity.namespaceId;
        if ((*ns)->kind == QLatin1String("organization")) {
            auto admin = context.permissions.isOrganizationAdmin(caller.identity, (*ns)->id);
            if (!admin)
                return admin.error();
            administers = *admin;
        }
        return administers ? notFound() : unauthorized();
    }
    auto role = context.permissions.repositoryRole(caller.identity, **found);
    if (!role)
        return role.error();
    if (*role < needed)
        return tenancy::refuse(caller);
    return Access{**found, *role, caller.identity};
}

Result<Access> accessFor(runtime::WorkerContext &context, const http::HttpRequest &request, auth::Role needed)
{
    auto caller = authenticateApiCaller(request, context);
    if (!caller)
        return caller.error();
    return access(context, *caller, request.param("repository"), needed);
}

Status requireNormalState(const Access &access)
{
    if (access.repository.state != QLatin1String("NORMAL"))
        return Error::of(ErrorKind::Unavailable,
                         QStringLiteral("Repository is in read only or mirror mode: %1").arg(access.repository.state));
    return {};
}

} // namespace repository

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

constexpr int kPageSize = 100;
constexpr int kMaxTags = 500;
constexpr qint64 kPageTokenLifetimeMs = 2 * 24 * 3600 * 1000LL;

// next_page (reference §0.2): opaque to clients, sealed with the server's
// secret box and bound to the listing it came from, valid for two days. It
// carries the sort key of the page's last entry (namespace, repository), so
// the next page starts right after it through the index instead of
// skipping an offset's worth of rows. A token that does not open (or
// expired, or is of an older form) gives the first page, as in Quay.
QString sealPageToken(const WorkerContext &ctx, const QByteArray &listing, const store::Repository &last)
{
    const QJsonObject token{{"namespace", last.namespaceName}, {"name", last.name},
                            {"expires", ctx.nowMs() + kPageTokenLifetimeMs}};
    return QString::fromLatin1(ctx.server.secretBox.seal(QJsonDocument(token).toJson(QJsonDocument::Compact), listing));
}

store::RepositoryCursor openPageToken(const WorkerContext &ctx, const QByteArray &listing, const QString &text)
{
    if (text.isEmpty())
        return {};
    auto opened = ctx.server.secretBox.open(text.toLatin1(), listing);
    if (!opened)
        return {};
    const QJsonObject token = QJsonDocument::fromJson(*opened).object();
    const QJsonValue ns = token.value("namespace");
    const QJsonValue name = token.value("name");
    if (!ns.isString() || ns.toString().isEmpty() || !name.isString() || token.value("expires").toInteger(0) < ctx.nowMs())
        return {};
    return store::RepositoryCursor{ns.toString(), name.toString()};
}

QJsonValue descriptionOf(const store::Repository &repository)
{
    // Quay keeps NULL for "no description" and shows it as null.
    return repository.description.isEmpty() ? QJsonValue() : QJsonValue(repository.description);
}

// Whose grants count in listings: a user or robot whose OAuth scopes allow
// reading repositories at all.
store::RepositoryFilter filterFor(const ApiCaller &caller)
{
    store::RepositoryFilter filter;
    if (!caller.isAnonymous()
        && auth::PermissionResolver::capByScopes(caller.identity, auth::Role::Admin) >= auth::Role::Read) {
        filter.viewerId = caller.identity.namespaceId;
        filter.viewerIsUser = !caller.identity.isRobot();
    }
    return filter;
}

Result<QString> requiredString(const QJsonObject &body, const QString &name)
{
    if (!body.contains(name))
        return tenancy::requiredProperty(name);
    if (!body.value(name).isString())
        return tenancy::notOfType(body.value(name), QStringLiteral("string"));
    return body.value(name).toString();
}

Result<QString> visibilityIn(const QJsonObject &body)
{
    auto visibility = requiredString(body, QStringLiteral("visibility"));
    if (!visibility)
        return visibility.error();
    if (*visibility != QLatin1String("public") && *visibility != QLatin1String("private"))
        return badRequest(QStringLiteral("'%1' is not one of ['public', 'private']").arg(*visibility));
    return *visibility;
}

// Quay reports the compressed size of an image's layers; an index has none.
QJsonValue layersSize(const QByteArray &manifest)
{
    const QJsonObject object = QJsonDocument::fromJson(manifest).object();
    if (!object.value("layers").isArray())
        return QJsonValue();
    qint64 size = 0;
    for (const QJsonValue &layer : object.value("layers").toArray())
        size += layer.toObject().value("size").toInteger();
    return size;
}

Result<Reply> createRepository(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto name = requiredString(*body, QStringLiteral("repository"));
    if (!name)
        return name.error();
    auto visibility = visibilityIn(*body);
    if (!visibility)
        return visibility.error();
    auto description = requiredString(*body, QStringLiteral("description"));
    if (!description)
        return description.error();
    const QJsonValue kind = body->value("repo_kind");
    if (!kind.isUndefined() && !kind.isNull() && kind != QJsonValue(QStringLiteral("image")))
        return badRequest(QStringLiteral("Only repositories of kind 'image' are supported"));
    if (body->contains("namespace") && !body->value("namespace").isString())
        return tenancy::notOfType(body->value("namespace"), QStringLiteral("string"));
    if (Status s = requireUser(*caller); !s)
        return s.error();

    const QString namespaceName = body->value("namespace").toString(caller->identity.name);
    auto may = ctx.permissions.mayCreateRepository(caller->identity, namespaceName);
    if (!may)
        return may.error();
    if (!*may)
        return unauthorized();

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto ns = ctx.namespaces.byName(namespaceName);
    if (!ns)
        return ns.error();
    if (!ns->has_value())
        return unauthorized();
    auto created = ctx.repositoryCreator.create(caller->identity, **ns, *name, *visibility, *description, ctx.nowMs());
    if (!created) {
        if (created.error().kind == ErrorKind::NameInvalid)
            return badRequest(QStringLiteral("Invalid repository name"));
        if (created.error().kind == ErrorKind::Conflict)
            return badRequest(QStringLiteral("Repository already exists"));
        return created.error();
    }
    if (Status s = ctx.actionLog.record(QStringLiteral("create_repo"), logs::repositoryScope(*created),
                                        logs::LogActor::of(caller->identity, request),
                                        {{"repo", *name}, {"namespace", namespaceName}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json({{"namespace", namespaceName}, {"name", *name}, {"kind", "image"}}, 201);
}

Result<Reply> listRepositories(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    const QString namespaceName = request.queryValue(QStringLiteral("namespace"));
    const bool starred = queryFlag(request, QStringLiteral("starred"), false);
    const bool includePublic = queryFlag(request, QStringLiteral("public"), false);
    const bool lastModified = queryFlag(request, QStringLiteral("last_modified"), false);
    const bool popularity = queryFlag(request, QStringLiteral("popularity"), false);
    if (namespaceName.isEmpty() && !starred && !includePublic)
        return badRequest(QStringLiteral("namespace, starred or public are required for this API call"));
    if (starred && caller->isAnonymous())
        return badRequest(QString());

    store::RepositoryFilter filter = filterFor(*caller);
    filter.namespaceName = namespaceName;
    filter.starredOnly = starred;
    // Anonymous callers see what is public; starred repositories stay
    // listed while they are public or granted.
    filter.includePublic = includePublic || starred || caller->isAnonymous();
    const QString kind = request.queryValue(QStringLiteral("repo_kind"));
    if (!kind.isEmpty())
        filter.kind = kind;

    const store::RepositoryCursor after = openPageToken(ctx, "repository-list", request.queryValue(QStringLiteral("next_page")));
    auto page = ctx.repositories.list(filter, after, kPageSize + 1,
                                      lastModified ? std::optional<qint64>(ctx.nowMs()) : std::nullopt);
    if (!page)
        return page.error();
    QJsonArray repositories;
    for (qsizetype i = 0; i < qsizetype(page->size()) && i < kPageSize; ++i) {
        const store::RepositoryListEntry &entry = page->at(size_t(i));
        const store::Repository &r = entry.repository;
        QJsonObject view{{"namespace", r.namespaceName}, {"name", r.name}, {"description", descriptionOf(r)},
                         {"is_public", r.isPublic()}, {"kind", r.kind}, {"state", r.state}};
        if (lastModified)
            view.insert("last_modified", entry.lastModifiedMs ? QJsonValue(*entry.lastModifiedMs / 1000) : QJsonValue());
        if (popularity)
            view.insert("popularity", 0.0);   // no action counts are kept yet
        if (!caller->isAnonymous())
            view.insert("is_starred", entry.starred);
        repositories.append(view);
    }
    QJsonObject result{{"repositories", repositories}};
    if (qsizetype(page->size()) > kPageSize)
        result.insert("next_page", sealPageToken(ctx, "repository-list", page->at(kPageSize - 1).repository));
    return Reply::json(result);
}

Result<Reply> getRepository(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto found = repository::access(ctx, *caller, request.param("repository"), auth::Role::Read);
    if (!found)
        return found.error();
    const store::Repository &r = found->repository;
    bool isStarred = false;
    if (!caller->isAnonymous()) {
        auto starred = ctx.repositories.isStarred(caller->identity.namespaceId, r.id);
        if (!starred)
            return starred.error();
        isStarred = *starred;
    }
    auto expiration = ctx.repositories.tagExpirationSeconds(r.namespaceId);
    if (!expiration)
        return expiration.error();
    const bool normal = r.state == QLatin1String("NORMAL");
    QJsonObject view{{"namespace", r.namespaceName},
                     {"name", r.name},
                     {"kind", r.kind},
                     {"description", descriptionOf(r)},
                     {"is_public", r.isPublic()},
                     {"is_organization", r.isOrganization()},
                     {"is_starred", isStarred},
                     {"status_token", QString()},
                     {"trust_enabled", false},
                     {"tag_expiration_s", *expiration},
                     {"is_free_account", true},
                     {"state", r.state},
                     {"can_write", normal && found->role >= auth::Role::Write},
                     {"can_admin", found->role >= auth::Role::Admin}};
    if (queryFlag(request, QStringLiteral("includeTags"), true)) {
        auto tags = ctx.tags.liveSummaries(r.id, kMaxTags, ctx.nowMs());
        if (!tags)
            return tags.error();
        QJsonObject tagViews;
        for (const store::TagSummary &tag : *tags) {
            QJsonObject tagView{{"name", tag.name}, {"size", layersSize(tag.manifestContent)},
                                {"manifest_digest", tag.manifestDigest}};
            if (tag.startMs > 0)
                tagView.insert("last_modified", formatQuayDate(tag.startMs));
            if (tag.endMs)
                tagView.insert("expiration", formatQuayDate(*tag.endMs));
            tagViews.insert(tag.name, tagView);
        }
        view.insert("tags", tagViews);
    }
    return Reply::json(view);
}

Result<Reply> updateRepository(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = repository::accessFor(ctx, request, auth::Role::Write);
    if (!found)
        return found.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto description = requiredString(*body, QStringLiteral("description"));
    if (!description)
        return description.error();
    const store::Repository &r = found->repository;
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = ctx.repositories.setDescription(r.id, *description); !s)
        return s.error();
    if (Status s = ctx.actionLog.record(QStringLiteral("set_repo_description"), logs::repositoryScope(r),
                                        logs::LogActor::of(found->caller, request),
                                        {{"repo", r.name}, {"namespace", r.namespaceName}, {"description", *description}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json({{"success", true}});
}

Result<Reply> changeVisibility(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = repository::accessFor(ctx, request, auth::Role::Admin);
    if (!found)
        return found.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto visibility = visibilityIn(*body);
    if (!visibility)
        return visibility.error();
    const store::Repository &r = found->repository;
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = ctx.repositories.setVisibility(r.id, *visibility); !s)
        return s.error();
    if (Status s = ctx.actionLog.record(QStringLiteral("change_repo_visibility"), logs::repositoryScope(r),
                                        logs::LogActor::of(found->caller, request),
                                        {{"repo", r.name}, {"namespace", r.namespaceName}, {"visibility", *visibility}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json({{"success", true}});
}

// The repository disappears at once (deleted = 1, renamed to a UUID so the
// name is free again); the garbage collector (server/gc) purges its tags,
// manifests and blobs later, in small batches.
Result<Reply> deleteRepository(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = repository::accessFor(ctx, request, auth::Role::Admin);
    if (!found)
        return found.error();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = ctx.repositories.markDeleted(found->repository.id, QUuid::createUuid().toString(QUuid::WithoutBraces)); !s)
        return s.error();
    // Logged under the name it had: the entry outlives the repository.
    if (Status s = ctx.actionLog.record(QStringLiteral("delete_repo"), logs::repositoryScope(found->repository),
                                        logs::LogActor::of(found->caller, request),
                                        {{"repo", found->repository.name}, {"namespace", found->repository.namespaceName}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

Result<ApiCaller> signedInUser(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    if (Status s = requireUser(*caller); !s)
        return s.error();
    return caller;
}

Result<Reply> listStarred(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = signedInUser(ctx, request);
    if (!caller)
        return caller.error();
    store::RepositoryFilter filter = filterFor(*caller);
    filter.starredOnly = true;
    filter.includePublic = true;
    // Stars are the user's own: list them whatever the token's repo scopes.
    filter.viewerId = caller->identity.namespaceId;
    const store::RepositoryCursor after = openPageToken(ctx, "starred-list", request.queryValue(QStringLiteral("next_page")));
    auto page = ctx.repositories.list(filter, after, kPageSize + 1, std::nullopt);
    if (!page)
        return page.error();
    QJsonArray repositories;
    for (qsizetype i = 0; i < qsizetype(page->size()) && i < kPageSize; ++i) {
        const store::Repository &r = page->at(size_t(i)).repository;
        repositories.append(QJsonObject{{"namespace", r.namespaceName}, {"name", r.name},
                                        {"description", descriptionOf(r)}, {"is_public", r.isPublic()}});
    }
    QJsonObject result{{"repositories", repositories}};
    if (qsizetype(page->size()) > kPageSize)
        result.insert("next_page", sealPageToken(ctx, "starred-list", page->at(kPageSize - 1).repository));
    return Reply::json(result);
}

Result<Reply> starRepository(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = signedInUser(ctx, request);
    if (!caller)
        return caller.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto namespaceName = requiredString(*body, QStringLiteral("namespace"));
    if (!namespaceName)
        return namespaceName.error();
    auto name = requiredString(*body, QStringLiteral("repository"));
    if (!name)
        return name.error();
    auto found = ctx.repositories.find(*namespaceName, *name);
    if (!found)
        return found.error();
    // Quay answers an unknown repository with an empty 200; one the caller
    // may not read is treated the same, so stars reveal nothing.
    if (!found->has_value())
        return Reply{200, {}};
    auto role = ctx.permissions.repositoryRole(caller->identity, **found);
    if (!role)
        return role.error();
    if (*role < auth::Role::Read)
        return Reply{200, {}};
    if (Status s = ctx.repositories.star(caller->identity.namespaceId, (*found)->id, ctx.nowMs()); !s)
        return s.error();
    return Reply::json({{"namespace", *namespaceName}, {"repository", *name}}, 201);
}

Result<Reply> unstarRepository(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = signedInUser(ctx, request);
    if (!caller)
        return caller.error();
    auto split = oci::splitRepositoryPath(request.param("repository"));
    if (split) {
        auto found = ctx.repositories.find(split->namespaceName, split->repositoryName);
        if (!found)
            return found.error();
        if (found->has_value()) {
            if (Status s = ctx.repositories.unstar(caller->identity.namespaceId, (*found)->id); !s)
                return s.error();
        }
    }
    return Reply::noContent();
}

} // namespace

void addRepositoryRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;
    const QString repo = QStringLiteral("/api/v1/repository/{repository...}");

    router.add("POST", "/api/v1/repository", route(createRepository), kBody);
    router.add("GET", "/api/v1/repository", route(listRepositories));
    router.add("GET", "/api/v1/user/starred", route(listStarred));
    router.add("POST", "/api/v1/user/starred", route(starRepository), kBody);
    router.add("DELETE", "/api/v1/user/starred/{repository...}", route(unstarRepository));

    // Sub-resources before the bare "{repository...}" routes below; other
    // families under /api/v1/repository/<r>/ are added before this function.
    router.add("POST", repo + "/changevisibility", route(changeVisibility), kBody);

    router.add("GET", repo, route(getRepository));
    router.add("PUT", repo, route(updateRepository), kBody);
    router.add("DELETE", repo, route(deleteRepository));
}

} // namespace kai::api
