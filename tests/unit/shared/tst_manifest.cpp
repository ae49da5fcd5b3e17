#include "oci/manifest.h"
#include "oci/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace kai;
using namespace kai::oci;

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject descriptor(const char *mediaType, const QByteArray &content)
{
    return QJsonObject{{"mediaType", str(mediaType)},
                       {"digest", Digest::sha256(content).toString()},
                       {"size", content.size()}};
}

QJsonObject dockerV2()
{
    return QJsonObject{{"schemaVersion", 2},
                       {"mediaType", str(kDockerManifestV2)},
                       {"config", descriptor(kDockerConfig, "config")},
                       {"layers", QJsonArray{descriptor(kDockerLayerTarGzip, "layer1"),
                                             descriptor(kDockerLayerTarGzip, "layer2")}}};
}

QJsonObject ociImage()
{
    return QJsonObject{{"schemaVersion", 2},
                       {"mediaType", str(kOciManifest)},
                       {"config", descriptor(kOciConfig, "config")},
                       {"layers", QJsonArray{descriptor(kOciLayerTarGzip, "layer1")}},
                       {"annotations", QJsonObject{{"org.opencontainers.image.created", "2024-05-14T14:48:51Z"}}}};
}

QJsonObject platformEntry(const char *mediaType, const QByteArray &content, const char *arch)
{
    QJsonObject entry = descriptor(mediaType, content);
    entry["platform"] = QJsonObject{{"architecture", str(arch)}, {"os", "linux"}};
    return entry;
}

QJsonObject ociIndex()
{
    return QJsonObject{{"schemaVersion", 2},
                       {"mediaType", str(kOciIndex)},
                       {"manifests", QJsonArray{platformEntry(kOciManifest, "amd64", "amd64"),
                                                platformEntry(kOciManifest, "arm64", "arm64")}}};
}

QJsonObject dockerList()
{
    return QJsonObject{{"schemaVersion", 2},
                       {"mediaType", str(kDockerManifestList)},
                       {"manifests", QJsonArray{platformEntry(kDockerManifestV2, "amd64", "amd64")}}};
}

QJsonObject mlModelArtifact()
{
    return QJsonObject{{"schemaVersion", 2},
                       {"mediaType", str(kOciManifest)},
                       {"config", descriptor("application/x-mlmodel", "weights-config")},
                       {"layers", QJsonArray{descriptor("application/octet-stream", "weights")}}};
}

QJsonObject emptyConfigArtifact()
{
    QJsonObject manifest{{"schemaVersion", 2},
                         {"mediaType", str(kOciManifest)},
                         {"artifactType", "application/vnd.example.sbom.v1+json"},
                         {"config", descriptor(kOciEmpty, "{}")},
                         {"layers", QJsonArray{descriptor("application/spdx+json", "{\"spdx\":1}")}}};
    QJsonObject config = manifest["config"].toObject();
    config["data"] = "e30=";   // base64("{}"), as oras and the image spec write it
    manifest["config"] = config;
    return manifest;
}

QJsonObject withSubject(QJsonObject manifest)
{
    manifest["subject"] = descriptor(kOciManifest, "the image this signs");
    return manifest;
}

// Applies `edit` to a copy of `base`.
QJsonObject edited(QJsonObject base, const std::function<void(QJsonObject &)> &edit)
{
    edit(base);
    return base;
}

// Replaces one field of layers[0] (or removes it when `value` is undefined).
QJsonObject withLayerField(QJsonObject manifest, const QString &key, const QJsonValue &value)
{
    QJsonArray layers = manifest["layers"].toArray();
    QJsonObject layer = layers[0].toObject();
    if (value.isUndefined())
        layer.remove(key);
    else
        layer[key] = value;
    layers[0] = layer;
    manifest["layers"] = layers;
    return manifest;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();

    void dockerManifestExposesConfigAndLayers();
    void indexExposesChildManifestsButNoBlobs();
    void mediaTypeComesFromContentTypeWhenBodyHasNone();
    void artifactTypeFallsBackToConfigMediaType();
    void artifactTypeFieldWins();
    void embeddedDataIsDecoded();
    void externalLayersAreNotRequiredBlobs();
    void subjectIsParsed();
    void manifestMediaTypesAreRecognised_data();
    void manifestMediaTypesAreRecognised();
};

