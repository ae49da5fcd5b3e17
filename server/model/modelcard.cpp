#include "model/modelcard.h"

#include <QJsonArray>

#include <algorithm>

namespace kai::model {

namespace {

// Every pair of `wanted` is in `annotations` with the same string value.
bool containsAll(const QJsonObject &annotations, const QMap<QString, QString> &wanted)
{
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const QJsonValue value = annotations.value(it.key());
        if (!value.isString() || value.toString() != it.value())
            return false;
    }
    return true;
}

std::optional<QJsonObject> firstAnnotatedLayer(const QJsonArray &layers, const QMap<QString, QString> &wanted)
{
    for (const QJsonValue &layer : layers) {
        if (containsAll(layer.toObject().value(QLatin1String("annotations")).toObject(), wanted))
            return layer.toObject();
    }
    return std::nullopt;
}

} // namespace

ModelCardRules ModelCardRules::from(const config::Config &config)
{
    return ModelCardRules{config.uiModelcardArtifactType, config.uiModelcardAnnotation,
                          config.uiModelcardLayerAnnotation, config.modelcardMaxBytes};
}

std::optional<QJsonObject> modelCardLayer(const QJsonObject &manifest, const ModelCardRules &rules)
{
    const QJsonArray layers = manifest.value(QLatin1String("layers")).toArray();
    if (layers.isEmpty())
        return std::nullopt;
    const QString artifactType = manifest.value(QLatin1String("artifactType")).toString();
    if (!artifactType.isEmpty() && artifactType == rules.artifactType) {
        if (layers.size() == 1)
            return layers.first().toObject();
        return firstAnnotatedLayer(layers, rules.layerAnnotation);
    }
    if (!rules.manifestAnnotation.isEmpty()
        && containsAll(manifest.value(QLatin1String("annotations")).toObject(), rules.manifestAnnotation))
        return firstAnnotatedLayer(layers, rules.layerAnnotation);
    return std::nullopt;
}

Result<std::optional<QString>> readModelCard(const storage::BlobStore &blobs, const QJsonObject &layer,
                                             const ModelCardRules &rules)
{
    auto digest = oci::Digest::parse(layer.value(QLatin1String("digest")).toString());
    if (!digest || !blobs.contains(*digest))
        return std::optional<QString>{};
    auto size = blobs.blobSize(*digest);
    if (!size)
        return size.error();
    const qint64 declared = layer.value(QLatin1String("size")).toInteger();
    const qint64 largest = std::max(*size, declared);
    if (largest > rules.maxBytes)
        return Error::of(ErrorKind::ApiInvalidRequest,
                         QStringLiteral("Model card %1 is %2 bytes, larger than the %3 bytes this registry returns "
                                        "(KAI_MODELCARD_MAX_BYTES); fetch it from /v2/ as a blob instead")
                             .arg(digest->toString())
                             .arg(largest)
                             .arg(rules.maxBytes));
    auto device = blobs.openBlob(*digest);
    if (!device)
        return device.error();
    const QByteArray bytes = (*device)->read(rules.maxBytes + 1);
    if (bytes.size() > rules.maxBytes)
        return Error::of(ErrorKind::ApiInvalidRequest,
                         QStringLiteral("Model card %1 is larger than the %2 bytes this registry returns "
                                        "(KAI_MODELCARD_MAX_BYTES)")
                             .arg(digest->toString())
                             .arg(rules.maxBytes));
    return std::optional<QString>{QString::fromUtf8(bytes)};
}

} // namespace kai::model
