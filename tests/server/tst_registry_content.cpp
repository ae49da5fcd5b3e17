// The distribution API as podman and skopeo use it, against a real
// kai-server on SQLite and on PostgreSQL: blobs, uploads, manifests, tags,
// referrers, and the errors for every bad input.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QRandomGenerator>
#include <QDir>
#include <QTcpSocket>

using namespace kai::test;

class TestRegistryContent : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    int m_counter = 0;

    // A fresh repository in the bootstrap user's namespace, and a client
    // holding a pull+push token for it.
    QString freshRepository(ServerProcess *server, HttpClient &client, const QString &stem)
    {
        return freshAdminRepository(server, client, stem, m_counter);
    }

    static int uploadFileCount(ServerProcess *server)
    {
        return int(QDir(server->dataDir() + "/storage/uploads").entryList(QDir::Files).size());
    }

    static QByteArray randomBytes(int size)
    {
        QByteArray data(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            data[i] = char(QRandomGenerator::global()->bounded(256));
        return data;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void versionCheckWithoutCredentialsChallengesForToken()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const HttpReply reply = client.get("/v2/");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.header("Docker-Distribution-API-Version"), QByteArray("registry/2.0"));
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer realm=\"http://" + server->host().toLatin1() + "/v2/auth\""));
    }

    void loginWithBootstrapUserThenVersionCheckSucceeds()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        QVERIFY(!client.login(server->adminUser(), server->adminPassword(), {}).isEmpty());
        QCOMPARE(client.get("/v2/").status, 200);
    }

    void loginWithWrongPasswordIsUnauthorized()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const HttpReply reply = client.send("GET", "/v2/auth?service=x", {},
                                            {{"Authorization", "Basic " + QByteArray("admin:wrong-password").toBase64()}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("UNAUTHORIZED"));
    }

    void basicCredentialsOnRepositoryRoutesAreRefused()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const HttpReply reply = client.send("GET", "/v2/admin/x/tags/list", {},
                                            {{"Authorization", "Basic " + (server->adminUser() + ":" + server->adminPassword()).toUtf8().toBase64()}});
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.header("WWW-Authenticate").contains("scope=\"repository:admin/x:pull\""));
    }

    void monolithicBlobPushThenHeadAndGet()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "mono");
        const QByteArray data = randomBytes(300'000);
        const QString digest = client.pushBlob(repository, data);
        QCOMPARE(digest, sha256Of(data));

        const HttpReply head = client.send("HEAD", "/v2/" + repository + "/blobs/" + digest);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(data.size()));
        QCOMPARE(head.header("Docker-Content-Digest"), digest.toLatin1());
        QVERIFY(head.body.isEmpty());

        const HttpReply get = client.get("/v2/" + repository + "/blobs/" + digest);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, data);
    }

    void chunkedUploadInOrderCompletesWithDigest()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "chunked");
        const QByteArray data = randomBytes(100'000);
        const QByteArray first = data.left(60'000), second = data.mid(60'000);

        const HttpReply started = client.send("POST", "/v2/" + repository + "/blobs/uploads/");
        QCOMPARE(started.status, 202);
        const QString location = QString::fromLatin1(started.header("Location"));
        QVERIFY(location.startsWith("/v2/" + repository + "/blobs/uploads/"));
        QVERIFY(!started.header("Docker-Upload-UUID").isEmpty());

        HttpReply chunk = client.send("PATCH", location, first,
                                      {{"Content-Type", "application/octet-stream"}, {"Content-Range", "0-59999"}});
        QCOMPARE(chunk.status, 202);
        QCOMPARE(chunk.header("Range"), QByteArray("0-59999"));
        chunk = client.send("PATCH", location, second,
                            {{"Content-Type", "application/octet-stream"}, {"Content-Range", "60000-99999"}});
        QCOMPARE(chunk.status, 202);
        QCOMPARE(chunk.header("Range"), QByteArray("0-99999"));

        const HttpReply status = client.get(location);
        QCOMPARE(status.status, 204);
        QCOMPARE(status.header("Range"), QByteArray("0-99999"));

        const HttpReply done = client.send("PUT", location + "?digest=" + sha256Of(data));
        QCOMPARE(done.status, 201);
        QCOMPARE(done.header("Docker-Content-Digest"), sha256Of(data).toLatin1());
        QCOMPARE(client.get("/v2/" + repository + "/blobs/" + sha256Of(data)).body, data);
        // The session is gone once completed.
        QCOMPARE(client.get(location).status, 404);
    }

    void uploadCompletedWithFinalChunkInPut()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "finalchunk");
        const QByteArray data = randomBytes(50'000);
        const QString location = QString::fromLatin1(client.send("POST", "/v2/" + repository + "/blobs/uploads/").header("Location"));
        QCOMPARE(client.send("PATCH", location, data.left(10'000), {{"Content-Range", "0-9999"}}).status, 202);
        const HttpReply done = client.send("PUT", location + "?digest=" + sha256Of(data), data.mid(10'000),
                                           {{"Content-Type", "application/octet-stream"}});
        QCOMPARE(done.status, 201);
        QCOMPARE(client.get("/v2/" + repository + "/blobs/" + sha256Of(data)).body, data);
    }

    void outOfOrderChunkIsRangeNotSatisfiable()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "order");
        const QString location = QString::fromLatin1(client.send("POST", "/v2/" + repository + "/blobs/uploads/").header("Location"));
        QCOMPARE(client.send("PATCH", location, QByteArray(100, 'a'), {{"Content-Range", "0-99"}}).status, 202);
        const HttpReply skipped = client.send("PATCH", location, QByteArray(100, 'b'), {{"Content-Range", "200-299"}});
        QCOMPARE(skipped.status, 416);
        QCOMPARE(skipped.header("Range"), QByteArray("0-99"));
        QCOMPARE(skipped.header("Location"), location.toLatin1());
    }

    void uploadWithWrongDigestIsRejectedAndNothingCommitted()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "wrongdigest");
        const QByteArray data = randomBytes(4096);
        const QString claimed = sha256Of("something else");
        const int uploadsBefore = uploadFileCount(server);
        const HttpReply reply = client.send("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + claimed, data);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("DIGEST_INVALID"));
        QCOMPARE(client.send("HEAD", "/v2/" + repository + "/blobs/" + claimed).status, 404);
        QCOMPARE(client.send("HEAD", "/v2/" + repository + "/blobs/" + sha256Of(data)).status, 404);
        QVERIFY2(uploadFileCount(server) == uploadsBefore, "the rejected upload left its file behind");
    }

    void sha512BlobIsAccepted()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "sha512");
        const QByteArray data = randomBytes(2048);
        const QString digest = "sha512:" + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha512).toHex());
        QCOMPARE(client.send("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + digest, data).status, 201);
        const HttpReply get = client.get("/v2/" + repository + "/blobs/" + digest);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, data);
        QCOMPARE(get.header("Docker-Content-Digest"), digest.toLatin1());
    }

    void blobRangeRequests()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "range");
        const QByteArray data = randomBytes(1000);
        const QString digest = client.pushBlob(repository, data);
        const HttpReply partial = client.get("/v2/" + repository + "/blobs/" + digest, {{"Range", "bytes=10-19"}});
        QCOMPARE(partial.status, 206);
        QCOMPARE(partial.body, data.mid(10, 10));
        QCOMPARE(partial.header("Content-Range"), QByteArray("bytes 10-19/1000"));
        const HttpReply beyond = client.get("/v2/" + repository + "/blobs/" + digest, {{"Range", "bytes=5000-"}});
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.header("Content-Range"), QByteArray("bytes */1000"));
        QVERIFY(beyond.body.isEmpty());
    }

    void crossRepositoryMountWithReadAccess()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString source = QStringLiteral("admin/mount-src-%1").arg(++m_counter);
        const QString target = QStringLiteral("admin/mount-dst-%1").arg(m_counter);
        client.login(server->adminUser(), server->adminPassword(),
                     {"repository:" + source + ":pull,push", "repository:" + target + ":pull,push"});
        const QByteArray data = randomBytes(1234);
        const QString digest = client.pushBlob(source, data);
        QVERIFY(!digest.isEmpty());
        const HttpReply mounted = client.send("POST", "/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + source);
        QCOMPARE(mounted.status, 201);
        QCOMPARE(mounted.header("Docker-Content-Digest"), digest.toLatin1());
        QCOMPARE(client.get("/v2/" + target + "/blobs/" + digest).body, data);
    }

    void mountWithTokenForTargetOnlyStillChecksReadOnSource()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString source = freshRepository(server, client, "mount-own-src");
        const QByteArray data = randomBytes(999);
        const QString digest = client.pushBlob(source, data);
        const QString target = freshRepository(server, client, "mount-own-dst");
        const HttpReply mounted = client.send("POST", "/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + source);
        QCOMPARE(mounted.status, 201);
    }

    void mountFromAnotherUsersPrivateRepositoryBecomesAnUpload()
    {
        KAI_SERVER(server, m_fixture);
        const QString owner = QStringLiteral("owner%1").arg(++m_counter);
        QVERIFY(server->createUser(owner, "owner-password").ok());
        HttpClient ownerClient(server->baseUrl());
        QVERIFY(!ownerClient.login(owner, "owner-password", {"repository:" + owner + "/secret:pull,push"}).isEmpty());
        const QString digest = ownerClient.pushBlob(owner + "/secret", randomBytes(321));
        QVERIFY(!digest.isEmpty());

        HttpClient client(server->baseUrl());
        const QString target = freshRepository(server, client, "mount-steal");
        const HttpReply reply = client.send("POST", "/v2/" + target + "/blobs/uploads/?mount=" + digest + "&from=" + owner + "/secret");
        QCOMPARE(reply.status, 202);
        QCOMPARE(client.send("HEAD", "/v2/" + target + "/blobs/" + digest).status, 404);
    }

    void mountOfUnknownBlobFallsBackToUploadSession()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "mountfallback");
        const HttpReply reply = client.send("POST", "/v2/" + repository + "/blobs/uploads/?mount=" + sha256Of("nope") + "&from=admin/nowhere");
        QCOMPARE(reply.status, 202);
        QVERIFY(!reply.header("Location").isEmpty());
    }

    void manifestPushThenPullByTagAndDigest()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "manifest");
        const QByteArray config = R"({"architecture":"amd64","os":"linux"})";
        const QByteArray layer = randomBytes(5000);
        QVERIFY(!client.pushBlob(repository, config).isEmpty());
        QVERIFY(!client.pushBlob(repository, layer).isEmpty());
        const QByteArray manifest = ociImageManifest(config, {layer});
        const HttpReply put = client.putManifest(repository, "v1", manifest, "application/vnd.oci.image.manifest.v1+json");
        QCOMPARE(put.status, 201);
        QCOMPARE(put.header("Docker-Content-Digest"), sha256Of(manifest).toLatin1());
        QVERIFY(put.header("OCI-Subject").isEmpty());

        const HttpReply byTag = client.get("/v2/" + repository + "/manifests/v1");
        QCOMPARE(byTag.status, 200);
        QCOMPARE(byTag.body, manifest);
        QCOMPARE(byTag.header("Content-Type"), QByteArray("application/vnd.oci.image.manifest.v1+json"));
        QCOMPARE(byTag.header("Docker-Content-Digest"), sha256Of(manifest).toLatin1());
        const HttpReply head = client.send("HEAD", "/v2/" + repository + "/manifests/" + sha256Of(manifest));
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(manifest.size()));
        QCOMPARE(client.get("/v2/" + repository + "/manifests/" + sha256Of(manifest)).body, manifest);
    }

    void manifestNamingMissingBlobIsManifestBlobUnknown()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "missingblob");
        const QByteArray config = "{}";
        QVERIFY(!client.pushBlob(repository, config).isEmpty());
        const HttpReply put = client.putManifest(repository, "v1", ociImageManifest(config, {"never pushed"}),
                                                 "application/vnd.oci.image.manifest.v1+json");
        QCOMPARE(put.status, 400);
        QCOMPARE(put.errorCode(), QStringLiteral("MANIFEST_BLOB_UNKNOWN"));
        QCOMPARE(client.get("/v2/" + repository + "/manifests/v1").status, 404);
    }

    void invalidManifestIsManifestInvalid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("not json") << QByteArray("{not json") << QByteArray("application/vnd.oci.image.manifest.v1+json");
        QTest::newRow("schema version 1") << QByteArray(R"({"schemaVersion":1,"name":"x","tag":"y","fsLayers":[]})")
                                          << QByteArray("application/vnd.docker.distribution.manifest.v1+json");
        QTest::newRow("image without config") << QByteArray(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]})")
                                              << QByteArray("application/vnd.oci.image.manifest.v1+json");
        QTest::newRow("media type disagrees with content type")
            << QByteArray(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]})")
            << QByteArray("application/vnd.oci.image.manifest.v1+json");
    }

    void invalidManifestIsManifestInvalid()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "invalid");
        const HttpReply put = client.putManifest(repository, "bad", body, contentType);
        QCOMPARE(put.status, 400);
        QCOMPARE(put.errorCode(), QStringLiteral("MANIFEST_INVALID"));
    }

    void oversizedManifestIsTooLarge()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "huge");
        const QByteArray body = "{\"pad\":\"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}";
        const HttpReply put = client.putManifest(repository, "huge", body, "application/vnd.oci.image.manifest.v1+json");
        QCOMPARE(put.status, 413);
    }

    void invalidNamesAndTags_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");
        QTest::newRow("upper case") << "/v2/admin/UPPER/manifests/latest" << "NAME_INVALID";
        QTest::newRow("empty segment") << "/v2/admin//x/manifests/latest" << "NAME_INVALID";
        QTest::newRow("dot dot segment") << "/v2/admin/%2E%2E/x/manifests/latest" << "NAME_INVALID";
        QTest::newRow("bad tag") << "/v2/admin/ok/manifests/-bad" << "TAG_INVALID";
    }

    void invalidNamesAndTags()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QString, path);
        QFETCH(QString, code);
        // A raw socket, so that no client library normalises the path first.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET " + path.toLatin1() + " HTTP/1.1\r\nHost: " + server->host().toLatin1() + "\r\nConnection: close\r\n\r\n");
        QByteArray response;
        while (socket.waitForReadyRead(5000))
            response += socket.readAll();
        response += socket.readAll();
        QVERIFY2(response.startsWith("HTTP/1.1 400"), response.constData());
        QVERIFY2(response.contains(code.toLatin1()), response.constData());
    }

    void tagsListPaginatesWithLinkHeader()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "tags");
        const QByteArray config = "{\"os\":\"linux\"}";
        client.pushBlob(repository, config);
        const QByteArray manifest = ociImageManifest(config, {});
        for (const char *tag : {"c", "a", "b", "d"})
            QCOMPARE(client.putManifest(repository, tag, manifest, "application/vnd.oci.image.manifest.v1+json").status, 201);
        const HttpReply all = client.get("/v2/" + repository + "/tags/list");
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value("tags").toArray(), QJsonArray({"a", "b", "c", "d"}));
        QCOMPARE(all.json().value("name").toString(), repository);
        const HttpReply page = client.get("/v2/" + repository + "/tags/list?n=2");
        QCOMPARE(page.json().value("tags").toArray(), QJsonArray({"a", "b"}));
        QVERIFY(page.header("Link").contains("last=b"));
        const HttpReply next = client.get("/v2/" + repository + "/tags/list?n=2&last=b");
        QCOMPARE(next.json().value("tags").toArray(), QJsonArray({"c", "d"}));
        QVERIFY(next.header("Link").isEmpty());
    }

    void deleteManifestByDigestRemovesItAndItsTags()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "delete");
        const QByteArray config = "{\"os\":\"linux\",\"n\":1}";
        client.pushBlob(repository, config);
        const QByteArray manifest = ociImageManifest(config, {});
        QCOMPARE(client.putManifest(repository, "gone", manifest, "application/vnd.oci.image.manifest.v1+json").status, 201);
        QCOMPARE(client.send("DELETE", "/v2/" + repository + "/manifests/" + sha256Of(manifest)).status, 202);
        QCOMPARE(client.get("/v2/" + repository + "/manifests/" + sha256Of(manifest)).status, 404);
        const HttpReply tag = client.get("/v2/" + repository + "/manifests/gone");
        QCOMPARE(tag.status, 404);
        QCOMPARE(tag.errorCode(), QStringLiteral("MANIFEST_UNKNOWN"));
    }

    void indexNeedsItsChildManifests()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "index");
        const QByteArray config = "{\"os\":\"linux\",\"architecture\":\"arm64\"}";
        client.pushBlob(repository, config);
        const QByteArray child = ociImageManifest(config, {});
        const QJsonObject childDescriptor{{"mediaType", "application/vnd.oci.image.manifest.v1+json"}, {"digest", sha256Of(child)},
                                          {"size", child.size()}, {"platform", QJsonObject{{"os", "linux"}, {"architecture", "arm64"}}}};
        const QByteArray index = QJsonDocument(QJsonObject{{"schemaVersion", 2}, {"mediaType", "application/vnd.oci.image.index.v1+json"},
                                                           {"manifests", QJsonArray{childDescriptor}}}).toJson(QJsonDocument::Compact);
        const HttpReply early = client.putManifest(repository, "multi", index, "application/vnd.oci.image.index.v1+json");
        QCOMPARE(early.status, 400);
        QCOMPARE(client.putManifest(repository, sha256Of(child), child, "application/vnd.oci.image.manifest.v1+json").status, 201);
        QCOMPARE(client.putManifest(repository, "multi", index, "application/vnd.oci.image.index.v1+json").status, 201);
        QCOMPARE(client.get("/v2/" + repository + "/manifests/multi").body, index);
    }

    void artifactWithSubjectIsListedAsReferrer()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "referrers");
        const QByteArray config = "{\"os\":\"linux\",\"r\":1}";
        client.pushBlob(repository, config);
        const QByteArray image = ociImageManifest(config, {});
        QCOMPARE(client.putManifest(repository, "v1", image, "application/vnd.oci.image.manifest.v1+json").status, 201);

        const QByteArray empty = "{}";
        const QByteArray model = randomBytes(700);
        client.pushBlob(repository, empty);
        client.pushBlob(repository, model);
        const QJsonObject subject{{"mediaType", "application/vnd.oci.image.manifest.v1+json"}, {"digest", sha256Of(image)}, {"size", image.size()}};
        const QByteArray artifact = ociImageManifest(empty, {model}, "application/vnd.oci.empty.v1+json",
                                                     {{"artifactType", "application/x-mlmodel"}, {"subject", subject},
                                                      {"annotations", QJsonObject{{"org.opencontainers.image.title", "model"}}}});
        const HttpReply put = client.putManifest(repository, sha256Of(artifact), artifact, "application/vnd.oci.image.manifest.v1+json");
        QCOMPARE(put.status, 201);
        QCOMPARE(put.header("OCI-Subject"), sha256Of(image).toLatin1());

        const HttpReply referrers = client.get("/v2/" + repository + "/referrers/" + sha256Of(image));
        QCOMPARE(referrers.status, 200);
        QCOMPARE(referrers.header("Content-Type"), QByteArray("application/vnd.oci.image.index.v1+json"));
        const QJsonArray manifests = referrers.json().value("manifests").toArray();
        QCOMPARE(manifests.size(), 1);
        QCOMPARE(manifests.first().toObject().value("digest").toString(), sha256Of(artifact));
        QCOMPARE(manifests.first().toObject().value("artifactType").toString(), QStringLiteral("application/x-mlmodel"));
        QCOMPARE(manifests.first().toObject().value("annotations").toObject().value("org.opencontainers.image.title").toString(), QStringLiteral("model"));

        const HttpReply filtered = client.get("/v2/" + repository + "/referrers/" + sha256Of(image) + "?artifactType=application/other");
        QCOMPARE(filtered.header("OCI-Filters-Applied"), QByteArray("artifactType"));
        QVERIFY(filtered.json().value("manifests").toArray().isEmpty());
        const HttpReply none = client.get("/v2/" + repository + "/referrers/" + sha256Of("unknown subject"));
        QCOMPARE(none.status, 200);
        QVERIFY(none.json().value("manifests").toArray().isEmpty());
    }

    void anonymousPullOfPrivateRepositoryIsDenied()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "private");
        const QByteArray config = "{\"private\":true}";
        client.pushBlob(repository, config);
        QCOMPARE(client.putManifest(repository, "v1", ociImageManifest(config, {}), "application/vnd.oci.image.manifest.v1+json").status, 201);
        HttpClient anonymous(server->baseUrl());
        const HttpReply direct = anonymous.get("/v2/" + repository + "/manifests/v1");
        QCOMPARE(direct.status, 401);
        QVERIFY(direct.header("WWW-Authenticate").contains("scope=\"repository:" + repository.toLatin1() + ":pull\""));
        // The token service downscopes rather than refuses: no actions.
        const QString token = anonymous.login({}, {}, {"repository:" + repository + ":pull"});
        QVERIFY(!token.isEmpty());
        QCOMPARE(anonymous.get("/v2/" + repository + "/manifests/v1").status, 401);
    }

    void pushIntoAnotherUsersNamespaceIsDenied()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.login(server->adminUser(), server->adminPassword(), {"repository:someoneelse/repo:pull,push"});
        const HttpReply reply = client.send("POST", "/v2/someoneelse/repo/blobs/uploads/");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("UNAUTHORIZED"));
    }

    void clientDisconnectingMidUploadLeavesNoBlob()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "disconnect");
        const QByteArray data = randomBytes(200'000);
        const QString digest = sha256Of(data);
        const int uploadsBefore = uploadFileCount(server);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(socket.waitForConnected(5000));
        // Re-use the client's token on the raw socket.
        const QString token = client.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        socket.write("POST /v2/" + repository.toLatin1() + "/blobs/uploads/?digest=" + digest.toLatin1() + " HTTP/1.1\r\nHost: x\r\n"
                     "Authorization: Bearer " + token.toLatin1() + "\r\nContent-Length: 200000\r\n\r\n");
        socket.write(data.left(100'000));
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(200);
        socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(uploadFileCount(server), uploadsBefore, 5000);
        QCOMPARE(client.send("HEAD", "/v2/" + repository + "/blobs/" + digest).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestRegistryContent)
#include "tst_registry_content.moc"