void TestManifest::validation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("errorPart");   // empty: the manifest is valid

    const QString ok;
    const QString dockerCt = str(kDockerManifestV2);
    const QString ociCt = str(kOciManifest);
    const QString indexCt = str(kOciIndex);

    // Accepted
    QTest::newRow("valid docker v2") << json(dockerV2()) << dockerCt << ok;
    QTest::newRow("docker v2 without content type") << json(dockerV2()) << QString() << ok;
    QTest::newRow("docker manifest list") << json(dockerList()) << str(kDockerManifestList) << ok;
    QTest::newRow("valid oci image") << json(ociImage()) << ociCt << ok;
    QTest::newRow("content type with parameters") << json(ociImage()) << (ociCt + QStringLiteral("; charset=utf-8")) << ok;
    QTest::newRow("content type application/json defers to body") << json(ociImage()) << QStringLiteral("application/json") << ok;
    QTest::newRow("oci image without mediaType field")
        << json(edited(ociImage(), [](QJsonObject &m) { m.remove("mediaType"); })) << ociCt << ok;
    QTest::newRow("oci image without any media type")
        << json(edited(ociImage(), [](QJsonObject &m) { m.remove("mediaType"); })) << QString() << ok;
    QTest::newRow("oci index") << json(ociIndex()) << indexCt << ok;
    QTest::newRow("oci index with no entries")
        << json(edited(ociIndex(), [](QJsonObject &m) { m["manifests"] = QJsonArray(); })) << indexCt << ok;
    QTest::newRow("oci index mixing docker and oci children")
        << json(edited(ociIndex(), [](QJsonObject &m) {
               QJsonArray children = m["manifests"].toArray();
               children.append(descriptor(kDockerManifestV2, "docker child"));
               children.append(descriptor(kOciIndex, "nested index"));
               m["manifests"] = children;
           }))
        << indexCt << ok;
    QTest::newRow("image with no layers")
        << json(edited(ociImage(), [](QJsonObject &m) { m["layers"] = QJsonArray(); })) << ociCt << ok;
    QTest::newRow("artifact with x-mlmodel config") << json(mlModelArtifact()) << ociCt << ok;
    QTest::newRow("artifact with empty descriptor config") << json(emptyConfigArtifact()) << ociCt << ok;
    QTest::newRow("descriptor with data ok")
        << json(withLayerField(ociImage(), "data", QString::fromLatin1(QByteArray("layer1").toBase64()))) << ociCt << ok;
    QTest::newRow("non-distributable layer with urls")
        << json(edited(ociImage(), [](QJsonObject &m) {
               QJsonObject layer = descriptor(kOciLayerNondistributableTarGzip, "windows base");
               layer["urls"] = QJsonArray{"https://mcr.microsoft.com/v2/windows/blobs/sha256:0"};
               m["layers"] = QJsonArray{layer};
           }))
        << ociCt << ok;
    QTest::newRow("subject") << json(withSubject(mlModelArtifact())) << ociCt << ok;
    QTest::newRow("subject on an index") << json(withSubject(ociIndex())) << indexCt << ok;
    QTest::newRow("null optional fields")
        << json(edited(ociImage(), [](QJsonObject &m) {
               m["subject"] = QJsonValue::Null;
               m["annotations"] = QJsonValue::Null;
               m["artifactType"] = QJsonValue::Null;
           }))
        << ociCt << ok;

    // Rejected: the body as a whole
    QTest::newRow("invalid json") << QByteArray("{\"schemaVersion\": 2,") << ociCt << QStringLiteral("not valid JSON");
    QTest::newRow("empty body") << QByteArray() << ociCt << QStringLiteral("not valid JSON");
    QTest::newRow("json array") << QByteArray("[]") << ociCt << QStringLiteral("must be a JSON object");
    QTest::newRow("schema 1 by schemaVersion")
        << QByteArray(R"({"schemaVersion":1,"name":"ns/repo","tag":"latest","fsLayers":[],"history":[]})")
        << QString() << QStringLiteral("schema 1 manifests are not supported");
    QTest::newRow("schema 1 by content type")
        << json(dockerV2()) << str(kDockerSchema1Signed) << QStringLiteral("schema 1 manifests are not supported");
    QTest::newRow("schema 1 media type in body")
        << json(edited(dockerV2(), [](QJsonObject &m) { m["mediaType"] = str(kDockerSchema1); }))
        << QString() << QStringLiteral("schema 1 manifests are not supported");
    QTest::newRow("missing schemaVersion")
        << json(edited(ociImage(), [](QJsonObject &m) { m.remove("schemaVersion"); })) << ociCt
        << QStringLiteral("missing schemaVersion");
    QTest::newRow("schemaVersion 3")
        << json(edited(ociImage(), [](QJsonObject &m) { m["schemaVersion"] = 3; })) << ociCt
        << QStringLiteral("schemaVersion must be 2, got 3");
    QTest::newRow("schemaVersion as string")
        << json(edited(ociImage(), [](QJsonObject &m) { m["schemaVersion"] = "2"; })) << ociCt
        << QStringLiteral("schemaVersion must be the number 2");

    // Rejected: media type
    QTest::newRow("mismatched content type") << json(ociImage()) << dockerCt
        << QStringLiteral("does not match Content-Type");
    QTest::newRow("image body sent as index") << json(ociImage()) << indexCt
        << QStringLiteral("does not match Content-Type");
    QTest::newRow("unknown media type in body")
        << json(edited(ociImage(), [](QJsonObject &m) { m["mediaType"] = str(kOciConfig); })) << QString()
        << QStringLiteral("unknown manifest media type");
    QTest::newRow("oci artifact manifest (dropped before OCI 1.1)")
        << json(edited(mlModelArtifact(), [](QJsonObject &m) {
               m["mediaType"] = "application/vnd.oci.artifact.manifest.v1+json";
           }))
        << QString() << QStringLiteral("unknown manifest media type");
    QTest::newRow("unknown content type and no body media type")
        << json(edited(ociImage(), [](QJsonObject &m) { m.remove("mediaType"); }))
        << QStringLiteral("application/vnd.example.thing+json") << QStringLiteral("unknown manifest media type");
    QTest::newRow("mediaType not a string")
        << json(edited(ociImage(), [](QJsonObject &m) { m["mediaType"] = 7; })) << ociCt
        << QStringLiteral("mediaType must be a string");

    // Rejected: structure
    QTest::newRow("missing config")
        << json(edited(ociImage(), [](QJsonObject &m) { m.remove("config"); })) << ociCt
        << QStringLiteral("image manifest has no config");
    QTest::newRow("missing layers")
        << json(edited(ociImage(), [](QJsonObject &m) { m.remove("layers"); })) << ociCt
        << QStringLiteral("missing layers array");
    QTest::newRow("layers not an array")
        << json(edited(ociImage(), [](QJsonObject &m) { m["layers"] = QJsonObject(); })) << ociCt
        << QStringLiteral("layers must be an array");
    QTest::newRow("image with manifests field is ambiguous")
        << json(edited(ociImage(), [](QJsonObject &m) { m["manifests"] = QJsonArray(); })) << ociCt
        << QStringLiteral("must not have a manifests field");
    QTest::newRow("index with layers field is ambiguous")
        << json(edited(ociIndex(), [](QJsonObject &m) { m["layers"] = QJsonArray(); })) << indexCt
        << QStringLiteral("must not have config or layers");
    QTest::newRow("index without manifests")
        << json(edited(ociIndex(), [](QJsonObject &m) { m.remove("manifests"); })) << indexCt
        << QStringLiteral("missing manifests array");
    QTest::newRow("index entry that is not a manifest")
        << json(edited(ociIndex(), [](QJsonObject &m) {
               m["manifests"] = QJsonArray{descriptor(kOciLayerTarGzip, "a layer")};
           }))
        << indexCt << QStringLiteral("manifests[0]: \"application/vnd.oci.image.layer.v1.tar+gzip\" is not a manifest media type");
    QTest::newRow("layer that is a manifest")
        << json(withLayerField(ociImage(), "mediaType", str(kOciManifest))) << ociCt
        << QStringLiteral("a layer cannot be a manifest");
    QTest::newRow("annotation with non-string value")
        << json(edited(ociImage(), [](QJsonObject &m) { m["annotations"] = QJsonObject{{"n", 1}}; })) << ociCt
        << QStringLiteral("annotation \"n\" must have a string value");
    QTest::newRow("artifactType not a media type")
        << json(edited(mlModelArtifact(), [](QJsonObject &m) { m["artifactType"] = "model"; })) << ociCt
        << QStringLiteral("\"model\" is not a valid media type");
    QTest::newRow("subject not an object")
        << json(edited(ociImage(), [](QJsonObject &m) { m["subject"] = "sha256:abc"; })) << ociCt
        << QStringLiteral("subject: descriptor must be a JSON object");

    // Rejected: descriptors
    QTest::newRow("descriptor not an object")
        << json(edited(ociImage(), [](QJsonObject &m) { m["layers"] = QJsonArray{"layer"}; })) << ociCt
        << QStringLiteral("layers[0]: descriptor must be a JSON object");
    QTest::newRow("missing mediaType")
        << json(withLayerField(ociImage(), "mediaType", QJsonValue::Undefined)) << ociCt
        << QStringLiteral("layers[0]: missing mediaType");
    QTest::newRow("malformed mediaType")
        << json(withLayerField(ociImage(), "mediaType", "application/ x")) << ociCt
        << QStringLiteral("is not a valid media type");
    QTest::newRow("missing digest")
        << json(withLayerField(ociImage(), "digest", QJsonValue::Undefined)) << ociCt
        << QStringLiteral("layers[0]: missing digest");
    QTest::newRow("bad digest")
        << json(withLayerField(ociImage(), "digest", "sha256:1234")) << ociCt
        << QStringLiteral("layers[0].digest: invalid digest \"sha256:1234\"");
    QTest::newRow("unsupported digest algorithm")
        << json(withLayerField(ociImage(), "digest", "md5:d41d8cd98f00b204e9800998ecf8427e")) << ociCt
        << QStringLiteral("unsupported algorithm");
    QTest::newRow("config with bad digest")
        << json(edited(ociImage(), [](QJsonObject &m) {
               QJsonObject config = m["config"].toObject();
               config["digest"] = Digest::sha256("x").toString().toUpper();
               m["config"] = config;
           }))
        << ociCt << QStringLiteral("config.digest: invalid digest");
    QTest::newRow("missing size")
        << json(withLayerField(ociImage(), "size", QJsonValue::Undefined)) << ociCt
        << QStringLiteral("layers[0]: missing size");
    QTest::newRow("negative size")
        << json(withLayerField(ociImage(), "size", -1)) << ociCt << QStringLiteral("size must not be negative");
    QTest::newRow("fractional size")
        << json(withLayerField(ociImage(), "size", 1.5)) << ociCt << QStringLiteral("size must be a whole number");
    QTest::newRow("size as string")
        << json(withLayerField(ociImage(), "size", "6")) << ociCt << QStringLiteral("size must be a number");
    QTest::newRow("descriptor with data bad base64")
        << json(withLayerField(ociImage(), "data", "not base64!")) << ociCt
        << QStringLiteral("data is not valid base64");
    QTest::newRow("descriptor with data of the wrong size")
        << json(withLayerField(ociImage(), "data", QString::fromLatin1(QByteArray("layer").toBase64()))) << ociCt
        << QStringLiteral("data is 5 bytes but size is 6");
    QTest::newRow("descriptor with data not matching digest")
        << json(withLayerField(ociImage(), "data", QString::fromLatin1(QByteArray("layerX").toBase64()))) << ociCt
        << QStringLiteral("data does not match digest");
    QTest::newRow("url with file scheme")
        << json(withLayerField(ociImage(), "urls", QJsonArray{"file:///etc/passwd"})) << ociCt
        << QStringLiteral("urls[0] must be an absolute http or https URL");
    QTest::newRow("platform without os")
        << json(edited(ociIndex(), [](QJsonObject &m) {
               QJsonObject entry = descriptor(kOciManifest, "child");
               entry["platform"] = QJsonObject{{"architecture", "amd64"}};
               m["manifests"] = QJsonArray{entry};
           }))
        << indexCt << QStringLiteral("platform needs string fields architecture and os");
}

