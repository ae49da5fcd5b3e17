// Exporting usage logs (guide 9.4, reference §2.11): an admin asks for an
// export of an organization's, a repository's or their own logs; the
// server writes one JSON document, POSTs its status to a callback URL
// served by this test on 127.0.0.1 (listed in SSRF_ALLOWED_HOSTS) and/or
// mails the link to a real SMTP server (python3-aiosmtpd); the link
// expires. Bad input is refused before anything is queued. Against a real
// kai-server on SQLite and PostgreSQL.
#include "serverfixture.h"
#include "registrytestdata.h"
#include "support/callbackserver.h"
#include "support/smtpserver.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QThread>
#include <QTimeZone>
#include <QUrl>

using namespace kai::test;

namespace {

// Short enough for the expiry test to wait for, long enough to download a
// document after three callback attempts one and two poll periods apart.
constexpr int kLinkSeconds = 8;
// The server's limit on callback attempts (ExportWorker::kMaxCallbackAttempts).
constexpr int kAttemptsLimit = 3;

QString day(int daysFromToday)
{
    return QDateTime::currentDateTimeUtc().date().addDays(daysFromToday).toString(QStringLiteral("MM/dd/yyyy"));
}

} // namespace

class TestApiExportLogs : public QObject
{
    Q_OBJECT

private:
    SmtpServer m_smtp;
    CallbackServer m_receiver;
    ServerFixture m_fixture;
    ServerFixture m_gatedFixture;   // FEATURE_LOG_EXPORT: false
    UserTokens m_tokens{QStringLiteral("export-password-1")};

    ServerProcess::Options exportingServer() const
    {
        ServerProcess::Options options;
        options.extraConfig = {QStringLiteral("SSRF_ALLOWED_HOSTS: [\"127.0.0.1\"]"),
                               QStringLiteral("EXPORT_ACTION_LOGS_WORKER_POLL_PERIOD: 1"),
                               QStringLiteral("EXPORT_ACTION_LOGS_SECONDS: %1").arg(kLinkSeconds),
                               QStringLiteral("FEATURE_MAILING: true"), QStringLiteral("MAIL_SERVER: 127.0.0.1"),
                               QStringLiteral("MAIL_PORT: %1").arg(m_smtp.port()), QStringLiteral("MAIL_USE_TLS: false"),
                               QStringLiteral("MAIL_DEFAULT_SENDER: registry@example.com")};
        return options;
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QByteArray &body = {})
    {
        return apiCall(server, token, method, path, body);
    }

    static QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

    // An organization with two repositories, made through the API so that
    // their entries are in the usage log; idempotent per server.
    void createOrganization(ServerProcess *server, const QString &admin, const QString &org)
    {
        if (call(server, admin, "GET", "/api/v1/organization/" + org).status == 200)
            return;
        QCOMPARE(call(server, admin, "POST", "/api/v1/organization/", json({{"name", org}})).status, 201);
        for (const char *name : {"alpha", "beta"}) {
            QCOMPARE(call(server, admin, "POST", "/api/v1/repository",
                          json({{"namespace", org}, {"repository", name}, {"visibility", "private"}, {"description", ""}}))
                         .status,
                     201);
        }
        QCOMPARE(call(server, admin, "PUT", "/api/v1/repository/" + org + "/alpha",
                      json({{"description", "the first"}}))
                     .status,
                 200);
    }

    // The entries of a listing (newest first), every page.
    static QJsonArray listing(ServerProcess *server, const QString &token, const QString &path)
    {
        QJsonArray entries;
        QString nextPage;
        for (int page = 0; page < 50; ++page) {
            const QString query = nextPage.isEmpty() ? QString() : "?next_page=" + QUrl::toPercentEncoding(nextPage);
            const HttpReply reply = call(server, token, "GET", path + query);
            if (reply.status != 200)
                return {};
            for (const QJsonValue &entry : reply.json().value("logs").toArray())
                entries.append(entry);
            nextPage = reply.json().value("next_page").toString();
            if (nextPage.isEmpty())
                break;
        }
        return entries;
    }

