// The permission matrix: every row of permission-matrix.tsv is one request
// made as one identity, with the status Quay answers. The table grows with
// each issue; this file only builds the identities and runs the rows.
#include "serverfixture.h"

#include <QFile>
#include <QJsonArray>

using namespace kai::test;

namespace {

constexpr char kOrg[] = "mxorg";
constexpr char kRepo[] = "mxorg/private";

struct Identity
{
    QString apiToken;       // OAuth token for /api/v1 (empty: anonymous)
    QString registryUser;   // Basic credentials for /v2/auth
    QString registrySecret;
};

} // namespace

class TestApiPermissionMatrix : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    QHash<QString, QHash<QString, Identity>> m_identities;   // backend -> name -> identity

    static Headers json() { return {{"Content-Type", "application/json"}}; }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QJsonObject &body = {})
    {
        HttpClient client(server->baseUrl());
        client.setBearer(token);
        return client.send(method, path, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), json());
    }

    // Builds the organization, its teams, robots and repository once per
    // backend; fails loudly if any step does not answer as Quay does.
    bool prepare(const QString &backend, ServerProcess *server)
    {
        if (m_identities.contains(backend))
            return true;
        QHash<QString, Identity> ids;
        ids["anonymous"] = {};
        for (const char *user : {"orgadmin", "member", "creator", "outsider"}) {
            const QString name = QStringLiteral("mx-%1").arg(QLatin1String(user));
            const QString password = name + "-password";
            if (!server->createUser(name, password).ok())
                return false;
            ids[user] = Identity{server->createToken(name), name, password};
        }
        ids["superuser"] = Identity{server->createToken(server->adminUser()), server->adminUser(), server->adminPassword()};
        const QString admin = ids["orgadmin"].apiToken;
        struct Step
        {
            QByteArray method;
            QString path;
            QJsonObject body;
            int expected;
        };
        const QList<Step> steps{
            {"POST", "/api/v1/organization/", {{"name", kOrg}, {"email", "mxorg@example.com"}}, 201},
            {"PUT", "/api/v1/organization/mxorg/team/readers", {{"role", "member"}, {"description", ""}}, 200},
            {"PUT", "/api/v1/organization/mxorg/team/readers/members/mx-member", {}, 200},
            {"PUT", "/api/v1/organization/mxorg/team/makers", {{"role", "creator"}, {"description", ""}}, 200},
            {"PUT", "/api/v1/organization/mxorg/team/makers/members/mx-creator", {}, 200},
            {"POST", "/api/v1/repository", {{"namespace", kOrg}, {"repository", "private"}, {"visibility", "private"}, {"description", ""}}, 201},
        };
        for (const Step &step : steps) {
            const HttpReply reply = call(server, admin, step.method, step.path, step.body);
            if (reply.status != step.expected) {
                qWarning("setup %s %s answered %d: %s", step.method.constData(), qPrintable(step.path), reply.status, reply.body.constData());
                return false;
            }
        }
        const QList<QPair<QString, QString>> robots{{"reader", "read"}, {"writer", "write"}, {"owner", "admin"}};
        for (const auto &[robot, role] : robots) {
            const HttpReply created = call(server, admin, "PUT", "/api/v1/organization/mxorg/robots/" + robot, {{"description", robot}});
            if (created.status != 201) {
                qWarning("robot %s: %d %s", qPrintable(robot), created.status, created.body.constData());
                return false;
            }
            const QString fullName = QStringLiteral("mxorg+") + robot;
            const HttpReply granted = call(server, admin, "PUT", "/api/v1/repository/mxorg/private/permissions/user/" + fullName, {{"role", role}});
            if (granted.status != 200) {
                qWarning("grant %s: %d %s", qPrintable(fullName), granted.status, granted.body.constData());
                return false;
            }
            ids["robot-" + role] = Identity{QString(), fullName, created.json().value("token").toString()};
        }
        m_identities[backend] = ids;
        return true;
    }

    Identity identityFor(const QString &backend, ServerProcess *server, const QString &name)
    {
        if (name.startsWith("token:"))
            return Identity{server->createToken("mx-orgadmin", name.mid(6)), {}, {}};
        return m_identities.value(backend).value(name);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void matrix_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("expected");
        QFile file(QStringLiteral(KAI_PERMISSION_MATRIX));
        QVERIFY2(file.open(QIODevice::ReadOnly), "permission-matrix.tsv is missing");
        int line = 0;
        while (!file.atEnd()) {
            const QByteArray text = file.readLine().trimmed();
            ++line;
            if (text.isEmpty() || text.startsWith('#'))
                continue;
            const QList<QByteArray> columns = text.split('\t');
            QVERIFY2(columns.size() == 5, qPrintable(QStringLiteral("permission-matrix.tsv:%1 needs 5 tab-separated columns").arg(line)));
            QString path = QString::fromUtf8(columns[1]).replace("{org}", kOrg).replace("{repo}", kRepo);
            QByteArray body = columns[2] == "-" ? QByteArray() : QByteArray(columns[2]).replace("{org}", kOrg);
            const QByteArray tag = QByteArray::number(line) + ": " + columns[0] + ' ' + columns[1] + " as " + columns[3];
            QTest::newRow(tag.constData()) << columns[0] << path << body << QString::fromUtf8(columns[3]) << QString::fromUtf8(columns[4]);
        }
    }

    void matrix()
    {
        KAI_SERVER(server, m_fixture);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, identity);
        QFETCH(QString, expected);
        QVERIFY2(prepare(backend, server), "could not build the organization, teams, robots and repository");
        const Identity who = identityFor(backend, server, identity);
        HttpClient client(server->baseUrl());

        if (method == "PULL" || method == "PUSH") {
            const bool push = method == "PUSH";
            if (!who.registryUser.isEmpty() || identity == "anonymous") {
                const QString token = client.login(who.registryUser, who.registrySecret,
                                                   {"repository:" + path + (push ? ":pull,push" : ":pull")});
                QVERIFY2(!token.isEmpty() || identity != "anonymous", "the token service refused an anonymous token");
            }
            const HttpReply reply = push ? client.send("POST", "/v2/" + path + "/blobs/uploads/")
                                         : client.get("/v2/" + path + "/tags/list");
            const bool allowed = reply.status == (push ? 202 : 200);
            if (push && allowed)
                client.send("DELETE", QString::fromLatin1(reply.header("Location")));
            QCOMPARE(allowed ? QStringLiteral("allowed") : QStringLiteral("denied"), expected);
            return;
        }
        client.setBearer(who.apiToken);
        const HttpReply reply = client.send(method, path, body, json());
        QVERIFY2(QString::number(reply.status) == expected,
                 qPrintable(QStringLiteral("%1 %2 as %3 answered %4 (expected %5): %6")
                                .arg(QString::fromLatin1(method), path, identity)
                                .arg(reply.status)
                                .arg(expected, QString::fromUtf8(reply.body.left(300)))));
    }
};

QTEST_GUILESS_MAIN(TestApiPermissionMatrix)
#include "tst_api_permission_matrix.moc"
