// Manifests, their labels and model cards through API v1 (reference §2.10,
// §4.8; guide 8.1.1 and 8.6), against a real kai-server on SQLite and
// PostgreSQL. Images and ML artifacts go in through /v2, as podman and oras
// push them; the curl calls of the guide read and change them.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QJsonArray>
#include <QUuid>

using namespace kai::test;

namespace {

const QByteArray kOciManifestType = "application/vnd.oci.image.manifest.v1+json";
const QByteArray kOciIndexType = "application/vnd.oci.image.index.v1+json";
const QString kKeyPatternMessage = QStringLiteral(
    "Label is of an invalid format or missing please use ^[a-z0-9](([a-z0-9]|[-.](?![.-]))*[a-z0-9])?$ format for labels");
constexpr int kModelcardLimit = 4096;

// An image config with config.Labels and a history of one empty step
// (ENV) and one layer step.
QByteArray imageConfig(const QString &seed, const QJsonObject &labels)
{
    const QJsonArray history{
        QJsonObject{{"created", "2024-02-20T14:25:30.987654321Z"}, {"created_by", "/bin/sh -c #(nop) ENV A=b"},
                    {"empty_layer", true}},
        QJsonObject{{"created", "2024-02-20T14:25:31Z"}, {"created_by", "/bin/sh -c echo " + seed},
                    {"author", "kai tests"}, {"comment", "buildkit"}}};
    QJsonObject config{{"architecture", "amd64"}, {"os", "linux"}, {"config", QJsonObject{{"Labels", labels}}},
                       {"history", history}};
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

} // namespace

class TestApiManifests : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;            // LABEL_KEY_RESERVED_PREFIXES, a small model card limit
    ServerFixture m_noModelcardFixture; // FEATURE_UI_MODELCARD: false
    QHash<QString, QString> m_adminTokens;
    int m_counter = 0;

    static ServerProcess::Options options()
    {
        return ServerProcess::Options::withConfig({"LABEL_KEY_RESERVED_PREFIXES: [\"com.example.reserved.\"]",
                                                  QStringLiteral("KAI_MODELCARD_MAX_BYTES: %1").arg(kModelcardLimit)});
    }

    QString adminToken(ServerProcess *server)
    {
        const QString key = server->baseUrl();
        if (!m_adminTokens.contains(key))
            m_adminTokens.insert(key, server->createToken(server->adminUser()));
        return m_adminTokens.value(key);
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QByteArray &body = {})
    {
        HttpClient client(server->baseUrl());
        if (!token.isEmpty())
            client.setBearer(token);
        return client.send(method, path, body, {{"Content-Type", "application/json"}});
    }

    // Pushes an OCI image (config with `labels`, one layer) under `tag`
    // (empty: by digest only); returns the manifest, empty on failure.
    static QByteArray pushImage(HttpClient &client, const QString &repository, const QString &tag, const QString &seed,
                                const QJsonObject &labels = {}, const QJsonObject &annotations = {})
    {
        const QByteArray config = imageConfig(seed, labels);
        const QByteArray layer = "layer of " + seed.toUtf8();
        if (client.pushBlob(repository, config).isEmpty() || client.pushBlob(repository, layer).isEmpty())
            return {};
        QJsonObject extra;
        if (!annotations.isEmpty())
            extra.insert("annotations", annotations);
        const QByteArray manifest = ociImageManifest(config, {layer}, QStringLiteral("application/vnd.oci.image.config.v1+json"), extra);
        if (client.putManifest(repository, tag.isEmpty() ? sha256Of(manifest) : tag, manifest, kOciManifestType).status != 201)
            return {};
        return manifest;
    }