    // The export's status document as the callback received it.
    QJsonObject awaitCallback(const QString &path)
    {
        const auto received = m_receiver.waitForRequests(path, 1, 15'000);
        if (received.empty())
            return {};
        return received.front().json();
    }

    // Downloads an exported_data_url, checking it points at this server.
    static HttpReply download(ServerProcess *server, const QString &link)
    {
        if (!link.startsWith(server->baseUrl() + QStringLiteral("/exportedlogs/")))
            return {};
        return call(server, {}, "GET", link.mid(server->baseUrl().size()));
    }

    // The document's entries without the terminator, which must close it.
    static QJsonArray entriesOf(const QJsonObject &document)
    {
        QJsonArray logs = document.value("logs").toArray();
        if (logs.isEmpty() || logs.last().toObject() != QJsonObject{{"terminator", true}})
            return {};
        logs.removeLast();
        return logs;
    }

    // Waits for an entry of `kind` about this export in a listing.
    static QJsonObject awaitEntry(ServerProcess *server, const QString &token, const QString &listingPath,
                                  const QString &kind, const QString &exportId)
    {
        QDeadlineTimer deadline(10'000);
        do {
            for (const QJsonValue &entry : listing(server, token, listingPath)) {
                const QJsonObject object = entry.toObject();
                if (object.value("kind").toString() == kind
                    && object.value("metadata").toObject().value("export_id").toString() == exportId)
                    return object;
            }
            QThread::msleep(200);
        } while (!deadline.hasExpired());
        return {};
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void initTestCase()
    {
        KAI_REQUIRE_SERVICE(SmtpServer::available(), "SMTP test server (apt-get install python3-aiosmtpd)");
        const kai::Status smtp = m_smtp.start();
        QVERIFY2(smtp.ok(), smtp.ok() ? "" : qPrintable(smtp.error().message));
        const kai::Status receiver = m_receiver.start();
        QVERIFY2(receiver.ok(), receiver.ok() ? "" : qPrintable(receiver.error().message));
    }

    void orgAdminExportsToACallbackAndDownloadsExactlyTheOrgEntries()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        createOrganization(server, admin, "otherorg");
        const QJsonArray expected = listing(server, admin, "/api/v1/organization/exportorg/logs");
        QVERIFY2(expected.size() >= 3, "org and repository creation are in the usage log");

        const QString path = "/org-done-" + backend;
        HttpReply reply = call(server, admin, "POST", "/api/v1/organization/exportorg/exportlogs",
                               json({{"callback_url", m_receiver.url(path)}}));
        QCOMPARE(reply.status, 200);
        const QString exportId = reply.json().value("export_id").toString();
        QVERIFY2(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$").match(exportId).hasMatch(),
                 qPrintable(reply.body));

        const QJsonObject status = awaitCallback(path);
        QCOMPARE(status.value("export_id").toString(), exportId);
        QCOMPARE(status.value("status").toString(), QStringLiteral("success"));
        QCOMPARE(status.value("namespace").toString(), QStringLiteral("exportorg"));
        QVERIFY(status.value("repository").isNull());
        QCOMPARE(status.value("start_time").toString(), day(-1));
        QCOMPARE(status.value("end_time").toString(), day(0));

        reply = download(server, status.value("exported_data_url").toString());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        QJsonParseError error{};
        const QJsonObject document = QJsonDocument::fromJson(reply.body, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.value("export_id").toString(), exportId);
        QCOMPARE(document.value("details").toObject(),
                 QJsonObject({{"start_time", day(-1)}, {"end_time", day(0)}, {"namespace", "exportorg"}, {"repository", QJsonValue()}}));
        // Exactly the entries the org's listing shows, in its order (newest
        // first) and shape; none of the other organization.
        const QJsonArray entries = entriesOf(document);
        QCOMPARE(entries, expected);
        QStringList kinds;
        for (const QJsonValue &entry : entries) {
            kinds << entry.toObject().value("kind").toString();
            QVERIFY(!QJsonDocument(entry.toObject()).toJson().contains("otherorg"));
        }
        QVERIFY2(kinds.count(QStringLiteral("create_repo")) == 2, qPrintable(kinds.join(',')));

        const QJsonObject logged = awaitEntry(server, admin, "/api/v1/organization/exportorg/logs", "export_logs_success", exportId);
        QCOMPARE(logged.value("metadata").toObject().value("url").toString(), m_receiver.url(path));
        QCOMPARE(logged.value("performer").toObject().value("name").toString(), server->adminUser());
    }

    void repositoryExportHoldsOnlyThatRepository()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const QJsonArray expected = listing(server, admin, "/api/v1/repository/exportorg/alpha/logs");
        QVERIFY(!expected.isEmpty());

        const QString path = "/repo-done-" + backend;
        HttpReply reply = call(server, admin, "POST",
                               QStringLiteral("/api/v1/repository/exportorg/alpha/exportlogs?starttime=%1&endtime=%2").arg(day(-3), day(0)),
                               json({{"callback_url", m_receiver.url(path)}}));
        QCOMPARE(reply.status, 200);
        const QJsonObject status = awaitCallback(path);
        QCOMPARE(status.value("status").toString(), QStringLiteral("success"));
        QCOMPARE(status.value("repository").toString(), QStringLiteral("alpha"));
        QCOMPARE(status.value("start_time").toString(), day(-3));

        reply = download(server, status.value("exported_data_url").toString());
        QCOMPARE(reply.status, 200);
        const QJsonArray entries = entriesOf(reply.json());
        QCOMPARE(entries, expected);
        for (const QJsonValue &entry : entries)
            QCOMPARE(entry.toObject().value("metadata").toObject().value("repo").toString(), QStringLiteral("alpha"));
    }

    // Pulls in a loop are stored a row a second (013_log_repeats.sql); the
    // document still holds each pull, exactly as the listing shows them.
    void pullsInALoopAreExportedOneByOne()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        HttpClient registry(server->baseUrl());
        registry.login(server->adminUser(), server->adminPassword(), {"repository:exportorg/pulled:pull,push"});
        const QByteArray config = R"({"architecture":"amd64","os":"linux"})";
        const QByteArray layer = "a layer pulled in a loop";
        QVERIFY(!registry.pushBlob("exportorg/pulled", config).isEmpty());
        QVERIFY(!registry.pushBlob("exportorg/pulled", layer).isEmpty());
        const QByteArray mediaType = "application/vnd.oci.image.manifest.v1+json";
        QCOMPARE(registry.putManifest("exportorg/pulled", "v1", ociImageManifest(config, {layer}), mediaType).status, 201);
        constexpr int kPulls = 30;
        for (int i = 0; i < kPulls; ++i)
            QCOMPARE(registry.get("/v2/exportorg/pulled/manifests/v1", {{"Accept", mediaType}}).status, 200);

        const QString listingPath = QStringLiteral("/api/v1/repository/exportorg/pulled/logs");
        QJsonArray expected;
        const auto pullsIn = [](const QJsonArray &entries) {
            return std::count_if(entries.begin(), entries.end(),
                                 [](const QJsonValue &e) { return e.toObject().value("kind") == QLatin1String("pull_repo"); });
        };
        for (QDeadlineTimer deadline(10'000); pullsIn(expected) < kPulls && !deadline.hasExpired(); QThread::msleep(200))
            expected = listing(server, admin, listingPath);
        QCOMPARE(pullsIn(expected), kPulls);

        const QString path = "/pulled-done-" + backend;
        HttpReply reply = call(server, admin, "POST", "/api/v1/repository/exportorg/pulled/exportlogs",
                               json({{"callback_url", m_receiver.url(path)}}));
        QCOMPARE(reply.status, 200);
        const QJsonObject status = awaitCallback(path);
        QCOMPARE(status.value("status").toString(), QStringLiteral("success"));
        reply = download(server, status.value("exported_data_url").toString());
        QCOMPARE(reply.status, 200);
        const QJsonArray entries = entriesOf(reply.json());
        QCOMPARE(pullsIn(entries), kPulls);
        QCOMPARE(entries, expected);
    }

    void userExportIsMailedWithALinkThatWorks()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        const QString recipient = QStringLiteral("auditor.%1@example.com").arg(backend);
        HttpReply reply = call(server, admin, "POST", "/api/v1/user/exportlogs", json({{"callback_email", recipient}}));
        QCOMPARE(reply.status, 200);
        const QString exportId = reply.json().value("export_id").toString();

        QDeadlineTimer deadline(15'000);
        std::optional<ReceivedMail> mail;
        while (!mail && !deadline.hasExpired()) {
            for (const ReceivedMail &received : m_smtp.messages())
                if (received.envelopeRecipient == recipient && received.body.contains(exportId))
                    mail = received;
            QThread::msleep(50);
        }
        QVERIFY2(mail.has_value(), "the export's mail arrived");
        QCOMPARE(mail->header("Subject"), QStringLiteral("Export Action Logs Complete"));
        const auto link = QRegularExpression(QStringLiteral("(http://\\S+/exportedlogs/\\S+)")).match(mail->body);
        QVERIFY2(link.hasMatch(), qPrintable(mail->body));
        reply = download(server, link.captured(1));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("export_id").toString(), exportId);
        QCOMPARE(reply.json().value("details").toObject().value("namespace").toString(), server->adminUser());
        QVERIFY(!reply.json().value("logs").toArray().isEmpty());
    }

    // Guide 9.4's three curl commands, bodies as printed. Like Quay, the
    // export reads starttime and endtime from the query only, so the dates
    // in the bodies (the third in ISO form) leave the default range: from
    // yesterday through today.
    void theGuidesRequestsAreAccepted()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const QRegularExpression uuid(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

        const QByteArray userBody = QStringLiteral(R"({"starttime": "%1", "endtime": "%2", "callback_email": "your.email@example.com"})")
                                        .arg(day(-2), day(0)).toUtf8();
        HttpReply reply = call(server, admin, "POST", "/api/v1/user/exportlogs", userBody);
        QCOMPARE(reply.status, 200);
        QVERIFY2(uuid.match(reply.json().value("export_id").toString()).hasMatch(), reply.body.constData());

        const QByteArray orgBody = QStringLiteral(R"({"starttime": "%1", "endtime": "%2", "callback_email": "org.logs@example.com"})")
                                       .arg(day(-2), day(0)).toUtf8();
        reply = call(server, admin, "POST", "/api/v1/organization/exportorg/exportlogs", orgBody);
        QCOMPARE(reply.status, 200);
        QVERIFY2(uuid.match(reply.json().value("export_id").toString()).hasMatch(), reply.body.constData());

        const QString path = "/guide-repo-" + backend;
        const QByteArray repoBody = QStringLiteral(R"({"starttime": "2024-01-01", "endtime": "2024-06-18", "callback_url": "%1"})")
                                        .arg(m_receiver.url(path)).toUtf8();
        reply = call(server, admin, "POST", "/api/v1/repository/exportorg/alpha/exportlogs", repoBody);
        QCOMPARE(reply.status, 200);
        const QJsonObject status = awaitCallback(path);
        QCOMPARE(status.value("status").toString(), QStringLiteral("success"));
        QCOMPARE(status.value("start_time").toString(), day(-1));
        QCOMPARE(status.value("end_time").toString(), day(0));
    }

    void theLinkExpiresAndTheFileIsRemoved()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const QString path = "/expiry-" + backend;
        QCOMPARE(call(server, admin, "POST", "/api/v1/organization/exportorg/exportlogs",
                      json({{"callback_url", m_receiver.url(path)}})).status,
                 200);
        const QString link = awaitCallback(path).value("exported_data_url").toString();
        QCOMPARE(download(server, link).status, 200);
        const QString file = QDir(server->dataDir()).absoluteFilePath("storage/exportedactionlogs/" + link.section('/', -1));
        QVERIFY2(QFile::exists(file), qPrintable(file));

        // One wait for the link's lifetime, then a poll period or two for
        // the worker to remove the file.
        QThread::sleep(kLinkSeconds);
        QCOMPARE(download(server, link).status, 404);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(file), 5000);
        QCOMPARE(download(server, link).status, 404);

