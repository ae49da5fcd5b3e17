// End to end: the guide's non-password credentials with podman against a
// real kai-server, on SQLite and on PostgreSQL. A robot account granted
// write on one repository of an organization, an app-specific token
// (`$app`) and an OAuth access token (`$oauthtoken`) are each used as the
// password of `podman login`, and what they may push and pull is checked
// with the registry's own answers. Images are OCI layouts the test writes
// itself, so nothing comes from the network.
#include "clienttools.h"
#include "e2eserver.h"
#include "ocilayout.h"

#include <QJsonArray>

using namespace kai::test;

#define KAI_REQUIRE_PODMAN() KAI_REQUIRE_SERVICE(toolAvailable("podman"), "podman (apt-get install podman)")

class TestE2eCredentials : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;   // Quay's default: pushed repositories are private
    ScratchDir m_work;         // lower-case path: podman names images after it
    int m_counter = 0;

    QString freshDir(const QString &stem) { return m_work.path() + QStringLiteral("/%1-%2").arg(stem).arg(++m_counter); }

    static QString passwordOf(const QString &user) { return user + QStringLiteral("-Password-1"); }

    // An API v1 call with an OAuth bearer token and a JSON body.
    static HttpReply api(const ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                         const QJsonObject &body = {})
    {
        HttpClient client(server->baseUrl());
        client.setBearer(token);
        return client.send(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
                           {{"Content-Type", "application/json"}});
    }

    static QByteArray describe(const QByteArray &method, const QString &path, const HttpReply &reply)
    {
        return method + ' ' + path.toUtf8() + " answered " + QByteArray::number(reply.status) + ": " + reply.body.left(400);
    }

    // The tags of `repository` as the registry lists them to `user`
    // (password or token as `secret`); {"<no token>"} when /v2/auth
    // refuses, empty when the listing is refused.
    static QStringList tagsOf(const ServerProcess *server, const QString &user, const QString &secret,
                              const QString &repository)
    {
        HttpClient client(server->baseUrl());
        if (client.login(user, secret, {"repository:" + repository + ":pull"}).isEmpty())
            return {QStringLiteral("<no token>")};
        const HttpReply reply = client.get("/v2/" + repository + "/tags/list");
        if (reply.status != 200) {
            qWarning("%s", describe("GET", "/v2/" + repository + "/tags/list", reply).constData());
            return {};
        }
        QStringList tags;
        for (const QJsonValue &tag : reply.json().value("tags").toArray())
            tags << tag.toString();
        tags.sort();
        return tags;
    }

    // Writes a one-layer image with `content` and loads it into `podman`'s
    // store; the image ID, or empty with the failure logged.
    QString loadImage(const Podman &podman, const QByteArray &content)
    {
        OciLayout layout(freshDir("image"));
        layout.tag("v1", layout.addImage("amd64", content));
        if (!layout.ok()) {
            qWarning("%s", qPrintable(layout.error()));
            return {};
        }
        const ToolRun load = podman.run({"pull", layout.reference("v1")});
        if (!load.succeeded()) {
            qWarning("%s", load.report().constData());
            return {};
        }
        return QString::fromUtf8(load.standardOutput).trimmed();
    }

    // Loads an image and tags it as `target` (HOST/NS/REPO:TAG).
    bool prepareImage(const Podman &podman, const QByteArray &content, const QString &target, QString *imageId = nullptr)
    {
        const QString id = loadImage(podman, content);
        if (id.isEmpty())
            return false;
        const ToolRun tag = podman.run({"tag", id, target});
        if (!tag.succeeded()) {
            qWarning("%s", tag.report().constData());
            return false;
        }
        if (imageId)
            *imageId = id;
        return true;
    }

    static ToolRun login(const Podman &podman, const ServerProcess *server, const QString &user, const QString &secret)
    {
        return podman.run({"login", "--tls-verify=false", "-u", user, "-p", secret, server->host()});
    }

    // A denied registry operation: podman failed and said why.
    static bool deniedClearly(const ToolRun &run)
    {
        const QByteArray text = run.standardError.toLower();
        return run.finished && run.exitCode != 0
               && (text.contains("unauthorized") || text.contains("denied") || text.contains("authentication required"));
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void initTestCase() { QVERIFY(m_work.isValid()); }

    // An org admin makes a robot and grants it write on org/app only: with
    // the robot's token podman pushes to org/app, and may neither pull nor
    // push org/other.
    void robotWithWriteOnOneRepositoryPushesThereOnly()
    {
        KAI_REQUIRE_PODMAN();
        KAI_E2E_SERVER(server, m_fixture);
        const QString owner = QStringLiteral("cred-orgowner");
        const QString org = QStringLiteral("credorg");
        QVERIFY2(server->createUser(owner, passwordOf(owner)).ok(), "kai-server user create failed");
        const QString ownerToken = server->createToken(owner);
        QVERIFY2(!ownerToken.isEmpty(), "kai-server user token failed");

        const HttpReply orgReply = api(server, ownerToken, "POST", "/api/v1/organization/",
                                       {{"name", org}, {"email", "credorg@example.com"}});
        QVERIFY2(orgReply.status == 201, describe("POST", "/api/v1/organization/", orgReply));
        for (const char *name : {"app", "other"}) {
            const QJsonObject body{{"namespace", org}, {"repository", QLatin1String(name)}, {"visibility", "private"},
                                   {"description", ""}};
            const HttpReply repo = api(server, ownerToken, "POST", "/api/v1/repository", body);
            QVERIFY2(repo.status == 201, describe("POST", "/api/v1/repository", repo));
        }
        const QString robotPath = "/api/v1/organization/" + org + "/robots/deployer";
        const HttpReply robot = api(server, ownerToken, "PUT", robotPath, {{"description", "CI deployer"}});
        QVERIFY2(robot.status == 201, describe("PUT", robotPath, robot));
        const QString robotName = org + "+deployer";
        const QString robotToken = robot.json().value("token").toString();
        QVERIFY2(!robotToken.isEmpty(), describe("PUT", robotPath, robot));
        const QString grantPath = "/api/v1/repository/" + org + "/app/permissions/user/" + robotName;
        const HttpReply grant = api(server, ownerToken, "PUT", grantPath, {{"role", "write"}});
        QVERIFY2(grant.status == 200, describe("PUT", grantPath, grant));

        // The owner puts an image into org/other, from a store of its own.
        const QString otherTarget = server->host() + '/' + org + "/other:v1";
        {
            Podman ownerPodman;
            QVERIFY(ownerPodman.isValid());
            QVERIFY(prepareImage(ownerPodman, "owned by the organization\n", otherTarget));
            const ToolRun push = ownerPodman.run({"push", "--tls-verify=false", "--creds", owner + ':' + passwordOf(owner),
                                                  otherTarget});
            QVERIFY2(push.succeeded(), push.report());
        }
        QCOMPARE(tagsOf(server, owner, passwordOf(owner), org + "/other"), QStringList{"v1"});

        Podman podman;
        QVERIFY(podman.isValid());
        const ToolRun robotLogin = login(podman, server, robotName, robotToken);
        QVERIFY2(robotLogin.succeeded(), robotLogin.report());
        QVERIFY2(robotLogin.standardOutput.contains("Login Succeeded"), robotLogin.report());

        const QString appTarget = server->host() + '/' + org + "/app:v1";
        QVERIFY(prepareImage(podman, "pushed by a robot\n", appTarget));
        const ToolRun push = podman.run({"push", "--tls-verify=false", appTarget});
        QVERIFY2(push.succeeded(), push.report());
        QCOMPARE(tagsOf(server, owner, passwordOf(owner), org + "/app"), QStringList{"v1"});
        QCOMPARE(tagsOf(server, robotName, robotToken, org + "/app"), QStringList{"v1"});

        const ToolRun pullOther = podman.run({"pull", "--tls-verify=false", otherTarget});
        QVERIFY2(deniedClearly(pullOther), pullOther.report());
        QVERIFY2(!podman.run({"image", "exists", otherTarget}).succeeded(), "the robot pulled org/other");

        const QString otherV2 = server->host() + '/' + org + "/other:v2";
        QVERIFY(prepareImage(podman, "robot write attempt\n", otherV2));
        const ToolRun pushOther = podman.run({"push", "--tls-verify=false", otherV2});
        QVERIFY2(pushOther.finished && pushOther.exitCode != 0, pushOther.report());
        QCOMPARE(tagsOf(server, owner, passwordOf(owner), org + "/other"), QStringList{"v1"});
    }

    // A user makes an app-specific token through the API and logs podman in
    // as `$app` with it; once the token is revoked, the login fails.
    void appSpecificTokenLogsInAsApp()
    {
        KAI_REQUIRE_PODMAN();
        KAI_E2E_SERVER(server, m_fixture);
        const QString user = QStringLiteral("cred-appuser");
        QVERIFY2(server->createUser(user, passwordOf(user)).ok(), "kai-server user create failed");
        const QString apiToken = server->createToken(user);
        QVERIFY2(!apiToken.isEmpty(), "kai-server user token failed");

        const HttpReply created = api(server, apiToken, "POST", "/api/v1/user/apptoken", {{"title", "podman on my laptop"}});
        QVERIFY2(created.status == 200 || created.status == 201, describe("POST", "/api/v1/user/apptoken", created));
        const QJsonObject token = created.json().value("token").toObject();
        const QString code = token.value("token_code").toString();
        const QString uuid = token.value("uuid").toString();
        QVERIFY2(!code.isEmpty() && !uuid.isEmpty(), describe("POST", "/api/v1/user/apptoken", created));
        QCOMPARE(token.value("title").toString(), QStringLiteral("podman on my laptop"));

        Podman podman;
        QVERIFY(podman.isValid());
        const ToolRun appLogin = login(podman, server, "$app", code);
        QVERIFY2(appLogin.succeeded(), appLogin.report());
        QVERIFY2(appLogin.standardOutput.contains("Login Succeeded"), appLogin.report());

        const QString target = server->host() + '/' + user + "/viaapp:v1";
        QVERIFY(prepareImage(podman, "pushed with an app token\n", target));
        const ToolRun push = podman.run({"push", "--tls-verify=false", target});
        QVERIFY2(push.succeeded(), push.report());
        QCOMPARE(tagsOf(server, user, passwordOf(user), user + "/viaapp"), QStringList{"v1"});

        const QString tokenPath = "/api/v1/user/apptoken/" + uuid;
        const HttpReply revoked = api(server, apiToken, "DELETE", tokenPath);
        QVERIFY2(revoked.status == 204, describe("DELETE", tokenPath, revoked));
        const HttpReply gone = api(server, apiToken, "GET", tokenPath);
        QVERIFY2(gone.status == 404, describe("GET", tokenPath, gone));

        Podman fresh;
        QVERIFY(fresh.isValid());
        const ToolRun again = login(fresh, server, "$app", code);
        QVERIFY2(again.finished && again.exitCode != 0, again.report());
        QVERIFY2(again.standardError.contains("invalid username/password"), again.report());
        QFile authFile(fresh.authFile());
        QVERIFY(authFile.open(QIODevice::ReadOnly));
        QVERIFY2(!authFile.readAll().contains(server->host().toLatin1()), "a failed login was stored");

        // The login podman stored before the revocation no longer writes.
        const QString v2 = server->host() + '/' + user + "/viaapp:v2";
        const ToolRun retag = podman.run({"tag", target, v2});
        QVERIFY2(retag.succeeded(), retag.report());
        const ToolRun stalePush = podman.run({"push", "--tls-verify=false", v2});
        QVERIFY2(stalePush.finished && stalePush.exitCode != 0, stalePush.report());
        QCOMPARE(tagsOf(server, user, passwordOf(user), user + "/viaapp"), QStringList{"v1"});
    }

    // `$oauthtoken` with an OAuth access token: with repo:write and
    // repo:create podman pushes a new repository; with repo:read alone the
    // push is denied and pulling that repository works.
    void oauthTokenLoginIsCappedByScopes()
    {
        KAI_REQUIRE_PODMAN();
        KAI_E2E_SERVER(server, m_fixture);
        const QString user = QStringLiteral("cred-oauthuser");
        QVERIFY2(server->createUser(user, passwordOf(user)).ok(), "kai-server user create failed");
        const QString writeToken = server->createToken(user, "repo:read repo:write repo:create");
        QVERIFY2(!writeToken.isEmpty(), "kai-server user token failed");
        const QString readToken = server->createToken(user, "repo:read");
        QVERIFY2(!readToken.isEmpty(), "kai-server user token failed");

        const QString target = server->host() + '/' + user + "/viaoauth:v1";
        QString imageId;
        {
            Podman podman;
            QVERIFY(podman.isValid());
            const ToolRun writeLogin = login(podman, server, "$oauthtoken", writeToken);
            QVERIFY2(writeLogin.succeeded(), writeLogin.report());
            QVERIFY2(writeLogin.standardOutput.contains("Login Succeeded"), writeLogin.report());
            QVERIFY(prepareImage(podman, "pushed with an OAuth token\n", target, &imageId));
            const ToolRun push = podman.run({"push", "--tls-verify=false", target});
            QVERIFY2(push.succeeded(), push.report());
        }
        QCOMPARE(tagsOf(server, user, passwordOf(user), user + "/viaoauth"), QStringList{"v1"});

        Podman reader;
        QVERIFY(reader.isValid());
        const ToolRun readLogin = login(reader, server, "$oauthtoken", readToken);
        QVERIFY2(readLogin.succeeded(), readLogin.report());

        const QString v2 = server->host() + '/' + user + "/viaoauth:v2";
        QVERIFY(prepareImage(reader, "write attempt with a read-only token\n", v2));
        const ToolRun push = reader.run({"push", "--tls-verify=false", v2});
        QVERIFY2(deniedClearly(push), push.report());
        const QString newRepo = server->host() + '/' + user + "/readonly-new:v1";
        const ToolRun tagNew = reader.run({"tag", v2, newRepo});
        QVERIFY2(tagNew.succeeded(), tagNew.report());
        const ToolRun create = reader.run({"push", "--tls-verify=false", newRepo});
        QVERIFY2(deniedClearly(create), create.report());
        QCOMPARE(tagsOf(server, user, passwordOf(user), user + "/viaoauth"), QStringList{"v1"});

        const ToolRun pull = reader.run({"pull", "--tls-verify=false", target});
        QVERIFY2(pull.succeeded(), pull.report());
        QCOMPARE(QString::fromUtf8(pull.standardOutput).trimmed(), imageId);
    }
};

QTEST_GUILESS_MAIN(TestE2eCredentials)
#include "tst_e2e_credentials.moc"
