// Organization OAuth applications and minted API tokens: how automation
// gets a scoped token without a browser (reference §1.5).
#include "serverfixture.h"

#include <QJsonArray>

using namespace kai::test;

class TestApiApplications : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    int m_counter = 0;

    static Headers json() { return {{"Content-Type", "application/json"}}; }

    // A fresh organization administered by a fresh user; returns the
    // admin's OAuth token.
    QString makeOrganization(ServerProcess *server, const QString &org)
    {
        const QString owner = org + "-owner";
        if (!server->createUser(owner, "owner-password").ok())
            return {};
        const QString token = server->createToken(owner);
        HttpClient client(server->baseUrl());
        client.setBearer(token);
        const HttpReply created = client.send("POST", "/api/v1/organization/", QJsonDocument(QJsonObject{{"name", org}}).toJson(), json());
        return created.status == 201 ? token : QString();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void orgAdminCreatesApplicationAndMintsScopedToken()
    {
        KAI_SERVER(server, m_fixture);
        const QString org = QStringLiteral("apporg%1").arg(++m_counter);
        HttpClient admin(server->baseUrl());
        admin.setBearer(makeOrganization(server, org));
        const HttpReply created = admin.send("POST", "/api/v1/organization/" + org + "/applications",
                                             QJsonDocument(QJsonObject{{"name", "automation"}, {"description", "CI"},
                                                                       {"application_uri", "https://ci.example.com"},
                                                                       {"redirect_uri", "https://ci.example.com/cb"}}).toJson(), json());
        QCOMPARE(created.status, 200);
        const QString clientId = created.json().value("client_id").toString();
        QCOMPARE(clientId.size(), 20);
        QCOMPARE(created.json().value("client_secret").toString().size(), 40);
        QCOMPARE(admin.get("/api/v1/organization/" + org + "/applications").json().value("applications").toArray().size(), 1);

        const QString tokens = "/api/v1/organization/" + org + "/applications/" + clientId + "/tokens";
        const HttpReply minted = admin.send("POST", tokens,
                                            QJsonDocument(QJsonObject{{"name", "reader"}, {"scope", "repo:read user:read"}, {"expiration", 3600}}).toJson(), json());
        QCOMPARE(minted.status, 200);
        const QString token = minted.json().value("token").toString();
        QCOMPARE(token.size(), 40);
        QVERIFY(minted.json().value("expires_at").toString().endsWith('Z'));
        QCOMPARE(minted.json().value("scope").toString(), QStringLiteral("repo:read user:read"));

        HttpClient automation(server->baseUrl());
        automation.setBearer(token);
        QCOMPARE(automation.get("/api/v1/user/").status, 200);
        // repo:read caps the owner's rights: no organization administration.
        QCOMPARE(automation.send("PUT", "/api/v1/organization/" + org, QJsonDocument(QJsonObject{{"email", "x@example.com"}}).toJson(), json()).status, 403);

        const HttpReply listed = admin.get(tokens);
        QCOMPARE(listed.status, 200);
        const QJsonObject entry = listed.json().value("tokens").toArray().first().toObject();
        QCOMPARE(entry.value("name").toString(), QStringLiteral("reader"));
        QVERIFY2(!entry.contains("token"), "the secret is shown only once");

        QCOMPARE(admin.send("DELETE", tokens + "/" + minted.json().value("uuid").toString()).status, 204);
        QCOMPARE(automation.get("/api/v1/user/").status, 401);
    }

    void badApplicationAndTokenRequestsChangeNothing()
    {
        KAI_SERVER(server, m_fixture);
        const QString org = QStringLiteral("apporg%1").arg(++m_counter);
        HttpClient admin(server->baseUrl());
        admin.setBearer(makeOrganization(server, org));
        const QString apps = "/api/v1/organization/" + org + "/applications";
        QCOMPARE(admin.send("POST", apps, QJsonDocument(QJsonObject{{"description", "no name"}}).toJson(), json()).status, 400);
        QCOMPARE(admin.send("POST", apps, QJsonDocument(QJsonObject{{"name", "__quay_bootstrap_app"}}).toJson(), json()).status, 400);
        QCOMPARE(admin.send("POST", apps, "{broken", json()).status, 400);
        QVERIFY(admin.get(apps).json().value("applications").toArray().isEmpty());

        const QString clientId = admin.send("POST", apps, QJsonDocument(QJsonObject{{"name", "ok"}}).toJson(), json()).json().value("client_id").toString();
        const QString tokens = apps + "/" + clientId + "/tokens";
        QCOMPARE(admin.send("POST", tokens, QJsonDocument(QJsonObject{{"name", "x"}, {"scope", "repo:everything"}}).toJson(), json()).status, 400);
        QCOMPARE(admin.send("POST", tokens, QJsonDocument(QJsonObject{{"name", "x"}, {"scope", "repo:read"}, {"expiration", 0}}).toJson(), json()).status, 400);
        QCOMPARE(admin.send("POST", tokens, QJsonDocument(QJsonObject{{"name", "x"}, {"scope", "super:user"}}).toJson(), json()).status, 400);
        QVERIFY(admin.get(tokens).json().value("tokens").toArray().isEmpty());
        QCOMPARE(admin.get(apps + "/NOSUCHCLIENT").status, 404);
    }

    void tokenCannotMintScopesItDoesNotHold()
    {
        KAI_SERVER(server, m_fixture);
        const QString org = QStringLiteral("apporg%1").arg(++m_counter);
        HttpClient admin(server->baseUrl());
        admin.setBearer(makeOrganization(server, org));
        const QString apps = "/api/v1/organization/" + org + "/applications";
        const QString clientId = admin.send("POST", apps, QJsonDocument(QJsonObject{{"name", "limited"}}).toJson(), json()).json().value("client_id").toString();
        HttpClient limited(server->baseUrl());
        limited.setBearer(server->createToken(org + "-owner", "org:admin"));
        const HttpReply escalated = limited.send("POST", apps + "/" + clientId + "/tokens",
                                                 QJsonDocument(QJsonObject{{"name", "more"}, {"scope", "repo:admin"}}).toJson(), json());
        QCOMPARE(escalated.status, 400);
        const HttpReply same = limited.send("POST", apps + "/" + clientId + "/tokens",
                                            QJsonDocument(QJsonObject{{"name", "same"}, {"scope", "org:admin"}}).toJson(), json());
        QCOMPARE(same.status, 200);
    }

    void outsidersAndMembersCannotManageApplications()
    {
        KAI_SERVER(server, m_fixture);
        const QString org = QStringLiteral("apporg%1").arg(++m_counter);
        QVERIFY(!makeOrganization(server, org).isEmpty());
        QVERIFY(server->createUser(org + "-outsider", "outsider-password").ok());
        HttpClient outsider(server->baseUrl());
        outsider.setBearer(server->createToken(org + "-outsider"));
        QCOMPARE(outsider.get("/api/v1/organization/" + org + "/applications").status, 403);
        QCOMPARE(outsider.send("POST", "/api/v1/organization/" + org + "/applications",
                               QJsonDocument(QJsonObject{{"name", "sneaky"}}).toJson(), json()).status, 403);
        HttpClient anonymous(server->baseUrl());
        QCOMPARE(anonymous.get("/api/v1/organization/" + org + "/applications").status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiApplications)
#include "tst_api_applications.moc"