    // Pushes an ML artifact as oras does: empty config, artifactType, one
    // layer per file with its title annotation.
    static QByteArray pushArtifact(HttpClient &client, const QString &repository, const QString &tag,
                                   const QList<QPair<QString, QByteArray>> &files,
                                   const QString &artifactType = QStringLiteral("application/x-mlmodel"),
                                   const QJsonObject &annotations = {})
    {
        const QByteArray empty = "{}";
        if (client.pushBlob(repository, empty).isEmpty())
            return {};
        QJsonArray layers;
        for (const auto &[title, content] : files) {
            if (client.pushBlob(repository, content).isEmpty())
                return {};
            QJsonObject layer = descriptor(title.endsWith(".md") ? "text/markdown" : "application/octet-stream", content);
            if (!title.isEmpty())
                layer.insert("annotations", QJsonObject{{"org.opencontainers.image.title", title}});
            layers.append(layer);
        }
        QJsonObject manifest{{"schemaVersion", 2},
                             {"mediaType", QString::fromLatin1(kOciManifestType)},
                             {"config", descriptor("application/vnd.oci.empty.v1+json", empty)},
                             {"layers", layers}};
        if (!artifactType.isEmpty())
            manifest.insert("artifactType", artifactType);
        if (!annotations.isEmpty())
            manifest.insert("annotations", annotations);
        const QByteArray bytes = json(manifest);
        if (client.putManifest(repository, tag, bytes, kOciManifestType).status != 201)
            return {};
        return bytes;
    }

    static QString manifestPath(const QString &repository, const QByteArray &manifest)
    {
        return "/api/v1/repository/" + repository + "/manifest/" + sha256Of(manifest);
    }

    // Everything a label or tag request could change: the labels of the
    // manifest and the repository's tag history.
    static QByteArray state(ServerProcess *server, const QString &token, const QString &repository, const QByteArray &manifest)
    {
        return call(server, token, "GET", manifestPath(repository, manifest) + "/labels").body + '\n'
               + call(server, token, "GET", "/api/v1/repository/" + repository + "/tag/").body;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void imageManifestShowsItsLayersAndConfigLabels()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "busybox", m_counter);
        const QString token = adminToken(server);
        const QByteArray manifest = pushImage(registry, repository, "latest", "busybox",
                                              {{"org.opencontainers.image.url", "https://github.com/docker-library/busybox"},
                                               {"org.opencontainers.image.version", "1.36.1-glibc"}});
        QVERIFY(!manifest.isEmpty());

        // Guide 8.6 step 1.
        const HttpReply got = call(server, token, "GET", manifestPath(repository, manifest));
        QCOMPARE(got.status, 200);
        const QJsonObject view = got.json();
        QCOMPARE(view.value("digest").toString(), sha256Of(manifest));
        QCOMPARE(view.value("is_manifest_list").toBool(), false);
        QCOMPARE(view.value("manifest_data").toString().toUtf8(), manifest);
        QCOMPARE(view.value("config_media_type").toString(), QStringLiteral("application/vnd.oci.image.config.v1+json"));
        const qint64 layerSize = QByteArray("layer of busybox").size();
        QCOMPARE(view.value("layers_compressed_size").toInteger(), layerSize);
        QVERIFY(!view.contains("modelcard"));
        const QJsonArray layers = view.value("layers").toArray();
        QCOMPARE(layers.size(), 2);   // the ENV step and the layer
        const QJsonObject env = layers[0].toObject();
        QCOMPARE(env.value("index").toInt(), 0);
        QCOMPARE(env.value("blob_digest").toString(),
                 QStringLiteral("sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4"));
        QCOMPARE(env.value("command").toArray(), QJsonArray({"/bin/sh -c #(nop) ENV A=b"}));
        QCOMPARE(env.value("created_datetime").toString(), QStringLiteral("Tue, 20 Feb 2024 14:25:30 -0000"));
        const QJsonObject layer = layers[1].toObject();
        QCOMPARE(layer.value("index").toInt(), 1);
        QCOMPARE(layer.value("blob_digest").toString(), sha256Of("layer of busybox"));
        QCOMPARE(layer.value("compressed_size").toInteger(), layerSize);
        QCOMPARE(layer.value("is_remote").toBool(), false);
        QVERIFY(layer.value("urls").isNull());
        QCOMPARE(layer.value("command").toArray(), QJsonArray({"/bin/sh -c echo busybox"}));
        QCOMPARE(layer.value("author").toString(), QStringLiteral("kai tests"));
        QCOMPARE(layer.value("comment").toString(), QStringLiteral("buildkit"));
        QCOMPARE(layer.value("created_datetime").toString(), QStringLiteral("Tue, 20 Feb 2024 14:25:31 -0000"));

