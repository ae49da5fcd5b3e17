#pragma once

#include "oci/manifest.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace kai::oci {

// A label a manifest carries from its push (Quay source type "manifest").
struct ManifestLabel
{
    QString key;
    QString value;
    QString mediaType;   // "application/json" or "text/plain"
};

// Does this config media type hold an image config whose config.Labels
// count as labels (OCI or Docker image config)?
bool isImageConfigMediaType(QStringView mediaType);

// The labels of a pushed manifest (reference §4.2): for an image, the
// `config.Labels` of its image config (`configBlob`, the config's bytes;
// empty or not an image config: none) merged with the manifest's
// annotations, annotations winning; for an index, its own annotations.
// Only string values count. Sorted by key.
QList<ManifestLabel> manifestLabels(const Manifest &manifest, QByteArrayView configBlob);

// Quay's inference: "application/json" when the value parses as a JSON
// object or array, otherwise "text/plain".
QString labelMediaType(const QString &value);

} // namespace kai::oci