void TestManifest::validation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    QFETCH(QString, errorPart);

    const Result<Manifest> manifest = parseManifest(body, contentType);
    if (errorPart.isEmpty()) {
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        QVERIFY(isManifestMediaType(manifest->mediaType));
        return;
    }
    QVERIFY2(!manifest.ok(), "the manifest was accepted");
    QCOMPARE(manifest.error().kind, ErrorKind::ManifestInvalid);
    QVERIFY2(manifest.error().message.contains(errorPart), qPrintable(manifest.error().message));
    // Quay's MANIFEST_INVALID detail shape.
    QCOMPARE(manifest.error().detail.value("message").toString(), manifest.error().message);
}

void TestManifest::dockerManifestExposesConfigAndLayers()
{
    const Result<Manifest> manifest = parseManifest(json(dockerV2()), str(kDockerManifestV2));
    QVERIFY(manifest.ok());
    QCOMPARE(manifest->kind, ManifestKind::Image);
    QCOMPARE(manifest->mediaType, str(kDockerManifestV2));
    QVERIFY(manifest->config.has_value());
    QCOMPARE(manifest->config->digest, Digest::sha256("config"));
    QCOMPARE(manifest->config->size, 6);
    QCOMPARE(manifest->layers.size(), 2);
    QCOMPARE(manifest->layers[1].digest, Digest::sha256("layer2"));

    const QList<Descriptor> blobs = manifest->blobReferences();
    QCOMPARE(blobs.size(), 3);
    QCOMPARE(blobs[0].digest, Digest::sha256("config"));
    QCOMPARE(blobs[1].digest, Digest::sha256("layer1"));
    QCOMPARE(blobs[2].digest, Digest::sha256("layer2"));
    QCOMPARE(manifest->requiredBlobs().size(), 3);
}

