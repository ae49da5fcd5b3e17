// The entity search behind every "user, robot or team" chooser
// (GET /api/v1/entities/<prefix>, reference §2.15), as the console's
// permission dialogs use it: users by name prefix, the robots and teams of
// the organization the dialog is about, against a real kai-server on
// SQLite and PostgreSQL. The bootstrap superuser "admin" creates the
// organizations; every test uses names of its own.
#include "serverfixture.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace kai::test;

class TestApiEntities : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    UserTokens m_tokens{QStringLiteral("entity-password-1")};

    QString tokenFor(ServerProcess *server, const QString &backend, const QString &user)
    {
        return m_tokens(server, backend, user);
    }

    // GET /api/v1/entities/<prefix>?namespace=...&<flags>.
    static HttpReply search(ServerProcess *server, const QString &token, const QString &prefix,
                            const QString &namespaceName = {}, const QStringList &flags = {})
    {
        QUrlQuery query;
        if (!namespaceName.isEmpty())
            query.addQueryItem(QStringLiteral("namespace"), namespaceName);
        for (const QString &flag : flags)
            query.addQueryItem(flag, QStringLiteral("true"));
        const QString path = QStringLiteral("/api/v1/entities/") + QString::fromLatin1(QUrl::toPercentEncoding(prefix));
        return apiCall(server, token, "GET", query.isEmpty() ? path : path + u'?' + query.toString(QUrl::FullyEncoded));
    }

    static QJsonArray results(const HttpReply &reply) { return reply.json().value("results").toArray(); }

    static QStringList names(const QJsonArray &entities)
    {
        QStringList result;
        for (const QJsonValue &entity : entities)
            result << entity.toObject().value("name").toString();
        return result;
    }

    static QJsonObject entityNamed(const QJsonArray &entities, const QString &name)
    {
        for (const QJsonValue &entity : entities) {
            if (entity.toObject().value("name").toString() == name)
                return entity.toObject();
        }
        return {};
    }

    // The admin makes an organization with a team holding `members` and the
    // robots `robots`; false if any call failed.
    bool makeOrganization(ServerProcess *server, const QString &backend, const QString &org, const QString &team,
                          const QStringList &members, const QStringList &robots = {})
    {
        const QString admin = tokenFor(server, backend, "admin");
        if (apiCall(server, admin, "POST", "/api/v1/organization/", QStringLiteral(R"({"name": "%1"})").arg(org).toUtf8()).status != 201)
            return false;
        const QString teamPath = QStringLiteral("/api/v1/organization/%1/team/%2").arg(org, team);
        if (apiCall(server, admin, "PUT", teamPath, R"({"role": "member"})").status != 200)
            return false;
        for (const QString &member : members) {
            if (tokenFor(server, backend, member).isEmpty()
                || apiCall(server, admin, "PUT", teamPath + "/members/" + member).status != 200)
                return false;
        }
        for (const QString &robot : robots) {
            if (apiCall(server, admin, "PUT", QStringLiteral("/api/v1/organization/%1/robots/%2").arg(org, robot)).status != 201)
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void usersAreFoundByNamePrefix()
    {
        KAI_SERVER(server, m_fixture);
        const QString alice = tokenFor(server, backend, "entalice");
        QVERIFY(!alice.isEmpty());
        QVERIFY(!tokenFor(server, backend, "entalbert").isEmpty());
        QVERIFY(!tokenFor(server, backend, "entbob").isEmpty());
        // Organizations are no users: "entalorg" is not offered.
        QVERIFY(makeOrganization(server, backend, "entalorg", "crew", {}));

        HttpReply reply = search(server, alice, "ental");
        QCOMPARE(reply.status, 200);
        QCOMPARE(names(results(reply)), QStringList({"entalbert", "entalice"}));
        const QJsonObject entity = entityNamed(results(reply), "entalice");
        QCOMPARE(entity.value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(entity.value("is_robot").toBool(true), false);
        QCOMPARE(entity.value("avatar").toObject().value("kind").toString(), QStringLiteral("user"));
        // Searched against no organization: nothing about membership.
        QVERIFY(!entity.contains("is_org_member"));

        // Quay lower-cases the prefix and drops spaces.
        QCOMPARE(names(results(search(server, alice, "EntAl ice"))), QStringList({"entalice"}));
        QCOMPARE(names(results(search(server, alice, "entnobody"))), QStringList());
    }

    void anonymousCallersMustSignIn()
    {
        KAI_SERVER(server, m_fixture);
        const HttpReply reply = search(server, {}, "adm");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_token"));
        QCOMPARE(reply.json().value("error_message").toString(), QStringLiteral("Requires authentication"));
    }

    void robotsOfTheOrganizationAreOfferedToItsMembers()
    {
        KAI_SERVER(server, m_fixture);
        QVERIFY(makeOrganization(server, backend, "entrobots", "crew", {"entrobmember"}, {"builder", "deployer"}));
        const QString member = tokenFor(server, backend, "entrobmember");
        const QString outsider = tokenFor(server, backend, "entroboutsider");
        QVERIFY(!outsider.isEmpty());

        // The short name after the organization's "entrobots+".
        HttpReply reply = search(server, member, "buil", "entrobots");
        QCOMPARE(reply.status, 200);
        QCOMPARE(names(results(reply)), QStringList({"entrobots+builder"}));
        const QJsonObject robot = results(reply).first().toObject();
        QCOMPARE(robot.value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(robot.value("is_robot").toBool(), true);
        QCOMPARE(robot.value("is_org_member").toBool(), true);

        // "org+short" searches that organization's robots only.
        QCOMPARE(names(results(search(server, member, "entrobots+", "entrobots"))),
                 QStringList({"entrobots+builder", "entrobots+deployer"}));
        QCOMPARE(names(results(search(server, member, "entrobots+dep"))), QStringList({"entrobots+deployer"}));

        // Someone outside the organization sees none of its robots.
        QCOMPARE(names(results(search(server, outsider, "buil", "entrobots"))), QStringList());
        QCOMPARE(names(results(search(server, outsider, "entrobots+"))), QStringList());
        QCOMPARE(search(server, outsider, "entrobots+").status, 200);
    }

    void usersSeeTheirOwnRobotsOnly()
    {
        KAI_SERVER(server, m_fixture);
        const QString owner = tokenFor(server, backend, "entrobowner");
        const QString other = tokenFor(server, backend, "entrobother");
        QVERIFY(!other.isEmpty());
        QCOMPARE(apiCall(server, owner, "PUT", "/api/v1/user/robots/mine").status, 201);

        QCOMPARE(names(results(search(server, owner, "mi", "entrobowner"))), QStringList({"entrobowner+mine"}));
        QCOMPARE(names(results(search(server, owner, "entrobowner+"))), QStringList({"entrobowner+mine"}));
        QCOMPARE(names(results(search(server, other, "mi", "entrobowner"))), QStringList());
        QCOMPARE(names(results(search(server, other, "entrobowner+"))), QStringList());
    }

    void teamsNeedIncludeTeamsAndMembership()
    {
        KAI_SERVER(server, m_fixture);
        QVERIFY(makeOrganization(server, backend, "entteams", "entdevs", {"entteammember"}));
        const QString member = tokenFor(server, backend, "entteammember");
        const QString outsider = tokenFor(server, backend, "entteamoutsider");
        QVERIFY(!outsider.isEmpty());

        HttpReply reply = search(server, member, "entde", "entteams", {"includeTeams"});
        QCOMPARE(reply.status, 200);
        QCOMPARE(names(results(reply)), QStringList({"entdevs"}));
        const QJsonObject team = results(reply).first().toObject();
        QCOMPARE(team.value("kind").toString(), QStringLiteral("team"));
        QCOMPARE(team.value("is_org_member").toBool(), true);
        QCOMPARE(team.value("avatar").toObject().value("kind").toString(), QStringLiteral("team"));

        QCOMPARE(names(results(search(server, member, "entde", "entteams"))), QStringList());
        QCOMPARE(names(results(search(server, outsider, "entde", "entteams", {"includeTeams"}))), QStringList());
    }

    void organizationIsOfferedToItsAdminsWithIncludeOrgs()
    {
        KAI_SERVER(server, m_fixture);
        QVERIFY(makeOrganization(server, backend, "entorgself", "crew", {"entorgmember"}));
        const QString admin = tokenFor(server, backend, "admin");

        const QJsonArray found = results(search(server, admin, "entorgs", "entorgself", {"includeOrgs"}));
        QCOMPARE(names(found), QStringList({"entorgself"}));
        QCOMPARE(found.first().toObject().value("kind").toString(), QStringLiteral("org"));
        QCOMPARE(names(results(search(server, admin, "entorgs", "entorgself"))), QStringList());
        // A plain member does not administer it.
        QCOMPARE(names(results(search(server, tokenFor(server, backend, "entorgmember"), "entorgs", "entorgself",
                                      {"includeOrgs"}))),
                 QStringList());
    }

    void usersCarryTheOrganizationMemberFlag()
    {
        KAI_SERVER(server, m_fixture);
        QVERIFY(makeOrganization(server, backend, "entflags", "crew", {"entflagin"}));
        QVERIFY(!tokenFor(server, backend, "entflagout").isEmpty());
        const QString admin = tokenFor(server, backend, "admin");

        const QJsonArray found = results(search(server, admin, "entflag", "entflags"));
        QCOMPARE(names(found), QStringList({"entflagin", "entflagout"}));
        QCOMPARE(entityNamed(found, "entflagin").value("is_org_member").toBool(), true);
        QCOMPARE(entityNamed(found, "entflagout").value("is_org_member").toBool(true), false);
        QVERIFY(entityNamed(found, "entflagout").contains("is_org_member"));
        // Against a user namespace there is no organization to be member of.
        QVERIFY(!entityNamed(results(search(server, admin, "entflag", "admin")), "entflagin").contains("is_org_member"));
    }

    void wildcardsInThePrefixMatchLiterally()
    {
        KAI_SERVER(server, m_fixture);
        const QString caller = tokenFor(server, backend, "entwild_a");
        QVERIFY(!caller.isEmpty());
        QVERIFY(!tokenFor(server, backend, "entwildxa").isEmpty());

        // Unescaped, '_' would match any character and '%' any text.
        QCOMPARE(names(results(search(server, caller, "entwild_"))), QStringList({"entwild_a"}));
        QCOMPARE(names(results(search(server, caller, "entwild"))), QStringList({"entwild_a", "entwildxa"}));
        for (const QString &prefix : {QStringLiteral("%"), QStringLiteral("entwild%"), QStringLiteral("%a"),
                                      QStringLiteral("_"), QStringLiteral("\\")}) {
            const HttpReply reply = search(server, caller, prefix);
            QCOMPARE(reply.status, 200);
            QVERIFY2(results(reply).isEmpty(), qPrintable(prefix + " matched " + names(results(reply)).join(',')));
        }
    }

    void resultsAreBoundedWithTheExactMatchFirst()
    {
        KAI_SERVER(server, m_fixture);
        // Ten robots of "aaentx" whose short names start with "entx" sort
        // before the users "entx" and "entxa": twelve matches, ten answered,
        // and the exact match "entx" is never the one cut off.
        QStringList robots;
        for (int i = 0; i < 10; ++i)
            robots << QStringLiteral("entx%1").arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(makeOrganization(server, backend, "aaentx", "crew", {"entx", "entxa"}, robots));
        const QString caller = tokenFor(server, backend, "entx");

        const QStringList found = names(results(search(server, caller, "entx", "aaentx")));
        QCOMPARE(found.size(), 10);
        QCOMPARE(found.first(), QStringLiteral("entx"));
        QCOMPARE(found.mid(1), QStringList({"aaentx+entx00", "aaentx+entx01", "aaentx+entx02", "aaentx+entx03",
                                            "aaentx+entx04", "aaentx+entx05", "aaentx+entx06", "aaentx+entx07",
                                            "aaentx+entx08"}));
        // Robots alone are bounded too.
        QCOMPARE(names(results(search(server, caller, "aaentx+"))).size(), 10);
        QCOMPARE(names(results(search(server, caller, "aaentx+entx09"))), QStringList({"aaentx+entx09"}));
    }
};

QTEST_GUILESS_MAIN(TestApiEntities)
#include "tst_api_entities.moc"
