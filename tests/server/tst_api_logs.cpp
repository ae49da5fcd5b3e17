// Usage logs (issue 5, guide chapter 9, reference §2.11): what pushes,
// pulls and permission changes leave in the user, organization, repository
// and superuser views, paging, the performer filter, the per-day
// aggregates, refused callers and bad dates, retention, and an entry that
// survives a SIGKILL right after its push. Against a real kai-server on
// SQLite and PostgreSQL; images go in through /v2 as podman pushes them.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QSet>
#include <QThread>
#include <QUrlQuery>

#include <limits>

using namespace kai::test;

namespace {

const QByteArray kOciManifestType = "application/vnd.oci.image.manifest.v1+json";
const QString kAuditor = QStringLiteral("logauditor");

QByteArray imageConfig(const QString &seed)
{
    return QJsonDocument(QJsonObject{{"architecture", "amd64"}, {"os", "linux"}, {"seed", seed}}).toJson(QJsonDocument::Compact);
}

// Pushes config + one layer and a manifest under `tag`; the manifest, empty on failure.
QByteArray pushImage(HttpClient &client, const QString &repository, const QString &tag, const QString &seed)
{
    const QByteArray config = imageConfig(seed);
    const QByteArray layer = "layer of " + config;
    if (client.pushBlob(repository, config).isEmpty() || client.pushBlob(repository, layer).isEmpty())
        return {};
    const QByteArray manifest = ociImageManifest(config, {layer});
    if (client.putManifest(repository, tag, manifest, kOciManifestType).status != 201)
        return {};
    return manifest;
}

// Today as the API's MM/DD/YYYY (UTC), `days` from now.
QString day(int days = 0)
{
    return QDateTime::currentDateTimeUtc().addDays(days).date().toString(QStringLiteral("MM/dd/yyyy"));
}

QStringList kindsOf(const QJsonArray &logs)
{
    QStringList kinds;
    for (const QJsonValue &entry : logs)
        kinds << entry.toObject().value("kind").toString();
    return kinds;
}

// An aggregatelogs answer as entries per kind; every row must be a UTC day.
QHash<QString, qint64> countsByKind(const HttpReply &aggregated)
{
    QHash<QString, qint64> counted;
    if (aggregated.status != 200) {
        qWarning("aggregatelogs answered %d %s", aggregated.status, aggregated.body.constData());
        return counted;
    }
    for (const QJsonValue &row : aggregated.json().value("aggregated").toArray()) {
        const QJsonObject object = row.toObject();
        if (!object.value("datetime").toString().endsWith("00:00:00 -0000"))
            qWarning("not a UTC day: %s", qPrintable(object.value("datetime").toString()));
        else
            counted[object.value("kind").toString()] += object.value("count").toInteger();
    }
    return counted;
}

} // namespace

