// Organizations and teams through API v1, as the guide's chapters 4 and 7
// do them with curl and an OAuth token, against a real kai-server on SQLite
// and PostgreSQL. The bootstrap superuser "admin" creates the organization.
#include "serverfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace kai::test;

class TestApiOrganizations : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    UserTokens m_tokens{QString::fromLatin1(kPassword)};

    static constexpr const char *kPassword = "team-password-1";

    QString tokenFor(ServerProcess *server, const QString &backend, const QString &user)
    {
        return m_tokens(server, backend, user);
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QByteArray &body = {})
    {
        return apiCall(server, token, method, path, body);
    }

    static QString orgPath(const QString &rest = {}) { return QStringLiteral("/api/v1/organization/testorg") + rest; }

    static QStringList names(const QJsonArray &array)
    {
        QStringList result;
        for (const QJsonValue &v : array)
            result << (v.toObject().contains("name") ? v.toObject().value("name").toString()
                                                      : v.toObject().value("email").toString());
        return result;
    }

    static QByteArray sha256Hex(const QByteArray &text)
    {
        return QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void adminCreatesOrganizationOwnedByOwnersTeam()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        QVERIFY(!admin.isEmpty());
        // Guide 4.2: POST /api/v1/organization/ with just a name answers "Created".
        HttpReply reply = call(server, admin, "POST", "/api/v1/organization/", R"({"name": "testorg"})");
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.body, QByteArray("\"Created\""));

        reply = call(server, admin, "GET", orgPath());
        QCOMPARE(reply.status, 200);
        const QJsonObject view = reply.json();
        QCOMPARE(view.value("name").toString(), QStringLiteral("testorg"));
        QCOMPARE(view.value("is_admin").toBool(), true);
        QCOMPARE(view.value("is_member").toBool(), true);
        QCOMPARE(view.value("ordered_teams").toArray(), QJsonArray({"owners"}));
        const QJsonObject owners = view.value("teams").toObject().value("owners").toObject();
        QCOMPARE(owners.value("role").toString(), QStringLiteral("admin"));
        QCOMPARE(owners.value("member_count").toInt(), 1);
        QCOMPARE(owners.value("repo_count").toInt(), 0);
        QCOMPARE(owners.value("can_view").toBool(), true);
        QCOMPARE(owners.value("is_synced").toBool(), false);
        QCOMPARE(owners.value("avatar").toObject().value("kind").toString(), QStringLiteral("team"));
        QCOMPARE(owners.value("avatar").toObject().value("hash").toString().toLatin1(), sha256Hex("owners"));
        QCOMPARE(view.value("tag_expiration_s").toInt(), 1209600);
        QCOMPARE(view.value("invoice_email").toBool(), false);
        QVERIFY(view.value("invoice_email_address").isNull());
        QCOMPARE(view.value("is_free_account").toBool(), true);
    }

    void outsidersSeeTheReducedView()
    {
        KAI_SERVER(server, m_fixture);
        const QString outsider = tokenFor(server, backend, "outsider");
        QVERIFY(!outsider.isEmpty());
        for (const QString &token : {outsider, QString()}) {
            const HttpReply reply = call(server, token, "GET", orgPath());
            QCOMPARE(reply.status, 200);
            const QJsonObject view = reply.json();
            QCOMPARE(view.value("is_admin").toBool(), false);
            QCOMPARE(view.value("is_member").toBool(), false);
            QCOMPARE(view.value("email").toString(), QString());
            QVERIFY(view.contains("avatar"));
            QVERIFY(!view.contains("teams"));
            QVERIFY(!view.contains("tag_expiration_s"));
        }
    }

    void unknownOrganizationIsNotFound_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("no such namespace") << QStringLiteral("nosuchorg");
        QTest::newRow("a user namespace") << QStringLiteral("admin");
    }

    void unknownOrganizationIsNotFound()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QString, name);
        const HttpReply reply = call(server, tokenFor(server, backend, "admin"), "GET", "/api/v1/organization/" + name);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("not_found"));
        QCOMPARE(reply.json().value("status").toInt(), 404);
    }

    void adminChangesOrganizationSettings()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        // Guide 4.2, step 2.
        HttpReply reply = call(server, admin, "PUT", orgPath(),
                               R"({"email": "new-contact@test-org.com", "invoice_email": true,
                                   "invoice_email_address": "billing@test-org.com", "tag_expiration_s": 86400})");
        QCOMPARE(reply.status, 200);
        QJsonObject view = reply.json();
        QCOMPARE(view.value("email").toString(), QStringLiteral("new-contact@test-org.com"));
        QCOMPARE(view.value("invoice_email").toBool(), true);
        QCOMPARE(view.value("invoice_email_address").toString(), QStringLiteral("billing@test-org.com"));
        QCOMPARE(view.value("tag_expiration_s").toInt(), 86400);
        QCOMPARE(view.value("avatar").toObject().value("hash").toString().toLatin1(), sha256Hex("new-contact@test-org.com"));

        // Only TAG_EXPIRATION_OPTIONS; the refused call changes nothing.
        reply = call(server, admin, "PUT", orgPath(), R"({"email": "other@test-org.com", "tag_expiration_s": 12345})");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_message").toString(), QStringLiteral("Invalid tag expiration option"));
        view = call(server, admin, "GET", orgPath()).json();
        QCOMPARE(view.value("tag_expiration_s").toInt(), 86400);
        QCOMPARE(view.value("email").toString(), QStringLiteral("new-contact@test-org.com"));

        const HttpReply outsider = call(server, tokenFor(server, backend, "outsider"), "PUT", orgPath(), R"({"invoice_email": false})");
        QCOMPARE(outsider.status, 403);
        QCOMPARE(call(server, admin, "GET", orgPath()).json().value("invoice_email").toBool(), true);
    }

    void creatorTeamMemberPushesNewRepository()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        // Guide 7.1.2: PUT .../team/<team> {"role": "creator"}.
        HttpReply reply = call(server, admin, "PUT", orgPath("/team/builders"), R"({"role": "creator"})");
        QCOMPARE(reply.status, 200);
        QJsonObject team = reply.json();
        QCOMPARE(team.value("name").toString(), QStringLiteral("builders"));
        QCOMPARE(team.value("role").toString(), QStringLiteral("creator"));
        QCOMPARE(team.value("description").toString(), QString());
        QCOMPARE(team.value("can_view").toBool(), true);
        QCOMPARE(team.value("new_team").toBool(), true);
        QCOMPARE(team.value("avatar").toObject().value("hash").toString().toLatin1(), sha256Hex("builders"));
        reply = call(server, admin, "PUT", orgPath("/team/builders"), R"({"role": "creator", "description": "CI"})");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("new_team").toBool(), false);
        QCOMPARE(reply.json().value("description").toString(), QStringLiteral("CI"));

        // Guide 7.1.4.1: PUT .../members/<member>.
        QVERIFY(!tokenFor(server, backend, "builder").isEmpty());
        reply = call(server, admin, "PUT", orgPath("/team/builders/members/builder"));
        QCOMPARE(reply.status, 200);
        const QJsonObject member = reply.json();
        QCOMPARE(member.value("name").toString(), QStringLiteral("builder"));
        QCOMPARE(member.value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(member.value("is_robot").toBool(), false);
        QCOMPARE(member.value("invited").toBool(), false);
        QCOMPARE(member.value("avatar").toObject().value("kind").toString(), QStringLiteral("user"));

        reply = call(server, admin, "GET", orgPath("/team/builders/members"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(names(reply.json().value("members").toArray()), QStringList{"builder"});
        QCOMPARE(reply.json().value("can_edit").toBool(), true);

        // The member now pushes a new repository into the organization.
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login("builder", kPassword, {"repository:testorg/newrepo:pull,push"}).isEmpty());
        QCOMPARE(registry.send("POST", "/v2/testorg/newrepo/blobs/uploads/").status, 202);

        // ...and sees the member view of the organization, not the admin one.
        const QJsonObject view = call(server, tokenFor(server, backend, "builder"), "GET", orgPath()).json();
        QCOMPARE(view.value("is_member").toBool(), true);
        QCOMPARE(view.value("is_admin").toBool(), false);
        QCOMPARE(view.value("email").toString(), QString());
        QCOMPARE(view.value("teams").toObject().value("builders").toObject().value("can_view").toBool(), true);
        QCOMPARE(view.value("teams").toObject().value("owners").toObject().value("can_view").toBool(), false);
        QVERIFY(!view.contains("tag_expiration_s"));

        // Members as the admin sees them.
        reply = call(server, admin, "GET", orgPath("/members"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(names(reply.json().value("members").toArray()), (QStringList{"admin", "builder"}));
        reply = call(server, admin, "GET", orgPath("/members/builder"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(names(reply.json().value("teams").toArray()), QStringList{"builders"});
        QCOMPARE(call(server, admin, "GET", orgPath("/members/outsider")).status, 404);
        reply = call(server, admin, "GET", orgPath("/collaborators"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().value("collaborators").isArray());
        reply = call(server, admin, "GET", orgPath("/team/builders/permissions"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().value("permissions").isArray());
    }

    void outsiderCannotManageTeams()
    {
        KAI_SERVER(server, m_fixture);
        const QString outsider = tokenFor(server, backend, "outsider");
        const QString builder = tokenFor(server, backend, "builder");
        struct Call { QString token; QByteArray method; QString path; QByteArray body; };
        const QList<Call> calls{
            {outsider, "PUT", orgPath("/team/builders/members/outsider"), {}},
            {outsider, "PUT", orgPath("/team/intruders"), R"({"role": "admin"})"},
            {outsider, "DELETE", orgPath("/team/builders"), {}},
            {outsider, "GET", orgPath("/members"), {}},
            {outsider, "GET", orgPath("/team/builders/members"), {}},
            {builder, "PUT", orgPath("/team/builders/members/outsider"), {}},   // creator is no admin
            {builder, "DELETE", orgPath(), {}},
        };
        for (const Call &c : calls) {
            const HttpReply reply = call(server, c.token, c.method, c.path, c.body);
            QVERIFY2(reply.status == 403, qPrintable(c.method + ' ' + c.path + " -> " + QString::number(reply.status)));
            QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("insufficient_scope"));
        }
        const QJsonObject view = call(server, tokenFor(server, backend, "admin"), "GET", orgPath()).json();
        QCOMPARE(view.value("ordered_teams").toArray(), QJsonArray({"owners", "builders"}));
        QCOMPARE(view.value("teams").toObject().value("builders").toObject().value("member_count").toInt(), 1);
    }

    void anonymousCallsRequireAuthentication_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("create org") << QByteArray("POST") << QStringLiteral("/api/v1/organization/") << QByteArray(R"({"name": "anon"})");
        QTest::newRow("change org") << QByteArray("PUT") << orgPath() << QByteArray(R"({"invoice_email": true})");
        QTest::newRow("create team") << QByteArray("PUT") << orgPath("/team/anon") << QByteArray(R"({"role": "member"})");
        QTest::newRow("add member") << QByteArray("PUT") << orgPath("/team/builders/members/outsider") << QByteArray();
        QTest::newRow("list members") << QByteArray("GET") << orgPath("/team/builders/members") << QByteArray();
        QTest::newRow("delete org") << QByteArray("DELETE") << orgPath() << QByteArray();
        QTest::newRow("accept invite") << QByteArray("PUT") << QStringLiteral("/api/v1/teaminvite/urn:teaminvite:x") << QByteArray();
    }

    void anonymousCallsRequireAuthentication()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const HttpReply reply = call(server, {}, method, path, body);
        QCOMPARE(reply.status, 401);
        const QJsonObject expected{{"detail", "Requires authentication"},
                                   {"error_message", "Requires authentication"},
                                   {"error_type", "invalid_token"},
                                   {"title", "invalid_token"},
                                   {"type", server->baseUrl() + "/api/v1/error/invalid_token"},
                                   {"status", 401}};
        QCOMPARE(reply.json(), expected);
        QCOMPARE(call(server, tokenFor(server, backend, "admin"), "GET", orgPath()).json().value("ordered_teams").toArray().size(), 2);
    }

    void badOrganizationNamesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("taken by an organization") << QByteArray(R"({"name": "testorg"})")
                                                  << QStringLiteral("A user or organization with this name already exists");
        QTest::newRow("taken by a user") << QByteArray(R"({"name": "outsider"})")
                                         << QStringLiteral("A user or organization with this name already exists");
        QTest::newRow("invalid name") << QByteArray(R"({"name": "Bad_Name!"})") << QString();
        QTest::newRow("missing name") << QByteArray(R"({"email": "x@example.com"})") << QStringLiteral("'name' is a required property");
        QTest::newRow("invalid email") << QByteArray(R"({"name": "mailorg", "email": "not-an-email"})") << QString();
    }

    void badOrganizationNamesAreRefused()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const HttpReply reply = call(server, tokenFor(server, backend, "outsider"), "POST", "/api/v1/organization/", body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        if (!message.isEmpty())
            QCOMPARE(reply.json().value("error_message").toString(), message);
        QCOMPARE(call(server, {}, "GET", "/api/v1/organization/mailorg").status, 404);
        QCOMPARE(call(server, {}, "GET", "/api/v1/organization/outsider").status, 404);
    }

    void invalidRoleIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QString>("team");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("existing team, unknown role") << QStringLiteral("builders") << QByteArray(R"({"role": "superuser"})");
        QTest::newRow("new team, unknown role") << QStringLiteral("ghosts") << QByteArray(R"({"role": "owner"})");
        QTest::newRow("new team, no role") << QStringLiteral("ghosts") << QByteArray(R"({"description": "x"})");
        QTest::newRow("role not a string") << QStringLiteral("builders") << QByteArray(R"({"role": 3})");
    }

    void invalidRoleIsRefusedAndChangesNothing()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QString, team);
        QFETCH(QByteArray, body);
        const QString admin = tokenFor(server, backend, "admin");
        const HttpReply reply = call(server, admin, "PUT", orgPath("/team/" + team), body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        const QJsonObject view = call(server, admin, "GET", orgPath()).json();
        QCOMPARE(view.value("ordered_teams").toArray(), QJsonArray({"owners", "builders"}));
        QCOMPARE(view.value("teams").toObject().value("builders").toObject().value("role").toString(), QStringLiteral("creator"));
    }

    void malformedJsonIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("create org") << QByteArray("POST") << QStringLiteral("/api/v1/organization/") << QByteArray("{nope");
        QTest::newRow("change org") << QByteArray("PUT") << orgPath() << QByteArray("{\"tag_expiration_s\": 0");
        QTest::newRow("create team") << QByteArray("PUT") << orgPath("/team/broken") << QByteArray("[\"role\"]");
        QTest::newRow("team without body") << QByteArray("PUT") << orgPath("/team/broken") << QByteArray();
    }

    void malformedJsonIsRefusedAndChangesNothing()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const QString admin = tokenFor(server, backend, "admin");
        const HttpReply reply = call(server, admin, method, path, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        const QJsonObject view = call(server, admin, "GET", orgPath()).json();
        QCOMPARE(view.value("ordered_teams").toArray(), QJsonArray({"owners", "builders"}));
        QCOMPARE(view.value("tag_expiration_s").toInt(), 86400);
    }

    void lastAdminCannotBeRemoved()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        struct Refusal { QByteArray method; QString path; QByteArray body; QString message; };
        const QList<Refusal> refusals{
            {"DELETE", orgPath("/team/owners"), {},
             "Deleting team 'owners' would remove admin ability for user 'admin' in organization 'testorg'"},
            {"PUT", orgPath("/team/owners"), R"({"role": "member"})",
             "Cannot remove admin from team 'owners' because calling user would no longer have admin on org 'testorg'"},
            {"DELETE", orgPath("/team/owners/members/admin"), {}, "User cannot remove themselves from their only admin team."},
            {"DELETE", orgPath("/members/admin"), {}, "Cannot remove user as they are the only organization admin"},
        };
        for (const Refusal &r : refusals) {
            const HttpReply reply = call(server, admin, r.method, r.path, r.body);
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.json(), QJsonObject({{"message", r.message}}));
        }
        const QJsonObject owners = call(server, admin, "GET", orgPath()).json().value("teams").toObject().value("owners").toObject();
        QCOMPARE(owners.value("role").toString(), QStringLiteral("admin"));
        QCOMPARE(owners.value("member_count").toInt(), 1);
    }

    void teamMembersComeAndGo()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        HttpReply reply = call(server, admin, "PUT", orgPath("/team/builders/members/nobody"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_message").toString(), QStringLiteral("Unknown user"));
        QCOMPARE(call(server, admin, "PUT", orgPath("/team/nosuchteam/members/builder")).status, 404);
        reply = call(server, admin, "PUT", orgPath("/team/builders/members/builder"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("message").toString(), QStringLiteral("User builder is already a member of team builders"));

        QCOMPARE(call(server, admin, "DELETE", orgPath("/team/builders/members/builder")).status, 204);
        reply = call(server, admin, "DELETE", orgPath("/team/builders/members/builder"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("message").toString(), QStringLiteral("User builder does not belong to team builders"));
        QCOMPARE(call(server, admin, "GET", orgPath("/team/builders/members")).json().value("members").toArray().size(), 0);
        QCOMPARE(call(server, admin, "GET", orgPath("/members/builder")).status, 404);
    }

    // E-mail invites need FEATURE_MAILING (off here, Kai's default): without
    // a mailer nobody could learn the code, so the endpoints are hidden as
    // in Quay, and members are added directly (tst_api_team_invites covers
    // the mailing side).
    void emailInvitesNeedMailing()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        QCOMPARE(call(server, admin, "PUT", orgPath("/team/builders/invite/friend@example.com")).status, 404);
        QCOMPARE(call(server, admin, "DELETE", orgPath("/team/builders/invite/friend@example.com")).status, 404);
        HttpReply reply = call(server, admin, "GET", orgPath("/team/builders/members?includePending=true"));
        QVERIFY(!names(reply.json().value("members").toArray()).contains("friend@example.com"));

        reply = call(server, tokenFor(server, backend, "outsider"), "PUT", "/api/v1/teaminvite/urn:teaminvite:unknown");
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json(), QJsonObject({{"message", "Invalid confirmation code."}}));
    }

    void deletedOrganizationIsGone()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        QCOMPARE(call(server, admin, "POST", "/api/v1/organization/", R"({"name": "doomed", "email": "doomed@example.com"})").status, 201);
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/doomed/team/crew", R"({"role": "member"})").status, 200);
        QCOMPARE(call(server, tokenFor(server, backend, "outsider"), "DELETE", "/api/v1/organization/doomed").status, 403);
        QCOMPARE(call(server, admin, "GET", "/api/v1/organization/doomed").status, 200);

        const HttpReply reply = call(server, admin, "DELETE", "/api/v1/organization/doomed");
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(call(server, admin, "GET", "/api/v1/organization/doomed").status, 404);
        QCOMPARE(call(server, admin, "DELETE", "/api/v1/organization/doomed").status, 403);
        QCOMPARE(call(server, admin, "GET", orgPath()).status, 200);
    }

    void robotsGrantsAndCollaboratorsShowInOrganizationViews()
    {
        KAI_SERVER(server, m_fixture);
        const QString admin = tokenFor(server, backend, "admin");
        const QString outsider = tokenFor(server, backend, "outsider");
        // A robot of the organization joins a team directly.
        QVERIFY(call(server, admin, "PUT", orgPath("/robots/deployer"), R"({"description": "CD"})").status < 300);
        HttpReply reply = call(server, admin, "PUT", orgPath("/team/builders/members/testorg+deployer"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("is_robot").toBool(), true);
        QCOMPARE(reply.json().value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(reply.json().value("avatar").toObject().value("kind").toString(), QStringLiteral("robot"));
        QVERIFY(!names(call(server, admin, "GET", orgPath("/members")).json().value("members").toArray()).contains("testorg+deployer"));
        reply = call(server, admin, "GET", orgPath("/members/testorg+deployer"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("kind").toString(), QStringLiteral("robot"));
        QCOMPARE(names(reply.json().value("teams").toArray()), QStringList{"builders"});

        // A robot of another namespace may not.
        QVERIFY(call(server, outsider, "PUT", "/api/v1/user/robots/mybot", R"({"description": "mine"})").status < 300);
        reply = call(server, admin, "PUT", orgPath("/team/builders/members/outsider+mybot"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("message").toString(),
                 QStringLiteral("Cannot add the specified robot to this team, as it is not a member of the organization"));

        // Team grants show in the team's permissions and repo_count.
        QCOMPARE(call(server, admin, "POST", "/api/v1/repository",
                      R"({"namespace": "testorg", "repository": "shared", "visibility": "private", "description": ""})").status, 201);
        QCOMPARE(call(server, admin, "PUT", "/api/v1/repository/testorg/shared/permissions/team/builders", R"({"role": "write"})").status, 200);
        reply = call(server, admin, "GET", orgPath("/team/builders/permissions"));
        QCOMPARE(reply.status, 200);
        const QJsonObject expected{{"repository", QJsonObject{{"name", "shared"}, {"is_public", false}}}, {"role", "write"}};
        QCOMPARE(reply.json(), QJsonObject({{"permissions", QJsonArray{expected}}}));
        const QJsonObject builders = call(server, admin, "GET", orgPath()).json().value("teams").toObject().value("builders").toObject();
        QCOMPARE(builders.value("repo_count").toInt(), 1);

        // A direct grant outside every team makes a collaborator...
        QCOMPARE(call(server, admin, "PUT", "/api/v1/repository/testorg/shared/permissions/user/outsider", R"({"role": "read"})").status, 200);
        auto collaborator = [&]() {
            const QJsonArray list = call(server, admin, "GET", orgPath("/collaborators")).json().value("collaborators").toArray();
            for (const QJsonValue &v : list) {
                if (v.toObject().value("name").toString() == QLatin1String("outsider"))
                    return v.toObject();
            }
            return QJsonObject();
        };
        QCOMPARE(collaborator().value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(collaborator().value("repositories").toArray(), QJsonArray({"shared"}));
        // ...whom removing from the organization takes away.
        QCOMPARE(call(server, admin, "DELETE", orgPath("/members/outsider")).status, 204);
        QVERIFY(collaborator().isEmpty());
        QCOMPARE(call(server, admin, "DELETE", orgPath("/members/nobody")).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestApiOrganizations)
#include "tst_api_organizations.moc"
