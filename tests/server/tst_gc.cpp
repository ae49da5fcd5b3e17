// Online garbage collection (reference §4.1, §4.7): what a pass frees and
// what it must keep, `kai-server gc [--dry-run]`, the superuser status
// endpoint, and a push racing the collector, against a real kai-server on
// SQLite and PostgreSQL. Time needs no sleeping: the namespace's window is
// set to 0s and KAI_GC_BLOB_GRACE_SECONDS to 0, so garbage is collectable
// at once.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QThread>

#include <memory>

using namespace kai::test;

namespace {

const QByteArray kOciManifestType = "application/vnd.oci.image.manifest.v1+json";

QString configPathOf(ServerProcess *server)
{
    return QFileInfo(server->dataDir()).path() + QStringLiteral("/config.yaml");
}

QStringList gcArguments(ServerProcess *server, bool dryRun)
{
    QStringList args{"gc", "--config", configPathOf(server), "--data-dir", server->dataDir()};
    if (dryRun)
        args << "--dry-run";
    return args;
}

// `kai-server gc [--dry-run]` against the server's database and storage;
// its output, empty when it failed. On PostgreSQL a server's background
// collector may hold the collector lock for a moment: then it tries again.
QString runGc(ServerProcess *server, bool dryRun = false)
{
    QDeadlineTimer deadline(60'000);
    for (;;) {
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(ServerProcess::binary(), gcArguments(server, dryRun));
        const bool finished = cli.waitForFinished(120'000);
        const QByteArray output = cli.readAll();
        if (finished && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0)
            return QString::fromUtf8(output);
        if (!output.contains("another node is collecting") || deadline.hasExpired()) {
            qWarning("kai-server gc failed: %s", output.constData());
            return {};
        }
        QThread::msleep(100);
    }
}

// "  manifests: 3" in the gc output; -1 when absent.
qint64 countIn(const QString &output, const QString &kind)
{
    const QRegularExpression line(QStringLiteral("^\\s+%1: (\\d+)$").arg(QRegularExpression::escape(kind)),
                                  QRegularExpression::MultilineOption);
    const auto match = line.match(output);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

QString blobFile(ServerProcess *server, const QString &digest)
{
    const QString hex = digest.section(QLatin1Char(':'), 1);
    return QStringLiteral("%1/storage/blobs/sha256/%2/%3").arg(server->dataDir(), hex.left(2), hex);
}

QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
               const QByteArray &body = {})
{
    HttpClient client(server->baseUrl());
    if (!token.isEmpty())
        client.setBearer(token);
    return client.send(method, path, body, {{"Content-Type", "application/json"}});
}

// A monolithic blob upload; the reply, so that a failure shows its body.
HttpReply uploadBlob(HttpClient &client, const QString &repository, const QByteArray &data)
{
    return client.send("POST", QStringLiteral("/v2/%1/blobs/uploads/?digest=%2").arg(repository, sha256Of(data)), data,
                       {{"Content-Type", "application/octet-stream"}});
}

// Pushes `config` and `layers` and a manifest over them under `tag`; the
// manifest, empty on failure.
QByteArray pushImage(HttpClient &client, const QString &repository, const QString &tag, const QByteArray &config,
                     const QList<QByteArray> &layers)
{
    if (client.pushBlob(repository, config).isEmpty())
        return {};
    for (const QByteArray &layer : layers) {
        if (client.pushBlob(repository, layer).isEmpty())
            return {};
    }
    const QByteArray manifest = ociImageManifest(config, layers);
    if (client.putManifest(repository, tag, manifest, kOciManifestType).status != 201)
        return {};
    return manifest;
}

// Pulls `reference` and every blob it names; true when each blob's bytes
// hash to its digest and have its size.
bool pullsCompletely(HttpClient &client, const QString &repository, const QString &reference, QString *why)
{
    const HttpReply manifest = client.get("/v2/" + repository + "/manifests/" + reference,
                                          {{"Accept", kOciManifestType}});
    if (manifest.status != 200) {
        *why = QStringLiteral("%1:%2 answered %3").arg(repository, reference).arg(manifest.status);
        return false;
    }
    const QJsonObject object = QJsonDocument::fromJson(manifest.body).object();
    QJsonArray descriptors = object.value("layers").toArray();
    descriptors.prepend(object.value("config"));
    for (const QJsonValue &value : descriptors) {
        const QString digest = value.toObject().value("digest").toString();
        const HttpReply blob = client.get("/v2/" + repository + "/blobs/" + digest);
        if (blob.status != 200 || sha256Of(blob.body) != digest
            || blob.body.size() != value.toObject().value("size").toInteger()) {
            *why = QStringLiteral("%1:%2 blob %3 answered %4 with %5 bytes")
                       .arg(repository, reference, digest)
                       .arg(blob.status)
                       .arg(blob.body.size());
            return false;
        }
    }
    return true;
}

} // namespace

class TestGc : public QObject
{
    Q_OBJECT

private:
    // Passes run only when a test runs the CLI; links are collectable at once.
    ServerFixture m_fixture;
    // The background collector every second, for the race and the status.
    ServerFixture m_workerFixture;
    // As m_fixture, with POST .../tag/<t>/expire (PERMANENTLY_DELETE_TAGS).
    ServerFixture m_expireFixture;
    QHash<QString, QString> m_tokens; // server + user -> API token
    int m_counter = 0;

    static ServerProcess::Options cliOnly()
    {
        return ServerProcess::Options::withConfig({"FEATURE_GARBAGE_COLLECTION: false", "KAI_GC_BLOB_GRACE_SECONDS: 0"});
    }
    static ServerProcess::Options cliOnlyWithExpire()
    {
        return ServerProcess::Options::withConfig({"FEATURE_GARBAGE_COLLECTION: false", "KAI_GC_BLOB_GRACE_SECONDS: 0", "PERMANENTLY_DELETE_TAGS: true"});
    }
    static ServerProcess::Options backgroundWorker()
    {
        return ServerProcess::Options::withConfig({"GARBAGE_COLLECTION_FREQUENCY: 1", "KAI_GC_BLOB_GRACE_SECONDS: 0"});
    }

    QString tokenFor(ServerProcess *server, const QString &user)
    {
        const QString key = server->baseUrl() + user;
        if (!m_tokens.contains(key))
            m_tokens.insert(key, server->createToken(user));
        return m_tokens.value(key);
    }

    // The admin's namespace with a time-machine window of 0s (guide 8.13):
    // deleted tags are garbage at once.
    bool adminWindowZero(ServerProcess *server)
    {
        return call(server, tokenFor(server, server->adminUser()), "PUT", "/api/v1/user/", json({{"tag_expiration_s", 0}}))
                   .status
            == 200;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void windowZeroCollectsADeletedTagsImageAtOnce()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        QVERIFY(adminWindowZero(server));
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString repository = "admin/gc-zero-" + n;
        const QString other = "admin/gc-sharing-" + n;
        registry.login(server->adminUser(), server->adminPassword(),
                       {"repository:" + repository + ":pull,push", "repository:" + other + ":pull,push"});
        const QByteArray config = "config of the deleted image " + n.toUtf8();
        const QByteArray own = "a layer only the deleted image has " + n.toUtf8();
        const QByteArray shared = "a layer another repository has too " + n.toUtf8();
        const QByteArray deleted = pushImage(registry, repository, "old", config, {own, shared});
        const QByteArray kept = pushImage(registry, repository, "kept", "config of the kept image " + n.toUtf8(),
                                          {"layer of the kept image " + n.toUtf8()});
        const QByteArray sharing = pushImage(registry, other, "latest", "config of the sharing image " + n.toUtf8(), {shared});
        QVERIFY(!deleted.isEmpty() && !kept.isEmpty() && !sharing.isEmpty());

        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/old").status, 204);
        const QString output = runGc(server);
        QVERIFY2(!output.isEmpty(), "kai-server gc failed");
        QVERIFY2(countIn(output, "tags") >= 1, qPrintable(output));
        QVERIFY2(countIn(output, "manifests") >= 1, qPrintable(output));
        QVERIFY2(countIn(output, "blobs") >= 2, qPrintable(output));
        QVERIFY2(countIn(output, "bytes") >= config.size() + own.size(), qPrintable(output));

        // The image is gone: restore answers 404, so do its manifest and
        // its own blobs, and their files are removed.
        const HttpReply restore = call(server, token, "POST", "/api/v1/repository/" + repository + "/tag/old/restore",
                                       json({{"manifest_digest", sha256Of(deleted)}}));
        QCOMPARE(restore.status, 404);
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/" + sha256Of(deleted)).status, 404);
        QCOMPARE(registry.get("/v2/" + repository + "/blobs/" + sha256Of(own)).status, 404);
        QVERIFY(!QFileInfo::exists(blobFile(server, sha256Of(own))));
        QVERIFY(!QFileInfo::exists(blobFile(server, sha256Of(config))));
        // What is still referenced stays: the other tag, and the layer the
        // other repository shares (only this repository's link went).
        QString why;
        QVERIFY2(pullsCompletely(registry, repository, "kept", &why), qPrintable(why));
        QVERIFY2(pullsCompletely(registry, other, "latest", &why), qPrintable(why));
        QCOMPARE(registry.get("/v2/" + repository + "/blobs/" + sha256Of(shared)).status, 404);
        QVERIFY(QFileInfo::exists(blobFile(server, sha256Of(shared))));

        // A second pass finds nothing more of it.
        const QString again = runGc(server);
        QCOMPARE(countIn(again, "manifests"), 0);
    }

    // One pass takes a batch of garbage manifests together: images sharing
    // a layer (their links are queued once), an index over two of them
    // (its children are kept while it exists, then collected in the same
    // pass), while a tagged image keeps the shared layer.
    void aBatchOfGarbageIsCollectedTogether()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        QVERIFY(adminWindowZero(server));
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString repository = "admin/gc-batch-" + n;
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        const QByteArray shared = "a layer every image of the batch has " + n.toUtf8();
        QList<QByteArray> images;
        QList<QByteArray> configs;
        for (const char *tag : {"a", "b", "c"}) {
            configs << QStringLiteral("config of batch image %1 %2").arg(QLatin1String(tag), n).toUtf8();
            images << pushImage(registry, repository, QString::fromLatin1(tag), configs.last(), {shared});
            QVERIFY(!images.last().isEmpty());
        }
        QJsonArray entries;
        for (const QByteArray &child : {images[0], images[1]})
            entries.append(QJsonObject{{"mediaType", QString::fromLatin1(kOciManifestType)}, {"digest", sha256Of(child)},
                                       {"size", child.size()}});
        const QByteArray index = json(QJsonObject{{"schemaVersion", 2},
                                                  {"mediaType", "application/vnd.oci.image.index.v1+json"},
                                                  {"manifests", entries}});
        QCOMPARE(registry.putManifest(repository, "both", index, "application/vnd.oci.image.index.v1+json").status, 201);
        const QByteArray kept = pushImage(registry, repository, "kept", "config of the batch's kept image " + n.toUtf8(), {shared});
        QVERIFY(!kept.isEmpty());
        for (const char *tag : {"a", "b", "c", "both"})
            QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/" + tag).status, 204);

        const QString output = runGc(server);
        QVERIFY2(countIn(output, "manifests") >= 4, qPrintable(output));
        QVERIFY2(countIn(output, "blobs") >= 3, qPrintable(output));
        for (const QByteArray &gone : {index, images[0], images[1], images[2]})
            QCOMPARE(registry.get("/v2/" + repository + "/manifests/" + sha256Of(gone)).status, 404);
        for (const QByteArray &config : configs)
            QVERIFY(!QFileInfo::exists(blobFile(server, sha256Of(config))));
        QString why;
        QVERIFY2(pullsCompletely(registry, repository, "kept", &why), qPrintable(why));
        QCOMPARE(countIn(runGc(server), "manifests"), 0);
    }

    // Pointing a tag at a manifest while the background collector removes
    // it: the tag either holds the manifest (201, and it pulls) or the
    // manifest is gone (404 not_found), never a server error.
    void taggingAManifestTheCollectorIsTakingAnswers201Or404()
    {
        KAI_SERVER(server, m_workerFixture, backgroundWorker());
        QVERIFY(adminWindowZero(server));
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString repository = "admin/gc-hook-" + n;
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        const QString tags = "/api/v1/repository/" + repository + "/tag/";
        QDeadlineTimer deadline(120'000);
        int rounds = 0;
        int held = 0;
        for (; rounds < 15 && !deadline.hasExpired(); ++rounds) {
            const QByteArray config = QStringLiteral("config of hook round %1 %2").arg(n).arg(rounds).toUtf8();
            // A pass may take the config's link before the manifest names
            // it (grace 0): the push is refused and repeated, as clients do.
            QByteArray image;
            for (int attempt = 0; attempt < 10 && image.isEmpty(); ++attempt)
                image = pushImage(registry, repository, "bait", config, {});
            QVERIFY(!image.isEmpty());
            QCOMPARE(call(server, token, "DELETE", tags + "bait").status, 204);
            // Garbage now: point a tag at it until a pass has taken it.
            bool taken = false;
            for (int attempt = 0; attempt < 2000 && !taken && !deadline.hasExpired(); ++attempt) {
                // Ended rows count as references too, so a tight loop can
                // keep the manifest referenced through every pass. A pause
                // that sweeps 0..1.05 s lands the PUT at every point of a
                // pass (one a second) and lets one pass find it free.
                QThread::msleep((attempt % 8) * 150);
                const HttpReply reply = call(server, token, "PUT", tags + "hook", json({{"manifest_digest", sha256Of(image)}}));
                if (reply.status == 404) {
                    QCOMPARE(reply.json().value("error_type").toString(), QStringLiteral("not_found"));
                    taken = true;
                    break;
                }
                QVERIFY2(reply.status == 201, reply.body.constData());
                ++held;
                // Tagged, so no pass may take it: it pulls.
                QCOMPARE(registry.get("/v2/" + repository + "/manifests/hook", {{"Accept", kOciManifestType}}).status, 200);
                QCOMPARE(call(server, token, "DELETE", tags + "hook").status, 204);
            }
            QVERIFY2(taken, "the collector never took the manifest");
            QCOMPARE(registry.get("/v2/" + repository + "/manifests/" + sha256Of(image)).status, 404);
        }
        QVERIFY2(rounds >= 5, "fewer than 5 rounds within the time limit");
        qInfo("%d rounds, %d times the tag held the manifest first", rounds, held);
    }

    // POST .../expire of an index (guide 8.13, default two-week window):
    // the next pass takes the index; with include_submanifests also the
    // children it pushed by digest, which hidden temporary tags otherwise
    // keep for PUSH_TEMP_TAG_EXPIRATION_SEC.
    void expireWithSubmanifestsLetsThePassTakeTheChildren()
    {
        KAI_SERVER(server, m_expireFixture, cliOnlyWithExpire());
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString indexType = QStringLiteral("application/vnd.oci.image.index.v1+json");
        struct Pushed
        {
            QString repository;
            QByteArray index;
            QList<QByteArray> children;
        };
        QList<Pushed> pushed;
        for (const QString &repository : {"admin/gc-children-kept-" + n, "admin/gc-children-taken-" + n}) {
            registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
            Pushed p{repository, {}, {}};
            QJsonArray entries;
            for (int i = 0; i < 2; ++i) {
                const QByteArray config = QStringLiteral("config of child %1 of %2").arg(i).arg(repository).toUtf8();
                QVERIFY(!registry.pushBlob(repository, config).isEmpty());
                const QByteArray child = ociImageManifest(config, {});
                QCOMPARE(registry.putManifest(repository, sha256Of(child), child, kOciManifestType).status, 201);
                p.children << child;
                entries.append(QJsonObject{{"mediaType", QString::fromLatin1(kOciManifestType)}, {"digest", sha256Of(child)},
                                           {"size", child.size()}});
            }
            p.index = json(QJsonObject{{"schemaVersion", 2}, {"mediaType", indexType}, {"manifests", entries}});
            QCOMPARE(registry.putManifest(repository, "multi", p.index, indexType.toUtf8()).status, 201);
            QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/multi").status, 204);
            pushed << p;
        }
        for (const Pushed &p : pushed) {
            const bool withChildren = p.repository.contains(QLatin1String("taken"));
            const HttpReply expired = call(server, token, "POST", "/api/v1/repository/" + p.repository + "/tag/multi/expire",
                                           json({{"manifest_digest", sha256Of(p.index)}, {"include_submanifests", withChildren}}));
            QCOMPARE(expired.status, 200);
        }

        const QString output = runGc(server);
        QVERIFY2(countIn(output, "manifests") >= 4, qPrintable(output));
        for (const Pushed &p : pushed) {
            registry.login(server->adminUser(), server->adminPassword(), {"repository:" + p.repository + ":pull,push"});
            QCOMPARE(registry.get("/v2/" + p.repository + "/manifests/" + sha256Of(p.index)).status, 404);
            const int childStatus = p.repository.contains(QLatin1String("taken")) ? 404 : 200;
            for (const QByteArray &child : p.children)
                QCOMPARE(registry.get("/v2/" + p.repository + "/manifests/" + sha256Of(child), {{"Accept", kOciManifestType}}).status,
                         childStatus);
        }
    }

    void windowOfTwoWeeksKeepsRestorableHistory()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        // A user of its own: the namespace keeps the default window (2w).
        const QString user = QStringLiteral("keeper%1").arg(++m_counter);
        QVERIFY(server->createUser(user, "keeper-password").ok());
        const QString token = tokenFor(server, user);
        HttpClient registry(server->baseUrl());
        const QString repository = user + "/history";
        registry.login(user, "keeper-password", {"repository:" + repository + ":pull,push"});
        const QByteArray image = pushImage(registry, repository, "v1", "config kept by the window " + user.toUtf8(),
                                           {"layer kept by the window " + user.toUtf8()});
        QVERIFY(!image.isEmpty());
        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/v1").status, 204);

        QVERIFY(!runGc(server).isEmpty());

        const HttpReply restore = call(server, token, "POST", "/api/v1/repository/" + repository + "/tag/v1/restore",
                                       json({{"manifest_digest", sha256Of(image)}}));
        QCOMPARE(restore.status, 200);
        QString why;
        QVERIFY2(pullsCompletely(registry, repository, "v1", &why), qPrintable(why));
    }

    // The tag API's numbered pages seek from rows the server remembers
    // (TagPageBookmarks). Collected history rows move every later row up,
    // although the pass runs in another process: the pages asked again
    // must show it.
    void collectedHistoryRowsMoveTheTagPagesAskedAgain()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        QVERIFY(adminWindowZero(server));
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString repository = "admin/gc-pages-" + QString::number(++m_counter);
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        const QByteArray manifest = pushImage(registry, repository, "t0", "config of the paged image " + repository.toUtf8(),
                                              {"layer of the paged image " + repository.toUtf8()});
        QVERIFY(!manifest.isEmpty());
        for (const char *tag : {"t1", "t2", "t3", "t4", "t5", "t6"})
            QCOMPARE(registry.putManifest(repository, tag, manifest, kOciManifestType).status, 201);
        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/t5").status, 204);

        auto names = [&](const QString &query) {
            QStringList result;
            const HttpReply reply = call(server, token, "GET", "/api/v1/repository/" + repository + "/tag/" + query);
            for (const QJsonValue &row : reply.json().value("tags").toArray())
                result << row.toObject().value("name").toString();
            return result;
        };
        // Pages of 2, last first (in order, each page renews the bookmark
        // the next one uses), against the first page of 100.
        auto walk = [&]() {
            const QStringList listing = names("?limit=100");
            for (int page = int(listing.size() + 1) / 2; page >= 1; --page) {
                const QStringList got = names(QStringLiteral("?limit=2&page=%1").arg(page));
                if (got != listing.mid((page - 1) * 2, 2))
                    return QStringLiteral("page %1: %2 of %3").arg(page).arg(got.join(u','), listing.join(u','));
            }
            return QString();
        };
        QCOMPARE(names("?limit=100").size(), 7); // t5's ended row is history
        QCOMPARE(walk(), QString());

        const QString output = runGc(server);
        QVERIFY2(countIn(output, "tags") >= 1, qPrintable(output));
        QCOMPARE(names("?limit=100").size(), 6);
        QCOMPARE(walk(), QString());
    }

