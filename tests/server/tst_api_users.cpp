// Users as the guide's chapters 1-2 manage them: the superuser panel, one's
// own account, UI sessions with CSRF, and the anonymous /config.
#include "serverfixture.h"

#include <QJsonArray>
#include <QUrl>

using namespace kai::test;

class TestApiUsers : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    int m_counter = 0;

    QString adminToken(ServerProcess *server)
    {
        if (!m_adminTokens.contains(server->baseUrl()))
            m_adminTokens[server->baseUrl()] = server->createToken(server->adminUser());
        return m_adminTokens.value(server->baseUrl());
    }
    QHash<QString, QString> m_adminTokens;

    static Headers json() { return {{"Content-Type", "application/json"}}; }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void superuserCreatesUserWhoLogsInWithGeneratedPassword()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient admin(server->baseUrl());
        admin.setBearer(adminToken(server));
        const QString name = QStringLiteral("newuser%1").arg(++m_counter);
        const HttpReply created = admin.send("POST", "/api/v1/superuser/users/",
                                             QJsonDocument(QJsonObject{{"username", name}, {"email", name + "@example.com"}}).toJson(), json());
        QCOMPARE(created.status, 200);
        const QString password = created.json().value("password").toString();
        QCOMPARE(password.size(), 32);
        QCOMPARE(created.json().value("username").toString(), name);
        QVERIFY(!created.json().value("encrypted_password").toString().isEmpty());

        HttpClient user(server->baseUrl());
        QVERIFY(!user.login(name, password, {}).isEmpty());

        const HttpReply again = admin.send("POST", "/api/v1/superuser/users/", QJsonDocument(QJsonObject{{"username", name}}).toJson(), json());
        QCOMPARE(again.status, 400);
        QVERIFY(again.json().contains("message"));
    }

    void superuserListsUsersInPages()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient admin(server->baseUrl());
        admin.setBearer(adminToken(server));
        for (int i = 0; i < 3; ++i)
            QVERIFY(server->createUser(QStringLiteral("pageuser%1x%2").arg(++m_counter).arg(i), "pagepassword").ok());
        const HttpReply first = admin.get("/api/v1/superuser/users/?limit=2");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value("users").toArray().size(), 2);
        const QString next = first.json().value("next_page").toString();
        QVERIFY(!next.isEmpty());
        const HttpReply second = admin.get("/api/v1/superuser/users/?limit=2&next_page=" + QUrl::toPercentEncoding(next));
        QCOMPARE(second.status, 200);
        QVERIFY(second.json().value("users").toArray().first().toObject().value("username").toString()
                > first.json().value("users").toArray().last().toObject().value("username").toString());
        QCOMPARE(admin.get("/api/v1/superuser/users/?limit=500").status, 400);
        QCOMPARE(admin.get("/api/v1/superuser/users/?next_page=forged").status, 400);
    }

    void disabledUserCannotLogInAnywhere()
    {
        KAI_SERVER(server, m_fixture);
        const QString name = QStringLiteral("disabled%1").arg(++m_counter);
        QVERIFY(server->createUser(name, "disabled-password").ok());
        const QString token = server->createToken(name);
        HttpClient admin(server->baseUrl());
        admin.setBearer(adminToken(server));
        const HttpReply disabled = admin.send("PUT", "/api/v1/superuser/users/" + name,
                                              QJsonDocument(QJsonObject{{"enabled", false}}).toJson(), json());
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.json().value("enabled").toBool(), false);

        HttpClient user(server->baseUrl());
        QVERIFY(user.login(name, "disabled-password", {}).isEmpty());
        user.setBearer(token);
        QCOMPARE(user.get("/api/v1/user/").status, 401);

        QCOMPARE(admin.send("PUT", "/api/v1/superuser/users/" + name, QJsonDocument(QJsonObject{{"enabled", true}}).toJson(), json()).status, 200);
        HttpClient again(server->baseUrl());
        QVERIFY(!again.login(name, "disabled-password", {}).isEmpty());
    }

    void superuserCannotUpdateAnotherSuperuserAndOutsidersAreRefused()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient admin(server->baseUrl());
        admin.setBearer(adminToken(server));
        const HttpReply self = admin.send("PUT", "/api/v1/superuser/users/admin", QJsonDocument(QJsonObject{{"enabled", false}}).toJson(), json());
        QCOMPARE(self.status, 400);
        QCOMPARE(self.json().value("message").toString(), QStringLiteral("Cannot update a superuser"));

        const QString name = QStringLiteral("plain%1").arg(++m_counter);
        QVERIFY(server->createUser(name, "plain-password").ok());
        HttpClient plain(server->baseUrl());
        plain.setBearer(server->createToken(name));
        const HttpReply refused = plain.get("/api/v1/superuser/users/");
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.json().value("error_type").toString(), QStringLiteral("insufficient_scope"));
        HttpClient anonymous(server->baseUrl());
        QCOMPARE(anonymous.get("/api/v1/superuser/users/").status, 401);
    }

    void tokenScopesCapWhatACallerMayDo()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient readOnly(server->baseUrl());
        readOnly.setBearer(server->createToken(server->adminUser(), "repo:read"));
        QCOMPARE(readOnly.get("/api/v1/superuser/users/").status, 403);
        const HttpReply user = readOnly.get("/api/v1/user/");
        QCOMPARE(user.status, 401);
        QCOMPARE(user.json().value("session_required").toBool(true), false);
    }

    void currentUserViewAndPublicViewOfOthers()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient admin(server->baseUrl());
        admin.setBearer(adminToken(server));
        const HttpReply me = admin.get("/api/v1/user/");
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("username").toString(), QStringLiteral("admin"));
        QCOMPARE(me.json().value("is_me").toBool(), true);
        QCOMPARE(me.json().value("super_user").toBool(), true);
        QCOMPARE(me.json().value("avatar").toObject().value("kind").toString(), QStringLiteral("user"));

        HttpClient anonymous(server->baseUrl());
        const HttpReply other = anonymous.get("/api/v1/users/admin");
        QCOMPARE(other.status, 200);
        QCOMPARE(other.json().keys(), QStringList({"anonymous", "avatar", "username"}));
        const HttpReply missing = anonymous.get("/api/v1/users/nobody-here");
        QCOMPARE(missing.status, 404);
        const QJsonObject body = missing.json();
        QCOMPARE(body.value("detail").toString(), QStringLiteral("Not Found"));
        QCOMPARE(body.value("error_message").toString(), QStringLiteral("Not Found"));
        QCOMPARE(body.value("error_type").toString(), QStringLiteral("not_found"));
        QCOMPARE(body.value("title").toString(), QStringLiteral("not_found"));
        QCOMPARE(body.value("type").toString(), server->baseUrl() + "/api/v1/error/not_found");
        QCOMPARE(body.value("status").toInt(), 404);
    }

    void userChangesOwnPasswordAndBadInputChangesNothing()
    {
        KAI_SERVER(server, m_fixture);
        const QString name = QStringLiteral("changer%1").arg(++m_counter);
        QVERIFY(server->createUser(name, "first-password").ok());
        HttpClient user(server->baseUrl());
        user.setBearer(server->createToken(name));
        const HttpReply bad = user.send("PUT", "/api/v1/user/",
                                        QJsonDocument(QJsonObject{{"password", "second-password"}, {"tag_expiration_s", 12345}}).toJson(), json());
        QCOMPARE(bad.status, 400);
        HttpClient check(server->baseUrl());
        QVERIFY2(!check.login(name, "first-password", {}).isEmpty(), "a refused update changed the password");
        QCOMPARE(user.send("PUT", "/api/v1/user/", "{not json", json()).status, 400);

        const HttpReply ok = user.send("PUT", "/api/v1/user/",
                                       QJsonDocument(QJsonObject{{"password", "second-password"}, {"tag_expiration_s", 86400}}).toJson(), json());
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value("tag_expiration_s").toInt(), 86400);
        HttpClient after(server->baseUrl());
        QVERIFY(!after.login(name, "second-password", {}).isEmpty());
        QVERIFY(after.login(name, "first-password", {}).isEmpty());
    }

    void sessionSignInNeedsCsrfAndSignOutEndsIt()
    {
        KAI_SERVER(server, m_fixture);
        const QString name = QStringLiteral("browser%1").arg(++m_counter);
        QVERIFY(server->createUser(name, "browser-password").ok());
        HttpClient ui(server->baseUrl());
        const HttpReply csrf = ui.get("/csrf_token");
        QCOMPARE(csrf.status, 200);
        const QByteArray token = csrf.json().value("csrf_token").toString().toLatin1();
        QVERIFY(!token.isEmpty());
        const QByteArray credentials = QJsonDocument(QJsonObject{{"username", name}, {"password", "browser-password"}}).toJson();

        const HttpReply noCsrf = ui.send("POST", "/api/v1/signin", credentials, json());
        QCOMPARE(noCsrf.status, 403);
        QCOMPARE(noCsrf.json().value("error").toString(), QStringLiteral("CSRF token was invalid or missing."));
        const HttpReply wrong = ui.send("POST", "/api/v1/signin",
                                        QJsonDocument(QJsonObject{{"username", name}, {"password", "nope-nope"}}).toJson(),
                                        {{"Content-Type", "application/json"}, {"X-CSRF-Token", token}});
        QCOMPARE(wrong.status, 403);
        QCOMPARE(wrong.json().value("invalidCredentials").toBool(), true);

        const HttpReply signedIn = ui.send("POST", "/api/v1/signin", credentials,
                                           {{"Content-Type", "application/json"}, {"X-CSRF-Token", token}});
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(signedIn.json().value("success").toBool(), true);
        const QByteArray next = signedIn.header("X-Next-CSRF-Token");
        QVERIFY(!next.isEmpty());

        QCOMPARE(ui.get("/api/v1/user/").json().value("username").toString(), name);
        const QByteArray change = QJsonDocument(QJsonObject{{"tag_expiration_s", 604800}}).toJson();
        QCOMPARE(ui.send("PUT", "/api/v1/user/", change, json()).status, 403);
        QCOMPARE(ui.send("PUT", "/api/v1/user/", change, {{"Content-Type", "application/json"}, {"X-CSRF-Token", next}}).status, 200);

        QCOMPARE(ui.send("POST", "/api/v1/signout", {}, {{"X-CSRF-Token", next}}).status, 200);
        QCOMPARE(ui.get("/api/v1/user/").status, 401);
    }

    void anonymousConfigListsFeatures()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient anonymous(server->baseUrl());
        const HttpReply config = anonymous.get("/config");
        QCOMPARE(config.status, 200);
        QCOMPARE(config.json().value("config").toObject().value("SERVER_HOSTNAME").toString(), server->host());
        QVERIFY(config.json().value("features").toObject().contains("SUPER_USERS"));
        QCOMPARE(anonymous.get("/api/v1/error/not_found").json().value("title").toString(), QStringLiteral("Not Found"));
        QCOMPARE(anonymous.get("/api/v1/error/nonsense").status, 404);
    }

    void superuserDeletesUserWhoThenCannotLogIn()
    {
        KAI_SERVER(server, m_fixture);
        const QString name = QStringLiteral("doomed%1").arg(++m_counter);
        QVERIFY(server->createUser(name, "doomed-password").ok());
        HttpClient admin(server->baseUrl());
        admin.setBearer(adminToken(server));
        QCOMPARE(admin.send("DELETE", "/api/v1/superuser/users/" + name).status, 204);
        QCOMPARE(admin.get("/api/v1/superuser/users/" + name).status, 404);
        HttpClient user(server->baseUrl());
        QVERIFY(user.login(name, "doomed-password", {}).isEmpty());
        QCOMPARE(admin.send("DELETE", "/api/v1/superuser/users/admin").status, 400);
    }
};

QTEST_GUILESS_MAIN(TestApiUsers)
#include "tst_api_users.moc"