void TestManifest::indexExposesChildManifestsButNoBlobs()
{
    const Result<Manifest> manifest = parseManifest(json(ociIndex()), str(kOciIndex));
    QVERIFY(manifest.ok());
    QVERIFY(manifest->isIndex());
    QVERIFY(!manifest->config.has_value());
    QCOMPARE(manifest->manifests.size(), 2);
    QCOMPARE(manifest->manifests[1].platform.value("architecture").toString(), QStringLiteral("arm64"));
    QVERIFY(manifest->blobReferences().isEmpty());
    QVERIFY(manifest->effectiveArtifactType().isEmpty());
}

void TestManifest::mediaTypeComesFromContentTypeWhenBodyHasNone()
{
    const QByteArray body = json(edited(ociIndex(), [](QJsonObject &m) { m.remove("mediaType"); }));
    const Result<Manifest> fromHeader = parseManifest(body, QStringLiteral("Application/VND.oci.image.index.v1+json"));
    QVERIFY(fromHeader.ok());
    QCOMPARE(fromHeader->mediaType, str(kOciIndex));
    QCOMPARE(fromHeader->kind, ManifestKind::Index);

    // Neither body nor header: told apart by the fields.
    const Result<Manifest> guessed = parseManifest(body, QString());
    QVERIFY(guessed.ok());
    QCOMPARE(guessed->mediaType, str(kOciIndex));
}

