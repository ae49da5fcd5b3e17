#include "oci/manifest.h"

#include "oci/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QUrl>

#include <cmath>

namespace kai::oci {

namespace {

// The detail goes onto the wire as the /v2 error's "detail"; Quay sends
// {"message": ...} there for MANIFEST_INVALID, so that is the shape.
Error invalid(const QString &field, const QString &message)
{
    const QString text = field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    return Error::of(ErrorKind::ManifestInvalid, text, QJsonObject{{QStringLiteral("message"), text}});
}

// Go encoders write `null` for nil pointers and maps; for optional fields
// that means the same as leaving the field out.
bool present(const QJsonValue &value)
{
    return !value.isUndefined() && !value.isNull();
}

bool isOneOf(QStringView mediaType, std::initializer_list<const char *> types)
{
    for (const char *type : types) {
        if (mediaType == QLatin1StringView(type))
            return true;
    }
    return false;
}

bool isSchema1(QStringView mediaType)
{
    return isOneOf(mediaType, {kDockerSchema1, kDockerSchema1Signed});
}

bool isIndexMediaType(QStringView mediaType)
{
    return isOneOf(mediaType, {kOciIndex, kDockerManifestList});
}

// Content-Types that say nothing about which manifest this is; clients that
// send them (or none) leave the decision to the body.
bool isGenericContentType(QStringView mediaType)
{
    return mediaType.isEmpty() || mediaType == u"application/json"
        || mediaType == u"application/octet-stream" || mediaType == u"text/plain";
}

// RFC 6838 section 4.2 restricted-name, which the OCI image spec requires of
// every mediaType and artifactType.
bool isRestrictedName(QStringView name)
{
    if (name.isEmpty() || name.size() > 127)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (alnum)
            continue;
        if (i == 0)
            return false;
        if (!QStringView(u"!#$&-^_.+").contains(QChar(c)))
            return false;
    }
    return true;
}

bool isValidMediaType(QStringView mediaType)
{
    const qsizetype slash = mediaType.indexOf(u'/');
    return slash > 0 && isRestrictedName(mediaType.first(slash))
        && isRestrictedName(mediaType.sliced(slash + 1));
}

Result<QString> parseMediaTypeField(const QJsonObject &object, const QString &key,
                                    const QString &field, bool required)
{
    const QJsonValue value = object.value(key);
    if (!present(value)) {
        if (required)
            return invalid(field, QStringLiteral("missing %1").arg(key));
        return QString();
    }
    if (!value.isString())
        return invalid(field, QStringLiteral("%1 must be a string").arg(key));
    const QString text = value.toString();
    if (!isValidMediaType(text))
        return invalid(field, QStringLiteral("\"%1\" is not a valid media type").arg(text.left(160)));
    return text;
}

// OCI annotations are a map of string to string.
Result<QJsonObject> parseAnnotations(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(QStringLiteral("annotations"));
    if (!present(value))
        return QJsonObject();
    if (!value.isObject())
        return invalid(field, QStringLiteral("annotations must be an object"));
    const QJsonObject annotations = value.toObject();
    for (auto it = annotations.begin(); it != annotations.end(); ++it) {
        if (!it.value().isString())
            return invalid(field, QStringLiteral("annotation \"%1\" must have a string value").arg(it.key()));
    }
    return annotations;
}

Result<qint64> parseSize(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(QStringLiteral("size"));
    if (!present(value))
        return invalid(field, QStringLiteral("missing size"));
    if (!value.isDouble())
        return invalid(field, QStringLiteral("size must be a number"));
    const double size = value.toDouble();
    if (size < 0)
        return invalid(field, QStringLiteral("size must not be negative"));
    // JSON numbers are doubles here; beyond 2^53 the value is no longer exact.
    if (size != std::floor(size) || size > 9007199254740992.0)
        return invalid(field, QStringLiteral("size must be a whole number of bytes"));
    return qint64(size);
}

Result<QStringList> parseUrls(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(QStringLiteral("urls"));
    if (!present(value))
        return QStringList();
    if (!value.isArray())
        return invalid(field, QStringLiteral("urls must be an array"));
    QStringList urls;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("urls[%1]").arg(i);
        if (!array[i].isString())
            return invalid(field, at + QStringLiteral(" must be a string"));
        // Clients follow these links; only plain web URLs are worth following
        // and anything else (file:, data:) is at best a mistake.
        const QUrl url(array[i].toString(), QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
            return invalid(field, at + QStringLiteral(" must be an absolute http or https URL"));
        urls.append(array[i].toString());
    }
    return urls;
}

Result<Descriptor> parseDescriptor(const QJsonValue &value, const QString &field)
{
    if (!value.isObject())
        return invalid(field, QStringLiteral("descriptor must be a JSON object"));
    const QJsonObject object = value.toObject();
    Descriptor descriptor;

    auto mediaType = parseMediaTypeField(object, QStringLiteral("mediaType"), field, true);
    if (!mediaType)
        return mediaType.error();
    descriptor.mediaType = *mediaType;

    const QJsonValue digestValue = object.value(QStringLiteral("digest"));
    if (!present(digestValue))
        return invalid(field, QStringLiteral("missing digest"));
    if (!digestValue.isString())
        return invalid(field, QStringLiteral("digest must be a string"));
    auto digest = Digest::parse(digestValue.toString());
    if (!digest)
        return invalid(field + QStringLiteral(".digest"), digest.error().message);
    descriptor.digest = *digest;

    auto size = parseSize(object, field);
    if (!size)
        return size.error();
    descriptor.size = *size;

    auto artifactType = parseMediaTypeField(object, QStringLiteral("artifactType"), field, false);
    if (!artifactType)
        return artifactType.error();
    descriptor.artifactType = *artifactType;

    auto annotations = parseAnnotations(object, field);
    if (!annotations)
        return annotations.error();
    descriptor.annotations = *annotations;

    auto urls = parseUrls(object, field);
    if (!urls)
        return urls.error();
    descriptor.urls = *urls;

    const QJsonValue platform = object.value(QStringLiteral("platform"));
    if (present(platform)) {
        if (!platform.isObject())
            return invalid(field, QStringLiteral("platform must be an object"));
        const QJsonObject p = platform.toObject();
        if (!p.value(QStringLiteral("architecture")).isString() || !p.value(QStringLiteral("os")).isString())
            return invalid(field, QStringLiteral("platform needs string fields architecture and os"));
        descriptor.platform = p;
    }

    const QJsonValue data = object.value(QStringLiteral("data"));
    if (present(data)) {
        if (!data.isString())
            return invalid(field, QStringLiteral("data must be a base64 string"));
        auto decoded = QByteArray::fromBase64Encoding(
            data.toString().toLatin1(),
            QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return invalid(field, QStringLiteral("data is not valid base64"));
        // Embedded data stands in for the blob, so it must be exactly the
        // blob the descriptor names; otherwise a client could be served
        // content that does not hash to what it asked for.
        if (decoded.decoded.size() != descriptor.size)
            return invalid(field, QStringLiteral("data is %1 bytes but size is %2")
                                      .arg(decoded.decoded.size()).arg(descriptor.size));
        if (!descriptor.digest.matches(decoded.decoded))
            return invalid(field, QStringLiteral("data does not match digest %1").arg(descriptor.digest.toString()));
        descriptor.data = std::move(decoded.decoded);
    }
    return descriptor;
}

Result<QList<Descriptor>> parseDescriptorArray(const QJsonObject &root, const QString &key)
{
    const QJsonValue value = root.value(key);
    if (!present(value))
        return invalid(key, QStringLiteral("missing %1 array").arg(key));
    if (!value.isArray())
        return invalid(key, QStringLiteral("%1 must be an array").arg(key));
    QList<Descriptor> descriptors;
    const QJsonArray array = value.toArray();
    descriptors.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto descriptor = parseDescriptor(array[i], QStringLiteral("%1[%2]").arg(key).arg(i));
        if (!descriptor)
            return descriptor.error();
        descriptors.append(std::move(descriptor).value());
    }
    return descriptors;
}

// Decides which of the four manifest types the body is (see the header).
Result<QString> resolveMediaType(const QJsonObject &root, const QString &contentType)
{
    const QJsonValue bodyValue = root.value(QStringLiteral("mediaType"));
    if (present(bodyValue) && !bodyValue.isString())
        return invalid(QStringLiteral("mediaType"), QStringLiteral("mediaType must be a string"));
    const QString bodyType = normalizedMediaType(bodyValue.toString());

    if (!bodyType.isEmpty()) {
        if (!isManifestMediaType(bodyType))
            return invalid(QStringLiteral("mediaType"),
                           QStringLiteral("unknown manifest media type \"%1\"").arg(bodyType.left(160)));
        if (isManifestMediaType(contentType) && contentType != bodyType)
            return invalid(QStringLiteral("mediaType"),
                           QStringLiteral("mediaType \"%1\" does not match Content-Type \"%2\"")
                               .arg(bodyType, contentType));
        return bodyType;
    }
    if (isManifestMediaType(contentType))
        return contentType;
    if (!isGenericContentType(contentType))
        return invalid(QString(), QStringLiteral("unknown manifest media type \"%1\"").arg(contentType.left(160)));
    // Neither says: the OCI image spec lets a reader tell an index from an
    // image manifest by its fields (Docker types always carry mediaType).
    return QString::fromLatin1(root.contains(QStringLiteral("manifests")) ? kOciIndex : kOciManifest);
}

} // namespace

