// Usage-log kinds (issue 5, reference §3.2): every kind Kai emits is
// produced here by the action it names, through the API or the registry as
// a client would, and read back from the usage-log listings (§2.11) with
// its performer, its namespace or repository and Quay's metadata keys. An
// action that is refused (403/400) writes no entry. The last test compares
// the kinds this suite saw with server/logs/logkinds.cpp: a kind added
// there without a test here fails. Real kai-server on SQLite and
// PostgreSQL; team invites need the SMTP test server (python3-aiosmtpd).
#include "serverfixture.h"
#include "registrytestdata.h"
#include "support/smtpserver.h"

#include "logs/logkinds.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>

using namespace kai::test;

namespace {

const QByteArray kOciManifestType = "application/vnd.oci.image.manifest.v1+json";
constexpr int kMaximumPages = 50;   // 1000 entries: far more than any test writes into one scope

QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

// What one entry must show: its kind, who did it, and metadata. `values`
// must match exactly; `keys` must merely be present (values the test
// cannot know, such as ids and user agents).
struct Expected
{
    Expected(QString kind, QString performer, QJsonObject values, QStringList keys = {}, bool performerIsRobot = false)
        : kind(std::move(kind)), performer(std::move(performer)), values(std::move(values)), keys(std::move(keys)),
          performerIsRobot(performerIsRobot)
    {
    }

    QString kind;
    QString performer;          // empty: no performer (anonymous)
    QJsonObject values;
    QStringList keys;
    bool performerIsRobot = false;
};

} // namespace

// Fails the test unless `listing` (read with `token`) shows the entry
// Expected{kind, performer, values, keys, performerIsRobot} describes.
#define EXPECT_ENTRY(listing, token, ...)                                                     \
    do {                                                                                      \
        const QString problem = check(server, backend, token, listing, Expected{__VA_ARGS__}); \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                     \
    } while (false)

class TestLogKinds : public QObject
{
    Q_OBJECT

private:
    SmtpServer m_smtp;
    ServerFixture m_fixture;
    QHash<QString, QString> m_tokens;        // "<backend>/<user>" -> OAuth token
    QHash<QString, QSet<QString>> m_seen;    // backend -> kinds proven by a test
    int m_counter = 0;

    ServerProcess::Options options() const
    {
        ServerProcess::Options options;
        options.extraConfig = {QStringLiteral("FEATURE_MAILING: true"),
                               QStringLiteral("MAIL_SERVER: 127.0.0.1"),
                               QStringLiteral("MAIL_PORT: %1").arg(m_smtp.port()),
                               QStringLiteral("MAIL_USE_TLS: false"),
                               QStringLiteral("MAIL_DEFAULT_SENDER: registry@example.com"),
                               QStringLiteral("PERMANENTLY_DELETE_TAGS: true"),
                               QStringLiteral("ACTION_LOG_AUDIT_LOGINS: true"),
                               QStringLiteral("ACTION_LOG_AUDIT_LOGIN_FAILURES: true")};
        return options;
    }

    QString unique(const QString &stem) { return QStringLiteral("%1%2").arg(stem).arg(++m_counter); }

    // A user made with the CLI (with an e-mail address for invites) and its
    // OAuth token; "admin" is the bootstrap superuser.
    QString token(ServerProcess *server, const QString &backend, const QString &user)
    {
        const QString key = backend + '/' + user;
        if (m_tokens.contains(key))
            return m_tokens.value(key);
        if (user != server->adminUser()) {
            if (!server->createUser(user, password()).ok())
                return {};
            const HttpReply mail = apiCall(server, token(server, backend, server->adminUser()), "PUT",
                                           "/api/v1/superuser/users/" + user, json({{"email", address(backend, user)}}));
            if (mail.status != 200)
                return {};
        }
        m_tokens.insert(key, server->createToken(user));
        return m_tokens.value(key);
    }
    QString adminToken(ServerProcess *server, const QString &backend) { return token(server, backend, server->adminUser()); }
    static QString password() { return QStringLiteral("kinds-password-1"); }
    static QString address(const QString &backend, const QString &user)
    {
        return QStringLiteral("%1.%2@kinds.example.com").arg(user, backend);
    }

    // Every entry of a listing (newest first), following next_page.
    static QJsonArray entries(ServerProcess *server, const QString &token, const QString &listing)
    {
        QJsonArray all;
        QString next;
        for (int page = 0; page < kMaximumPages; ++page) {
            const QString path = next.isEmpty() ? listing
                                                : listing + (listing.contains('?') ? "&" : "?") + "next_page="
                                                      + QString::fromLatin1(QUrl::toPercentEncoding(next));
            const HttpReply reply = apiCall(server, token, "GET", path);
            if (reply.status != 200) {
                qWarning("%s answered %d: %s", qPrintable(path), reply.status, reply.body.constData());
                return all;
            }
            for (const QJsonValue &entry : reply.json().value("logs").toArray())
                all.append(entry);
            next = reply.json().value("next_page").toString();
            if (next.isEmpty())
                break;
        }
        return all;
    }

