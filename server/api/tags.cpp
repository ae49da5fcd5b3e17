#include "api/tags.h"

#include "api/apicaller.h"
#include "api/repositories.h"
#include "api/tenancy.h"
#include "core/quaydate.h"
#include "logs/logscope.h"
#include "oci/mediatypes.h"
#include "oci/names.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

constexpr int kDefaultLimit = 50;
constexpr int kMaximumLimit = 100;

// Quay's refusal of a tag name breaking §3.6 (util/names.py TAG_ERROR).
Error invalidTag()
{
    return message400(QStringLiteral("Invalid tag: must match [A-Za-z0-9_.-], NOT start with \".\" or \"-\", "
                                     "and can contain 1-128 characters"));
}

// An integer query parameter; `fallback` when absent.
Result<qint64> queryInteger(const http::HttpRequest &request, const QString &name, qint64 fallback)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = request.queryValue(name).trimmed().toLongLong(&ok);
    if (!ok)
        return message400(QStringLiteral("%1: invalid literal for int() with base 10: '%2'").arg(name, request.queryValue(name)));
    return value;
}

// Tag writes need write permission and a repository in state NORMAL.
Result<repository::Access> writableRepository(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = repository::accessFor(ctx, request, auth::Role::Write);
    if (!found)
        return found.error();
    if (Status s = repository::requireNormalState(*found); !s)
        return s.error();
    return found;
}

// An optional member of `type` ("string", "number", "boolean") or null.
Status optionalOfType(const QJsonObject &body, const QString &name, const QString &type)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    const bool ok = type == QLatin1String("string") ? value.isString()
                    : type == QLatin1String("number") ? value.isDouble()
                                                      : value.isBool();
    if (ok)
        return {};
    return tenancy::notOfType(value, type == QLatin1String("boolean") ? type : type + QStringLiteral("', 'null"));
}

bool isManifestList(const QString &mediaType)
{
    return mediaType == QLatin1String(oci::kOciIndex) || mediaType == QLatin1String(oci::kDockerManifestList);
}

// The compressed size of an image's layers; lists have none (null).
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

// The tag object of reference §2.9. `immutable` is left out: Kai has no
// FEATURE_IMMUTABLE_TAGS yet, and Quay omits the field without it.
Result<QJsonObject> tagView(WorkerContext &ctx, qint64 repositoryId, const store::TagHistoryEntry &entry)
{
    const store::TagRow &tag = entry.tag;
    const bool list = isManifestList(entry.manifestMediaType);
    QJsonObject view{{"name", tag.name},
                     {"reversion", tag.reversion},
                     {"manifest_digest", entry.manifestDigest},
                     {"is_manifest_list", list},
                     {"size", list ? QJsonValue() : layersSize(entry.manifestContent)}};
    if (tag.startMs > 0) {
        view.insert("start_ts", tag.startMs / 1000);
        view.insert("last_modified", formatQuayDate(tag.startMs));
    }
    if (tag.endMs) {
        view.insert("end_ts", *tag.endMs / 1000);
        view.insert("expiration", formatQuayDate(*tag.endMs));
    }
    if (list) {
        auto children = ctx.manifests.children(repositoryId, tag.manifestId);
        if (!children)
            return children.error();
        QJsonObject presence;
        qint64 present = 0;
        for (const store::ChildPresence &child : *children) {
            presence.insert(child.digest, child.present);
            present += child.present ? 1 : 0;
        }
        view.insert("is_sparse", present < qint64(children->size()));
        view.insert("child_manifest_count", qint64(children->size()));
        view.insert("present_child_count", present);
        view.insert("child_manifests_presence", presence);
    }
    return view;
}

Result<Reply> listTags(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = repository::accessFor(ctx, request, auth::Role::Read);
    if (!found)
        return found.error();
    auto page = queryInteger(request, QStringLiteral("page"), 1);
    if (!page)
        return page.error();
    auto limit = queryInteger(request, QStringLiteral("limit"), kDefaultLimit);
    if (!limit)
        return limit.error();
    store::TagHistoryQuery query;
    query.onlyAlive = queryFlag(request, QStringLiteral("onlyActiveTags"));
    query.limit = int(std::clamp<qint64>(*limit, 1, kMaximumLimit));
    const qint64 pageNumber = std::clamp<qint64>(*page, 1, 1'000'000);
    query.offset = (pageNumber - 1) * query.limit;
    query.exactName = request.queryValue(QStringLiteral("specificTag"));
    const QString filter = request.queryValue(QStringLiteral("filter_tag_name"));
    if (!filter.isEmpty()) {
        if (filter.startsWith(QLatin1String("like:"))) {
            query.nameContains = filter.mid(5);
        } else if (filter.startsWith(QLatin1String("eq:"))) {
            const QString name = filter.mid(3);
            // specificTag and eq: both name the tag: both must hold.
            if (!query.exactName.isEmpty() && query.exactName != name)
                return Reply::json({{"tags", QJsonArray()}, {"page", pageNumber}, {"has_additional", false}});
            query.exactName = name;
        } else {
            return message400(QStringLiteral("Invalid filter_tag_name format: expected like:<text> or eq:<name>"));
        }
    }
    // One row more than the page tells whether another page follows.
    ++query.limit;
    auto rows = ctx.tags.history(found->repository.id, query, ctx.nowMs());
    if (!rows)
        return rows.error();
    const bool more = qsizetype(rows->size()) >= query.limit;
    if (more)
        rows->pop_back();
    QJsonArray tags;
    for (const store::TagHistoryEntry &entry : *rows) {
        auto view = tagView(ctx, found->repository.id, entry);
        if (!view)
            return view.error();
        tags.append(*view);
    }
    return Reply::json({{"tags", tags}, {"page", pageNumber}, {"has_additional", more}});
}

