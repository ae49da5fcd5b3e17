// The distribution spec 1.1's MUSTs that the workflow suites do not pin
// already, one test each, named after the requirement.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QJsonArray>

using namespace kai::test;

class TestRegistrySpec : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    int m_counter = 0;

    QString freshRepository(ServerProcess *server, HttpClient &client, const QString &stem)
    {
        return freshAdminRepository(server, client, "spec-" + stem, m_counter);
    }

    // A repository holding one tagged image; returns the manifest.
    QByteArray pushImage(HttpClient &client, const QString &repository, const QString &tag)
    {
        const QByteArray config = "{\"spec\":\"" + repository.toLatin1() + tag.toLatin1() + "\"}";
        client.pushBlob(repository, config);
        const QByteArray manifest = ociImageManifest(config, {});
        client.putManifest(repository, tag, manifest, "application/vnd.oci.image.manifest.v1+json");
        return manifest;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void pullOfUnknownBlobIsBlobUnknown404()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "noblob");
        pushImage(client, repository, "v1");
        const HttpReply reply = client.get("/v2/" + repository + "/blobs/" + sha256Of("never pushed"));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("BLOB_UNKNOWN"));
        QCOMPARE(client.send("HEAD", "/v2/" + repository + "/blobs/" + sha256Of("never pushed")).status, 404);
    }

    void malformedDigestIsDigestInvalid400()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "baddigest");
        pushImage(client, repository, "v1");
        const HttpReply reply = client.get("/v2/" + repository + "/blobs/sha256:nothex");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("DIGEST_INVALID"));
    }

    void postThenPutWithWholeBodyCompletesUpload()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "postput");
        const QByteArray data = "monolithic after POST";
        const HttpReply started = client.send("POST", "/v2/" + repository + "/blobs/uploads/");
        QCOMPARE(started.status, 202);
        const QString location = QString::fromLatin1(started.header("Location"));
        const HttpReply done = client.send("PUT", location + "?digest=" + sha256Of(data), data,
                                           {{"Content-Type", "application/octet-stream"}});
        QCOMPARE(done.status, 201);
        QCOMPARE(done.header("Location"), ("/v2/" + repository + "/blobs/" + sha256Of(data)).toLatin1());
        QCOMPARE(client.get("/v2/" + repository + "/blobs/" + sha256Of(data)).body, data);
    }

    void cancelledUploadIsGone()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "cancel");
        const QString location = QString::fromLatin1(client.send("POST", "/v2/" + repository + "/blobs/uploads/").header("Location"));
        QCOMPARE(client.send("DELETE", location).status, 204);
        const HttpReply after = client.get(location);
        QCOMPARE(after.status, 404);
        QCOMPARE(after.errorCode(), QStringLiteral("BLOB_UPLOAD_UNKNOWN"));
    }

    void putWithoutDigestIsRefusedAndKeepsSession()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "nodigest");
        const QString location = QString::fromLatin1(client.send("POST", "/v2/" + repository + "/blobs/uploads/").header("Location"));
        QCOMPARE(client.send("PUT", location).status, 400);
        QCOMPARE(client.get(location).status, 204);
    }

    void deletedBlobIsNoLongerServed()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "blobdelete");
        const QString digest = client.pushBlob(repository, "to be deleted");
        QCOMPARE(client.send("DELETE", "/v2/" + repository + "/blobs/" + digest).status, 202);
        QCOMPARE(client.send("HEAD", "/v2/" + repository + "/blobs/" + digest).status, 404);
    }

    void deletedTagDisappearsFromListing()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "tagdelete");
        const QByteArray manifest = pushImage(client, repository, "keep");
        QCOMPARE(client.putManifest(repository, "drop", manifest, "application/vnd.oci.image.manifest.v1+json").status, 201);
        QCOMPARE(client.send("DELETE", "/v2/" + repository + "/manifests/drop").status, 202);
        QCOMPARE(client.get("/v2/" + repository + "/tags/list").json().value("tags").toArray(), QJsonArray({"keep"}));
        QCOMPARE(client.get("/v2/" + repository + "/manifests/drop").status, 404);
        QCOMPARE(client.get("/v2/" + repository + "/manifests/" + sha256Of(manifest)).status, 200);
    }

    void tagListingWithZeroOrNoTags()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "notags");
        client.pushBlob(repository, "{}");   // creates the repository, no tags
        const HttpReply empty = client.get("/v2/" + repository + "/tags/list");
        QCOMPARE(empty.status, 200);
        QVERIFY(empty.json().value("tags").toArray().isEmpty());
        pushImage(client, repository, "v1");
        const HttpReply none = client.get("/v2/" + repository + "/tags/list?n=0");
        QCOMPARE(none.status, 200);
        QVERIFY(none.json().value("tags").toArray().isEmpty());
        QCOMPARE(client.get("/v2/" + repository + "/tags/list?n=-1").status, 400);
    }

    void manifestPutByDigestMustMatchItsBody()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "digestput");
        const QByteArray config = "{\"x\":1}";
        client.pushBlob(repository, config);
        const QByteArray manifest = ociImageManifest(config, {});
        const HttpReply wrong = client.putManifest(repository, sha256Of("another body"), manifest,
                                                   "application/vnd.oci.image.manifest.v1+json");
        QCOMPARE(wrong.status, 400);
        QCOMPARE(client.get("/v2/" + repository + "/manifests/" + sha256Of(manifest)).status, 404);
        const HttpReply right = client.putManifest(repository, sha256Of(manifest), manifest,
                                                   "application/vnd.oci.image.manifest.v1+json");
        QCOMPARE(right.status, 201);
        QCOMPARE(right.header("Location"), ("/v2/" + repository + "/manifests/" + sha256Of(manifest)).toLatin1());
    }

    void referrerMayBePushedBeforeItsSubject()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        const QString repository = freshRepository(server, client, "earlyreferrer");
        const QString absent = sha256Of("subject pushed later");
        client.pushBlob(repository, "{}");
        const QJsonObject subject{{"mediaType", "application/vnd.oci.image.manifest.v1+json"}, {"digest", absent}, {"size", 123}};
        const QByteArray artifact = ociImageManifest("{}", {}, "application/vnd.oci.empty.v1+json",
                                                     {{"artifactType", "application/vnd.example.sbom"}, {"subject", subject}});
        const HttpReply put = client.putManifest(repository, sha256Of(artifact), artifact, "application/vnd.oci.image.manifest.v1+json");
        QCOMPARE(put.status, 201);
        QCOMPARE(put.header("OCI-Subject"), absent.toLatin1());
        const QJsonArray referrers = client.get("/v2/" + repository + "/referrers/" + absent).json().value("manifests").toArray();
        QCOMPARE(referrers.size(), 1);
        QCOMPARE(referrers.first().toObject().value("artifactType").toString(), QStringLiteral("application/vnd.example.sbom"));
    }

    void unknownRepositoryIsNameUnknownForItsOwner()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.login(server->adminUser(), server->adminPassword(), {"repository:admin/never-created:pull"});
        const HttpReply reply = client.get("/v2/admin/never-created/tags/list");
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("NAME_UNKNOWN"));
    }
};

QTEST_GUILESS_MAIN(TestRegistrySpec)
#include "tst_registry_spec.moc"
