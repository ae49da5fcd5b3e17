#include "api/labels.h"

#include "api/apicaller.h"
#include "api/manifests.h"
#include "api/tenancy.h"
#include "logs/logscope.h"
#include "model/labelrules.h"
#include "oci/labels.h"

#include <QJsonArray>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

QJsonObject labelView(const store::Label &label)
{
    return QJsonObject{{"id", label.id},
                       {"key", label.key},
                       {"value", label.value},
                       {"source_type", label.sourceType},
                       {"media_type", label.mediaType}};
}

// Labels from the push ("manifest") and the registry itself ("internal")
// are part of the manifest; only API-added ones can go.
bool isImmutableSource(const QString &sourceType)
{
    return sourceType == QLatin1String("manifest") || sourceType == QLatin1String("internal");
}

Result<Reply> listLabels(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = manifest::find(ctx, request, auth::Role::Read);
    if (!target)
        return target.error();
    auto labels = ctx.labels.forManifest(target->manifest.id);
    if (!labels)
        return labels.error();
    // Quay filters with ILIKE '<prefix>%': a case-insensitive key prefix.
    const QString prefix = request.queryValue(QStringLiteral("filter"));
    QJsonArray views;
    for (const store::Label &label : *labels) {
        if (prefix.isEmpty() || label.key.startsWith(prefix, Qt::CaseInsensitive))
            views.append(labelView(label));
    }
    return Reply::json({{"labels", views}});
}

// The AddLabel schema of Quay: key, value and media_type are all required;
// key and value strings; media_type one of the two types or null.
Status validateAddLabel(const QJsonObject &body)
{
    for (const char *name : {"key", "value", "media_type"}) {
        if (!body.contains(QLatin1String(name)))
            return tenancy::requiredProperty(QString::fromLatin1(name));
    }
    for (const char *name : {"key", "value"}) {
        if (!body.value(QLatin1String(name)).isString())
            return tenancy::notOfType(body.value(QLatin1String(name)), QStringLiteral("string"));
    }
    const QJsonValue mediaType = body.value(QLatin1String("media_type"));
    if (mediaType.isNull())
        return {};
    if (!mediaType.isString())
        return tenancy::notOfType(mediaType, QStringLiteral("string', 'null"));
    if (!model::isAllowedLabelMediaType(mediaType.toString()))
        return badRequest(QStringLiteral("'%1' is not one of ['text/plain', 'application/json', None]").arg(mediaType.toString()));
    return {};
}

// Quay's label entries: the label, the manifest and where it lives.
Status recordLabel(WorkerContext &ctx, const http::HttpRequest &request, const repository::Access &access,
                   const QString &kind, const QString &manifestDigest, const store::Label &label, QJsonObject metadata = {})
{
    metadata.insert("id", label.id);
    metadata.insert("key", label.key);
    metadata.insert("value", label.value);
    metadata.insert("manifest_digest", manifestDigest);
    metadata.insert("namespace", access.repository.namespaceName);
    metadata.insert("repo", access.repository.name);
    return ctx.actionLog.record(kind, logs::repositoryScope(access.repository), logs::LogActor::of(access.caller, request),
                                metadata);
}

struct CreatedLabel
{
    Reply reply;
    QString location;
};

Result<CreatedLabel> addLabel(WorkerContext &ctx, const http::HttpRequest &request)
{
    // Quay's order: permission and repository state, the body's schema,
    // the reserved prefixes, then the manifest, then the key's format.
    auto access = manifest::repositoryFor(ctx, request, auth::Role::Write, true);
    if (!access)
        return access.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    if (Status s = validateAddLabel(*body); !s)
        return s.error();
    const QString key = body->value("key").toString();
    const QString value = body->value("value").toString();
    if (model::hasReservedLabelPrefix(key, ctx.config().labelKeyReservedPrefixes))
        return message400(QStringLiteral("Label has a reserved prefix"));
    auto manifest = manifest::shown(ctx, *access, request);
    if (!manifest)
        return manifest.error();
    if (!model::isValidLabelKey(key))
        return message400(QStringLiteral("Label is of an invalid format or missing please use %1 format for labels")
                              .arg(QLatin1String(model::kLabelKeyPattern)));
    const QJsonValue mediaType = body->value("media_type");
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto label = ctx.labels.add(manifest->id, key, value, QStringLiteral("api"),
                                mediaType.isNull() ? oci::labelMediaType(value) : mediaType.toString(), ctx.nowMs());
    if (!label)
        return label.error();
    if (Status s = recordLabel(ctx, request, *access, QStringLiteral("manifest_label_add"), manifest->digest, *label,
                               {{"media_type", label->mediaType}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    // As Flask's url_for writes it: the path of the new label.
    const QString location = QStringLiteral("/api/v1/repository/%1/manifest/%2/labels/%3")
                                 .arg(request.param("repository"), request.param("digest"), label->id);
    return CreatedLabel{Reply::json({{"label", labelView(*label)}}, 201), location};
}

Result<Reply> getLabel(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = manifest::find(ctx, request, auth::Role::Read);
    if (!target)
        return target.error();
    auto label = ctx.labels.byId(target->manifest.id, request.param("labelid"));
    if (!label)
        return label.error();
    if (!label->has_value())
        return notFound();
    return Reply::json(labelView(**label));
}

Result<Reply> deleteLabel(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = manifest::find(ctx, request, auth::Role::Write, true);
    if (!target)
        return target.error();
    const QString id = request.param("labelid");
    auto label = ctx.labels.byId(target->manifest.id, id);
    if (!label)
        return label.error();
    if (!label->has_value())
        return notFound();
    if (isImmutableSource((*label)->sourceType))
        return message400(QStringLiteral("Cannot delete immutable label"));
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto removed = ctx.labels.remove(target->manifest.id, id);
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFound();
    if (Status s = recordLabel(ctx, request, target->access, QStringLiteral("manifest_label_delete"),
                               target->manifest.digest, **label);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

} // namespace

void addLabelRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;
    const QString labels = QStringLiteral("/api/v1/repository/{repository...}/manifest/{digest}/labels");

    router.add("GET", labels, route(listLabels));
    router.add(
        "POST", labels,
        [ctx](http::HttpRequest &request, http::HttpResponse &response) {
            auto created = addLabel(*ctx, request);
            if (!created)
                return tenancy::respond(response, ctx->server, created.error());
            tenancy::respond(response, ctx->server, created->reply);
            response.setHeader("Location", created->location.toUtf8());
        },
        kBody);
    router.add("GET", labels + "/{labelid}", route(getLabel));
    router.add("DELETE", labels + "/{labelid}", route(deleteLabel));
}

} // namespace kai::api