bool Descriptor::isExternal() const
{
    return !urls.isEmpty()
        && isOneOf(mediaType, {kOciLayerNondistributableTar, kOciLayerNondistributableTarGzip,
                               kOciLayerNondistributableTarZstd, kDockerForeignLayer,
                               kDockerForeignLayerTar});
}

QString Manifest::effectiveArtifactType() const
{
    if (!artifactType.isEmpty())
        return artifactType;
    if (kind == ManifestKind::Image && config)
        return config->mediaType;
    return {};
}

QList<Descriptor> Manifest::blobReferences() const
{
    QList<Descriptor> blobs;
    if (kind != ManifestKind::Image)
        return blobs;
    blobs.reserve(layers.size() + 1);
    if (config)
        blobs.append(*config);
    blobs.append(layers);
    return blobs;
}

QList<Descriptor> Manifest::requiredBlobs() const
{
    QList<Descriptor> blobs = blobReferences();
    blobs.removeIf([](const Descriptor &descriptor) { return descriptor.isExternal(); });
    return blobs;
}

QString normalizedMediaType(QStringView contentType)
{
    const qsizetype semicolon = contentType.indexOf(u';');
    const QStringView type = semicolon < 0 ? contentType : contentType.first(semicolon);
    return type.trimmed().toString().toLower();
}