void TestManifest::artifactTypeFallsBackToConfigMediaType()
{
    const Result<Manifest> model = parseManifest(json(mlModelArtifact()), str(kOciManifest));
    QVERIFY(model.ok());
    QVERIFY(model->artifactType.isEmpty());
    QCOMPARE(model->effectiveArtifactType(), QStringLiteral("application/x-mlmodel"));

    // distribution-spec 1.1 applies the fallback to plain images too.
    const Result<Manifest> image = parseManifest(json(ociImage()), str(kOciManifest));
    QVERIFY(image.ok());
    QCOMPARE(image->effectiveArtifactType(), str(kOciConfig));
}

void TestManifest::artifactTypeFieldWins()
{
    const Result<Manifest> artifact = parseManifest(json(emptyConfigArtifact()), str(kOciManifest));
    QVERIFY(artifact.ok());
    QCOMPARE(artifact->artifactType, QStringLiteral("application/vnd.example.sbom.v1+json"));
    QCOMPARE(artifact->effectiveArtifactType(), QStringLiteral("application/vnd.example.sbom.v1+json"));
    QCOMPARE(artifact->config->mediaType, str(kOciEmpty));
    QCOMPARE(artifact->config->digest.toString(), str(kOciEmptyDigest));
}

void TestManifest::embeddedDataIsDecoded()
{
    const Result<Manifest> artifact = parseManifest(json(emptyConfigArtifact()), str(kOciManifest));
    QVERIFY(artifact.ok());
    QCOMPARE(artifact->config->data, QByteArray("{}"));
    QVERIFY(artifact->layers[0].data.isEmpty());
}

