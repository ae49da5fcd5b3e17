// Superusers beyond the superuser panel (reference §4.6): with
// FEATURE_SUPERUSERS_FULL_ACCESS a superuser passes every organization and
// repository check; a global read-only superuser (GLOBAL_READONLY_SUPER_USERS)
// reads everything and changes nothing. The same resolver answers API v1
// and /v2/auth. Real kai-server on SQLite and PostgreSQL.
#include "serverfixture.h"

#include <QJsonArray>

using namespace kai::test;

class TestApiSuperuserAccess : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    UserTokens m_tokens{QString::fromLatin1(kPassword)};
    static constexpr const char *kPassword = "superuser-access-1";

    static ServerProcess::Options options()
    {
        ServerProcess::Options options;
        options.extraConfig = {QStringLiteral("FEATURE_SUPERUSERS_FULL_ACCESS: true"),
                               QStringLiteral("GLOBAL_READONLY_SUPER_USERS: [auditor]")};
        return options;
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QByteArray &body = {})
    {
        return apiCall(server, token, method, path, body);
    }

    QString tokenFor(ServerProcess *server, const QString &backend, const QString &user)
    {
        return m_tokens(server, backend, user);
    }

    // alice's organization with a private repository nobody else was given.
    void aliceOwnsAPrivateRepository(ServerProcess *server, const QString &backend)
    {
        const QString alice = tokenFor(server, backend, "alice");
        QVERIFY(!alice.isEmpty());
        if (call(server, alice, "GET", "/api/v1/repository/alicorp/secret").status == 200)
            return;
        QCOMPARE(call(server, alice, "POST", "/api/v1/organization/", R"({"name": "alicorp"})").status, 201);
        QCOMPARE(call(server, alice, "POST", "/api/v1/repository",
                      R"({"namespace": "alicorp", "repository": "secret", "visibility": "private", "description": ""})")
                     .status,
                 201);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void fullAccessSuperuserAdministersAnyOrganization()
    {
        KAI_SERVER(server, m_fixture, options());
        aliceOwnsAPrivateRepository(server, backend);
        const QString admin = tokenFor(server, backend, "admin");

        HttpReply reply = call(server, admin, "GET", "/api/v1/organization/alicorp");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("is_admin").toBool(), true);
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/alicorp/team/sre", R"({"role": "member"})").status, 200);
        QCOMPARE(call(server, admin, "GET", "/api/v1/organization/alicorp/members").status, 200);
        reply = call(server, admin, "GET", "/api/v1/repository/alicorp/secret");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("can_admin").toBool(), true);
        QCOMPARE(call(server, admin, "POST", "/api/v1/repository",
                      R"({"namespace": "alicorp", "repository": "by-admin", "visibility": "private", "description": ""})")
                     .status,
                 201);

        // The registry asks the same resolver: the superuser may push.
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login(server->adminUser(), server->adminPassword(), {"repository:alicorp/secret:pull,push"}).isEmpty());
        QVERIFY(!registry.pushBlob("alicorp/secret", "pushed by the superuser").isEmpty());
    }

    void readOnlySuperuserReadsEverythingChangesNothing()
    {
        KAI_SERVER(server, m_fixture, options());
        aliceOwnsAPrivateRepository(server, backend);
        const QString auditor = tokenFor(server, backend, "auditor");
        QVERIFY(!auditor.isEmpty());

        HttpReply reply = call(server, auditor, "GET", "/api/v1/organization/alicorp");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("is_admin").toBool(), false);
        QCOMPARE(reply.json().value("is_member").toBool(), true);
        QVERIFY(reply.json().value("teams").toObject().contains("owners"));
        QCOMPARE(call(server, auditor, "GET", "/api/v1/organization/alicorp/members").status, 200);
        QCOMPARE(call(server, auditor, "GET", "/api/v1/organization/alicorp/team/owners/members").status, 200);
        QCOMPARE(call(server, auditor, "GET", "/api/v1/organization/alicorp/team/owners/permissions").status, 200);
        QCOMPARE(call(server, auditor, "GET", "/api/v1/organization/alicorp/prototypes").status, 200);
        reply = call(server, auditor, "GET", "/api/v1/repository/alicorp/secret");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("can_write").toBool(), false);
        QCOMPARE(reply.json().value("can_admin").toBool(), false);

        // Every change is refused, and nothing changed.
        QCOMPARE(call(server, auditor, "PUT", "/api/v1/organization/alicorp/team/sneaky", R"({"role": "admin"})").status, 403);
        QCOMPARE(call(server, auditor, "DELETE", "/api/v1/organization/alicorp").status, 403);
        QCOMPARE(call(server, auditor, "PUT", "/api/v1/repository/alicorp/secret", R"({"description": "mine"})").status, 403);
        QCOMPARE(call(server, auditor, "POST", "/api/v1/repository",
                      R"({"namespace": "alicorp", "repository": "sneaky", "visibility": "public", "description": ""})")
                     .status,
                 403);
        const QString alice = tokenFor(server, backend, "alice");
        QCOMPARE(call(server, alice, "GET", "/api/v1/organization/alicorp/team/sneaky/members").status, 404);
        QCOMPARE(call(server, alice, "GET", "/api/v1/repository/alicorp/sneaky").status, 404);

        // The registry: pull yes, push no.
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login("auditor", kPassword, {"repository:alicorp/secret:pull,push"}).isEmpty());
        QCOMPARE(registry.get("/v2/alicorp/secret/tags/list").status, 200);
        QVERIFY(registry.pushBlob("alicorp/secret", "pushed by the auditor").isEmpty());

        // The superuser panel: reading yes, changing no.
        reply = call(server, auditor, "GET", "/api/v1/superuser/users/auditor");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("global_readonly_super_user").toBool(), true);
        QCOMPARE(reply.json().value("super_user").toBool(), false);
        QCOMPARE(call(server, auditor, "GET", "/api/v1/superuser/users/").status, 200);
        QCOMPARE(call(server, auditor, "GET", "/api/v1/superuser/organizations/").status, 200);
        QCOMPARE(call(server, auditor, "POST", "/api/v1/superuser/users/", R"({"username": "made-by-auditor"})").status, 403);
        QCOMPARE(call(server, auditor, "DELETE", "/api/v1/superuser/users/alice").status, 403);
    }

    void tokensWithoutSuperUserScopeCarryNoSuperpowers()
    {
        KAI_SERVER(server, m_fixture, options());
        aliceOwnsAPrivateRepository(server, backend);
        const QString scoped = server->createToken(server->adminUser(), QStringLiteral("repo:read org:admin user:admin"));
        QVERIFY(!scoped.isEmpty());
        QCOMPARE(call(server, scoped, "GET", "/api/v1/organization/alicorp/members").status, 403);
        QCOMPARE(call(server, scoped, "GET", "/api/v1/repository/alicorp/secret").status, 403);
        QCOMPARE(call(server, scoped, "GET", "/api/v1/organization/alicorp").json().value("is_admin").toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestApiSuperuserAccess)
#include "tst_api_superuser_access.moc"