bool isManifestMediaType(QStringView mediaType)
{
    const QString type = normalizedMediaType(mediaType);
    return isOneOf(type, {kDockerManifestV2, kDockerManifestList, kOciManifest, kOciIndex});
}

Result<Manifest> parseManifest(QByteArrayView body, QStringView contentType)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QString(), QStringLiteral("manifest is not valid JSON: %1 at offset %2")
                                      .arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return invalid(QString(), QStringLiteral("manifest must be a JSON object"));
    const QJsonObject root = document.object();
    const QString normalizedContentType = normalizedMediaType(contentType);

    // Schema 1 is recognised first so that its clients get the one message
    // that explains the failure, whatever else is wrong with the body.
    const QJsonValue schemaVersion = root.value(QStringLiteral("schemaVersion"));
    if (isSchema1(normalizedContentType)
        || isSchema1(normalizedMediaType(root.value(QStringLiteral("mediaType")).toString()))
        || (schemaVersion.isDouble() && schemaVersion.toDouble() == 1))
        return invalid(QString(), QStringLiteral("schema 1 manifests are not supported"));
    if (!present(schemaVersion))
        return invalid(QStringLiteral("schemaVersion"), QStringLiteral("missing schemaVersion"));
    if (!schemaVersion.isDouble() || schemaVersion.toDouble() != 2)
        return invalid(QStringLiteral("schemaVersion"),
                       schemaVersion.isDouble()
                           ? QStringLiteral("schemaVersion must be 2, got %1").arg(schemaVersion.toDouble())
                           : QStringLiteral("schemaVersion must be the number 2"));

    auto mediaType = resolveMediaType(root, normalizedContentType);
    if (!mediaType)
        return mediaType.error();

    Manifest manifest;
    manifest.mediaType = *mediaType;
    manifest.kind = isIndexMediaType(manifest.mediaType) ? ManifestKind::Index : ManifestKind::Image;

    if (manifest.kind == ManifestKind::Image) {
        // A body that is both an image and an index lets two clients see two
        // different things behind one digest (CVE-2021-41190); the OCI specs
        // were amended to forbid it.
        if (root.contains(QStringLiteral("manifests")))
            return invalid(QStringLiteral("manifests"),
                           QStringLiteral("an image manifest must not have a manifests field"));
        const QJsonValue config = root.value(QStringLiteral("config"));
        if (!present(config))
            return invalid(QStringLiteral("config"), QStringLiteral("image manifest has no config"));
        auto configDescriptor = parseDescriptor(config, QStringLiteral("config"));
        if (!configDescriptor)
            return configDescriptor.error();
        if (isManifestMediaType(configDescriptor->mediaType))
            return invalid(QStringLiteral("config"), QStringLiteral("config cannot be a manifest"));
        manifest.config = std::move(configDescriptor).value();

        auto layers = parseDescriptorArray(root, QStringLiteral("layers"));
        if (!layers)
            return layers.error();
        for (qsizetype i = 0; i < layers->size(); ++i) {
            if (isManifestMediaType(layers->at(i).mediaType))
                return invalid(QStringLiteral("layers[%1]").arg(i),
                               QStringLiteral("a layer cannot be a manifest (%1)").arg(layers->at(i).mediaType));
        }
        manifest.layers = std::move(layers).value();
    } else {
        if (root.contains(QStringLiteral("config")) || root.contains(QStringLiteral("layers")))
            return invalid(QString(), QStringLiteral("an index must not have config or layers fields"));
        auto manifests = parseDescriptorArray(root, QStringLiteral("manifests"));
        if (!manifests)
            return manifests.error();
        for (qsizetype i = 0; i < manifests->size(); ++i) {
            if (!isManifestMediaType(manifests->at(i).mediaType))
                return invalid(QStringLiteral("manifests[%1]").arg(i),
                               QStringLiteral("\"%1\" is not a manifest media type").arg(manifests->at(i).mediaType));
        }
        manifest.manifests = std::move(manifests).value();
    }

    auto artifactType = parseMediaTypeField(root, QStringLiteral("artifactType"), QStringLiteral("artifactType"), false);
    if (!artifactType)
        return artifactType.error();
    manifest.artifactType = *artifactType;

    const QJsonValue subject = root.value(QStringLiteral("subject"));
    if (present(subject)) {
        auto subjectDescriptor = parseDescriptor(subject, QStringLiteral("subject"));
        if (!subjectDescriptor)
            return subjectDescriptor.error();
        manifest.subject = std::move(subjectDescriptor).value();
    }

    auto annotations = parseAnnotations(root, QStringLiteral("annotations"));
    if (!annotations)
        return annotations.error();
    manifest.annotations = *annotations;
    return manifest;
}

} // namespace kai::oci