void TestManifest::externalLayersAreNotRequiredBlobs()
{
    QJsonObject foreign = descriptor(kDockerForeignLayer, "windows base");
    foreign["urls"] = QJsonArray{"https://mcr.microsoft.com/v2/windows/blobs/x"};
    const QJsonObject body = edited(dockerV2(), [&](QJsonObject &m) {
        m["layers"] = QJsonArray{foreign, descriptor(kDockerLayerTarGzip, "app"),
                                 // Without urls a non-distributable layer must be in the registry.
                                 descriptor(kOciLayerNondistributableTar, "pushed anyway")};
    });
    const Result<Manifest> manifest = parseManifest(json(body), str(kDockerManifestV2));
    QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
    QVERIFY(manifest->layers[0].isExternal());
    QCOMPARE(manifest->layers[0].urls.size(), 1);
    QVERIFY(!manifest->layers[2].isExternal());
    QCOMPARE(manifest->blobReferences().size(), 4);

    const QList<Descriptor> required = manifest->requiredBlobs();
    QCOMPARE(required.size(), 3);
    for (const Descriptor &blob : required)
        QVERIFY(blob.digest != Digest::sha256("windows base"));
}

void TestManifest::subjectIsParsed()
{
    const Result<Manifest> manifest = parseManifest(json(withSubject(mlModelArtifact())), str(kOciManifest));
    QVERIFY(manifest.ok());
    QVERIFY(manifest->subject.has_value());
    QCOMPARE(manifest->subject->mediaType, str(kOciManifest));
    QCOMPARE(manifest->subject->digest, Digest::sha256("the image this signs"));
}

void TestManifest::manifestMediaTypesAreRecognised_data()
{
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<bool>("isManifest");

    QTest::newRow("docker v2") << str(kDockerManifestV2) << true;
    QTest::newRow("docker list") << str(kDockerManifestList) << true;
    QTest::newRow("oci manifest") << str(kOciManifest) << true;
    QTest::newRow("oci index") << str(kOciIndex) << true;
    QTest::newRow("with parameters and spaces") << (QStringLiteral("  ") + str(kOciIndex) + QStringLiteral(" ; charset=utf-8")) << true;
    QTest::newRow("schema 1") << str(kDockerSchema1) << false;
    QTest::newRow("oci config") << str(kOciConfig) << false;
    QTest::newRow("json") << QStringLiteral("application/json") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestManifest::manifestMediaTypesAreRecognised()
{
    QFETCH(QString, mediaType);
    QFETCH(bool, isManifest);
    QCOMPARE(isManifestMediaType(mediaType), isManifest);
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
