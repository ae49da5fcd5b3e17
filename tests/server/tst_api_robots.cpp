// Robot accounts and app-specific tokens as the guide drives them: created
// with curl-style API v1 calls (an OAuth bearer token), then used as
// registry passwords at /v2/auth. A real kai-server on SQLite and
// PostgreSQL; a second one with ROBOTS_DISALLOW: true.
#include "serverfixture.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace kai::test;

namespace {

const QString kAllScopes = QStringLiteral("org:admin repo:admin repo:create repo:read repo:write user:admin user:read");

// The claims of a registry JWT (no signature check: the server's own
// suites do that).
QJsonObject jwtClaims(const QString &token)
{
    const QStringList parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const QByteArray json = QByteArray::fromBase64(parts[1].toLatin1(),
                                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(json).object();
}

HttpReply basicAuth(HttpClient &client, const QString &user, const QString &password, const QString &scope)
{
    const QByteArray credentials = (user + ':' + password).toUtf8().toBase64();
    return client.send("GET", "/v2/auth?service=x&scope=" + QString::fromLatin1(QUrl::toPercentEncoding(scope)), {},
                       {{"Authorization", "Basic " + credentials}});
}

} // namespace

class TestApiRobots : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    ServerFixture m_disallowedFixture;
    QHash<QString, QString> m_apiTokens;   // per backend row

    static ServerProcess::Options disallowed()
    {
        ServerProcess::Options o;
        o.extraConfig << "ROBOTS_DISALLOW: true";
        return o;
    }

    // An API client acting as the bootstrap superuser "admin" with all
    // user scopes, the way the guide's curl commands do.
    QString apiToken(ServerProcess *server, const QString &backend)
    {
        QString &token = m_apiTokens[backend];
        if (token.isEmpty())
            token = server->createToken(server->adminUser(), kAllScopes);
        return token;
    }

    // PUT /api/v1/user/robots/<name> with no body; the token, or empty.
    QString createRobot(ServerProcess *server, const QString &backend, const QString &shortName)
    {
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply reply = client.send("PUT", "/api/v1/user/robots/" + shortName);
        return reply.status == 201 ? reply.json().value("token").toString() : QString();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void createUserRobotWithoutBodyAnswersLikeTheGuide()
    {
        KAI_SERVER(server, m_fixture);
        QCOMPARE(server->adminUser(), QStringLiteral("admin"));
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply reply = client.send("PUT", "/api/v1/user/robots/robot1");
        QCOMPARE(reply.status, 201);
        const QJsonObject robot = reply.json();
        QCOMPARE(robot.value("name").toString(), QStringLiteral("admin+robot1"));
        QVERIFY(QRegularExpression("^[A-Z0-9]{64}$").match(robot.value("token").toString()).hasMatch());
        QCOMPARE(robot.value("description").toString(), QString());
        QVERIFY(robot.value("last_accessed").isNull());
        QVERIFY(robot.contains("unstructured_metadata") && robot.value("unstructured_metadata").isNull());
        QVERIFY(robot.value("created").toString().endsWith(" -0000"));
    }

    void createUserRobotKeepsDescriptionAndMetadata()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const QByteArray body = R"({"description":"CI pusher","unstructured_metadata":{"team":"qa"}})";
        const HttpReply created = client.send("PUT", "/api/v1/user/robots/ci", body, {{"Content-Type", "application/json"}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value("description").toString(), QStringLiteral("CI pusher"));
        QCOMPARE(created.json().value("unstructured_metadata").toObject().value("team").toString(), QStringLiteral("qa"));

        const HttpReply fetched = client.get("/api/v1/user/robots/ci");
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json().value("token").toString(), created.json().value("token").toString());
        QCOMPARE(fetched.json().value("description").toString(), QStringLiteral("CI pusher"));
        QCOMPARE(fetched.json().value("unstructured_metadata").toObject().value("team").toString(), QStringLiteral("qa"));
    }

