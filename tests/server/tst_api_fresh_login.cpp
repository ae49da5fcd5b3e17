// The fresh-login rule with FRESH_LOGIN_TIMEOUT: 1s. A browser session may
// delete an organization right after signing in; once the login is stale
// the server answers Quay's 401 fresh_login_required until the user
// re-enters the password at /api/v1/signin/verify. OAuth tokens are never
// asked. A real kai-server on SQLite and PostgreSQL.
#include "serverfixture.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace kai::test;

class TestApiFreshLogin : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    int m_counter = 0;

    static ServerProcess::Options shortWindow()
    {
        ServerProcess::Options o;
        o.extraConfig << "FRESH_LOGIN_TIMEOUT: 1s";
        return o;
    }

    static QByteArray body(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

    // Signs the browser client in with the password; the session's CSRF
    // token, empty on failure.
    static QByteArray signIn(HttpClient &browser, const QString &name, const QString &password)
    {
        const QByteArray first = browser.get("/csrf_token").json().value("csrf_token").toString().toLatin1();
        const HttpReply reply = browser.send("POST", "/api/v1/signin", body({{"username", name}, {"password", password}}),
                                             {{"Content-Type", "application/json"}, {"X-CSRF-Token", first}});
        return reply.status == 200 ? reply.header("X-Next-CSRF-Token") : QByteArray();
    }

    static HttpReply deleteOrg(HttpClient &browser, const QByteArray &csrf, const QString &org)
    {
        return browser.send("DELETE", "/api/v1/organization/" + org, {}, {{"X-CSRF-Token", csrf}});
    }

    // Waits until a login made now is older than FRESH_LOGIN_TIMEOUT: 1s.
    static void letLoginGoStale() { QTest::qWait(1200); }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void staleSessionMustVerifyPasswordBeforeDeletingOrganization()
    {
        KAI_SERVER(server, m_fixture, shortWindow());
        const QString user = QStringLiteral("fresh%1").arg(++m_counter);
        QVERIFY(server->createUser(user, "fresh-password").ok());
        const QString token = server->createToken(user, "org:admin user:admin");
        QVERIFY(!token.isEmpty());
        const QString first = user + "first";
        const QString second = user + "second";
        for (const QString &org : {first, second})
            QCOMPARE(apiCall(server, token, "POST", "/api/v1/organization/", body({{"name", org}})).status, 201);

        HttpClient browser(server->baseUrl());
        const QByteArray csrf = signIn(browser, user, "fresh-password");
        QVERIFY(!csrf.isEmpty());
        // Right after the password sign-in the session is fresh.
        QCOMPARE(deleteOrg(browser, csrf, first).status, 204);

        letLoginGoStale();
        const HttpReply stale = deleteOrg(browser, csrf, second);
        QCOMPARE(stale.status, 401);
        const QJsonObject problem = stale.json();
        QCOMPARE(problem.value("error_type").toString(), QStringLiteral("fresh_login_required"));
        QCOMPARE(problem.value("title").toString(), QStringLiteral("fresh_login_required"));
        QCOMPARE(problem.value("error_message").toString(), QStringLiteral("Requires fresh login"));
        QCOMPARE(problem.value("detail").toString(), QStringLiteral("Requires fresh login"));
        QCOMPARE(problem.value("status").toInt(), 401);
        QVERIFY(problem.value("type").toString().endsWith("/api/v1/error/fresh_login_required"));
        QCOMPARE(apiCall(server, token, "GET", "/api/v1/organization/" + second).status, 200);

        const HttpReply wrong = browser.send("POST", "/api/v1/signin/verify", body({{"password", "not-my-password"}}),
                                             {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}});
        QCOMPARE(wrong.status, 403);
        QCOMPARE(wrong.json().value("message").toString(), QStringLiteral("Invalid Username or Password"));
        QCOMPARE(wrong.json().value("invalidCredentials").toBool(), true);
        QCOMPARE(deleteOrg(browser, csrf, second).status, 401);

        const HttpReply verified = browser.send("POST", "/api/v1/signin/verify", body({{"password", "fresh-password"}}),
                                                {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}});
        QCOMPARE(verified.status, 200);
        QCOMPARE(verified.json().value("success").toBool(), true);
        const QByteArray next = verified.header("X-Next-CSRF-Token");
        QVERIFY(!next.isEmpty());
        QCOMPARE(deleteOrg(browser, next, second).status, 204);
        QCOMPARE(apiCall(server, token, "GET", "/api/v1/organization/" + second).status, 404);
    }

    void oauthTokenCallersAreNeverAskedToVerify()
    {
        KAI_SERVER(server, m_fixture, shortWindow());
        const QString user = QStringLiteral("fresh%1").arg(++m_counter);
        QVERIFY(server->createUser(user, "fresh-password").ok());
        const QString token = server->createToken(user, "org:admin user:admin");
        const QString org = user + "org";
        QCOMPARE(apiCall(server, token, "POST", "/api/v1/organization/", body({{"name", org}})).status, 201);

        // The same user's browser session has gone stale...
        HttpClient browser(server->baseUrl());
        const QByteArray csrf = signIn(browser, user, "fresh-password");
        QVERIFY(!csrf.isEmpty());
        letLoginGoStale();
        QCOMPARE(deleteOrg(browser, csrf, org).status, 401);
        // ...but the OAuth token never had a password login to go stale.
        QCOMPARE(apiCall(server, token, "DELETE", "/api/v1/organization/" + org).status, 204);
        QCOMPARE(apiCall(server, token, "GET", "/api/v1/organization/" + org).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestApiFreshLogin)
#include "tst_api_fresh_login.moc"