    // Empty when `listing` holds an entry as `expected` says, otherwise
    // what is wrong. Asynchronous kinds (pulls, logins) are waited for, up
    // to a few flush intervals of the batch writer.
    QString check(ServerProcess *server, const QString &backend, const QString &token, const QString &listing,
                  const Expected &expected)
    {
        QDeadlineTimer deadline(5'000);
        QString problem;
        for (;;) {
            problem = findEntry(entries(server, token, listing), expected);
            if (problem.isEmpty()) {
                m_seen[backend].insert(expected.kind);
                return {};
            }
            if (deadline.hasExpired())
                return problem;
            QThread::msleep(100);
        }
    }

    static QString findEntry(const QJsonArray &logs, const Expected &expected)
    {
        QStringList seen;
        for (const QJsonValue &value : logs) {
            const QJsonObject entry = value.toObject();
            if (entry.value("kind").toString() != expected.kind)
                continue;
            const QJsonObject metadata = entry.value("metadata").toObject();
            seen << QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact));
            bool matches = true;
            for (auto it = expected.values.begin(); it != expected.values.end() && matches; ++it)
                matches = metadata.contains(it.key()) && metadata.value(it.key()) == it.value();
            if (!matches)
                continue;
            for (const QString &key : expected.keys) {
                if (!metadata.contains(key))
                    return QStringLiteral("%1 entry lacks metadata key %2: %3").arg(expected.kind, key, seen.last());
            }
            const QJsonObject performer = entry.value("performer").toObject();
            if (expected.performer.isEmpty()) {
                if (!performer.isEmpty())
                    return QStringLiteral("%1 entry has a performer: %2").arg(expected.kind, seen.last());
            } else if (performer.value("name").toString() != expected.performer
                       || performer.value("is_robot").toBool() != expected.performerIsRobot) {
                return QStringLiteral("%1 entry names performer %2, expected %3: %4")
                    .arg(expected.kind, performer.value("name").toString(), expected.performer, seen.last());
            }
            if (entry.value("ip").toString().isEmpty() || entry.value("datetime").toString().isEmpty())
                return QStringLiteral("%1 entry lacks ip or datetime: %2").arg(expected.kind, seen.last());
            return {};
        }
        return QStringLiteral("no %1 entry with %2; entries of that kind: [%3]")
            .arg(expected.kind, QString::fromUtf8(json(expected.values)), seen.join(", "));
    }

    QString organization(ServerProcess *server, const QString &adminToken)
    {
        const QString org = unique("logorg");
        const HttpReply created = apiCall(server, adminToken, "POST", "/api/v1/organization/",
                                          json({{"name", org}, {"email", org + "@kinds.example.com"}}));
        return created.status == 201 ? org : QString();
    }

    // A fresh organization and the path of `name` in it, with `registry`
    // logged in as the admin to push there (which creates it).
    struct Pushable
    {
        QString org;
        QString repository;
        QString logs;   // the repository's log listing
    };
    Pushable pushable(ServerProcess *server, const QString &admin, HttpClient &registry, const QString &name)
    {
        const QString org = organization(server, admin);
        const QString repository = org + '/' + name;
        if (org.isEmpty()
            || registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"}).isEmpty())
            return {};
        return Pushable{org, repository, "/api/v1/repository/" + repository + "/logs"};
    }

    // Pushes config + one layer and an OCI manifest under `reference`;
    // returns the manifest's digest, empty on failure.
    static QString pushImage(HttpClient &registry, const QString &repository, const QString &reference, const QString &seed)
    {
        const QByteArray config = json({{"architecture", "amd64"}, {"os", "linux"}, {"seed", seed}});
        const QByteArray layer = "layer of " + seed.toUtf8();
        if (registry.pushBlob(repository, config).isEmpty() || registry.pushBlob(repository, layer).isEmpty())
            return {};
        const QByteArray manifest = ociImageManifest(config, {layer});
        const QString ref = reference.isEmpty() ? sha256Of(manifest) : reference;
        if (registry.putManifest(repository, ref, manifest, kOciManifestType).status != 201)
            return {};
        return sha256Of(manifest);
    }

    // The code of the `nth` (from 1) invite mailed to `recipient`, as the
    // invitee reads it from the link; empty when it did not come in time.
    QString mailedInviteCode(const QString &recipient, int nth)
    {
        static const QRegularExpression link(QStringLiteral("/confirminvite\\?code=(\\S+)"));
        for (QDeadlineTimer deadline(10'000); !deadline.hasExpired(); QThread::msleep(50)) {
            int count = 0;
            for (const ReceivedMail &mail : m_smtp.messages()) {
                if (mail.envelopeRecipient != recipient || ++count < nth)
                    continue;
                const auto match = link.match(mail.body);
                return QString::fromLatin1(QUrl::toPercentEncoding(QUrl::fromPercentEncoding(match.captured(1).toLatin1())));
            }
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void initTestCase()
    {
        KAI_REQUIRE_SERVICE(SmtpServer::available(), "SMTP test server (apt-get install python3-aiosmtpd)");
        const kai::Status started = m_smtp.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    }

    void everyEmittedKindIsAQuayKind()
    {
        QCOMPARE(kai::logs::knownLogKinds().size(), 146);
        for (const QString &kind : kai::logs::emittedLogKinds())
            QVERIFY2(kai::logs::isKnownLogKind(kind), qPrintable(kind));
        QVERIFY(!kai::logs::isKnownLogKind(QStringLiteral("pull_everything")));
    }

    void repositoryChangesAreLoggedWithTheRepository()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = adminToken(server, backend);
        const QString member = token(server, backend, unique("member"));
        QVERIFY(!admin.isEmpty() && !member.isEmpty());
        const QString memberName = QStringLiteral("member%1").arg(m_counter);
        const QString org = organization(server, admin);
        QVERIFY(!org.isEmpty());
        const QString orgLogs = "/api/v1/organization/" + org + "/logs";
        const QString adminName = server->adminUser();
        EXPECT_ENTRY(orgLogs, admin, "org_create", adminName, {{"namespace", org}}, {"email"});

        const QString repository = org + "/app";
        const QString repoLogs = "/api/v1/repository/" + repository + "/logs";
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/repository",
                         json({{"namespace", org}, {"repository", "app"}, {"visibility", "private"}, {"description", ""}}))
                     .status,
                 201);
        EXPECT_ENTRY(repoLogs, admin, "create_repo", adminName, {{"repo", "app"}, {"namespace", org}});
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/repository/" + repository, json({{"description", "the app"}})).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "set_repo_description", adminName,
                     {{"repo", "app"}, {"namespace", org}, {"description", "the app"}});
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/repository/" + repository + "/changevisibility",
                         json({{"visibility", "public"}}))
                     .status,
                 200);
        EXPECT_ENTRY(repoLogs, admin, "change_repo_visibility", adminName,
                     {{"repo", "app"}, {"namespace", org}, {"visibility", "public"}});

        const QString userPermission = "/api/v1/repository/" + repository + "/permissions/user/" + memberName;
        QCOMPARE(apiCall(server, admin, "PUT", userPermission, json({{"role", "write"}})).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "change_repo_permission", adminName,
                     {{"username", memberName}, {"repo", "app"}, {"namespace", org}, {"role", "write"}});
        QCOMPARE(apiCall(server, admin, "DELETE", userPermission).status, 204);
        EXPECT_ENTRY(repoLogs, admin, "delete_repo_permission", adminName,
                     {{"username", memberName}, {"repo", "app"}, {"namespace", org}});
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/organization/" + org + "/team/readers", json({{"role", "member"}})).status, 200);
        const QString teamPermission = "/api/v1/repository/" + repository + "/permissions/team/readers";
        QCOMPARE(apiCall(server, admin, "PUT", teamPermission, json({{"role", "read"}})).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "change_repo_permission", adminName, {{"team", "readers"}, {"repo", "app"}, {"role", "read"}});
        QCOMPARE(apiCall(server, admin, "DELETE", teamPermission).status, 204);
        EXPECT_ENTRY(repoLogs, admin, "delete_repo_permission", adminName, {{"team", "readers"}, {"repo", "app"}});

        // The entry outlives the repository: the organization's log keeps it.
        QCOMPARE(apiCall(server, admin, "DELETE", "/api/v1/repository/" + repository).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "delete_repo", adminName, {{"repo", "app"}, {"namespace", org}});
    }

    void registryPushPullAndDeleteAreLogged()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = adminToken(server, backend);
        const QString adminName = server->adminUser();
        // The push login creates the repository at /v2/auth.
        HttpClient registry(server->baseUrl());
        const auto [org, repository, repoLogs] = pushable(server, admin, registry, "pushed");
        QVERIFY(!org.isEmpty());
        EXPECT_ENTRY(repoLogs, admin, "create_repo", adminName, {{"repo", "pushed"}, {"namespace", org}});
        const QString first = pushImage(registry, repository, "v1", "first");
        QVERIFY(!first.isEmpty());
        EXPECT_ENTRY(repoLogs, admin, "push_repo", adminName,
                     {{"repo", "pushed"}, {"namespace", org}, {"tag", "v1"}, {"username", adminName}}, {"user-agent"});
        const QString second = pushImage(registry, repository, QString(), "second");
        QVERIFY(!second.isEmpty());
        EXPECT_ENTRY(repoLogs, admin, "push_repo", adminName,
                     {{"repo", "pushed"}, {"namespace", org}, {"manifest_digest", second}}, {"user-agent", "username"});

        QCOMPARE(registry.get("/v2/" + repository + "/manifests/v1", {{"Accept", kOciManifestType}}).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "pull_repo", adminName,
                     {{"repo", "pushed"}, {"namespace", org}, {"tag", "v1"}, {"username", adminName}},
                     {"user-agent", "mediaType"});
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/" + second, {{"Accept", kOciManifestType}}).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "pull_repo", adminName, {{"manifest_digest", second}}, {"user-agent"});

        // A robot pulls: the robot is the performer.
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/organization/" + org + "/robots/puller").status, 201);
        const HttpReply robot = apiCall(server, admin, "GET", "/api/v1/organization/" + org + "/robots/puller");
        const QString robotName = org + "+puller";
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/repository/" + repository + "/permissions/user/" + robotName,
                         json({{"role", "read"}}))
                     .status,
                 200);
        HttpClient robotClient(server->baseUrl());
        QVERIFY(!robotClient.login(robotName, robot.json().value("token").toString(), {"repository:" + repository + ":pull"}).isEmpty());
        QCOMPARE(robotClient.get("/v2/" + repository + "/manifests/v1", {{"Accept", kOciManifestType}}).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "pull_repo", robotName, {{"username", robotName}, {"is_robot", true}, {"tag", "v1"}}, {},
                     true);

        QCOMPARE(registry.send("DELETE", "/v2/" + repository + "/manifests/v1").status, 202);
        EXPECT_ENTRY(repoLogs, admin, "delete_tag", adminName, {{"repo", "pushed"}, {"namespace", org}, {"tag", "v1"}},
                     {"user-agent"});
        // Deleting a manifest by digest ends each tag on it, each with its entry.
        const QString third = pushImage(registry, repository, "v3", "third");
        QVERIFY(!third.isEmpty());
        QCOMPARE(registry.send("DELETE", "/v2/" + repository + "/manifests/" + third).status, 202);
        EXPECT_ENTRY(repoLogs, admin, "delete_tag", adminName, {{"tag", "v3"}, {"digest", third}, {"username", adminName}});
    }

    void tagChangesAreLogged()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = adminToken(server, backend);
        const QString adminName = server->adminUser();
        HttpClient registry(server->baseUrl());
        const auto [org, repository, repoLogs] = pushable(server, admin, registry, "tagged");
        QVERIFY(!org.isEmpty());
        const QString first = pushImage(registry, repository, "latest", "one");
        const QString second = pushImage(registry, repository, "other", "two");
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const QString tags = "/api/v1/repository/" + repository + "/tag/";

        QCOMPARE(apiCall(server, admin, "PUT", tags + "stable", json({{"manifest_digest", first}})).status, 201);
        EXPECT_ENTRY(repoLogs, admin, "create_tag", adminName,
                     {{"tag", "stable"}, {"repo", "tagged"}, {"namespace", org}, {"manifest_digest", first},
                      {"username", adminName}, {"original_manifest_digest", QJsonValue()}});
        QCOMPARE(apiCall(server, admin, "PUT", tags + "stable", json({{"manifest_digest", second}})).status, 201);
        EXPECT_ENTRY(repoLogs, admin, "move_tag", adminName,
                     {{"tag", "stable"}, {"manifest_digest", second}, {"original_manifest_digest", first}});

        const qint64 expiresSeconds = QDateTime::currentSecsSinceEpoch() + 3 * 86400;
        QCOMPARE(apiCall(server, admin, "PUT", tags + "stable", json({{"expiration", expiresSeconds}})).status, 201);
        EXPECT_ENTRY(repoLogs, admin, "change_tag_expiration", adminName,
                     {{"tag", "stable"}, {"repo", "tagged"}, {"namespace", org}, {"expiration_date", expiresSeconds},
                      {"old_expiration_date", QJsonValue()}});

        QCOMPARE(apiCall(server, admin, "DELETE", tags + "stable").status, 204);
        EXPECT_ENTRY(repoLogs, admin, "delete_tag", adminName,
                     {{"tag", "stable"}, {"repo", "tagged"}, {"namespace", org}, {"username", adminName}});
        QCOMPARE(apiCall(server, admin, "POST", tags + "stable/restore", json({{"manifest_digest", second}})).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "revert_tag", adminName,
                     {{"tag", "stable"}, {"repo", "tagged"}, {"manifest_digest", second}});
        QCOMPARE(apiCall(server, admin, "POST", tags + "other/expire", json({{"is_alive", true}})).status, 200);
        EXPECT_ENTRY(repoLogs, admin, "permanently_delete_tag", adminName,
                     {{"tag", "other"}, {"repo", "tagged"}, {"namespace", org}, {"manifest_digest", second}});

        // Labels on a manifest.
        const QString labels = "/api/v1/repository/" + repository + "/manifest/" + first + "/labels";
        const HttpReply added = apiCall(server, admin, "POST", labels,
                                        json({{"key", "owner"}, {"value", "team-a"}, {"media_type", QJsonValue()}}));
        QCOMPARE(added.status, 201);
        const QString labelId = added.json().value("label").toObject().value("id").toString();
        EXPECT_ENTRY(repoLogs, admin, "manifest_label_add", adminName,
                     {{"id", labelId}, {"key", "owner"}, {"value", "team-a"}, {"manifest_digest", first},
                      {"repo", "tagged"}, {"namespace", org}});
        QCOMPARE(apiCall(server, admin, "DELETE", labels + "/" + labelId).status, 204);
        EXPECT_ENTRY(repoLogs, admin, "manifest_label_delete", adminName,
                     {{"id", labelId}, {"key", "owner"}, {"value", "team-a"}, {"manifest_digest", first}});
    }

    void organizationRobotPrototypeAndApplicationChangesAreLogged()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = adminToken(server, backend);
        const QString memberName = unique("delegate");
        QVERIFY(!token(server, backend, memberName).isEmpty());
        const QString org = organization(server, admin);
        QVERIFY(!org.isEmpty());
        const QString adminName = server->adminUser();
        const QString orgPath = "/api/v1/organization/" + org;
        const QString orgLogs = orgPath + "/logs";

        QCOMPARE(apiCall(server, admin, "PUT", orgPath,
                         json({{"email", "new-" + org + "@kinds.example.com"}, {"invoice_email", true},
                               {"tag_expiration_s", 1209600}}))
                     .status,
                 200);
        EXPECT_ENTRY(orgLogs, admin, "org_change_email", adminName,
                     {{"namespace", org}, {"email", "new-" + org + "@kinds.example.com"}, {"old_email", org + "@kinds.example.com"}});
        EXPECT_ENTRY(orgLogs, admin, "org_change_invoicing", adminName, {{"namespace", org}, {"invoice_email", true}});
        EXPECT_ENTRY(orgLogs, admin, "org_change_tag_expiration", adminName, {{"namespace", org}, {"tag_expiration", 1209600}});

        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/robots/builder", json({{"description", "builds"}})).status, 201);
        EXPECT_ENTRY(orgLogs, admin, "create_robot", adminName, {{"robot", "builder"}, {"description", "builds"}},
                     {"unstructured_metadata"});
        QCOMPARE(apiCall(server, admin, "POST", orgPath + "/robots/builder/regenerate").status, 200);
        EXPECT_ENTRY(orgLogs, admin, "regenerate_robot_token", adminName, {{"robot", "builder"}});
        QCOMPARE(apiCall(server, admin, "DELETE", orgPath + "/robots/builder").status, 204);
        EXPECT_ENTRY(orgLogs, admin, "delete_robot", adminName, {{"robot", "builder"}});

        const HttpReply prototype = apiCall(server, admin, "POST", orgPath + "/prototypes",
                                            json({{"role", "read"}, {"delegate", QJsonObject{{"kind", "user"}, {"name", memberName}}}}));
        QCOMPARE(prototype.status, 200);
        const QString prototypeId = prototype.json().value("id").toString();
        EXPECT_ENTRY(orgLogs, admin, "create_prototype_permission", adminName,
                     {{"prototypeid", prototypeId}, {"role", "read"}, {"delegate_user", memberName},
                      {"activating_username", QJsonValue()}, {"username", adminName}});
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/prototypes/" + prototypeId, json({{"role", "write"}})).status, 200);
        EXPECT_ENTRY(orgLogs, admin, "modify_prototype_permission", adminName,
                     {{"prototypeid", prototypeId}, {"role", "write"}, {"original_role", "read"}, {"delegate_user", memberName}});
        QCOMPARE(apiCall(server, admin, "DELETE", orgPath + "/prototypes/" + prototypeId).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "delete_prototype_permission", adminName,
                     {{"prototypeid", prototypeId}, {"role", "write"}, {"delegate_user", memberName}});

        const HttpReply app = apiCall(server, admin, "POST", orgPath + "/applications", json({{"name", "ci"}}));
        QCOMPARE(app.status, 200);
        const QString clientId = app.json().value("client_id").toString();
        const QString appPath = orgPath + "/applications/" + clientId;
        EXPECT_ENTRY(orgLogs, admin, "create_application", adminName, {{"application_name", "ci"}, {"client_id", clientId}});
        QCOMPARE(apiCall(server, admin, "PUT", appPath,
                         json({{"name", "ci2"}, {"redirect_uri", "http://ci.example.com/cb"}, {"application_uri", "http://ci.example.com"}}))
                     .status,
                 200);
        EXPECT_ENTRY(orgLogs, admin, "update_application", adminName, {{"application_name", "ci2"}, {"client_id", clientId}});
        QCOMPARE(apiCall(server, admin, "POST", appPath + "/resetclientsecret").status, 200);
        EXPECT_ENTRY(orgLogs, admin, "reset_application_client_secret", adminName,
                     {{"application_name", "ci2"}, {"client_id", clientId}});
        const HttpReply minted = apiCall(server, admin, "POST", appPath + "/tokens", json({{"name", "deploy"}, {"scope", "repo:read"}}));
        QCOMPARE(minted.status, 200);
        const QString tokenUuid = minted.json().value("uuid").toString();
        EXPECT_ENTRY(orgLogs, admin, "create_oauth_api_token", adminName,
                     {{"oauth_token_uuid", tokenUuid}, {"scope", "repo:read"}, {"token_display_name", "deploy"},
                      {"application_name", "ci2"}, {"client_id", clientId}});
        QCOMPARE(apiCall(server, admin, "DELETE", appPath + "/tokens/" + tokenUuid).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "revoke_oauth_api_token", adminName,
                     {{"oauth_token_uuid", tokenUuid}, {"application_name", "ci2"}, {"client_id", clientId}});
        QCOMPARE(apiCall(server, admin, "DELETE", appPath).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "delete_application", adminName, {{"application_name", "ci2"}, {"client_id", clientId}});

        // Deleted: its entries stay in the superuser's listing.
        QCOMPARE(apiCall(server, admin, "DELETE", orgPath).status, 204);
        EXPECT_ENTRY("/api/v1/superuser/logs", admin, "org_delete", adminName, {{"namespace", org}});
    }

    void teamMembershipAndInvitesAreLogged()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = adminToken(server, backend);
        const QString joiner = unique("joiner");
        const QString decliner = unique("decliner");
        const QString joinerToken = token(server, backend, joiner);
        const QString declinerToken = token(server, backend, decliner);
        QVERIFY(!joinerToken.isEmpty() && !declinerToken.isEmpty());
        const QString org = organization(server, admin);
        QVERIFY(!org.isEmpty());
        const QString adminName = server->adminUser();
        const QString orgPath = "/api/v1/organization/" + org;
        const QString orgLogs = orgPath + "/logs";

        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/devs", json({{"role", "member"}, {"description", "first"}})).status, 200);
        EXPECT_ENTRY(orgLogs, admin, "org_create_team", adminName, {{"team", "devs"}});
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/devs", json({{"role", "creator"}, {"description", "second"}})).status, 200);
        EXPECT_ENTRY(orgLogs, admin, "org_set_team_description", adminName, {{"team", "devs"}, {"description", "second"}});
        EXPECT_ENTRY(orgLogs, admin, "org_set_team_role", adminName, {{"team", "devs"}, {"role", "creator"}});

        // Not yet in any team: invited by mail; accepting joins.
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/devs/members/" + joiner).status, 200);
        EXPECT_ENTRY(orgLogs, admin, "org_invite_team_member", adminName, {{"user", joiner}, {"member", joiner}, {"team", "devs"}});
        const QString joinCode = mailedInviteCode(address(backend, joiner), 1);
        QVERIFY(!joinCode.isEmpty());
        QCOMPARE(apiCall(server, joinerToken, "PUT", "/api/v1/teaminvite/" + joinCode).status, 200);
        EXPECT_ENTRY(orgLogs, admin, "org_team_member_invite_accepted", joiner,
                     {{"member", joiner}, {"team", "devs"}, {"inviter", adminName}});

        // Now a member of the organization: added directly, and removed.
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/ops", json({{"role", "member"}})).status, 200);
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/ops/members/" + joiner).status, 200);
        EXPECT_ENTRY(orgLogs, admin, "org_add_team_member", adminName, {{"member", joiner}, {"team", "ops"}});
        QCOMPARE(apiCall(server, admin, "DELETE", orgPath + "/team/ops/members/" + joiner).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "org_remove_team_member", adminName, {{"member", joiner}, {"team", "ops"}});

        // A user invite taken back, one declined, an e-mail invite taken back.
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/ops/members/" + decliner).status, 200);
        QCOMPARE(apiCall(server, admin, "DELETE", orgPath + "/team/ops/members/" + decliner).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "org_delete_team_member_invite", adminName,
                     {{"user", decliner}, {"member", decliner}, {"team", "ops"}});
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/devs/members/" + decliner).status, 200);
        const QString declineCode = mailedInviteCode(address(backend, decliner), 2);
        QVERIFY(!declineCode.isEmpty());
        QCOMPARE(apiCall(server, declinerToken, "DELETE", "/api/v1/teaminvite/" + declineCode).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "org_team_member_invite_declined", decliner,
                     {{"member", decliner}, {"team", "devs"}, {"inviter", adminName}});
        const QString email = "outsider." + backend + "@kinds.example.com";
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/devs/invite/" + email).status, 200);
        EXPECT_ENTRY(orgLogs, admin, "org_invite_team_member", adminName, {{"email", email}, {"member", email}, {"team", "devs"}});
        QCOMPARE(apiCall(server, admin, "DELETE", orgPath + "/team/devs/invite/" + email).status, 204);
        EXPECT_ENTRY(orgLogs, admin, "org_delete_team_member_invite", adminName,
                     {{"email", email}, {"member", email}, {"team", "devs"}});

        QCOMPARE(apiCall(server, admin, "DELETE", orgPath + "/team/ops").status, 204);
        EXPECT_ENTRY(orgLogs, admin, "org_delete_team", adminName, {{"team", "ops"}});
    }

    void accountChangesAreLoggedInTheUsersOwnLog()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString name = unique("account");
        const QString own = token(server, backend, name);
        QVERIFY(!own.isEmpty());
        const QString userLogs = QStringLiteral("/api/v1/user/logs");

        QCOMPARE(apiCall(server, own, "PUT", "/api/v1/user/",
                         json({{"password", "another-password-2"}, {"email", "changed." + address(backend, name)},
                               {"tag_expiration_s", 1209600}, {"invoice_email", true}}))
                     .status,
                 200);
        EXPECT_ENTRY(userLogs, own, "account_change_password", name, {});
        EXPECT_ENTRY(userLogs, own, "user_change_email", name,
                     {{"email", "changed." + address(backend, name)}, {"old_email", address(backend, name)}});
        EXPECT_ENTRY(userLogs, own, "user_change_tag_expiration", name, {{"tag_expiration", 1209600}});
        EXPECT_ENTRY(userLogs, own, "user_change_invoicing", name, {{"invoice_email", true}});

        const HttpReply created = apiCall(server, own, "POST", "/api/v1/user/apptoken", json({{"title", "laptop"}}));
        QCOMPARE(created.status, 200);
        const QString uuid = created.json().value("token").toObject().value("uuid").toString();
        EXPECT_ENTRY(userLogs, own, "create_app_specific_token", name,
                     {{"app_specific_token_title", "laptop"}, {"app_specific_token", uuid}});
        QCOMPARE(apiCall(server, own, "DELETE", "/api/v1/user/apptoken/" + uuid).status, 204);
        EXPECT_ENTRY(userLogs, own, "revoke_app_specific_token", name,
                     {{"app_specific_token_title", "laptop"}, {"app_specific_token", uuid}});

        QCOMPARE(apiCall(server, own, "DELETE", "/api/v1/user/").status, 204);
        EXPECT_ENTRY("/api/v1/superuser/logs", adminToken(server, backend), "user_delete", name, {{"username", name}});
    }

    void superuserChangesNameTheSuperuser()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = adminToken(server, backend);
        const QString adminName = server->adminUser();
        const QString name = unique("managed");
        const QString users = "/api/v1/superuser/users/";
        const QString suLogs = QStringLiteral("/api/v1/superuser/logs");

        QCOMPARE(apiCall(server, admin, "POST", users, json({{"username", name}, {"email", address(backend, name)}})).status, 200);
        EXPECT_ENTRY(suLogs, admin, "user_create", adminName,
                     {{"username", name}, {"email", address(backend, name)}, {"superuser", adminName}});
        QCOMPARE(apiCall(server, admin, "PUT", users + name,
                         json({{"password", "managed-password-1"}, {"email", "new." + address(backend, name)}, {"enabled", false}}))
                     .status,
                 200);
        EXPECT_ENTRY(suLogs, admin, "user_change_password", adminName, {{"username", name}, {"superuser", adminName}});
        EXPECT_ENTRY(suLogs, admin, "user_change_email", adminName,
                     {{"username", name}, {"email", "new." + address(backend, name)}, {"old_email", address(backend, name)}});
        EXPECT_ENTRY(suLogs, admin, "user_disable", adminName, {{"username", name}, {"superuser", adminName}});
        QCOMPARE(apiCall(server, admin, "PUT", users + name, json({{"enabled", true}})).status, 200);
        EXPECT_ENTRY(suLogs, admin, "user_enable", adminName, {{"username", name}, {"superuser", adminName}});
        QCOMPARE(apiCall(server, admin, "DELETE", users + name).status, 204);
        EXPECT_ENTRY(suLogs, admin, "user_delete", adminName, {{"username", name}, {"superuser", adminName}});

        const QString org = organization(server, admin);
        QVERIFY(!org.isEmpty());
        const QString renamed = unique("renamedorg");
        QCOMPARE(apiCall(server, admin, "PUT", "/api/v1/superuser/organizations/" + org, json({{"name", renamed}})).status, 200);
        EXPECT_ENTRY("/api/v1/organization/" + renamed + "/logs", admin, "org_change_name", adminName,
                     {{"namespace", renamed}, {"old_organization_name", org}, {"new_organization_name", renamed},
                      {"superuser", adminName}});
        QCOMPARE(apiCall(server, admin, "DELETE", "/api/v1/superuser/organizations/" + renamed).status, 204);
        EXPECT_ENTRY(suLogs, admin, "org_delete", adminName, {{"namespace", renamed}, {"superuser", adminName}});

        // Take ownership: written to the superuser's own log, as Quay does.
        const QString taken = unique("taken");
        QCOMPARE(apiCall(server, admin, "POST", users, json({{"username", taken}})).status, 200);
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/superuser/takeownership/" + taken).status, 200);
        EXPECT_ENTRY("/api/v1/user/logs", admin, "take_ownership", adminName,
                     {{"namespace", taken}, {"was_user", true}, {"superuser", adminName}});
    }

    void loginsAndFailedLoginsAreAudited()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString name = unique("login");
        const QString own = token(server, backend, name);
        QVERIFY(!own.isEmpty());
        const QString userLogs = QStringLiteral("/api/v1/user/logs");

        // docker login: /v2/auth with credentials and no scope.
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login(name, password(), {}).isEmpty());
        EXPECT_ENTRY(userLogs, own, "login_success", name, {{"type", "v2auth"}, {"kind", "user"}}, {"useragent"});
        QVERIFY(registry.login(name, "wrong-password-1", {}).isEmpty());
        EXPECT_ENTRY(userLogs, own, "login_failure", name, {{"type", "v2auth"}, {"kind", "user"}, {"username", name}},
                     {"useragent", "message"});

        // The UI's sign-in and sign-out.
        HttpClient ui(server->baseUrl());
        const QByteArray csrf = ui.get("/csrf_token").json().value("csrf_token").toString().toLatin1();
        const Headers headers{{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}};
        QCOMPARE(ui.send("POST", "/api/v1/signin", json({{"username", name}, {"password", "not-it-at-all"}}), headers).status, 403);
        EXPECT_ENTRY(userLogs, own, "login_failure", name, {{"type", "quayauth"}, {"kind", "user"}, {"username", name}},
                     {"useragent", "message"});
        const HttpReply signedIn = ui.send("POST", "/api/v1/signin", json({{"username", name}, {"password", password()}}), headers);
        QCOMPARE(signedIn.status, 200);
        EXPECT_ENTRY(userLogs, own, "login_success", name, {{"type", "quayauth"}}, {"useragent"});
        QCOMPARE(ui.send("POST", "/api/v1/signout", {}, {{"X-CSRF-Token", signedIn.header("X-Next-CSRF-Token")}}).status, 200);
        EXPECT_ENTRY(userLogs, own, "logout_success", name, {{"type", "quayauth"}}, {"useragent"});
    }

    // No entry without its change: refused calls leave the log as it was.
    void refusedActionsWriteNoEntry()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = adminToken(server, backend);
        const QString outsider = token(server, backend, unique("outsider"));
        QVERIFY(!outsider.isEmpty());
        const QString org = organization(server, admin);
        QVERIFY(!org.isEmpty());
        const QString orgPath = "/api/v1/organization/" + org;
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/repository",
                         json({{"namespace", org}, {"repository", "guarded"}, {"visibility", "private"}, {"description", ""}}))
                     .status,
                 201);
        const QString repository = "/api/v1/repository/" + org + "/guarded";
        const QJsonArray before = entries(server, admin, orgPath + "/logs");
        QVERIFY(!before.isEmpty());

        // 403: not an administrator of the organization or repository.
        QCOMPARE(apiCall(server, outsider, "POST", "/api/v1/repository",
                         json({{"namespace", org}, {"repository", "sneaky"}, {"visibility", "public"}, {"description", ""}}))
                     .status,
                 403);
        QCOMPARE(apiCall(server, outsider, "POST", repository + "/changevisibility", json({{"visibility", "public"}})).status, 403);
        QCOMPARE(apiCall(server, outsider, "PUT", orgPath + "/robots/intruder").status, 403);
        QCOMPARE(apiCall(server, outsider, "PUT", orgPath + "/team/intruders", json({{"role", "admin"}})).status, 403);
        QCOMPARE(apiCall(server, outsider, "DELETE", repository).status, 403);
        // 400: the administrator's request is invalid.
        QCOMPARE(apiCall(server, admin, "POST", repository + "/changevisibility", json({{"visibility", "everyone"}})).status, 400);
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/team/bad", json({{"role", "emperor"}})).status, 400);
        QCOMPARE(apiCall(server, admin, "PUT", orgPath + "/robots/Not-Valid!").status, 400);
        QCOMPARE(apiCall(server, admin, "PUT", orgPath, json({{"tag_expiration_s", 12345}})).status, 400);

        const QJsonArray after = entries(server, admin, orgPath + "/logs");
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after, before);
    }

    // Last: every kind Kai emits was proven above on this backend, and the
    // list this suite covers is the server's list.
    void everyEmittedKindHasItsTest()
    {
        QFETCH_GLOBAL(QString, backend);
        const QStringList emitted = kai::logs::emittedLogKinds();
        const QSet<QString> expected(emitted.cbegin(), emitted.cend());
        QCOMPARE(expected.size(), emitted.size());   // no duplicates
        const QSet<QString> seen = m_seen.value(backend);
        QStringList missing = QStringList(expected.cbegin(), expected.cend());
        missing.removeIf([&seen](const QString &kind) { return seen.contains(kind); });
        missing.sort();
        QStringList extra = QStringList(seen.cbegin(), seen.cend());
        extra.removeIf([&expected](const QString &kind) { return expected.contains(kind); });
        extra.sort();
        QVERIFY2(missing.isEmpty(), qPrintable("emitted kinds without a passing test: " + missing.join(", ")));
        QVERIFY2(extra.isEmpty(), qPrintable("kinds seen but not listed in logkinds.cpp: " + extra.join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestLogKinds)
#include "tst_log_kinds.moc"
