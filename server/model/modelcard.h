#pragma once

#include "config/config.h"
#include "core/result.h"
#include "storage/blobstore.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace kai::model {

// Model cards (reference §4.8, guide 8.1.1): the Markdown layer of an ML
// artifact, shown by GET /api/v1/repository/<r>/manifest/<digest>
// ?include_modelcard=true.
struct ModelCardRules
{
    QString artifactType;                      // UI_MODELCARD_ARTIFACT_TYPE
    QMap<QString, QString> manifestAnnotation; // UI_MODELCARD_ANNOTATION
    QMap<QString, QString> layerAnnotation;    // UI_MODELCARD_LAYER_ANNOTATION
    qint64 maxBytes = 1024 * 1024;             // KAI_MODELCARD_MAX_BYTES

    static ModelCardRules from(const config::Config &config);
};

// The layer holding the card of `manifest` (an image manifest's JSON), if
// any:
// 1. top-level artifactType == rules.artifactType: the only layer when
//    there is one, else the first layer whose annotations contain every
//    pair of rules.layerAnnotation;
// 2. otherwise, when rules.manifestAnnotation is not empty and the
//    manifest's annotations contain all its pairs: the first layer whose
//    annotations contain every pair of rules.layerAnnotation.
// Returns the layer's descriptor ({digest, size, ...}).
std::optional<QJsonObject> modelCardLayer(const QJsonObject &manifest, const ModelCardRules &rules);

// The card's Markdown (UTF-8; invalid sequences become U+FFFD). nullopt
// when the layer's blob is not stored here. A card larger than
// rules.maxBytes (by its descriptor or its stored size) is refused with
// 400 invalid_request naming the size and the limit, so that nobody
// receives a multi-gigabyte "card" inside a JSON body.
Result<std::optional<QString>> readModelCard(const storage::BlobStore &blobs, const QJsonObject &layer,
                                             const ModelCardRules &rules);

} // namespace kai::model
