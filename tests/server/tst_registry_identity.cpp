// First-user bootstrap and who may pull what, against a real kai-server on
// SQLite and PostgreSQL started with FEATURE_USER_INITIALIZE (as automation
// does it) and CREATE_PRIVATE_REPO_ON_PUSH: false.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QFile>

using namespace kai::test;

class TestRegistryIdentity : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;

    static ServerProcess::Options options()
    {
        ServerProcess::Options o;
        o.userInitialize = true;
        o.extraConfig << "CREATE_PRIVATE_REPO_ON_PUSH: false" << "KAI_UPLOAD_MAX_AGE_SECONDS: 2";
        return o;
    }

    // Initializes the first user once per server; later calls just log in.
    QHash<QString, QString> m_accessTokens;   // per backend row

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void initializeCreatesFirstUserWithAccessToken()
    {
        KAI_SERVER(server, m_fixture, options());
        QVERIFY2(server->adminPassword().isEmpty(), "no bootstrap user when FEATURE_USER_INITIALIZE is set");
        HttpClient client(server->baseUrl());
        const QByteArray body = R"({"username":"quayadmin","password":"quaypass12345","email":"quayadmin@example.com","access_token":true})";
        const HttpReply reply = client.send("POST", "/api/v1/user/initialize", body, {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value("username").toString(), QStringLiteral("quayadmin"));
        QCOMPARE(json.value("email").toString(), QStringLiteral("quayadmin@example.com"));
        QCOMPARE(json.value("access_token").toString().size(), 40);
        QVERIFY(!json.value("encrypted_password").toString().isEmpty());
        m_accessTokens[backend] = json.value("access_token").toString();
    }

    void initializeTwiceIsRefused()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient client(server->baseUrl());
        const QByteArray body = R"({"username":"second","password":"password123"})";
        const HttpReply reply = client.send("POST", "/api/v1/user/initialize", body, {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("message").toString(), QStringLiteral("Cannot initialize user in a non-empty database"));
    }

    void initializeWithBadInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("missing body") << QByteArray();
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("short password") << QByteArray(R"({"username":"shorty","password":"short"})");
    }

    void initializeWithBadInputIsRefused()
    {
        KAI_SERVER(server, m_fixture, options());
        QFETCH(QByteArray, body);
        HttpClient client(server->baseUrl());
        const HttpReply reply = client.send("POST", "/api/v1/user/initialize", body, {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.json().contains("message"));
    }

    void oauthTokenWorksAsRegistryPassword()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString accessToken = m_accessTokens.value(backend);
        QVERIFY2(!accessToken.isEmpty(), "initialize ran first");
        HttpClient client(server->baseUrl());
        QVERIFY(!client.login("$oauthtoken", accessToken, {"repository:quayadmin/viaoauth:pull,push"}).isEmpty());
        QVERIFY(!client.pushBlob("quayadmin/viaoauth", "{}").isEmpty());
        HttpClient wrong(server->baseUrl());
        QVERIFY(wrong.login("$oauthtoken", QString(40, 'A'), {}).isEmpty());
    }

    void pushCreatesPublicRepositoryThatAnonymousMayPull()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient client(server->baseUrl());
        QVERIFY(!client.login("quayadmin", "quaypass12345", {"repository:quayadmin/public:pull,push"}).isEmpty());
        const QByteArray config = "{\"public\":true}";
        client.pushBlob("quayadmin/public", config);
        const QByteArray manifest = ociImageManifest(config, {});
        QCOMPARE(client.putManifest("quayadmin/public", "latest", manifest, "application/vnd.oci.image.manifest.v1+json").status, 201);

        HttpClient anonymous(server->baseUrl());
        QCOMPARE(anonymous.get("/v2/quayadmin/public/manifests/latest").body, manifest);
        QVERIFY(!anonymous.login({}, {}, {"repository:quayadmin/public:pull"}).isEmpty());
        QCOMPARE(anonymous.get("/v2/quayadmin/public/manifests/latest").status, 200);
        // ...but may not push to it.
        anonymous.login({}, {}, {"repository:quayadmin/public:pull,push"});
        QCOMPARE(anonymous.send("POST", "/v2/quayadmin/public/blobs/uploads/").status, 401);
    }

    void catalogListsOnlyReadableRepositories()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient client(server->baseUrl());
        client.login("quayadmin", "quaypass12345", {});
        const HttpReply reply = client.get("/v2/_catalog");
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().value("repositories").toArray().contains(QStringLiteral("quayadmin/public")));
        HttpClient anonymous(server->baseUrl());
        QCOMPARE(anonymous.get("/v2/_catalog").status, 401);
    }

    void abandonedUploadSessionIsCleanedUp()
    {
        KAI_SERVER(server, m_fixture, options());
        HttpClient client(server->baseUrl());
        QVERIFY(!client.login("quayadmin", "quaypass12345", {"repository:quayadmin/abandoned:pull,push"}).isEmpty());
        const HttpReply started = client.send("POST", "/v2/quayadmin/abandoned/blobs/uploads/", QByteArray(1000, 'x'));
        QCOMPARE(started.status, 202);
        const QString location = QString::fromLatin1(started.header("Location"));
        const QString uuid = QString::fromLatin1(started.header("Docker-Upload-UUID"));
        QVERIFY(QFile::exists(server->dataDir() + "/storage/uploads/" + uuid));
        // KAI_UPLOAD_MAX_AGE_SECONDS is 2 here: the session goes soon after.
        QTRY_COMPARE_WITH_TIMEOUT(client.get(location).status, 404, 15'000);
        QVERIFY(!QFile::exists(server->dataDir() + "/storage/uploads/" + uuid));
    }

    void userCreatedWithTheCliCanLogIn()
    {
        KAI_SERVER(server, m_fixture, options());
        QVERIFY(server->createUser("cliuser", "cli-password-1").ok());
        QVERIFY2(!server->createUser("cliuser", "cli-password-1").ok(), "a second user of the same name is refused");
        HttpClient client(server->baseUrl());
        QVERIFY(!client.login("cliuser", "cli-password-1", {}).isEmpty());
        QVERIFY(client.login("cliuser", "wrong-password", {}).isEmpty());
    }

    void gracefulShutdownExitsCleanly()
    {
        KAI_SERVER(server, m_fixture, options());
        QVERIFY2(server->stop(), server->output().constData());
        QVERIFY(server->output().contains("shutting down"));
        QVERIFY(server->restart().ok());
        HttpClient client(server->baseUrl());
        QCOMPARE(client.get("/v2/").status, 401);
    }
};

QTEST_GUILESS_MAIN(TestRegistryIdentity)
#include "tst_registry_identity.moc"