    void deletedRepositoryIsPurged()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString repository = "admin/gc-purged-" + n;
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        const QByteArray layer = "layer of a deleted repository " + n.toUtf8();
        QVERIFY(!pushImage(registry, repository, "v1", "config of a deleted repository " + n.toUtf8(), {layer}).isEmpty());
        QVERIFY(QFileInfo::exists(blobFile(server, sha256Of(layer))));
        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository).status, 204);

        const QString output = runGc(server);
        QVERIFY2(countIn(output, "repositories") >= 1, qPrintable(output));
        QVERIFY2(countIn(output, "manifests") >= 1, qPrintable(output));
        QVERIFY(!QFileInfo::exists(blobFile(server, sha256Of(layer))));
        QCOMPARE(countIn(runGc(server), "repositories"), 0);
    }

    void dryRunListsWhatAPassWouldFreeAndChangesNothing()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        QVERIFY(adminWindowZero(server));
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString repository = "admin/gc-dry-" + n;
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        const QByteArray layer = "layer seen by a dry run " + n.toUtf8();
        const QByteArray image = pushImage(registry, repository, "v1", "config seen by a dry run " + n.toUtf8(), {layer});
        QVERIFY(!image.isEmpty());
        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/v1").status, 204);

        const QString dry = runGc(server, true);
        QVERIFY2(dry.contains("a pass would free:"), qPrintable(dry));
        for (const char *kind : {"tags", "manifests", "labels", "repository_blobs", "blobs", "uploads", "repositories", "bytes"})
            QVERIFY2(countIn(dry, QString::fromLatin1(kind)) >= 0, kind);
        QVERIFY2(countIn(dry, "manifests") >= 1, qPrintable(dry));
        QVERIFY2(countIn(dry, "blobs") >= 2, qPrintable(dry));
        // Nothing changed: the manifest, its blob and file are all there,
        // and a second dry run sees the same.
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/" + sha256Of(image), {{"Accept", kOciManifestType}}).status, 200);
        QCOMPARE(registry.get("/v2/" + repository + "/blobs/" + sha256Of(layer)).status, 200);
        QVERIFY(QFileInfo::exists(blobFile(server, sha256Of(layer))));
        QCOMPARE(countIn(runGc(server, true), "manifests"), countIn(dry, "manifests"));

        const QString real = runGc(server);
        QCOMPARE(countIn(real, "manifests"), countIn(dry, "manifests"));
        QCOMPARE(countIn(real, "bytes"), countIn(dry, "bytes"));
        QVERIFY(!QFileInfo::exists(blobFile(server, sha256Of(layer))));
    }

    void statusIsForSuperusersAndShowsTheLastPass()
    {
        KAI_SERVER(server, m_workerFixture, backgroundWorker());
        const QString user = QStringLiteral("plain%1").arg(++m_counter);
        QVERIFY(server->createUser(user, "plain-password").ok());
        QCOMPARE(call(server, {}, "GET", "/api/v1/superuser/gc").status, 401);
        QCOMPARE(call(server, tokenFor(server, user), "GET", "/api/v1/superuser/gc").status, 403);

        // The background collector runs every second: a pass is recorded.
        const QString token = tokenFor(server, server->adminUser());
        QJsonObject status;
        QDeadlineTimer deadline(30'000);
        for (;;) {
            const HttpReply reply = call(server, token, "GET", "/api/v1/superuser/gc");
            QCOMPARE(reply.status, 200);
            status = reply.json();
            if (!status.value("last_run").isNull() || deadline.hasExpired())
                break;
            QThread::msleep(200);
        }
        QVERIFY2(status.value("last_run").toString().endsWith(" -0000"), QJsonDocument(status).toJson().constData());
        QVERIFY(status.value("running").isBool());
        QVERIFY(status.value("last_duration_ms").isDouble());
        QVERIFY(status.value("bytes_freed").isDouble());
        QVERIFY(status.value("total_bytes_freed").isDouble());
        QVERIFY(status.value("rows_freed").toObject().contains("manifests"));
        QVERIFY(status.value("rows_freed").toObject().contains("blobs"));
    }

    // A blob file without a row (an upload renamed it in, then the server
    // died before its commit) is swept: one shard of blobs/ per pass. A file
    // is planted in every shard, so the next pass finds exactly one.
    void strayBlobFileWithoutRowIsSwept()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        QStringList planted;
        QSet<QString> shards;
        for (int i = 0; shards.size() < 256; ++i) {
            const QByteArray content = QStringLiteral("stray %1 %2").arg(++m_counter).arg(i).toUtf8();
            const QString digest = sha256Of(content);
            const QString shard = digest.section(QLatin1Char(':'), 1).left(2);
            if (shards.contains(shard))
                continue;
            shards.insert(shard);
            const QString path = blobFile(server, digest);
            QVERIFY(QDir().mkpath(QFileInfo(path).path()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
            file.close();
            planted << path;
        }
        const QString output = runGc(server);
        QCOMPARE(countIn(output, "orphan_files"), 1);
        int gone = 0;
        for (const QString &path : planted)
            gone += QFileInfo::exists(path) ? 0 : 1;
        QCOMPARE(gone, 1);
        QCOMPARE(countIn(runGc(server), "orphan_files"), 1);
        for (const QString &path : planted)
            QFile::remove(path);
    }

    // kill -9 of `kai-server gc` at random moments of passes over plenty of
    // garbage: every later state is consistent. The next pass completes,
    // the kept images pull completely (no row lost its file) and the
    // garbage is gone (rows and files), whatever step each kill
    // interrupted.
    void killDuringAPassLeavesAConsistentRegistry()
    {
        KAI_SERVER(server, m_fixture, cliOnly());
        QVERIFY(adminWindowZero(server));
        const QString token = tokenFor(server, server->adminUser());
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString repository = "admin/gc-crash-" + n;
        registry.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
        const QByteArray shared = "a layer the kept images share with the garbage " + n.toUtf8();
        QList<QByteArray> garbageLayers;
        for (int i = 0; i < 60; ++i) {
            const QByteArray layer = QStringLiteral("garbage layer %1 %2").arg(n).arg(i).toUtf8();
            const QByteArray config = QStringLiteral("garbage config %1 %2").arg(n).arg(i).toUtf8();
            QVERIFY(!pushImage(registry, repository, QStringLiteral("g%1").arg(i), config, {layer, shared}).isEmpty());
            QCOMPARE(call(server, token, "DELETE", QStringLiteral("/api/v1/repository/%1/tag/g%2").arg(repository).arg(i)).status,
                     204);
            garbageLayers << layer << config;
        }
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!pushImage(registry, repository, QStringLiteral("kept%1").arg(i),
                               QStringLiteral("kept config %1 %2").arg(n).arg(i).toUtf8(), {shared})
                         .isEmpty());
        }

        for (int kill = 0; kill < 6; ++kill) {
            QProcess cli;
            cli.start(ServerProcess::binary(), gcArguments(server, false));
            QVERIFY(cli.waitForStarted(10'000));
            QThread::msleep(40 + 60 * kill);
            cli.kill();
            cli.waitForFinished(10'000);
        }
        const QString output = runGc(server);
        QVERIFY2(!output.isEmpty(), "the pass after the kills failed");

        QString why;
        for (int i = 0; i < 3; ++i)
            QVERIFY2(pullsCompletely(registry, repository, QStringLiteral("kept%1").arg(i), &why), qPrintable(why));
        for (const QByteArray &blob : garbageLayers) {
            QCOMPARE(registry.get("/v2/" + repository + "/blobs/" + sha256Of(blob)).status, 404);
            QVERIFY2(!QFileInfo::exists(blobFile(server, sha256Of(blob))), blob.constData());
        }
        // Nothing is left for a further pass: no marked row, queue entry or
        // stray file survived the kills.
        const QString again = runGc(server);
        QCOMPARE(countIn(again, "manifests"), 0);
        QCOMPARE(countIn(again, "blobs"), 0);
        QCOMPARE(countIn(again, "orphan_files"), 0);
    }

    // A push (new blobs, a blob whose earlier image just became garbage, a
    // cross-repository mount, the manifest) while passes run, 50 times:
    // afterwards every alive tag pulls completely. A push may be refused
    // (MANIFEST_BLOB_UNKNOWN when a pass took a link the manifest needed,
    // which a grace period of 0 allows) and is then pushed again, as
    // clients do; what may never happen is a tag whose blobs are gone.
    void pushRacingTheCollectorLosesNothing()
    {
        KAI_SERVER(server, m_workerFixture, backgroundWorker());
        QVERIFY(adminWindowZero(server));
        HttpClient registry(server->baseUrl());
        const QString n = QString::number(++m_counter);
        const QString source = "admin/race-source-" + n;
        const QString target = "admin/race-target-" + n;
        registry.login(server->adminUser(), server->adminPassword(),
                       {"repository:" + source + ":pull,push", "repository:" + target + ":pull,push"});

        // Passes of the CLI as well, one after another, next to the
        // server's own collector.
        std::unique_ptr<QProcess> cli;
        int cliPasses = 0;
        // On PostgreSQL the server's collector often holds the cluster's
        // collector lock; the CLI then says so and exits 1.
        auto keepCollecting = [&] {
            if (cli && cli->state() != QProcess::NotRunning && !cli->waitForFinished(0))
                return;
            if (cli) {
                const QByteArray output = cli->readAll();
                QVERIFY2(cli->exitCode() == 0 || output.contains("another node is collecting"), output.constData());
                cliPasses += cli->exitCode() == 0 ? 1 : 0;
            }
            cli = std::make_unique<QProcess>();
            cli->setProcessChannelMode(QProcess::MergedChannels);
            cli->start(ServerProcess::binary(), gcArguments(server, false));
        };

        QDeadlineTimer deadline(240'000);
        int refused = 0;
        int round = 0;
        for (; round < 50 && !deadline.hasExpired(); ++round) {
            keepCollecting();
            const QByteArray config = QStringLiteral("race config %1 %2").arg(n).arg(round).toUtf8();
            const QByteArray fresh = QStringLiteral("race fresh layer %1 %2").arg(n).arg(round).toUtf8();
            // Shared by every third round: each time its earlier image's tag
            // moved on, so its blob is being collected while it is pushed.
            const QByteArray reused = QStringLiteral("race reused layer %1 %2").arg(n).arg(round % 3).toUtf8();
            const QByteArray manifest = ociImageManifest(config, {fresh, reused});
            bool pushed = false;
            for (int attempt = 0; attempt < 10 && !pushed; ++attempt) {
                for (const QByteArray &blob : {config, fresh, reused}) {
                    const HttpReply uploaded = uploadBlob(registry, source, blob);
                    QVERIFY2(uploaded.status == 201, uploaded.body.constData());
                }
                // Into the target by mount where the source still has the
                // blob, by upload where the mount is refused.
                for (const QByteArray &blob : {config, fresh, reused}) {
                    const HttpReply mount = registry.send(
                        "POST", "/v2/" + target + "/blobs/uploads/?mount=" + sha256Of(blob) + "&from=" + source);
                    if (mount.status == 201)
                        continue;
                    const HttpReply uploaded = uploadBlob(registry, target, blob);
                    QVERIFY2(uploaded.status == 201, uploaded.body.constData());
                }
                const HttpReply toSource = registry.putManifest(source, "latest", manifest, kOciManifestType);
                const HttpReply toTarget = registry.putManifest(target, "latest", manifest, kOciManifestType);
                for (const HttpReply &reply : {toSource, toTarget}) {
                    if (reply.status != 201)
                        QVERIFY2(reply.errorCode() == QStringLiteral("MANIFEST_BLOB_UNKNOWN"), reply.body.constData());
                }
                pushed = toSource.status == 201 && toTarget.status == 201;
                refused += pushed ? 0 : 1;
                keepCollecting();
            }
            QVERIFY2(pushed, "a push was refused ten times in a row");
            // Right after the push, whatever passes run: both tags pull.
            QString why;
            QVERIFY2(pullsCompletely(registry, source, "latest", &why), qPrintable(why));
            QVERIFY2(pullsCompletely(registry, target, "latest", &why), qPrintable(why));
        }
        QVERIFY2(round >= 10, "fewer than 10 rounds within the time limit");
        if (cli && cli->state() != QProcess::NotRunning)
            QVERIFY(cli->waitForFinished(60'000));
        QVERIFY(!runGc(server).isEmpty());
        qInfo("%d rounds, %d pushes refused and repeated, %d CLI passes next to the background collector", round,
              refused, cliPasses);

        // After a last pass: the alive tags still pull completely, and the
        // earlier images are gone.
        QString why;
        QVERIFY2(pullsCompletely(registry, source, "latest", &why), qPrintable(why));
        QVERIFY2(pullsCompletely(registry, target, "latest", &why), qPrintable(why));
        const QByteArray firstConfig = QStringLiteral("race config %1 0").arg(n).toUtf8();
        QCOMPARE(registry.get("/v2/" + source + "/blobs/" + sha256Of(firstConfig)).status, 404);
        QVERIFY(!QFileInfo::exists(blobFile(server, sha256Of(firstConfig))));
    }
};

QTEST_GUILESS_MAIN(TestGc)
#include "tst_gc.moc"