// Seconds since the epoch (JSON number) to milliseconds, bounded so that
// absurd values are clamped by LABELED_EXPIRATION_MAXIMUM, not overflowing.
qint64 epochSecondsToMs(double seconds)
{
    constexpr double kLimit = 1e13;   // ~ year 318857
    return qint64(std::llround(std::clamp(seconds, -kLimit, kLimit) * 1000.0));
}

// A tag action's entry, in the caller's transaction. Quay's tag entries
// carry the performer's name, the repository and the tag; each kind adds
// its own keys.
Status recordTagAction(WorkerContext &ctx, const http::HttpRequest &request, const repository::Access &access,
                       const QString &kind, const QString &tag, QJsonObject metadata)
{
    metadata.insert("username", access.caller.name);
    metadata.insert("repo", access.repository.name);
    metadata.insert("tag", tag);
    return ctx.actionLog.record(kind, logs::repositoryScope(access.repository), logs::LogActor::of(access.caller, request),
                                metadata);
}

// Epoch seconds, as Quay's log serialises dates; null for "none".
QJsonValue epochSeconds(std::optional<qint64> ms) { return ms ? QJsonValue(*ms / 1000) : QJsonValue(); }

Result<Reply> changeTag(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = writableRepository(ctx, request);
    if (!found)
        return found.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    for (const auto &[name, type] : {std::pair{"manifest_digest", "string"}, std::pair{"expiration", "number"},
                                     std::pair{"immutable", "boolean"}}) {
        if (Status s = optionalOfType(*body, QString::fromLatin1(name), QString::fromLatin1(type)); !s)
            return s.error();
    }
    const QString tag = request.param("tag");
    if (!oci::validateTag(tag))
        return invalidTag();
    const qint64 repositoryId = found->repository.id;
    const qint64 nowMs = ctx.nowMs();

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (body->contains("expiration")) {
        auto alive = ctx.tagMover.alive(repositoryId, tag, nowMs);
        if (!alive)
            return alive.error();
        if (!alive->has_value())
            return notFound();
        std::optional<qint64> requestedMs;
        if (!body->value("expiration").isNull()) {
            requestedMs = epochSecondsToMs(body->value("expiration").toDouble());
            if (*requestedMs <= nowMs)
                return message400(QStringLiteral("Tag expiration must be in the future"));
        }
        auto changed = ctx.tagMover.changeExpiration(**alive, requestedMs);
        if (!changed)
            return changed.error();
        if (!*changed)
            return badRequest(QStringLiteral("Could not update tag expiration; Tag has probably changed"));
        // As Quay: clearing an expiration that was never set is no change.
        if ((*alive)->endMs || requestedMs) {
            if (Status s = recordTagAction(ctx, request, *found, QStringLiteral("change_tag_expiration"), tag,
                                           {{"namespace", found->repository.namespaceName},
                                            {"expiration_date", epochSeconds(requestedMs)},
                                            {"old_expiration_date", epochSeconds((*alive)->endMs)}});
                !s)
                return s.error();
        }
    }
    if (body->contains("manifest_digest")) {
        const QString digest = body->value("manifest_digest").toString();
        if (digest.isEmpty())
            return notFound();
        auto manifest = ctx.manifests.byDigest(repositoryId, digest);
        if (!manifest)
            return manifest.error();
        if (!manifest->has_value())
            return notFound();
        auto previous = ctx.tags.resolve(repositoryId, tag, nowMs);
        if (!previous)
            return previous.error();
        if (auto moved = ctx.tagMover.point(repositoryId, tag, **manifest, nowMs); !moved)
            return moved.error();
        const QJsonValue original = previous->has_value() ? QJsonValue((*previous)->digest) : QJsonValue();
        if (Status s = recordTagAction(ctx, request, *found,
                                       previous->has_value() ? QStringLiteral("move_tag") : QStringLiteral("create_tag"), tag,
                                       {{"namespace", found->repository.namespaceName},
                                        {"manifest_digest", digest},
                                        {"original_manifest_digest", original}});
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply{201, QByteArrayLiteral("\"Updated\"")};
}

Result<Reply> deleteTag(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = writableRepository(ctx, request);
    if (!found)
        return found.error();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    const QString tag = request.param("tag");
    auto removed = ctx.tagMover.remove(found->repository.id, tag, ctx.nowMs());
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFound();
    if (Status s = recordTagAction(ctx, request, *found, QStringLiteral("delete_tag"), tag,
                                   {{"namespace", found->repository.namespaceName}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

Result<Reply> restoreTag(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = writableRepository(ctx, request);
    if (!found)
        return found.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    if (Status s = optionalOfType(*body, QStringLiteral("manifest_digest"), QStringLiteral("string")); !s)
        return s.error();
    const QString digest = body->value("manifest_digest").toString();
    if (digest.isEmpty())
        return badRequest(QStringLiteral("Missing manifest_digest"));
    const QString tag = request.param("tag");
    if (!oci::validateTag(tag))
        return invalidTag();
    const qint64 repositoryId = found->repository.id;

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    // Dead manifests count: restore works until garbage collection took
    // the manifest row.
    auto manifest = ctx.manifests.byDigest(repositoryId, digest);
    if (!manifest)
        return manifest.error();
    if (!manifest->has_value())
        return notFound();
    if (auto restored = ctx.tagMover.point(repositoryId, tag, **manifest, ctx.nowMs(), true); !restored)
        return restored.error();
    // Quay's revert_tag entry names no namespace key.
    if (Status s = recordTagAction(ctx, request, *found, QStringLiteral("revert_tag"), tag, {{"manifest_digest", digest}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json({});
}

Result<Reply> expireTag(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = writableRepository(ctx, request);
    if (!found)
        return found.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    for (const auto &[name, type] : {std::pair{"manifest_digest", "string"}, std::pair{"include_submanifests", "boolean"},
                                     std::pair{"is_alive", "boolean"}}) {
        if (Status s = optionalOfType(*body, QString::fromLatin1(name), QString::fromLatin1(type)); !s)
            return s.error();
    }
    const QString digest = body->value("manifest_digest").toString();
    const bool aliveRow = body->value("is_alive").toBool(false);
    const bool submanifests = body->value("include_submanifests").toBool(false);
    if (digest.isEmpty() && !aliveRow)
        return badRequest(QStringLiteral("manifest_digest is required unless is_alive is true"));
    const qint64 repositoryId = found->repository.id;

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    const QString tag = request.param("tag");
    std::optional<qint64> manifestId;
    QString expiredDigest = digest;
    if (!digest.isEmpty()) {
        auto manifest = ctx.manifests.byDigest(repositoryId, digest);
        if (!manifest)
            return manifest.error();
        if (!manifest->has_value())
            return notFound();
        manifestId = (*manifest)->id;
    } else {
        // Only the alive row: its manifest is the one named in the entry.
        auto current = ctx.tags.resolve(repositoryId, tag, ctx.nowMs());
        if (!current)
            return current.error();
        if (current->has_value())
            expiredDigest = (*current)->digest;
    }
    auto window = ctx.repositories.tagExpirationSeconds(found->repository.namespaceId);
    if (!window)
        return window.error();
    auto expired = ctx.tagMover.expirePermanently(repositoryId, tag, manifestId, aliveRow, submanifests, *window,
                                                  ctx.nowMs());
    if (!expired)
        return expired.error();
    if (!*expired)
        return notFound();
    if (Status s = recordTagAction(ctx, request, *found, QStringLiteral("permanently_delete_tag"), tag,
                                   {{"namespace", found->repository.namespaceName}, {"manifest_digest", expiredDigest}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply{200, QByteArrayLiteral("\"\"")};
}

} // namespace

void addTagRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;
    const QString tags = QStringLiteral("/api/v1/repository/{repository...}/tag/");

    router.add("GET", tags, route(listTags));
    // The guide lists tags without the trailing slash, too.
    router.add("GET", QStringLiteral("/api/v1/repository/{repository...}/tag"), route(listTags));
    router.add("PUT", tags + "{tag}", route(changeTag), kBody);
    router.add("DELETE", tags + "{tag}", route(deleteTag));
    router.add("POST", tags + "{tag}/restore", route(restoreTag), kBody);
    if (context.config().permanentlyDeleteTags)
        router.add("POST", tags + "{tag}/expire", route(expireTag), kBody);
}

} // namespace kai::api