        // Ids that were never made are not found either, and nothing
        // outside the export directory can be named.
        QCOMPARE(download(server, server->baseUrl() + "/exportedlogs/" + QUuid::createUuid().toString(QUuid::WithoutBraces)
                                      + '-' + QUuid::createUuid().toString(QUuid::WithoutBraces)).status,
                 404);
        QCOMPARE(download(server, server->baseUrl() + "/exportedlogs/..%2Fkeys%2Fsecret.key").status, 404);
    }

    void aCallbackThatKeepsFailingIsTriedThreeTimesThenRecordedFailed()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const QString path = "/broken-" + backend;
        m_receiver.setStatus(path, 500);
        HttpReply reply = call(server, admin, "POST", "/api/v1/organization/exportorg/exportlogs",
                               json({{"callback_url", m_receiver.url(path)}}));
        QCOMPARE(reply.status, 200);
        const QString exportId = reply.json().value("export_id").toString();

        auto attempts = m_receiver.waitForRequests(path, kAttemptsLimit, 20'000);
        QCOMPARE(int(attempts.size()), kAttemptsLimit);
        for (const auto &attempt : attempts)
            QCOMPARE(attempt.json().value("export_id").toString(), exportId);
        // The document was written: the file is kept until it expires.
        QCOMPARE(download(server, attempts.back().json().value("exported_data_url").toString()).status, 200);

        const QJsonObject failure = awaitEntry(server, admin, "/api/v1/organization/exportorg/logs", "export_logs_failure", exportId);
        QVERIFY2(failure.value("metadata").toObject().value("error").toString().contains("500"), qPrintable(json(failure)));
        QCOMPARE(failure.value("metadata").toObject().value("url").toString(), m_receiver.url(path));
        // No retry storm: three attempts in all, also after more polls.
        QThread::sleep(3);
        QCOMPARE(int(m_receiver.requests(path).size()), kAttemptsLimit);
    }

    void aPendingDeliverySurvivesARestart()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const QString path = "/restart-" + backend;
        m_receiver.setStatus(path, 503);
        const HttpReply reply = call(server, admin, "POST", "/api/v1/organization/exportorg/exportlogs",
                                     json({{"callback_url", m_receiver.url(path)}}));
        QCOMPARE(reply.status, 200);
        const QString exportId = reply.json().value("export_id").toString();
        QCOMPARE(int(m_receiver.waitForRequests(path, 1).size()), 1);

        // A graceful stop while the job waits for its next attempt; the
        // job and its attempt count are in the database.
        QVERIFY2(server->stop(), "the server stops cleanly with the export worker running");
        const int before = int(m_receiver.requests(path).size());
        QVERIFY(before < kAttemptsLimit);
        m_receiver.setStatus(path, 200);
        const kai::Status restarted = server->restart();
        QVERIFY2(restarted.ok(), restarted.ok() ? "" : qPrintable(restarted.error().message));

        const auto received = m_receiver.waitForRequests(path, before + 1, 15'000);
        QCOMPARE(int(received.size()), before + 1);
        QCOMPARE(received.back().json().value("export_id").toString(), exportId);
        QCOMPARE(received.back().json().value("status").toString(), QStringLiteral("success"));
        QVERIFY(!awaitEntry(server, admin, "/api/v1/organization/exportorg/logs", "export_logs_success", exportId).isEmpty());
    }

    void badInputIsRefusedAndNothingIsQueued_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("message");
        const QString port = QString::number(m_receiver.port());
        QTest::newRow("e-mail without @") << QString() << QJsonObject{{"callback_email", "auditor.example.com"}}
                                          << "Invalid callback e-mail";
        QTest::newRow("ftp callback") << QString() << QJsonObject{{"callback_url", "ftp://127.0.0.1:" + port + "/bad"}}
                                      << "Invalid callback URL: the URL must use http or https";
        QTest::newRow("private callback") << QString() << QJsonObject{{"callback_url", "http://10.0.0.1/bad"}}
                                          << "Invalid callback URL: host 10.0.0.1 is 10.0.0.1, a private";
        QTest::newRow("localhost is not 127.0.0.1 in the allow-list")
            << QString() << QJsonObject{{"callback_url", "http://localhost:" + port + "/bad"}}
            << "Invalid callback URL: host localhost is";
        QTest::newRow("callback of the wrong type") << QString() << QJsonObject{{"callback_url", 42}} << "is not of type 'string'";
        QTest::newRow("nobody to tell") << QString() << QJsonObject{} << "give a callback_url, a callback_email or both";
        QTest::newRow("malformed date") << "?starttime=2024-01-01" << QJsonObject{{"callback_email", "a@example.com"}}
                                        << "Invalid starttime";
        QTest::newRow("end before start") << QStringLiteral("?starttime=%1&endtime=%2").arg(day(0), day(-2))
                                          << QJsonObject{{"callback_email", "a@example.com"}} << "endtime is before starttime";
    }
    void badInputIsRefusedAndNothingIsQueued()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        QFETCH(QString, query);
        QFETCH(QJsonObject, body);
        QFETCH(QString, message);
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const HttpReply reply = call(server, admin, "POST", "/api/v1/organization/exportorg/exportlogs" + query, json(body));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("invalid_request"));
        QVERIFY2(reply.json().value("detail").toString().contains(message), qPrintable(reply.body));
        QVERIFY(!reply.json().contains("export_id"));
        // Nothing reached the callback receiver's refused paths.
        QVERIFY(m_receiver.requests("/bad").empty());
    }

    void refusedExportsLeaveNoTraceInTheUsageLog()
    {
        // Jobs run in order: once a later export is delivered, a refused
        // one queued before it would have ended too, with an entry.
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const QString path = "/after-refusals-" + backend;
        QCOMPARE(call(server, admin, "POST", "/api/v1/organization/exportorg/exportlogs",
                      json({{"callback_url", m_receiver.url(path)}})).status,
                 200);
        const QString exportId = awaitCallback(path).value("export_id").toString();
        QVERIFY(!awaitEntry(server, admin, "/api/v1/organization/exportorg/logs", "export_logs_success", exportId).isEmpty());
        for (const QJsonValue &entry : listing(server, admin, "/api/v1/organization/exportorg/logs")) {
            const QJsonObject metadata = entry.toObject().value("metadata").toObject();
            QVERIFY2(!metadata.value("url").toString().contains("/bad"), qPrintable(json(entry.toObject())));
            QVERIFY2(metadata.value("email").toString() != QLatin1String("auditor.example.com"), qPrintable(json(entry.toObject())));
        }
    }

    void withTheFeatureOffTheEndpointsAreNotFound()
    {
        KAI_SERVER(server, m_gatedFixture, ServerProcess::Options::withConfig({"FEATURE_LOG_EXPORT: false"}));
        const QString admin = server->createToken(server->adminUser());
        QVERIFY(!admin.isEmpty());
        const HttpReply reply = call(server, admin, "POST", "/api/v1/user/exportlogs",
                                     json({{"callback_url", "https://example.com/hook"}}));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("not_found"));
    }

    void callersWithoutAdminRightsAreRefused()
    {
        KAI_SERVER(server, m_fixture, exportingServer());
        const QString admin = m_tokens(server, backend, "admin");
        createOrganization(server, admin, "exportorg");
        const QString member = m_tokens(server, backend, "member");
        QVERIFY(!member.isEmpty());
        // A team member with write access to a repository still does not
        // administer the organization or the repository.
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/exportorg/team/writers", json({{"role", "member"}})).status, 200);
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/exportorg/team/writers/members/member").status, 200);
        QCOMPARE(call(server, admin, "PUT", "/api/v1/repository/exportorg/alpha/permissions/team/writers",
                      json({{"role", "write"}})).status,
                 200);
        const QByteArray body = json({{"callback_url", m_receiver.url("/denied")}});
        for (const char *path : {"/api/v1/organization/exportorg/exportlogs", "/api/v1/repository/exportorg/alpha/exportlogs"}) {
            const HttpReply reply = call(server, member, "POST", QString::fromLatin1(path), body);
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("insufficient_scope"));
            QCOMPARE(call(server, QString(), "POST", QString::fromLatin1(path), body).status, 401);
        }
        // A token without user:admin cannot export its user's logs.
        const QString readOnly = server->createToken(QStringLiteral("member"), QStringLiteral("user:read"));
        QVERIFY(!readOnly.isEmpty());
        QCOMPARE(call(server, readOnly, "POST", "/api/v1/user/exportlogs", body).status, 403);
        QCOMPARE(call(server, QString(), "POST", "/api/v1/user/exportlogs", body).status, 401);
        QVERIFY(m_receiver.requests("/denied").empty());
    }
};

QTEST_GUILESS_MAIN(TestApiExportLogs)
#include "tst_api_exportlogs.moc"
