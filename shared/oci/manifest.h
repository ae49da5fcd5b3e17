#pragma once

#include "core/result.h"
#include "oci/digest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace kai::oci {

// One OCI/Docker content descriptor, as it appears in a manifest.
struct Descriptor
{
    QString mediaType;
    Digest digest;
    qint64 size = 0;
    QString artifactType;
    QJsonObject annotations;
    QJsonObject platform;
    QByteArray data;   // decoded "data" field if present (already checked against digest and size)
    QStringList urls;

    // A non-distributable (OCI) or foreign (Docker) layer that names `urls`:
    // clients fetch it from there, so the registry need not hold its blob.
    bool isExternal() const;
};

enum class ManifestKind { Image, Index };

// A parsed, validated manifest. Only parseManifest() makes one.
struct Manifest
{
    ManifestKind kind = ManifestKind::Image;
    // The effective media type: the body's mediaType, or the request's
    // Content-Type when the body has none. Always one of the four manifest
    // types (see isManifestMediaType()).
    QString mediaType;
    QString artifactType;                  // the raw artifactType field ("" when absent)
    std::optional<Descriptor> config;      // images
    QList<Descriptor> layers;              // images
    QList<Descriptor> manifests;           // indexes
    std::optional<Descriptor> subject;
    QJsonObject annotations;

    bool isIndex() const { return kind == ManifestKind::Index; }

    // The artifact type the OCI 1.1 referrers API reports for this manifest:
    // artifactType when set; otherwise, for an image, config.mediaType
    // (distribution-spec 1.1 "Listing Referrers": "if artifactType is empty
    // or missing in an image manifest, the value of artifactType MUST be set
    // to the config descriptor mediaType value"); otherwise "".
    QString effectiveArtifactType() const;

    // Every blob an image references: config first, then each layer in order,
    // external (non-distributable with urls) layers included, so that garbage
    // collection keeps whatever the registry happens to hold. Empty for an
    // index; its children are `manifests`.
    QList<Descriptor> blobReferences() const;

    // The blobs a push must find in the registry: blobReferences() without the
    // external layers, which clients fetch from their urls (as distribution
    // does for Windows foreign layers).
    QList<Descriptor> requiredBlobs() const;
};

// Parses and validates a manifest body as PUT by a client. `contentType` is
// the request's Content-Type (may be empty; parameters such as "; charset="
// are ignored).
//
// Media type: a Content-Type that is a manifest type is authoritative and a
// mediaType in the body must agree with it; any other Content-Type (empty,
// application/json, application/octet-stream) defers to the body's
// mediaType; with neither, an OCI manifest is assumed and told apart from an
// OCI index by its fields, as the image spec allows.
//
// Errors are ErrorKind::ManifestInvalid with a message naming the offending
// field (e.g. "layers[2].digest: invalid digest ..."); detail is
// {"message": <the same text>}, the shape Quay puts in MANIFEST_INVALID.
//
// Accepts Docker schema 2 manifests and manifest lists, OCI image manifests
// and indexes, artifacts (artifactType; any config and layer media types,
// including application/vnd.oci.empty.v1+json), non-distributable layers with
// urls, and subject. Rejects schema 1, schemaVersion != 2, manifests that
// carry both image and index fields (the ambiguity behind CVE-2021-41190),
// image manifests without config or layers, index entries that are not
// manifests, and descriptors with missing/invalid mediaType, digest or size,
// malformed urls, or a "data" field that is not base64 or does not match the
// descriptor's digest and size.
Result<Manifest> parseManifest(QByteArrayView body, QStringView contentType);

// One of the four manifest media types the registry stores (Docker schema 2
// manifest and list, OCI manifest and index). Parameters and case are ignored.
bool isManifestMediaType(QStringView mediaType);

// The media type without parameters, trimmed and lower-cased:
// "Application/JSON; charset=utf-8" -> "application/json".
QString normalizedMediaType(QStringView contentType);

} // namespace kai::oci