class TestApiLogs : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;           // GLOBAL_READONLY_SUPER_USERS: [logauditor]
    ServerFixture m_noAggregates;      // FEATURE_AGGREGATED_LOG_COUNT_RETRIEVAL: false
    ServerFixture m_shortRetention;    // ACTION_LOG_RETENTION: 5s
    ServerFixture m_noPullLogs;        // KAI_ACTION_LOG_PULLS: false
    ServerFixture m_behindProxy;       // KAI_TRUSTED_PROXIES: [127.0.0.1, 10.0.0.0/8]
    UserTokens m_tokens{QStringLiteral("pw-logs-1234")};
    int m_counter = 0;

    static ServerProcess::Options options()
    {
        return ServerProcess::Options::withConfig({"GLOBAL_READONLY_SUPER_USERS: [" + kAuditor + "]"});
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QByteArray &body = {})
    {
        return apiCall(server, token, method, path, body);
    }

    // GET `path` with the query items; the reply.
    static HttpReply query(ServerProcess *server, const QString &token, const QString &path,
                           const QList<QPair<QString, QString>> &items = {})
    {
        QUrlQuery q;
        for (const auto &[key, value] : items)
            q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        const QString text = q.toString(QUrl::FullyEncoded);
        return call(server, token, "GET", text.isEmpty() ? path : path + '?' + text);
    }

    // Every entry of a listing, following next_page; fails the test on
    // anything but 200.
    static QJsonArray allLogs(ServerProcess *server, const QString &token, const QString &path,
                              QList<QPair<QString, QString>> items = {}, QList<int> *pageSizes = nullptr)
    {
        QJsonArray all;
        QString next;
        for (int page = 0; page < 100; ++page) {
            auto withPage = items;
            if (!next.isEmpty())
                withPage << qMakePair(QStringLiteral("next_page"), next);
            const HttpReply reply = query(server, token, path, withPage);
            if (reply.status != 200) {
                qWarning("%s answered %d: %s", qPrintable(path), reply.status, reply.body.constData());
                return {};
            }
            const QJsonObject body = reply.json();
            const QJsonArray logs = body.value("logs").toArray();
            if (logs.size() > 20)
                qWarning("a page of %d entries", int(logs.size()));
            for (const QJsonValue &entry : logs)
                all.append(entry);
            if (pageSizes)
                *pageSizes << int(logs.size());
            next = body.value("next_page").toString();
            if (next.isEmpty())
                return all;
        }
        qWarning("more than 100 pages");
        return {};
    }

    // The listing until it holds `count` entries of `kind` (pulls reach the
    // log through the batch writer, within about a second).
    static QJsonArray waitForKind(ServerProcess *server, const QString &token, const QString &path, const QString &kind,
                                  int count = 1)
    {
        QDeadlineTimer deadline(10'000);
        QJsonArray logs;
        do {
            logs = allLogs(server, token, path);
            if (kindsOf(logs).count(kind) >= count)
                return logs;
            QThread::msleep(200);
        } while (!deadline.hasExpired());
        return logs;
    }

    QString token(ServerProcess *server, const QString &backend, const QString &user)
    {
        return m_tokens(server, backend, user);
    }

    // A new organization of admin's with one pushed repository; its name.
    QString organizationWithImage(ServerProcess *server, const QString &backend, HttpClient &registry, const QString &stem)
    {
        const QString org = QStringLiteral("%1%2").arg(stem).arg(++m_counter);
        const HttpReply created = call(server, token(server, backend, "admin"), "POST", "/api/v1/organization/",
                                       QJsonDocument(QJsonObject{{"name", org}}).toJson(QJsonDocument::Compact));
        if (created.status != 201) {
            qWarning("organization: %d %s", created.status, created.body.constData());
            return {};
        }
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + org + "/app:pull,push"});
        if (pushImage(registry, org + "/app", "v1", org).isEmpty())
            return {};
        return org;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void pushAndPullShowInEveryView()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        QVERIFY(!admin.isEmpty());
        const QString email = QStringLiteral("Log.Admin@example.com");
        QCOMPARE(call(server, admin, "PUT", "/api/v1/user/", QStringLiteral(R"({"email": "%1"})").arg(email).toUtf8()).status,
                 200);
        HttpClient registry(server->baseUrl());
        const QString org = organizationWithImage(server, backend, registry, "logview");
        QVERIFY(!org.isEmpty());
        QCOMPARE(registry.get("/v2/" + org + "/app/manifests/v1").status, 200);

        // The repository view: the push (written with it) and the pull
        // (through the batch writer).
        const QString repoPath = "/api/v1/repository/" + org + "/app/logs";
        const QJsonArray repoLogs = waitForKind(server, admin, repoPath, "pull_repo");
        const QStringList kinds = kindsOf(repoLogs);
        QVERIFY2(kinds.contains("push_repo") && kinds.contains("pull_repo"), qPrintable(kinds.join(',')));
        QJsonObject push;
        for (const QJsonValue &entry : repoLogs)
            if (entry.toObject().value("kind") == QLatin1String("push_repo"))
                push = entry.toObject();
        const QStringList pushKeys = push.keys();
        QCOMPARE(QSet<QString>(pushKeys.begin(), pushKeys.end()),
                 QSet<QString>({"kind", "metadata", "ip", "datetime", "performer"}));
        QCOMPARE(push.value("metadata").toObject().value("repo").toString(), QStringLiteral("app"));
        QCOMPARE(push.value("metadata").toObject().value("namespace").toString(), org);
        QCOMPARE(push.value("metadata").toObject().value("tag").toString(), QStringLiteral("v1"));
        QCOMPARE(push.value("ip").toString(), QStringLiteral("127.0.0.1"));
        QVERIFY2(push.value("datetime").toString().endsWith(" -0000"), qPrintable(push.value("datetime").toString()));
        const QJsonObject performer = push.value("performer").toObject();
        QCOMPARE(performer.value("kind").toString(), QStringLiteral("user"));
        QCOMPARE(performer.value("name").toString(), server->adminUser());
        QCOMPARE(performer.value("is_robot").toBool(true), false);
        QCOMPARE(performer.value("avatar").toObject().value("kind").toString(), QStringLiteral("user"));

        // The performer's avatar comes from the e-mail the server copied from
        // the user's row into the entry, for the push (written with it) and
        // the pull (through the batch writer) alike.
        const QString emailHash = QString::fromLatin1(
            QCryptographicHash::hash(email.toLower().toUtf8(), QCryptographicHash::Sha256).toHex());
        for (const QJsonValue &entry : repoLogs) {
            const QJsonObject avatar = entry.toObject().value("performer").toObject().value("avatar").toObject();
            QCOMPARE(avatar.value("hash").toString(), emailHash);
        }

        // The listing's envelope.
        const HttpReply first = query(server, admin, repoPath);
        QCOMPARE(first.status, 200);
        const QJsonObject envelope = first.json();
        QVERIFY(envelope.value("start_time").isString() && envelope.value("end_time").isString());
        QVERIFY(envelope.value("logs").isArray());
        QVERIFY(!envelope.contains("next_page"));

        // The organization view holds the organization's creation too.
        const QStringList orgKinds = kindsOf(allLogs(server, admin, "/api/v1/organization/" + org + "/logs"));
        QVERIFY2(orgKinds.contains("org_create") && orgKinds.contains("push_repo") && orgKinds.contains("pull_repo"),
                 qPrintable(orgKinds.join(',')));

        // The superuser view names each entry's namespace.
        bool named = false;
        for (const QJsonValue &entry : allLogs(server, admin, "/api/v1/superuser/logs")) {
            const QJsonObject ns = entry.toObject().value("namespace").toObject();
            if (ns.value("name") == org) {
                QCOMPARE(ns.value("kind").toString(), QStringLiteral("org"));
                named = true;
            }
        }
        QVERIFY(named);

        // A user's own view: their namespace only, never the organization's.
        const QString alice = token(server, backend, "logalice");
        QVERIFY(!alice.isEmpty());
        HttpClient aliceRegistry(server->baseUrl());
        aliceRegistry.login("logalice", m_tokens.password(), {"repository:logalice/mine:pull,push"});
        QVERIFY(!pushImage(aliceRegistry, "logalice/mine", "latest", "alice").isEmpty());
        const QJsonArray aliceLogs = allLogs(server, alice, "/api/v1/user/logs");
        QVERIFY(kindsOf(aliceLogs).contains("push_repo"));
        for (const QJsonValue &entry : aliceLogs) {
            const QJsonObject metadata = entry.toObject().value("metadata").toObject();
            QVERIFY2(!metadata.contains("namespace") || metadata.value("namespace") == QLatin1String("logalice"),
                     QJsonDocument(entry.toObject()).toJson().constData());
        }
        for (const QJsonValue &entry : allLogs(server, admin, "/api/v1/user/logs"))
            QVERIFY(entry.toObject().value("metadata").toObject().value("namespace") != QLatin1String("logalice"));
    }

    // Quay's log_action and track_and_log: what an OAuth access token does
    // names the token and its application, through the API and through the
    // registry token it is exchanged for; a password login names neither.
    void oauthTokenActionsNameTheTokenAndItsApplication()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        QVERIFY(!admin.isEmpty());
        const QString org = QStringLiteral("logoauth%1").arg(++m_counter);
        QCOMPARE(call(server, admin, "POST", "/api/v1/organization/",
                      QJsonDocument(QJsonObject{{"name", org}}).toJson(QJsonDocument::Compact)).status, 201);
        const HttpReply application = call(server, admin, "POST", "/api/v1/organization/" + org + "/applications",
                                           R"({"name": "ci-bot"})");
        QCOMPARE(application.status, 200);
        const QString clientId = application.json().value("client_id").toString();
        const HttpReply minted = call(server, admin, "POST",
                                      "/api/v1/organization/" + org + "/applications/" + clientId + "/tokens",
                                      R"({"name": "pipeline", "scope": "repo:read repo:write repo:create"})");
        QCOMPARE(minted.status, 200);
        const QString pipeline = minted.json().value("token").toString();

        // The pipeline creates a repository, pushes and pulls with its token.
        const QString repository = org + "/built";
        QCOMPARE(call(server, pipeline, "POST", "/api/v1/repository",
                      QJsonDocument(QJsonObject{{"namespace", org}, {"repository", "built"}, {"visibility", "private"},
                                                {"description", ""}}).toJson(QJsonDocument::Compact)).status, 201);
        HttpClient viaToken(server->baseUrl());
        QVERIFY(!viaToken.login("$oauthtoken", pipeline, {"repository:" + repository + ":pull,push"}).isEmpty());
        QVERIFY(!pushImage(viaToken, repository, "v1", org).isEmpty());
        QCOMPARE(viaToken.get("/v2/" + repository + "/manifests/v1").status, 200);
        // The admin pulls with a password.
        HttpClient viaPassword(server->baseUrl());
        QVERIFY(!viaPassword.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull"}).isEmpty());
        QCOMPARE(viaPassword.get("/v2/" + repository + "/manifests/v1").status, 200);

        const QJsonArray logs = waitForKind(server, admin, "/api/v1/repository/" + repository + "/logs", "pull_repo", 2);
        QStringList named;
        int unnamedPulls = 0;
        for (const QJsonValue &value : logs) {
            const QJsonObject entry = value.toObject();
            const QJsonObject metadata = entry.value("metadata").toObject();
            const QString kind = entry.value("kind").toString();
            const QByteArray text = QJsonDocument(entry).toJson(QJsonDocument::Compact);
            if (!metadata.contains("oauth_token_id")) {
                QVERIFY2(kind == QLatin1String("pull_repo") && !metadata.contains("oauth_token_application_id")
                             && !metadata.contains("oauth_token_application"),
                         text.constData());
                ++unnamedPulls;
                continue;
            }
            QVERIFY2(metadata.value("oauth_token_id").isDouble() && metadata.value("oauth_token_id").toInteger() > 0,
                     text.constData());
            QCOMPARE(metadata.value("oauth_token_application_id").toString(), clientId);
            QCOMPARE(metadata.value("oauth_token_application").toString(), QStringLiteral("ci-bot"));
            named << kind;
        }
        QCOMPARE(unnamedPulls, 1);
        QVERIFY2(named.contains("create_repo") && named.contains("push_repo") && named.contains("pull_repo"),
                 qPrintable(named.join(',')));

        // The admin's own token, minted by the operator's CLI outside any
        // application, names itself only.
        const QJsonArray orgLogs = allLogs(server, admin, "/api/v1/organization/" + org + "/logs");
        bool created = false;
        for (const QJsonValue &value : orgLogs) {
            const QJsonObject entry = value.toObject();
            if (entry.value("kind") != QLatin1String("org_create"))
                continue;
            const QJsonObject metadata = entry.value("metadata").toObject();
            QVERIFY(metadata.value("oauth_token_id").toInteger() > 0);
            QVERIFY(!metadata.contains("oauth_token_application_id") && !metadata.contains("oauth_token_application"));
            created = true;
        }
        QVERIFY(created);
    }

    void pagingReturnsEachEntryOnce()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        HttpClient registry(server->baseUrl());
        const QString org = organizationWithImage(server, backend, registry, "logpage");
        QVERIFY(!org.isEmpty());
        const QByteArray manifest = registry.get("/v2/" + org + "/app/manifests/v1").body;
        QVERIFY(!manifest.isEmpty());
        // 250 tags on one manifest: 250 push_repo entries, each naming its tag.
        constexpr int kTags = 250;
        for (int i = 0; i < kTags; ++i)
            QCOMPARE(registry.putManifest(org + "/app", QStringLiteral("t%1").arg(i), manifest, kOciManifestType).status, 201);

        QList<int> pageSizes;
        const QJsonArray logs = allLogs(server, admin, "/api/v1/repository/" + org + "/app/logs", {}, &pageSizes);
        const int pages = int(pageSizes.size());
        QSet<QString> tags;
        int pushes = 0;
        for (const QJsonValue &entry : logs) {
            if (entry.toObject().value("kind") != QLatin1String("push_repo"))
                continue;
            ++pushes;
            tags.insert(entry.toObject().value("metadata").toObject().value("tag").toString());
        }
        QCOMPARE(pushes, kTags + 1);          // v1 and t0..t249, each once
        QCOMPARE(tags.size(), kTags + 1);
        QVERIFY(tags.contains("t0") && tags.contains("t249"));
        QCOMPARE(pages, (int(logs.size()) + 19) / 20);
        // Newest first.
        const QJsonObject newest = logs.first().toObject();
        QCOMPARE(newest.value("metadata").toObject().value("tag").toString(), QStringLiteral("t249"));

        // The aggregate counts equal the detailed entries, kind by kind:
        // over the last 24 hours (partial days, counted from the entries)
        // and over whole days (from the per-day counts).
        QHash<QString, qint64> listed;
        for (const QString &kind : kindsOf(logs))
            ++listed[kind];
        const QString aggregatePath = "/api/v1/repository/" + org + "/app/aggregatelogs";
        QCOMPARE(countsByKind(query(server, admin, aggregatePath)), listed);
        QCOMPARE(countsByKind(query(server, admin, aggregatePath, {{"starttime", day(-1)}, {"endtime", day()}})), listed);

        // A token of another listing does not continue this one: the first page.
        const HttpReply page1 = query(server, admin, "/api/v1/repository/" + org + "/app/logs");
        const QString next = page1.json().value("next_page").toString();
        QVERIFY(!next.isEmpty());
        const HttpReply foreign = query(server, admin, "/api/v1/organization/" + org + "/logs", {{"next_page", next}});
        QCOMPARE(foreign.status, 200);
        QCOMPARE(foreign.json().value("logs").toArray().first().toObject().value("metadata").toObject().value("tag").toString(),
                 QStringLiteral("t249"));
    }

    // A client pulling one manifest in a loop: the writer stores the
    // pulls of one second as one row (013_log_repeats.sql), and the listing
    // still shows every pull once, in pages of 20 that end inside such a
    // row and go on from there; the aggregate counts every pull.
    void aClientPullingInALoopIsListedPullByPull()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        HttpClient registry(server->baseUrl());
        const QString org = organizationWithImage(server, backend, registry, "logloop");
        QVERIFY(!org.isEmpty());
        constexpr int kPulls = 45;
        for (int i = 0; i < kPulls; ++i)
            QCOMPARE(registry.get("/v2/" + org + "/app/manifests/v1", {{"Accept", kOciManifestType}}).status, 200);

        const QString path = "/api/v1/repository/" + org + "/app/logs";
        QCOMPARE(kindsOf(waitForKind(server, admin, path, "pull_repo", kPulls)).count("pull_repo"), kPulls);
        // The listing again, now that every pull is in: each exactly once,
        // newest first, in full pages but the last.
        QList<int> pageSizes;
        const QJsonArray logs = allLogs(server, admin, path, {}, &pageSizes);
        const QStringList kinds = kindsOf(logs);
        qint64 previous = std::numeric_limits<qint64>::max();
        for (const QJsonValue &entry : logs) {
            const QDateTime when = QDateTime::fromString(entry.toObject().value("datetime").toString(), Qt::RFC2822Date);
            QVERIFY2(when.isValid(), qPrintable(entry.toObject().value("datetime").toString()));
            QVERIFY2(when.toMSecsSinceEpoch() <= previous, "newest first");
            previous = when.toMSecsSinceEpoch();
        }
        QCOMPARE(kinds.count("pull_repo"), kPulls);
        QCOMPARE(pageSizes.size(), (int(kinds.size()) + 19) / 20);
        for (int i = 0; i + 1 < pageSizes.size(); ++i)
            QCOMPARE(pageSizes.at(i), 20);

        QHash<QString, qint64> listed;
        for (const QString &kind : kinds)
            ++listed[kind];
        QCOMPARE(countsByKind(query(server, admin, "/api/v1/repository/" + org + "/app/aggregatelogs")), listed);
        QCOMPARE(countsByKind(query(server, admin, "/api/v1/repository/" + org + "/app/aggregatelogs",
                                    {{"starttime", day(-1)}, {"endtime", day()}})),
                 listed);
        // The organization's view and the performer filter count them too.
        const QJsonArray byAdmin = allLogs(server, admin, "/api/v1/organization/" + org + "/logs",
                                           {{"performer", server->adminUser()}});
        QCOMPARE(kindsOf(byAdmin).count("pull_repo"), kPulls);
    }

    void performerFilter()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        HttpClient registry(server->baseUrl());
        const QString org = organizationWithImage(server, backend, registry, "logperf");
        QVERIFY(!org.isEmpty());
        // A robot with write pushes too.
        const HttpReply robot = call(server, admin, "PUT", "/api/v1/organization/" + org + "/robots/ci");
        QCOMPARE(robot.status, 201);
        const QString robotName = org + "+ci";
        QCOMPARE(call(server, admin, "PUT", "/api/v1/repository/" + org + "/app/permissions/user/" + robotName,
                      R"({"role": "write"})").status, 200);
        HttpClient robotRegistry(server->baseUrl());
        QVERIFY(!robotRegistry.login(robotName, robot.json().value("token").toString(), {"repository:" + org + "/app:pull,push"}).isEmpty());
        QVERIFY(!pushImage(robotRegistry, org + "/app", "from-ci", "robot").isEmpty());

        const QString path = "/api/v1/organization/" + org + "/logs";
        const QJsonArray byRobot = allLogs(server, admin, path, {{"performer", robotName}});
        QVERIFY(kindsOf(byRobot).contains("push_repo"));
        for (const QJsonValue &entry : byRobot) {
            const QJsonObject performer = entry.toObject().value("performer").toObject();
            QCOMPARE(performer.value("name").toString(), robotName);
            QCOMPARE(performer.value("is_robot").toBool(), true);
        }
        const QJsonArray byAdmin = allLogs(server, admin, path, {{"performer", server->adminUser()}});
        QVERIFY(kindsOf(byAdmin).contains("org_create"));
        for (const QJsonValue &entry : byAdmin)
            QCOMPARE(entry.toObject().value("performer").toObject().value("name").toString(), server->adminUser());
        QCOMPARE(byRobot.size() + byAdmin.size(), allLogs(server, admin, path).size());

        // The aggregate honours the filter too.
        const HttpReply counts = query(server, admin, "/api/v1/organization/" + org + "/aggregatelogs", {{"performer", robotName}});
        QCOMPARE(counts.status, 200);
        qint64 total = 0;
        for (const QJsonValue &row : counts.json().value("aggregated").toArray())
            total += row.toObject().value("count").toInteger();
        QCOMPARE(total, qint64(byRobot.size()));

        // Nobody of that name: an empty answer, not an error.
        const HttpReply unknown = query(server, admin, path, {{"performer", "nobody-such"}});
        QCOMPARE(unknown.status, 200);
        QVERIFY(unknown.json().value("logs").toArray().isEmpty());
        const HttpReply unknownCounts = query(server, admin, "/api/v1/organization/" + org + "/aggregatelogs", {{"performer", "nobody-such"}});
        QCOMPARE(unknownCounts.status, 200);
        QVERIFY(unknownCounts.json().value("aggregated").toArray().isEmpty());
    }

    void datesAreUtcDaysEndInclusive()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        HttpClient registry(server->baseUrl());
        const QString org = organizationWithImage(server, backend, registry, "logdate");
        QVERIFY(!org.isEmpty());
        const QString path = "/api/v1/organization/" + org + "/logs";

        // Today alone (the end day is inclusive) holds today's entries.
        const HttpReply today = query(server, admin, path, {{"starttime", day()}, {"endtime", day()}});
        QCOMPARE(today.status, 200);
        QVERIFY(kindsOf(today.json().value("logs").toArray()).contains("push_repo"));
        // Yesterday alone does not; the answer names the days it covered.
        const HttpReply past = query(server, admin, path, {{"starttime", "01/02/2024"}, {"endtime", "01/03/2024"}});
        QCOMPARE(past.status, 200);
        QVERIFY(past.json().value("logs").toArray().isEmpty());
        QCOMPARE(past.json().value("start_time").toString(), QStringLiteral("Tue, 02 Jan 2024 00:00:00 -0000"));
        QCOMPARE(past.json().value("end_time").toString(), QStringLiteral("Thu, 04 Jan 2024 00:00:00 -0000"));
        const HttpReply counts = query(server, admin, "/api/v1/organization/" + org + "/aggregatelogs",
                                       {{"starttime", day(-1)}, {"endtime", day()}});
        QCOMPARE(counts.status, 200);
        const QJsonArray rows = counts.json().value("aggregated").toArray();
        QVERIFY(!rows.isEmpty());
        // Each row is a UTC day: today's midnight.
        const QString midnight = QLocale::c().toString(QDateTime::currentDateTimeUtc().date(), QStringLiteral("dd MMM yyyy"))
            + QStringLiteral(" 00:00:00 -0000");
        for (const QJsonValue &row : rows)
            QVERIFY2(row.toObject().value("datetime").toString().endsWith(midnight),
                     qPrintable(row.toObject().value("datetime").toString()));
    }

    void badDatesAreRefused_data()
    {
        QTest::addColumn<QString>("starttime");
        QTest::addColumn<QString>("endtime");
        QTest::newRow("iso date") << "2024-01-02" << "";
        QTest::newRow("no such month") << "13/01/2024" << "";
        QTest::newRow("no such day") << "" << "02/30/2024";
        QTest::newRow("words") << "yesterday" << "";
        QTest::newRow("end before start") << "03/10/2024" << "03/09/2024";
        QTest::newRow("over 31 days") << "01/01/2024" << "02/01/2024";
    }

    void badDatesAreRefused()
    {
        QFETCH(QString, starttime);
        QFETCH(QString, endtime);
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        QList<QPair<QString, QString>> items;
        if (!starttime.isEmpty())
            items << qMakePair(QStringLiteral("starttime"), starttime);
        if (!endtime.isEmpty())
            items << qMakePair(QStringLiteral("endtime"), endtime);
        for (const QString &path : {QStringLiteral("/api/v1/user/logs"), QStringLiteral("/api/v1/user/aggregatelogs"),
                                    QStringLiteral("/api/v1/superuser/logs")}) {
            const HttpReply reply = query(server, admin, path, items);
            QVERIFY2(reply.status == 400, qPrintable(path + ": " + QString::number(reply.status) + " " + reply.body));
            QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        }
        // Exactly 31 days is allowed.
        QCOMPARE(query(server, admin, "/api/v1/user/logs", {{"starttime", "01/01/2024"}, {"endtime", "01/31/2024"}}).status, 200);
    }

    void callersWithoutAdminRightsAreRefused()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        HttpClient registry(server->baseUrl());
        const QString org = organizationWithImage(server, backend, registry, "logperm");
        QVERIFY(!org.isEmpty());
        const QString outsider = token(server, backend, "logoutsider");
        const QString writer = token(server, backend, "logwriter");
        const QString auditor = token(server, backend, kAuditor);
        QVERIFY(!outsider.isEmpty() && !writer.isEmpty() && !auditor.isEmpty());
        QCOMPARE(call(server, admin, "PUT", "/api/v1/repository/" + org + "/app/permissions/user/logwriter",
                      R"({"role": "write"})").status, 200);

        const QStringList orgPaths{"/api/v1/organization/" + org + "/logs", "/api/v1/organization/" + org + "/aggregatelogs"};
        const QStringList repoPaths{"/api/v1/repository/" + org + "/app/logs", "/api/v1/repository/" + org + "/app/aggregatelogs"};
        const QStringList suPaths{"/api/v1/superuser/logs", "/api/v1/superuser/aggregatelogs"};
        for (const QString &path : orgPaths + repoPaths + suPaths) {
            QCOMPARE(query(server, {}, path).status, 401);
            QCOMPARE(query(server, outsider, path).status, 403);
            QCOMPARE(query(server, writer, path).status, 403);       // write is not admin
            QVERIFY2(query(server, auditor, path).status == 200, qPrintable(path));   // global read-only superuser
        }
        QCOMPARE(query(server, {}, "/api/v1/user/logs").status, 401);
        // A token without user:admin may not read its own account's logs.
        const QString readOnly = server->createToken("logwriter", "user:read");
        QVERIFY(!readOnly.isEmpty());
        QCOMPARE(query(server, readOnly, "/api/v1/user/logs").status, 403);

        // The outsider's own view holds nothing of the organization's.
        for (const QJsonValue &entry : allLogs(server, outsider, "/api/v1/user/logs"))
            QVERIFY(entry.toObject().value("metadata").toObject().value("namespace") != org);
        // A missing repository is 404 for its organization's admin.
        QCOMPARE(query(server, admin, "/api/v1/repository/" + org + "/missing/logs").status, 404);
    }

    void aggregatesCanBeTurnedOff()
    {
        KAI_SERVER(server, m_noAggregates,
                   ServerProcess::Options::withConfig({"FEATURE_AGGREGATED_LOG_COUNT_RETRIEVAL: false"}));
        const QString admin = server->createToken(server->adminUser());
        QCOMPARE(query(server, admin, "/api/v1/user/aggregatelogs").status, 404);
        QCOMPARE(query(server, admin, "/api/v1/superuser/aggregatelogs").status, 404);
        QCOMPARE(query(server, admin, "/api/v1/user/logs").status, 200);
    }

    void retentionDeletesOldEntries()
    {
        KAI_SERVER(server, m_shortRetention, ServerProcess::Options::withConfig({"ACTION_LOG_RETENTION: 5s"}));
        const QString admin = server->createToken(server->adminUser());
        HttpClient registry(server->baseUrl());
        registry.login(server->adminUser(), server->adminPassword(), {"repository:admin/kept:pull,push"});
        QVERIFY(!pushImage(registry, "admin/kept", "latest", "retention").isEmpty());
        const QString path = QStringLiteral("/api/v1/repository/admin/kept/logs");
        QVERIFY(kindsOf(allLogs(server, admin, path)).contains("push_repo"));
        // The worker wakes every second; the entry goes once 5 s old.
        QDeadlineTimer deadline(20'000);
        bool gone = false;
        while (!gone && !deadline.hasExpired()) {
            QThread::msleep(500);
            gone = !kindsOf(allLogs(server, admin, path)).contains("push_repo");
        }
        QVERIFY2(gone, "the push entry outlived ACTION_LOG_RETENTION");
        // Its count went with it: today's aggregate equals today's entries.
        QHash<QString, qint64> listed;
        for (const QString &kind : kindsOf(allLogs(server, admin, path)))
            ++listed[kind];
        const HttpReply counts = query(server, admin, "/api/v1/repository/admin/kept/aggregatelogs",
                                       {{"starttime", day()}, {"endtime", day()}});
        QCOMPARE(countsByKind(counts), listed);
    }

    // KAI_ACTION_LOG_PULLS: false drops pull_repo and nothing else: the
    // push is listed and counted, and a login queued behind the pulls on
    // the batch writer is listed, so the pulls had their chance to appear.
    void pullLoggingOffWritesEveryOtherEntry()
    {
        KAI_SERVER(server, m_noPullLogs, ServerProcess::Options::withConfig({"KAI_ACTION_LOG_PULLS: false"}));
        const QString admin = server->createToken(server->adminUser());
        HttpClient registry(server->baseUrl());
        registry.login(server->adminUser(), server->adminPassword(), {"repository:admin/unpulled:pull,push"});
        const QByteArray manifest = pushImage(registry, "admin/unpulled", "v1", "pulls-off");
        QVERIFY(!manifest.isEmpty());
        QCOMPARE(registry.get("/v2/admin/unpulled/manifests/v1", {{"Accept", kOciManifestType}}).status, 200);
        QCOMPARE(registry.get("/v2/admin/unpulled/manifests/" + sha256Of(manifest), {{"Accept", kOciManifestType}}).status,
                 200);

        const QString witness = QStringLiteral("pullsoffwitness");
        const QString witnessToken = token(server, backend, witness);
        QVERIFY(!witnessToken.isEmpty());
        HttpClient witnessRegistry(server->baseUrl());
        QVERIFY(!witnessRegistry.login(witness, m_tokens.password(), {}).isEmpty());
        bool witnessed = false;
        for (QDeadlineTimer deadline(10'000); !witnessed && !deadline.hasExpired(); QThread::msleep(200)) {
            for (const QJsonValue &entry : allLogs(server, witnessToken, "/api/v1/user/logs")) {
                const QJsonObject object = entry.toObject();
                witnessed = witnessed
                    || (object.value("kind") == QLatin1String("login_success")
                        && object.value("metadata").toObject().value("type") == QLatin1String("v2auth"));
            }
        }
        QVERIFY2(witnessed, "the login after the pulls never reached the log");

        const QString path = QStringLiteral("/api/v1/repository/admin/unpulled/logs");
        const QStringList kinds = kindsOf(allLogs(server, admin, path));
        QVERIFY2(kinds.contains("push_repo") && !kinds.contains("pull_repo"), qPrintable(kinds.join(',')));
        const QHash<QString, qint64> counted = countsByKind(query(
            server, admin, "/api/v1/repository/admin/unpulled/aggregatelogs", {{"starttime", day()}, {"endtime", day()}}));
        QCOMPARE(counted.value("push_repo"), qint64(kinds.count("push_repo")));
        QVERIFY(!counted.contains("pull_repo"));
    }

    // The ip of every entry of `kind` in `logs`, in listing order.
    static QStringList ipsOf(const QJsonArray &logs, const QString &kind)
    {
        QStringList ips;
        for (const QJsonValue &entry : logs) {
            if (entry.toObject().value("kind") == kind)
                ips << entry.toObject().value("ip").toString();
        }
        return ips;
    }

    // Behind reverse proxies (KAI_TRUSTED_PROXIES) an entry records the
    // client the proxies name: X-Forwarded-For read from the right, up to
    // the first hop that is not a trusted proxy.
    void entriesRecordTheClientBehindTrustedProxies()
    {
        KAI_SERVER(server, m_behindProxy,
                   ServerProcess::Options::withConfig({"KAI_TRUSTED_PROXIES: [127.0.0.1, 10.0.0.0/8]"}));
        const QString admin = server->createToken(server->adminUser());
        const QString repository = QStringLiteral("admin/proxied");
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"})
                     .isEmpty());
        QVERIFY(!pushImage(registry, repository, "v1", "proxied").isEmpty());
        // The left-most address is the client's own claim: not believed.
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/v1",
                              {{"Accept", kOciManifestType},
                               {"X-Forwarded-For", "198.51.100.66, 203.0.113.7, 10.1.2.3"}}).status,
                 200);
        HttpClient api(server->baseUrl());
        api.setBearer(admin);
        QCOMPARE(api.send("PUT", "/api/v1/repository/" + repository, R"({"description": "behind a proxy"})",
                          {{"Content-Type", "application/json"}, {"X-Forwarded-For", "2001:db8::8"}}).status,
                 200);

        const QJsonArray logs = waitForKind(server, admin, "/api/v1/repository/" + repository + "/logs", "pull_repo");
        QCOMPARE(ipsOf(logs, "pull_repo"), QStringList{"203.0.113.7"});
        QCOMPARE(ipsOf(logs, "set_repo_description"), QStringList{"2001:db8::8"});
        QCOMPARE(ipsOf(logs, "push_repo"), QStringList{"127.0.0.1"});   // sent without the header
    }

    // Without KAI_TRUSTED_PROXIES a client cannot choose the address its
    // entries are recorded under.
    void forwardedForIsIgnoredWithoutTrustedProxies()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        const QString repository = QStringLiteral("admin/unproxied");
        HttpClient registry(server->baseUrl());
        QVERIFY(!registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"})
                     .isEmpty());
        QVERIFY(!pushImage(registry, repository, "v1", "unproxied").isEmpty());
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/v1",
                              {{"Accept", kOciManifestType}, {"X-Forwarded-For", "203.0.113.7"}}).status,
                 200);
        const QJsonArray logs = waitForKind(server, admin, "/api/v1/repository/" + repository + "/logs", "pull_repo");
        QCOMPARE(ipsOf(logs, "pull_repo"), QStringList{"127.0.0.1"});
    }

    // Last: it kills and restarts the suite's server.
    void entriesSurviveKillAndStop()
    {
        KAI_SERVER(server, m_fixture, options());
        const QString admin = token(server, backend, "admin");
        HttpClient registry(server->baseUrl());
        registry.login(server->adminUser(), server->adminPassword(), {"repository:admin/crashlog:pull,push"});
        QVERIFY(!pushImage(registry, "admin/crashlog", "before-kill", "crash").isEmpty());
        // The push's entry committed with the push: SIGKILL cannot lose it.
        server->kill();
        QVERIFY(server->restart().ok());
        const QString path = QStringLiteral("/api/v1/repository/admin/crashlog/logs");
        QJsonArray logs = allLogs(server, admin, path);
        bool pushed = false;
        for (const QJsonValue &entry : logs)
            pushed = pushed || entry.toObject().value("metadata").toObject().value("tag") == QLatin1String("before-kill");
        QVERIFY2(pushed, "the push's entry is gone after SIGKILL");

        // A pull answered just before a graceful stop is written by the stop.
        registry.login(server->adminUser(), server->adminPassword(), {"repository:admin/crashlog:pull"});
        QCOMPARE(registry.get("/v2/admin/crashlog/manifests/before-kill").status, 200);
        QVERIFY(server->stop());
        QVERIFY(server->restart().ok());
        QVERIFY(kindsOf(allLogs(server, admin, path)).contains("pull_repo"));
    }
};

QTEST_GUILESS_MAIN(TestApiLogs)
#include "tst_api_logs.moc"
