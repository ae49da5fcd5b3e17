// The superuser's actions on other namespaces (reference §2.2, console
// workflows §2): take ownership of a user (the account becomes an
// organization the superuser owns; the user can no longer sign in; its
// repositories stay) or of an organization (the superuser joins its admin
// team), and renaming an organization. Ordinary users and global read-only
// superusers are refused. Real kai-server on SQLite and PostgreSQL.
#include "serverfixture.h"

#include <QJsonArray>

using namespace kai::test;

namespace {

QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

} // namespace

class TestApiSuperuserActions : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    UserTokens m_tokens{QStringLiteral("superuser-actions-1")};
    int m_counter = 0;

    static ServerProcess::Options options()
    {
        ServerProcess::Options options;
        options.extraConfig = {QStringLiteral("GLOBAL_READONLY_SUPER_USERS: [auditor]")};
        return options;
    }

    QString unique(const QString &stem) { return QStringLiteral("%1%2").arg(stem).arg(++m_counter); }

    // The UI's sign-in (POST /api/v1/signin with the CSRF token): its status.
    static int signIn(ServerProcess *server, const QString &user, const QString &password)
    {
        HttpClient ui(server->baseUrl());
        const QByteArray csrf = ui.get("/csrf_token").json().value("csrf_token").toString().toLatin1();
        return ui.send("POST", "/api/v1/signin", json({{"username", user}, {"password", password}}),
                       {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}})
            .status;
    }

    static QStringList ownerNames(ServerProcess *server, const QString &token, const QString &org)
    {
        QStringList names;
        const HttpReply members = apiCall(server, token, "GET", "/api/v1/organization/" + org + "/team/owners/members");
        for (const QJsonValue &member : members.json().value("members").toArray())
            names << member.toObject().value("name").toString();
        return names;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void takingOwnershipOfAUserMakesItAnOrganization()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = m_tokens(server, backend, "admin");
        const QString name = unique("taken");
        const QString own = m_tokens(server, backend, name);
        QVERIFY(!own.isEmpty());
        QCOMPARE(apiCall(server, own, "POST", "/api/v1/repository",
                         json({{"namespace", name}, {"repository", "kept"}, {"visibility", "private"}, {"description", ""}}))
                     .status,
                 201);
        QCOMPARE(signIn(server, name, m_tokens.password()), 200);

        const HttpReply taken = apiCall(server, admin, "POST", "/api/v1/superuser/takeownership/" + name);
        QCOMPARE(taken.status, 200);
        QCOMPARE(taken.json().value("namespace").toString(), name);

        // The account is an organization now: nobody signs in as it, its
        // token is gone, the superuser owns it and its repository stayed.
        QCOMPARE(signIn(server, name, m_tokens.password()), 403);
        QCOMPARE(apiCall(server, own, "GET", "/api/v1/user/").status, 401);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/superuser/users/" + name).status, 404);
        const HttpReply org = apiCall(server, admin, "GET", "/api/v1/organization/" + name);
        QCOMPARE(org.status, 200);
        QCOMPARE(org.json().value("is_admin").toBool(), true);
        QCOMPARE(ownerNames(server, admin, name), QStringList{server->adminUser()});
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/repository/" + name + "/kept").status, 200);
        bool listed = false;
        for (const QJsonValue &entry :
             apiCall(server, admin, "GET", "/api/v1/superuser/organizations/").json().value("organizations").toArray())
            listed = listed || entry.toObject().value("name").toString() == name;
        QVERIFY(listed);
    }

    void takingOwnershipOfAnOrganizationJoinsItsOwners()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = m_tokens(server, backend, "admin");
        const QString founder = m_tokens(server, backend, "founder");
        QVERIFY(!founder.isEmpty());
        const QString org = unique("foundedorg");
        QCOMPARE(apiCall(server, founder, "POST", "/api/v1/organization/", json({{"name", org}})).status, 201);
        QCOMPARE(ownerNames(server, founder, org), QStringList{"founder"});

        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/superuser/takeownership/" + org).status, 200);
        QStringList owners = ownerNames(server, founder, org);
        owners.sort();
        QStringList expected{server->adminUser(), "founder"};
        expected.sort();
        QCOMPARE(owners, expected);
        // Twice changes nothing.
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/superuser/takeownership/" + org).status, 200);
        QCOMPARE(ownerNames(server, founder, org).size(), 2);
    }

    void renamingAnOrganizationKeepsItsContent()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = m_tokens(server, backend, "admin");
        const QString org = unique("oldname");
        const QString renamed = unique("newname");
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/organization/", json({{"name", org}})).status, 201);
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/repository",
                         json({{"namespace", org}, {"repository", "moved"}, {"visibility", "private"}, {"description", ""}}))
                     .status,
                 201);
        const HttpReply builder = apiCall(server, admin, "PUT", "/api/v1/organization/" + org + "/robots/builder");
        QCOMPARE(builder.status, 201);

        const HttpReply reply = apiCall(server, admin, "PUT", "/api/v1/superuser/organizations/" + org, json({{"name", renamed}}));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("name").toString(), renamed);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/organization/" + org).status, 404);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/organization/" + renamed).status, 200);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/repository/" + renamed + "/moved").status, 200);
        const HttpReply robot = apiCall(server, admin, "GET", "/api/v1/organization/" + renamed + "/robots/builder");
        QVERIFY2(robot.status == 200, robot.body.constData());
        QCOMPARE(robot.json().value("name").toString(), renamed + "+builder");
        // The robot keeps its token and still signs in under its new name.
        QCOMPARE(robot.json().value("token").toString(), builder.json().value("token").toString());
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login(renamed + "+builder", robot.json().value("token").toString(), {}).isEmpty());

        // A taken or invalid name is refused with Quay's error body.
        const HttpReply taken = apiCall(server, admin, "PUT", "/api/v1/superuser/organizations/" + renamed,
                                        json({{"name", server->adminUser()}}));
        QCOMPARE(taken.status, 400);
        QVERIFY(!taken.json().value("error_message").toString().isEmpty());
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/superuser/organizations/" + renamed, json({{"name", "Not Valid!"}})).status,
                 400);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/organization/" + renamed).status, 200);
    }

    void onlyFullSuperusersActAndUnknownNamesAreNotFound()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = m_tokens(server, backend, "admin");
        const QString plain = m_tokens(server, backend, "plain");
        const QString auditor = m_tokens(server, backend, "auditor");
        const QString victim = unique("victim");
        QVERIFY(!plain.isEmpty() && !auditor.isEmpty() && !m_tokens(server, backend, victim).isEmpty());
        const QString org = unique("guardedorg");
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/organization/", json({{"name", org}})).status, 201);

        for (const QString &token : {plain, auditor}) {
            const HttpReply refused = apiCall(server, token, "POST", "/api/v1/superuser/takeownership/" + victim);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.json().value("error_type").toString(), QStringLiteral("insufficient_scope"));
            QCOMPARE(apiCall(server, token, "POST", "/api/v1/superuser/takeownership/" + org).status, 403);
            QCOMPARE(apiCall(server, token, "PUT", "/api/v1/superuser/organizations/" + org, json({{"name", "stolen"}})).status, 403);
        }
        QCOMPARE(signIn(server, victim, m_tokens.password()), 200);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/organization/" + org).status, 200);

        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/superuser/takeownership/nobody-here").status, 404);
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/superuser/organizations/nobody-here", json({{"name", "x" + org}})).status, 404);
        // A user is not an organization to rename; a superuser is not taken.
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/superuser/organizations/" + victim, json({{"name", "x" + victim}})).status, 404);
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/superuser/takeownership/" + server->adminUser()).status, 400);
    }
};

QTEST_GUILESS_MAIN(TestApiSuperuserActions)
#include "tst_api_superuser_actions.moc"