        // Guide 8.6 step 2: the config's labels, source "manifest".
        const HttpReply listed = call(server, token, "GET", manifestPath(repository, manifest) + "/labels");
        QCOMPARE(listed.status, 200);
        const QJsonArray labels = listed.json().value("labels").toArray();
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[0].toObject().value("key").toString(), QStringLiteral("org.opencontainers.image.url"));
        for (const QJsonValue &label : labels) {
            QCOMPARE(label.toObject().value("source_type").toString(), QStringLiteral("manifest"));
            QCOMPARE(label.toObject().value("media_type").toString(), QStringLiteral("text/plain"));
            QCOMPARE(label.toObject().keys(), QStringList({"id", "key", "media_type", "source_type", "value"}));
        }

        // Guide 8.6 step 3: one label by its id.
        const QString id = labels[1].toObject().value("id").toString();
        const HttpReply one = call(server, token, "GET", manifestPath(repository, manifest) + "/labels/" + id);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json(), labels[1].toObject());
    }

    void indexAndItsChildrenAreShownWhileTagged()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "multiarch", m_counter);
        const QString token = adminToken(server);
        const QByteArray child = pushImage(registry, repository, QString(), "child");
        QVERIFY(!child.isEmpty());
        // Pushed by digest only: no tag shows it yet.
        QCOMPARE(call(server, token, "GET", manifestPath(repository, child)).status, 404);

        const QByteArray index = json({{"schemaVersion", 2},
                                       {"mediaType", QString::fromLatin1(kOciIndexType)},
                                       {"manifests", QJsonArray{descriptor(QString::fromLatin1(kOciManifestType), child)}}});
        QCOMPARE(registry.putManifest(repository, "multi", index, kOciIndexType).status, 201);
        const QJsonObject view = call(server, token, "GET", manifestPath(repository, index)).json();
        QCOMPARE(view.value("is_manifest_list").toBool(), true);
        QVERIFY(view.value("layers").isNull());
        QVERIFY(view.contains("layers"));
        QCOMPARE(view.value("layers_compressed_size").toInteger(), 0);
        QVERIFY(view.value("config_media_type").isNull());
        QCOMPARE(view.value("manifest_data").toString().toUtf8(), index);
        // The child through its tagged index.
        QCOMPARE(call(server, token, "GET", manifestPath(repository, child)).status, 200);

        // Once the tag is deleted, neither is shown.
        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/multi").status, 204);
        QCOMPARE(call(server, token, "GET", manifestPath(repository, index)).status, 404);
        QCOMPARE(call(server, token, "GET", manifestPath(repository, index) + "/labels").status, 404);
        QCOMPARE(call(server, token, "GET", manifestPath(repository, child)).status, 404);
    }

    void labelIsAddedFetchedFilteredAndDeleted()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "labels", m_counter);
        const QString token = adminToken(server);
        const QByteArray manifest = pushImage(registry, repository, "latest", "labels", {{"com.example.team", "kai"}});
        QVERIFY(!manifest.isEmpty());
        const QString labels = manifestPath(repository, manifest) + "/labels";

        // Guide 8.6 step 4.
        const HttpReply added = call(server, token, "POST", labels,
                                     json({{"key", "example-key"}, {"value", "example-value"}, {"media_type", "text/plain"}}));
        QCOMPARE(added.status, 201);
        const QJsonObject label = added.json().value("label").toObject();
        const QString id = label.value("id").toString();
        QCOMPARE(id.size(), 36);
        QCOMPARE(label, QJsonObject({{"id", id}, {"key", "example-key"}, {"value", "example-value"},
                                     {"source_type", "api"}, {"media_type", "text/plain"}}));
        QCOMPARE(added.header("Location"), (labels + "/" + id).toUtf8());
        QCOMPARE(call(server, token, "GET", labels + "/" + id).json(), label);

        // A null media type is inferred from the value.
        const HttpReply inferred = call(server, token, "POST", labels,
                                        json({{"key", "example-json"}, {"value", "{\"a\": 1}"}, {"media_type", QJsonValue()}}));
        QCOMPARE(inferred.status, 201);
        QCOMPARE(inferred.json().value("label").toObject().value("media_type").toString(), QStringLiteral("application/json"));

        QCOMPARE(call(server, token, "GET", labels).json().value("labels").toArray().size(), 3);
        // filter: a key prefix, case-insensitive as Quay's ILIKE.
        QJsonArray filtered = call(server, token, "GET", labels + "?filter=example-").json().value("labels").toArray();
        QCOMPARE(filtered.size(), 2);
        filtered = call(server, token, "GET", labels + "?filter=COM.EXAMPLE").json().value("labels").toArray();
        QCOMPARE(filtered.size(), 1);
        QCOMPARE(filtered[0].toObject().value("source_type").toString(), QStringLiteral("manifest"));
        QCOMPARE(call(server, token, "GET", labels + "?filter=nothing").json().value("labels").toArray(), QJsonArray());

        // Guide 8.6 step 5.
        const HttpReply deleted = call(server, token, "DELETE", labels + "/" + id);
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        QCOMPARE(call(server, token, "GET", labels + "/" + id).status, 404);
        QCOMPARE(call(server, token, "DELETE", labels + "/" + id).status, 404);
        QCOMPARE(call(server, token, "GET", labels).json().value("labels").toArray().size(), 2);
    }

    void labelsFromThePushCannotBeDeleted()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "immutable", m_counter);
        const QString token = adminToken(server);
        const QByteArray manifest = pushImage(registry, repository, "latest", "immutable", {{"maintainer", "kai"}},
                                              {{"org.opencontainers.image.description", "annotated"}});
        QVERIFY(!manifest.isEmpty());
        const QString labels = manifestPath(repository, manifest) + "/labels";
        const QJsonArray before = call(server, token, "GET", labels).json().value("labels").toArray();
        QCOMPARE(before.size(), 2);   // the config label and the annotation
        for (const QJsonValue &label : before) {
            const HttpReply refused = call(server, token, "DELETE", labels + "/" + label.toObject().value("id").toString());
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.json(), QJsonObject({{"message", "Cannot delete immutable label"}}));
        }
        QCOMPARE(call(server, token, "GET", labels).json().value("labels").toArray(), before);
    }

    void badLabelsAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messageField");   // "message" ({"message"}) or "detail" (invalid_request)
        QTest::addColumn<QString>("expected");
        auto label = [](const QJsonValue &key, const QJsonValue &value = "v", const QJsonValue &mediaType = "text/plain") {
            return json({{"key", key}, {"value", value}, {"media_type", mediaType}});
        };
        const QString reserved = QStringLiteral("Label has a reserved prefix");
        QTest::newRow("quay.expires-after is reserved") << label("quay.expires-after", "2h") << "message" << reserved;
        QTest::newRow("quay prefix without dot") << label("quayfoo") << "message" << reserved;
        QTest::newRow("io.quay") << label("io.quay.thing") << "message" << reserved;
        QTest::newRow("org.opencontainers.") << label("org.opencontainers.image.title") << "message" << reserved;
        QTest::newRow("com.docker.") << label("com.docker.compose") << "message" << reserved;
        QTest::newRow("io.k8s.") << label("io.k8s.name") << "message" << reserved;
        QTest::newRow("internal") << label("internal-x") << "message" << reserved;
        QTest::newRow("configured prefix") << label("com.example.reserved.x") << "message" << reserved;
        QTest::newRow("upper case") << label("Example") << "message" << kKeyPatternMessage;
        QTest::newRow("double dot") << label("a..b") << "message" << kKeyPatternMessage;
        QTest::newRow("dot dash") << label("a.-b") << "message" << kKeyPatternMessage;
        QTest::newRow("leading dash") << label("-ab") << "message" << kKeyPatternMessage;
        QTest::newRow("trailing dot") << label("ab.") << "message" << kKeyPatternMessage;
        QTest::newRow("space") << label("a b") << "message" << kKeyPatternMessage;
        QTest::newRow("empty key") << label("") << "message" << kKeyPatternMessage;
        QTest::newRow("256 characters") << label(QString(256, QLatin1Char('a'))) << "message" << kKeyPatternMessage;
        QTest::newRow("media type text/html") << label("ok", "v", "text/html") << "detail"
                                               << "'text/html' is not one of ['text/plain', 'application/json', None]";
        QTest::newRow("media type number") << label("ok", "v", 5) << "detail" << "5 is not of type 'string', 'null'";
        QTest::newRow("key number") << label(5) << "detail" << "5 is not of type 'string'";
        QTest::newRow("value null") << label("ok", QJsonValue()) << "detail" << "None is not of type 'string'";
        QTest::newRow("missing key") << json({{"value", "v"}, {"media_type", "text/plain"}}) << "detail"
                                     << "'key' is a required property";
        QTest::newRow("missing value") << json({{"key", "k"}, {"media_type", "text/plain"}}) << "detail"
                                       << "'value' is a required property";
        QTest::newRow("missing media type") << json({{"key", "k"}, {"value", "v"}}) << "detail"
                                            << "'media_type' is a required property";
        QTest::newRow("malformed JSON") << QByteArray("{\"key\": ") << "detail" << "";
        QTest::newRow("no body") << QByteArray() << "detail" << "Missing JSON body";
    }

    void badLabelsAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, messageField);
        QFETCH(QString, expected);
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = QStringLiteral("admin/badlabels-%1").arg(backend);
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        const QString token = adminToken(server);
        const QByteArray manifest = pushImage(registry, repository, "latest", "badlabels", {{"com.example.a", "b"}});
        QVERIFY(!manifest.isEmpty());
        const QByteArray before = state(server, token, repository, manifest);

        const HttpReply refused = call(server, token, "POST", manifestPath(repository, manifest) + "/labels", body);
        QCOMPARE(refused.status, 400);
        if (messageField == QLatin1String("detail")) {
            QCOMPARE(refused.json().value("error_type").toString(), QStringLiteral("invalid_request"));
            if (!expected.isEmpty())
                QCOMPARE(refused.json().value("detail").toString(), expected);
        } else {
            QCOMPARE(refused.json(), QJsonObject({{"message", expected}}));
        }
        QCOMPARE(state(server, token, repository, manifest), before);
        // quay.expires-after through the API never schedules an end.
        const QJsonArray tags = call(server, token, "GET", "/api/v1/repository/" + repository + "/tag/?onlyActiveTags=true")
                                  .json().value("tags").toArray();
        QVERIFY(!tags.isEmpty());
        for (const QJsonValue &tag : tags)
            QVERIFY(!tag.toObject().contains("end_ts"));
    }

    void unknownManifestsAndLabelsAreNotFound()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "unknown", m_counter);
        const QString token = adminToken(server);
        const QByteArray manifest = pushImage(registry, repository, "latest", "unknown");
        QVERIFY(!manifest.isEmpty());
        const QByteArray before = state(server, token, repository, manifest);
        const QString unknown = "/api/v1/repository/" + repository + "/manifest/sha256:" + QString(64, QLatin1Char('0'));
        const QByteArray goodLabel = json({{"key", "fine"}, {"value", "v"}, {"media_type", "text/plain"}});

        QCOMPARE(call(server, token, "GET", unknown).status, 404);
        QCOMPARE(call(server, token, "GET", unknown + "/labels").status, 404);
        QCOMPARE(call(server, token, "POST", unknown + "/labels", goodLabel).status, 404);
        QCOMPARE(call(server, token, "GET", unknown + "/labels/" + QUuid::createUuid().toString(QUuid::WithoutBraces)).status, 404);
        // A reference that is no digest.
        QCOMPARE(call(server, token, "GET", "/api/v1/repository/" + repository + "/manifest/latest").status, 404);
        const HttpReply missing = call(server, token, "GET", manifestPath(repository, manifest) + "/labels/no-such-label");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value("error_type").toString(), QStringLiteral("not_found"));
        QCOMPARE(call(server, token, "DELETE", manifestPath(repository, manifest) + "/labels/no-such-label").status, 404);
        // An unknown repository, for its owner.
        QCOMPARE(call(server, token, "GET", "/api/v1/repository/admin/never-pushed/manifest/" + sha256Of(manifest)).status, 404);
        QCOMPARE(state(server, token, repository, manifest), before);
    }

    void callersWithoutPermissionAreRefusedAndChangeNothing()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "private", m_counter);
        const QString token = adminToken(server);
        const QByteArray manifest = pushImage(registry, repository, "latest", "private", {{"com.example.a", "b"}});
        QVERIFY(!manifest.isEmpty());
        const QString labels = manifestPath(repository, manifest) + "/labels";
        const QString labelId = call(server, token, "GET", labels).json().value("labels").toArray()[0].toObject().value("id").toString();
        const QByteArray before = state(server, token, repository, manifest);
        const QByteArray goodLabel = json({{"key", "fine"}, {"value", "v"}, {"media_type", "text/plain"}});

        // Anonymous on a private repository: 401.
        QCOMPARE(call(server, {}, "GET", manifestPath(repository, manifest)).status, 401);
        QCOMPARE(call(server, {}, "GET", labels).status, 401);
        QCOMPARE(call(server, {}, "POST", labels, goodLabel).status, 401);
        QCOMPARE(call(server, {}, "DELETE", labels + "/" + labelId).status, 401);

        // Another user: 403.
        const QString outsider = QStringLiteral("outsider%1").arg(++m_counter);
        QVERIFY(server->createUser(outsider, outsider + "-password").ok());
        const QString outsiderToken = server->createToken(outsider);
        QCOMPARE(call(server, outsiderToken, "GET", manifestPath(repository, manifest)).status, 403);
        QCOMPARE(call(server, outsiderToken, "GET", labels).status, 403);
        QCOMPARE(call(server, outsiderToken, "POST", labels, goodLabel).status, 403);
        QCOMPARE(call(server, outsiderToken, "DELETE", labels + "/" + labelId).status, 403);

        // A read-only token reads but cannot change.
        const QString readToken = server->createToken(server->adminUser(), "repo:read");
        QCOMPARE(call(server, readToken, "GET", manifestPath(repository, manifest)).status, 200);
        QCOMPARE(call(server, readToken, "GET", labels + "/" + labelId).status, 200);
        QCOMPARE(call(server, readToken, "POST", labels, goodLabel).status, 403);
        QCOMPARE(call(server, readToken, "DELETE", labels + "/" + labelId).status, 403);
        QCOMPARE(state(server, token, repository, manifest), before);
    }

    void modelCardOfAnArtifactIsReturned()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "mlmodel", m_counter);
        const QString token = adminToken(server);
        const QByteArray readme = "# Granite\n\nA model card with **Markdown** and UTF-8: 模型卡\n";
        const QByteArray artifact = pushArtifact(registry, repository, "v1",
                                                 {{"model.safetensors", "weights"}, {"README.md", readme}, {"config.json", "{}\n"}});
        QVERIFY(!artifact.isEmpty());
        const QString path = manifestPath(repository, artifact);

        const QJsonObject withCard = call(server, token, "GET", path + "?include_modelcard=true").json();
        QCOMPARE(withCard.value("modelcard").toString(), QString::fromUtf8(readme));
        QCOMPARE(withCard.value("config_media_type").toString(), QStringLiteral("application/vnd.oci.empty.v1+json"));
        QCOMPARE(withCard.value("layers").toArray().size(), 3);
        QCOMPARE(withCard.value("layers_compressed_size").toInteger(), qint64(7 + readme.size() + 3));
        QVERIFY(withCard.value("layers").toArray()[1].toObject().value("command").isNull());
        QVERIFY(!call(server, token, "GET", path).json().contains("modelcard"));
        QVERIFY(!call(server, token, "GET", path + "?include_modelcard=false").json().contains("modelcard"));

        // One layer: it is the card, whatever its annotations.
        const QByteArray single = pushArtifact(registry, repository, "single", {{QString(), "only the card"}});
        QVERIFY(!single.isEmpty());
        QCOMPARE(call(server, token, "GET", manifestPath(repository, single) + "?include_modelcard=1").json().value("modelcard").toString(),
                 QStringLiteral("only the card"));

        // Another artifact type, and no UI_MODELCARD_ANNOTATION: no card.
        const QByteArray other = pushArtifact(registry, repository, "other", {{"README.md", readme}, {"b.bin", "b"}},
                                              QStringLiteral("application/vnd.example.other"));
        QVERIFY(!other.isEmpty());
        QVERIFY(!call(server, token, "GET", manifestPath(repository, other) + "?include_modelcard=true").json().contains("modelcard"));
        // Several layers, none titled README.md: no card.
        const QByteArray untitled = pushArtifact(registry, repository, "untitled", {{"a.bin", "a"}, {"b.bin", "b"}});
        QVERIFY(!untitled.isEmpty());
        const HttpReply none = call(server, token, "GET", manifestPath(repository, untitled) + "?include_modelcard=true");
        QCOMPARE(none.status, 200);
        QVERIFY(!none.json().contains("modelcard"));
    }

    void oversizeModelCardIsRefused()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "bigcard", m_counter);
        const QString token = adminToken(server);
        const QByteArray card(kModelcardLimit + 1, 'x');
        const QByteArray artifact = pushArtifact(registry, repository, "v1", {{"README.md", card}, {"model.bin", "weights"}});
        QVERIFY(!artifact.isEmpty());
        const HttpReply refused = call(server, token, "GET", manifestPath(repository, artifact) + "?include_modelcard=true");
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        const QString detail = refused.json().value("detail").toString();
        QVERIFY2(detail.contains(QLatin1String("KAI_MODELCARD_MAX_BYTES")) && detail.contains(QString::number(kModelcardLimit)),
                 qPrintable(detail));
        // Without include_modelcard the manifest is still shown.
        QCOMPARE(call(server, token, "GET", manifestPath(repository, artifact)).status, 200);
        // Exactly at the limit is fine.
        const QByteArray fits = pushArtifact(registry, repository, "v2", {{"README.md", QByteArray(kModelcardLimit, 'y')}, {"m.bin", "w"}});
        QVERIFY(!fits.isEmpty());
        QCOMPARE(call(server, token, "GET", manifestPath(repository, fits) + "?include_modelcard=true").json().value("modelcard").toString().size(),
                 kModelcardLimit);
    }

    void modelCardFeatureOffLeavesTheFieldOut()
    {
        KAI_SERVER(server, m_noModelcardFixture, ServerProcess::Options::withConfig({"FEATURE_UI_MODELCARD: false"}));
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "nocard", m_counter);
        const QString token = adminToken(server);
        const QByteArray artifact = pushArtifact(registry, repository, "v1", {{"README.md", "# card"}, {"m.bin", "w"}});
        QVERIFY(!artifact.isEmpty());
        const HttpReply got = call(server, token, "GET", manifestPath(repository, artifact) + "?include_modelcard=true");
        QCOMPARE(got.status, 200);
        QVERIFY(!got.json().contains("modelcard"));
    }
};

QTEST_GUILESS_MAIN(TestApiManifests)
#include "tst_api_manifests.moc"
