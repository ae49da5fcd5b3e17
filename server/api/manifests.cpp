#include "api/manifests.h"

#include "api/apicaller.h"
#include "api/tenancy.h"
#include "core/quaydate.h"
#include "model/modelcard.h"
#include "oci/labels.h"
#include "oci/manifest.h"
#include "oci/mediatypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

// Quay's stand-in for the history entries of an image that add no layer
// (ENV, CMD, LABEL ...): the empty tar layer and its size.
constexpr char kEmptyLayerDigest[] = "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4";
constexpr qint64 kEmptyLayerSize = 32;
constexpr qint64 kMaximumConfigBytes = 16 << 20;

bool isManifestList(const QString &mediaType)
{
    return mediaType == QLatin1String(oci::kOciIndex) || mediaType == QLatin1String(oci::kDockerManifestList);
}

// RFC 3339 as image configs write it (Go keeps nanoseconds) to Quay's
// RFC 2822 date; null when absent or unreadable.
QJsonValue historyDate(const QJsonValue &created)
{
    QString text = created.toString();
    if (text.isEmpty())
        return QJsonValue();
    // Qt reads at most milliseconds: drop further fraction digits.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    text.replace(fraction, QStringLiteral("\\1"));
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return QJsonValue();
    return formatQuayDate(when.toMSecsSinceEpoch());
}

// Quay's normalisation of a layer's command: a JSON array stays as it is,
// any other text becomes a one-element array; no command is null.
QJsonValue commandOf(const QJsonValue &createdBy)
{
    const QString text = createdBy.toString();
    if (text.isEmpty())
        return QJsonValue();
    const QJsonDocument parsed = QJsonDocument::fromJson(text.toUtf8());
    if (parsed.isArray())
        return parsed.array();
    return QJsonArray{text};
}

QJsonObject layerView(int index, const oci::Descriptor *blob, const QJsonObject &history)
{
    QJsonValue urls;
    if (blob && !blob->urls.isEmpty())
        urls = QJsonArray::fromStringList(blob->urls);
    auto text = [&history](const char *name) {
        const QJsonValue v = history.value(QLatin1String(name));
        return v.isString() ? v : QJsonValue();
    };
    return QJsonObject{{"index", index},
                       {"compressed_size", blob ? blob->size : kEmptyLayerSize},
                       {"is_remote", blob ? !blob->urls.isEmpty() : false},
                       {"urls", urls},
                       {"command", commandOf(history.value(QLatin1String("created_by")))},
                       {"comment", text("comment")},
                       {"author", text("author")},
                       {"blob_digest", blob ? blob->digest.toString() : QString::fromLatin1(kEmptyLayerDigest)},
                       {"created_datetime", historyDate(history.value(QLatin1String("created")))}};
}

// The image's history entries, when its config is an image config that
// is stored here; empty otherwise.
QJsonArray historyOf(const oci::Manifest &parsed, const storage::BlobStore &blobs)
{
    if (!parsed.config || !oci::isImageConfigMediaType(parsed.config->mediaType)
        || parsed.config->size > kMaximumConfigBytes)
        return {};
    auto device = blobs.openBlob(parsed.config->digest);
    if (!device)
        return {};
    return QJsonDocument::fromJson((*device)->read(kMaximumConfigBytes)).object().value(QLatin1String("history")).toArray();
}

// The layers as Quay lists them: with an image config's history, one entry
// per history step (steps that add no layer show Quay's empty layer), the
// step's command, comment, author and date attached; without a usable
// history (artifacts, configs without history or with fewer steps than
// layers), one entry per layer with those fields null.
QJsonArray layerViews(const oci::Manifest &parsed, const storage::BlobStore &blobs)
{
    const QJsonArray history = historyOf(parsed, blobs);
    qsizetype steps = 0;
    for (const QJsonValue &entry : history)
        steps += entry.toObject().value(QLatin1String("empty_layer")).toBool() ? 0 : 1;
    QJsonArray views;
    if (history.isEmpty() || steps != parsed.layers.size()) {
        for (qsizetype i = 0; i < parsed.layers.size(); ++i)
            views.append(layerView(int(i), &parsed.layers[i], {}));
        return views;
    }
    qsizetype blob = 0;
    for (const QJsonValue &value : history) {
        const QJsonObject entry = value.toObject();
        const bool empty = entry.value(QLatin1String("empty_layer")).toBool();
        views.append(layerView(int(views.size()), empty ? nullptr : &parsed.layers[blob], entry));
        if (!empty)
            ++blob;
    }
    return views;
}

Result<Reply> getManifest(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = manifest::find(ctx, request, auth::Role::Read);
    if (!target)
        return target.error();
    const store::ManifestRecord &record = target->manifest;
    const bool list = isManifestList(record.mediaType);
    auto parsed = oci::parseManifest(record.content, record.mediaType);
    if (!parsed)
        return parsed.error();
    QJsonObject view{{"digest", record.digest},
                     {"is_manifest_list", list},
                     {"manifest_data", QString::fromUtf8(record.content)},
                     {"config_media_type", parsed->config ? QJsonValue(parsed->config->mediaType) : QJsonValue()}};
    qint64 layersSize = 0;
    QJsonValue layers;
    if (!list) {
        for (const oci::Descriptor &layer : parsed->layers)
            layersSize += layer.size;
        const QJsonArray views = layerViews(*parsed, ctx.server.blobs);
        if (!views.isEmpty())
            layers = views;
    }
    view.insert("layers_compressed_size", layersSize);
    view.insert("layers", layers);

    if (!list && ctx.config().featureUiModelcard && queryFlag(request, QStringLiteral("include_modelcard"))) {
        const model::ModelCardRules rules = model::ModelCardRules::from(ctx.config());
        const QJsonObject manifestJson = QJsonDocument::fromJson(record.content).object();
        if (const std::optional<QJsonObject> layer = model::modelCardLayer(manifestJson, rules)) {
            auto card = model::readModelCard(ctx.server.blobs, *layer, rules);
            if (!card)
                return card.error();
            if (card->has_value())
                view.insert("modelcard", **card);
        }
    }
    return Reply::json(view);
}

} // namespace

namespace manifest {

Result<repository::Access> repositoryFor(WorkerContext &context, const http::HttpRequest &request, auth::Role needed,
                                         bool writable)
{
    if (!oci::Digest::parse(request.param("digest")))
        return notFound();
    auto access = repository::accessFor(context, request, needed);
    if (!access)
        return access.error();
    if (writable) {
        if (Status s = repository::requireNormalState(*access); !s)
            return s.error();
    }
    return access;
}

Result<store::ManifestRecord> shown(WorkerContext &context, const repository::Access &access,
                                    const http::HttpRequest &request)
{
    auto found = context.manifests.taggedByDigest(access.repository.id, request.param("digest"), context.nowMs());
    if (!found)
        return found.error();
    if (!found->has_value())
        return notFound();
    return **found;
}

Result<Target> find(WorkerContext &context, const http::HttpRequest &request, auth::Role needed, bool writable)
{
    auto access = repositoryFor(context, request, needed, writable);
    if (!access)
        return access.error();
    auto record = shown(context, *access, request);
    if (!record)
        return record.error();
    return Target{*access, *record};
}

} // namespace manifest

void addManifestRoutes(http::Router &router, runtime::WorkerContext &context)
{
    router.add("GET", QStringLiteral("/api/v1/repository/{repository...}/manifest/{digest}"),
               tenancy::bind(context, getManifest));
}

} // namespace kai::api