    void getShowsTheTokenAgainAndEmptyMetadata()
    {
        KAI_SERVER(server, m_fixture);
        const QString token = createRobot(server, backend, "shown");
        QVERIFY(!token.isEmpty());
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply reply = client.get("/api/v1/user/robots/shown");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("token").toString(), token);
        QCOMPARE(reply.json().value("unstructured_metadata").toObject(), QJsonObject());
    }

    void duplicateRobotIsRefused()
    {
        KAI_SERVER(server, m_fixture);
        QVERIFY(!createRobot(server, backend, "twice").isEmpty());
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply reply = client.send("PUT", "/api/v1/user/robots/twice");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_message").toString(), QStringLiteral("Existing robot with name: admin+twice"));
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
    }

    void invalidShortNameIsRefused_data()
    {
        QTest::addColumn<QString>("shortName");
        QTest::addColumn<QString>("issue");
        QTest::newRow("upper case") << "Robot" << "Namespace must match expression";
        QTest::newRow("one character") << "r" << "Namespace must be between 2 and 255 characters in length";
        QTest::newRow("trailing dash") << "robot-" << "Namespace must match expression";
    }

    void invalidShortNameIsRefused()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QString, shortName);
        QFETCH(QString, issue);
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply reply = client.send("PUT", "/api/v1/user/robots/" + shortName);
        QCOMPARE(reply.status, 400);
        const QString message = reply.json().value("error_message").toString();
        QVERIFY2(message.startsWith(QStringLiteral("The name for the robot '%1' is invalid: ").arg(shortName)), qPrintable(message));
        QVERIFY2(message.contains(issue), qPrintable(message));
    }

    void listShowsRobotsWithTokensAndOptionallyPermissions()
    {
        KAI_SERVER(server, m_fixture);
        QVERIFY(!createRobot(server, backend, "listed").isEmpty());
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));

        const QJsonArray robots = client.get("/api/v1/user/robots").json().value("robots").toArray();
        QJsonObject listed;
        for (const QJsonValue &robot : robots) {
            if (robot.toObject().value("name").toString() == QLatin1String("admin+listed"))
                listed = robot.toObject();
        }
        QCOMPARE(listed.value("token").toString().size(), 64);
        QVERIFY2(!listed.contains("unstructured_metadata"), "list entries omit the metadata, as Quay's do");
        QVERIFY(!listed.contains("teams"));

        const QJsonArray withoutTokens = client.get("/api/v1/user/robots?token=false").json().value("robots").toArray();
        QVERIFY(!withoutTokens.isEmpty());
        for (const QJsonValue &robot : withoutTokens)
            QVERIFY(!robot.toObject().contains("token"));

        const QJsonArray withPermissions = client.get("/api/v1/user/robots?permissions=true").json().value("robots").toArray();
        QVERIFY(!withPermissions.isEmpty());
        for (const QJsonValue &robot : withPermissions) {
            QVERIFY(robot.toObject().value("teams").isArray());
            QVERIFY(robot.toObject().value("repositories").isArray());
        }

        QCOMPARE(client.get("/api/v1/user/robots?limit=1").json().value("robots").toArray().size(), 1);
    }

    // The list is written as JSON text (it can hold thousands of robots):
    // its bytes must be what Qt's writer gives for the same document, every
    // entry what GET of that robot shows, in Quay's order (most recently
    // used first, then by name), with teams and grants on request.
    void organizationRobotListIsCanonicalJsonInUseOrder()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const Headers json{{"Content-Type", "application/json"}};
        QCOMPARE(client.send("POST", "/api/v1/organization/", R"({"name":"listorg","email":"listorg@example.com"})", json).status, 201);
        const QString tricky = QStringLiteral("say \"hi\" \\ back/slash\n\ttab \u00e9 \u6f22 \u0001 <b>&amp;</b> \U0001F600");
        for (const QString &shortName : QStringList{"zeta", "alpha", "mid", "quote"}) {
            const QJsonObject body{{"description", shortName == QLatin1String("quote") ? tricky : "plain " + shortName}};
            QCOMPARE(client.send("PUT", "/api/v1/organization/listorg/robots/" + shortName,
                                 QJsonDocument(body).toJson(QJsonDocument::Compact), json).status, 201);
        }
        QCOMPARE(client.send("PUT", "/api/v1/organization/listorg/team/builders", R"({"role":"member"})", json).status, 200);
        QCOMPARE(client.send("PUT", "/api/v1/organization/listorg/team/builders/members/listorg+alpha").status, 200);
        QCOMPARE(client.send("PUT", "/api/v1/organization/listorg/team/zealots", R"({"role":"member"})", json).status, 200);
        QCOMPARE(client.send("PUT", "/api/v1/organization/listorg/team/zealots/members/listorg+alpha").status, 200);
        for (const QString &repo : QStringList{"app", "base"}) {
            QCOMPARE(client.send("POST", "/api/v1/repository",
                                 QJsonDocument(QJsonObject{{"namespace", "listorg"}, {"repository", repo},
                                                           {"visibility", "private"}, {"description", ""}})
                                     .toJson(QJsonDocument::Compact),
                                 json).status,
                     201);
            QCOMPARE(client.send("PUT", "/api/v1/repository/listorg/" + repo + "/permissions/user/listorg+alpha",
                                 R"({"role":"read"})", json).status,
                     200);
        }
        // A login records last_accessed: "mid" moves to the front.
        HttpClient registry(server->baseUrl());
        const QString midToken = client.get("/api/v1/organization/listorg/robots/mid").json().value("token").toString();
        QVERIFY(!registry.login("listorg+mid", midToken, {}).isEmpty());

        const HttpReply listed = client.get("/api/v1/organization/listorg/robots");
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.body, QJsonDocument::fromJson(listed.body).toJson(QJsonDocument::Compact));
        const QJsonArray robots = listed.json().value("robots").toArray();
        QStringList order;
        for (const QJsonValue &robot : robots) {
            QJsonObject expected = client.get("/api/v1/organization/listorg/robots/"
                                              + robot.toObject().value("name").toString().section('+', 1))
                                       .json();
            expected.remove("unstructured_metadata");
            QCOMPARE(robot.toObject(), expected);
            order << robot.toObject().value("name").toString();
        }
        QCOMPARE(order, (QStringList{"listorg+mid", "listorg+alpha", "listorg+quote", "listorg+zeta"}));
        QCOMPARE(robots.at(2).toObject().value("description").toString(), tricky);

        const HttpReply withPermissions = client.get("/api/v1/organization/listorg/robots?permissions=true&token=false");
        QCOMPARE(withPermissions.status, 200);
        QCOMPARE(withPermissions.body, QJsonDocument::fromJson(withPermissions.body).toJson(QJsonDocument::Compact));
        const QJsonArray permitted = withPermissions.json().value("robots").toArray();
        QCOMPARE(permitted.size(), 4);
        for (const QJsonValue &robot : permitted) {
            const QJsonObject entry = robot.toObject();
            QVERIFY(!entry.contains("token"));
            const bool alpha = entry.value("name").toString() == QLatin1String("listorg+alpha");
            QCOMPARE(entry.value("repositories").toArray(), alpha ? (QJsonArray{"app", "base"}) : QJsonArray());
            QCOMPARE(entry.value("teams").toArray().size(), alpha ? 2 : 0);
        }
        const QJsonArray teams = permitted.at(1).toObject().value("teams").toArray();
        QCOMPARE(teams.at(0).toObject().value("name").toString(), QStringLiteral("builders"));
        QCOMPARE(teams.at(1).toObject().value("name").toString(), QStringLiteral("zealots"));
        QCOMPARE(teams.at(0).toObject().value("avatar").toObject().value("kind").toString(), QStringLiteral("team"));

        // limit is applied after ordering: the first entries of the full list.
        const HttpReply limited = client.get("/api/v1/organization/listorg/robots?limit=2&token=false");
        QCOMPARE(limited.status, 200);
        QCOMPARE(limited.body, QJsonDocument::fromJson(limited.body).toJson(QJsonDocument::Compact));
        const QJsonArray firstTwo = limited.json().value("robots").toArray();
        QCOMPARE(firstTwo.size(), 2);
        QCOMPARE(firstTwo.at(0).toObject().value("name").toString(), QStringLiteral("listorg+mid"));
        QCOMPARE(firstTwo.at(1).toObject().value("name").toString(), QStringLiteral("listorg+alpha"));
        QCOMPARE(client.get("/api/v1/organization/listorg/robots?limit=0").json().value("robots").toArray().size(), 4);
        QCOMPARE(client.get("/api/v1/organization/listorg/robots?limit=x").status, 400);
    }

    void robotWithoutGrantsLogsInButMayNotPush()
    {
        KAI_SERVER(server, m_fixture);
        const QString token = createRobot(server, backend, "bot");
        QVERIFY(!token.isEmpty());
        HttpClient registry(server->baseUrl());
        const QString jwt = registry.login("admin+bot", token, {"repository:admin/x:pull,push"});
        QVERIFY2(!jwt.isEmpty(), "a robot logs in with its token");
        const QJsonObject claims = jwtClaims(jwt);
        QCOMPARE(claims.value("sub").toString(), QStringLiteral("admin+bot"));
        QCOMPARE(claims.value("context").toObject().value("entity_kind").toString(), QStringLiteral("robot"));
        // A robot has no implicit rights, not even in its owner's namespace.
        const QJsonArray access = claims.value("access").toArray();
        QCOMPARE(access.size(), 1);
        QCOMPARE(access.first().toObject().value("actions").toArray(), QJsonArray());
        QCOMPARE(registry.send("POST", "/v2/admin/x/blobs/uploads/").status, 401);
        // TODO(permissions): grant the robot write on a repository through
        // PUT /api/v1/repository/admin/x/permissions/user/admin+bot, then push.

        HttpClient client(server->baseUrl());

        client.setBearer(apiToken(server, backend));
        const HttpReply permissions = client.get("/api/v1/user/robots/bot/permissions");
        QCOMPARE(permissions.status, 200);
        QCOMPARE(permissions.json().value("permissions").toArray(), QJsonArray());
        QVERIFY2(!client.get("/api/v1/user/robots/bot").json().value("last_accessed").isNull(),
                 "a login records last_accessed");
    }

    void wrongRobotTokenIsUnauthorized()
    {
        KAI_SERVER(server, m_fixture);
        QVERIFY(!createRobot(server, backend, "guarded").isEmpty());
        HttpClient registry(server->baseUrl());
        const HttpReply reply = basicAuth(registry, "admin+guarded", QString(64, 'A'), "repository:admin/x:pull");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(basicAuth(registry, "admin+nosuchrobot", QString(64, 'A'), "repository:admin/x:pull").status, 401);
    }

    void regenerateInvalidatesTheOldToken()
    {
        KAI_SERVER(server, m_fixture);
        const QString old = createRobot(server, backend, "rotated");
        QVERIFY(!old.isEmpty());
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply reply = client.send("POST", "/api/v1/user/robots/rotated/regenerate");
        QCOMPARE(reply.status, 200);
        const QString fresh = reply.json().value("token").toString();
        QCOMPARE(fresh.size(), 64);
        QVERIFY(fresh != old);
        QCOMPARE(reply.json().value("name").toString(), QStringLiteral("admin+rotated"));
        QVERIFY(!reply.json().contains("unstructured_metadata"));
        QCOMPARE(client.get("/api/v1/user/robots/rotated").json().value("token").toString(), fresh);

        HttpClient registry(server->baseUrl());
        QVERIFY(registry.login("admin+rotated", old, {}).isEmpty());
        QVERIFY(!registry.login("admin+rotated", fresh, {}).isEmpty());
    }

    void deletedRobotCannotLogIn()
    {
        KAI_SERVER(server, m_fixture);
        const QString token = createRobot(server, backend, "doomed");
        QVERIFY(!token.isEmpty());
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login("admin+doomed", token, {}).isEmpty());

        HttpClient client(server->baseUrl());

        client.setBearer(apiToken(server, backend));
        const HttpReply deleted = client.send("DELETE", "/api/v1/user/robots/doomed");
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        QVERIFY(registry.login("admin+doomed", token, {}).isEmpty());

        const HttpReply gone = client.get("/api/v1/user/robots/doomed");
        QCOMPARE(gone.status, 400);
        QCOMPARE(gone.json().value("message").toString(), QStringLiteral("Could not find robot with specified username"));
        QCOMPARE(client.send("DELETE", "/api/v1/user/robots/doomed").status, 400);
        QCOMPARE(client.send("POST", "/api/v1/user/robots/doomed/regenerate").status, 400);
    }

    void robotEndpointsNeedUserAdmin()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient anonymous(server->baseUrl());
        QCOMPARE(anonymous.get("/api/v1/user/robots").status, 401);
        QCOMPARE(anonymous.send("PUT", "/api/v1/user/robots/nobody").status, 401);

        HttpClient readOnly(server->baseUrl());
        readOnly.setBearer(server->createToken(server->adminUser(), "repo:read user:read"));
        const HttpReply reply = readOnly.send("PUT", "/api/v1/user/robots/scoped");
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("insufficient_scope"));
        QCOMPARE(readOnly.get("/api/v1/user/robots").status, 403);
    }

    void organizationRobotsNeedAnOrganizationAdmin()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        // No such organization: the admin check fails first, as in Quay.
        QCOMPARE(client.send("PUT", "/api/v1/organization/nosuchorg/robots/bot").status, 403);
        QCOMPARE(client.get("/api/v1/organization/nosuchorg/robots").status, 403);
        // A user namespace is not an organization.
        QCOMPARE(client.get("/api/v1/organization/admin/robots").status, 403);
        HttpClient anonymous(server->baseUrl());
        QCOMPARE(anonymous.get("/api/v1/organization/nosuchorg/robots").status, 401);
    }

    void organizationAdminManagesOrganizationRobots()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply org = client.send("POST", "/api/v1/organization/", R"({"name":"robotorg","email":"robotorg@example.com"})",
                                          {{"Content-Type", "application/json"}});
        QVERIFY2(org.status == 201, org.body.constData());

        const HttpReply created = client.send("PUT", "/api/v1/organization/robotorg/robots/builder");
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value("name").toString(), QStringLiteral("robotorg+builder"));
        const QString token = created.json().value("token").toString();
        QCOMPARE(token.size(), 64);
        QCOMPARE(client.send("PUT", "/api/v1/organization/robotorg/robots/builder").status, 400);

        QCOMPARE(client.get("/api/v1/organization/robotorg/robots/builder").json().value("token").toString(), token);
        const QJsonArray robots = client.get("/api/v1/organization/robotorg/robots").json().value("robots").toArray();
        QCOMPARE(robots.size(), 1);
        QCOMPARE(robots.first().toObject().value("token").toString(), token);
        QCOMPARE(client.get("/api/v1/organization/robotorg/robots/builder/permissions").json().value("permissions").toArray(),
                 QJsonArray());
        // The user's own robots stay apart from the organization's.
        QCOMPARE(client.get("/api/v1/user/robots/builder").status, 400);

        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login("robotorg+builder", token, {}).isEmpty());
        const HttpReply regenerated = client.send("POST", "/api/v1/organization/robotorg/robots/builder/regenerate");
        QCOMPARE(regenerated.status, 200);
        QVERIFY(registry.login("robotorg+builder", token, {}).isEmpty());

        QCOMPARE(client.send("DELETE", "/api/v1/organization/robotorg/robots/builder").status, 204);
        QCOMPARE(client.get("/api/v1/organization/robotorg/robots").json().value("robots").toArray(), QJsonArray());
        QVERIFY(registry.login("robotorg+builder", regenerated.json().value("token").toString(), {}).isEmpty());

        // Another user is no admin of the organization.
        QVERIFY(server->createUser("outsider", "outsider-password").ok());
        HttpClient outsider(server->baseUrl());
        outsider.setBearer(server->createToken("outsider", kAllScopes));
        QCOMPARE(outsider.send("PUT", "/api/v1/organization/robotorg/robots/intruder").status, 403);
        QCOMPARE(outsider.get("/api/v1/organization/robotorg/robots").status, 403);
    }

    void appTokenWorksAsRegistryPasswordUntilRevoked()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        const HttpReply created = client.send("POST", "/api/v1/user/apptoken", R"({"title":"laptop"})",
                                              {{"Content-Type", "application/json"}});
        QCOMPARE(created.status, 200);
        const QJsonObject token = created.json().value("token").toObject();
        const QString code = token.value("token_code").toString();
        const QString uuid = token.value("uuid").toString();
        QVERIFY(QRegularExpression("^[A-Z0-9]{120}$").match(code).hasMatch());
        QCOMPARE(token.value("title").toString(), QStringLiteral("laptop"));
        QVERIFY(token.value("expiration").isNull());
        QVERIFY(token.value("last_accessed").isNull());

        const QJsonObject listed = client.get("/api/v1/user/apptoken").json();
        QVERIFY(listed.value("only_expiring").isNull());
        bool found = false;
        for (const QJsonValue &entry : listed.value("tokens").toArray()) {
            if (entry.toObject().value("uuid").toString() == uuid) {
                found = true;
                QVERIFY2(!entry.toObject().contains("token_code"), "the list never shows the code");
            }
        }
        QVERIFY(found);
        QCOMPARE(client.get("/api/v1/user/apptoken/" + uuid).json().value("token").toObject().value("token_code").toString(), code);

        HttpClient registry(server->baseUrl());
        const QString jwt = registry.login("$app", code, {"repository:admin/viaapp:pull,push"});
        QVERIFY(!jwt.isEmpty());
        QCOMPARE(jwtClaims(jwt).value("context").toObject().value("entity_kind").toString(), QStringLiteral("appspecifictoken"));
        QCOMPARE(jwtClaims(jwt).value("sub").toString(), QStringLiteral("admin"));
        QVERIFY(!registry.pushBlob("admin/viaapp", "{\"app\":true}").isEmpty());
        QVERIFY(!client.get("/api/v1/user/apptoken/" + uuid).json().value("token").toObject().value("last_accessed").isNull());

        QCOMPARE(client.send("DELETE", "/api/v1/user/apptoken/" + uuid).status, 204);
        QVERIFY(registry.login("$app", code, {}).isEmpty());
        QCOMPARE(client.get("/api/v1/user/apptoken/" + uuid).status, 404);
        QCOMPARE(client.send("DELETE", "/api/v1/user/apptoken/" + uuid).status, 404);
        HttpClient wrong(server->baseUrl());
        QCOMPARE(basicAuth(wrong, "$app", QString(120, 'A'), "repository:admin/viaapp:pull").status, 401);
    }

    void appTokenNeedsATitle()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient client(server->baseUrl());
        client.setBearer(apiToken(server, backend));
        QCOMPARE(client.send("POST", "/api/v1/user/apptoken", "{}", {{"Content-Type", "application/json"}}).status, 400);
        QCOMPARE(client.send("POST", "/api/v1/user/apptoken").status, 400);
        HttpClient anonymous(server->baseUrl());
        QCOMPARE(anonymous.get("/api/v1/user/apptoken").status, 401);
    }

    void robotsDisallowRefusesCreationAndLogin()
    {
        KAI_SERVER(server, m_disallowedFixture, disallowed());
        HttpClient client(server->baseUrl());
        client.setBearer(server->createToken(server->adminUser(), kAllScopes));
        const HttpReply reply = client.send("PUT", "/api/v1/user/robots/robot1");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_message").toString(),
                 QStringLiteral("Robot accounts have been disabled. Please contact your administrator."));

        HttpClient registry(server->baseUrl());
        const HttpReply login = basicAuth(registry, "admin+robot1", QString(64, 'K'), "repository:admin/x:pull");
        QCOMPARE(login.status, 401);
        QCOMPARE(login.errorCode(), QStringLiteral("UNAUTHORIZED"));
        QVERIFY2(login.body.contains("Robot accounts have been disabled"), login.body.constData());

        // Clients (Quay's UI, Kai's console) learn it from /config.
        const HttpReply config = HttpClient(server->baseUrl()).get("/config");
        QCOMPARE(config.status, 200);
        QCOMPARE(config.json().value("config").toObject().value("ROBOTS_DISALLOW"), QJsonValue(true));
    }

    void configSaysRobotsAreAllowedByDefault()
    {
        KAI_SERVER(server, m_fixture);
        const HttpReply config = HttpClient(server->baseUrl()).get("/config");
        QCOMPARE(config.status, 200);
        QCOMPARE(config.json().value("config").toObject().value("ROBOTS_DISALLOW"), QJsonValue(false));
    }
};

QTEST_GUILESS_MAIN(TestApiRobots)
#include "tst_api_robots.moc"
