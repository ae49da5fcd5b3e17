// Tag lifetimes end to end with the clients users run, on SQLite and on
// PostgreSQL: an image buildah labels `quay.expires-after` and podman
// pushes, OCI artifacts and indexes carrying the annotation copied with
// skopeo, and the time machine (push, retag, delete, restore, pull again).
// The tag API (GET /api/v1/repository/<r>/tag/) is the witness. Images are
// built from scratch or written as OCI layouts: nothing comes from the
// network.
#include "clienttools.h"
#include "e2eserver.h"
#include "ocilayout.h"
#include "server/registrytestdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace kai::test;

#define KAI_REQUIRE_SKOPEO() KAI_REQUIRE_SERVICE(toolAvailable("skopeo"), "skopeo (apt-get install skopeo)")
#define KAI_REQUIRE_PODMAN() KAI_REQUIRE_SERVICE(toolAvailable("podman"), "podman (apt-get install podman)")
#define KAI_REQUIRE_BUILDAH() KAI_REQUIRE_SERVICE(toolAvailable("buildah"), "buildah (apt-get install buildah)")

namespace {

constexpr auto kExpiresAfter = "quay.expires-after";

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// end_ts - start_ts of a tag row; -1 when the row has no end.
qint64 lifetimeOf(const QJsonObject &row)
{
    if (!row.contains("end_ts"))
        return -1;
    return row.value("end_ts").toInteger() - row.value("start_ts").toInteger();
}

} // namespace

class TestE2eTags : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    ScratchDir m_work;                  // lower-case path: podman names images after it
    QHash<QString, QString> m_tokens;   // server URL -> the e2e superuser's OAuth token
    int m_counter = 0;

    QString freshDir(const QString &stem) { return m_work.path() + QStringLiteral("/%1-%2").arg(stem).arg(++m_counter); }
    QString freshRepository(const QString &stem) { return QStringLiteral("admin/%1-%2").arg(stem).arg(++m_counter); }

    QString apiToken(ServerProcess *server)
    {
        if (!m_tokens.contains(server->baseUrl()))
            m_tokens.insert(server->baseUrl(), server->createToken(E2eAccount::user()));
        return m_tokens.value(server->baseUrl());
    }

    static QString docker(const ServerProcess *server, const QString &repository, const QString &tag)
    {
        return "docker://" + server->host() + '/' + repository + ':' + tag;
    }

    // The tag rows of `repository` (newest first), with `query` appended;
    // empty, with the answer logged, when the API refuses.
    static QJsonArray history(ServerProcess *server, const QString &token, const QString &repository,
                              const QString &query = {})
    {
        const HttpReply reply = apiCall(server, token, "GET", "/api/v1/repository/" + repository + "/tag/" + query);
        if (reply.status != 200)
            qWarning("tag list answered %d: %s", reply.status, reply.body.constData());
        return reply.json().value("tags").toArray();
    }

    // The one row of `tag` in its history; an empty object (and a warning)
    // when there is not exactly one.
    static QJsonObject onlyRowOf(ServerProcess *server, const QString &token, const QString &repository,
                                 const QString &tag)
    {
        const QJsonArray rows = history(server, token, repository, "?specificTag=" + tag);
        if (rows.size() != 1) {
            qWarning("expected one row for %s:%s, got %s", qPrintable(repository), qPrintable(tag),
                     QJsonDocument(rows).toJson(QJsonDocument::Compact).constData());
            return {};
        }
        return rows[0].toObject();
    }

    // `buildah from scratch`, copy one file holding `fileContent` to
    // /hello.txt, `buildah config --label` for each of `labels`, then
    // commit as `name` (OCI format) into podman's store. The run of the
    // first step that failed, or of the commit (its stdout is the image ID).
    ToolRun buildImage(const Podman &podman, const QString &name, const QByteArray &fileContent,
                       const QStringList &labels)
    {
        const QString dir = freshDir("context");
        QFile file(dir + "/hello.txt");
        if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) || file.write(fileContent) != fileContent.size()) {
            ToolRun failed;
            failed.command = "write " + file.fileName();
            return failed;
        }
        file.close();
        const ToolRun from = podman.buildah({"from", "--quiet", "scratch"});
        if (!from.succeeded())
            return from;
        const QString container = QString::fromUtf8(from.standardOutput).trimmed().split('\n').last();
        const ToolRun copy = podman.buildah({"copy", container, file.fileName(), "/hello.txt"});
        if (!copy.succeeded())
            return copy;
        QStringList config{"config"};
        for (const QString &label : labels)
            config << "--label" << label;
        const ToolRun configured = podman.buildah(config << container);
        if (!configured.succeeded())
            return configured;
        return podman.buildah({"commit", "--quiet", "--format", "oci", container, name});
    }

    // `podman push --creds` of `name`; the pushed manifest digest (from
    // --digestfile), empty with the run logged on failure.
    QString podmanPush(const Podman &podman, const QString &name)
    {
        const QString digestFile = freshDir("digest");
        const ToolRun push = podman.run({"push", "--tls-verify=false", "--creds", E2eAccount::creds(), "--digestfile",
                                         digestFile, name});
        QFile pushed(digestFile);
        if (!push.succeeded() || !pushed.open(QIODevice::ReadOnly)) {
            qWarning("%s", push.report().constData());
            return {};
        }
        return QString::fromLatin1(pushed.readAll()).trimmed();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void initTestCase() { QVERIFY(m_work.isValid()); }

    // Guide: `LABEL quay.expires-after=2h` in the image (set here with
    // buildah), pushed with podman: the tag ends two hours after it starts,
    // and the label shows among the manifest's labels as one the push brought.
    void podmanPushOfLabelledImageGetsExpiration()
    {
        KAI_REQUIRE_BUILDAH();
        KAI_REQUIRE_PODMAN();
        KAI_E2E_SERVER(server, m_fixture);
        const QString token = apiToken(server);
        QVERIFY2(!token.isEmpty(), "kai-server user token failed");
        Podman podman;
        QVERIFY(podman.isValid());
        const QString repository = freshRepository("labelled");
        const QString target = server->host() + '/' + repository + ":v1";
        const ToolRun built = buildImage(podman, target, "expires in two hours\n", {"quay.expires-after=2h"});
        QVERIFY2(built.succeeded(), built.report());
        const QString digest = podmanPush(podman, target);
        QVERIFY2(digest.startsWith("sha256:"), qPrintable(digest));

        const QJsonObject row = onlyRowOf(server, token, repository, "v1");
        QCOMPARE(row.value("manifest_digest").toString(), digest);
        QCOMPARE(lifetimeOf(row), qint64(2 * 3600));
        QVERIFY2(row.value("expiration").toString().endsWith(QLatin1String(" -0000")), json(row).constData());

        const HttpReply labels = apiCall(server, token, "GET",
                                         "/api/v1/repository/" + repository + "/manifest/" + digest + "/labels?filter=quay");
        QCOMPARE(labels.status, 200);
        const QJsonArray found = labels.json().value("labels").toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].toObject().value("key").toString(), QString::fromLatin1(kExpiresAfter));
        QCOMPARE(found[0].toObject().value("value").toString(), QStringLiteral("2h"));
        QCOMPARE(found[0].toObject().value("source_type").toString(), QStringLiteral("manifest"));
    }

    // Guide: an OCI artifact whose manifest carries the annotation, copied
    // with skopeo, gets an expiration too.
    void skopeoCopyOfAnnotatedArtifactGetsExpiration_data()
    {
        QTest::addColumn<QString>("configMediaType");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("artifactType");
        QTest::newRow("artifactType with empty config")
            << QStringLiteral("application/vnd.oci.empty.v1+json") << QByteArray("{}")
            << QStringLiteral("application/x-mlmodel");
        QTest::newRow("custom config media type")
            << QStringLiteral("application/x-mlmodel") << QByteArray(R"({"framework":"onnx"})") << QString();
    }

    void skopeoCopyOfAnnotatedArtifactGetsExpiration()
    {
        QFETCH(QString, configMediaType);
        QFETCH(QByteArray, config);
        QFETCH(QString, artifactType);
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        const QString token = apiToken(server);
        QVERIFY2(!token.isEmpty(), "kai-server user token failed");
        OciLayout layout(freshDir("artifact"));
        const OciBlob manifest = layout.addArtifact(configMediaType, config, "application/vnd.example.model.weights",
                                                    "weights for one day\n", artifactType, {{kExpiresAfter, "1d"}});
        layout.tag("model", manifest);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));

        Skopeo skopeo;
        const QString repository = freshRepository("artifact");
        const ToolRun push = skopeo.run({"copy", "--dest-tls-verify=false", "--dest-creds", E2eAccount::creds(),
                                         layout.reference("model"), docker(server, repository, "model")});
        QVERIFY2(push.succeeded(), push.report());

        const QJsonObject row = onlyRowOf(server, token, repository, "model");
        QCOMPARE(row.value("manifest_digest").toString(), manifest.digest);
        QCOMPARE(lifetimeOf(row), qint64(86400));
        QVERIFY2(row.value("expiration").toString().endsWith(QLatin1String(" -0000")), json(row).constData());
    }

    // Guide: an index without an annotation of its own takes the value its
    // children agree on; when they disagree it has none; its own wins.
    // `skopeo copy --all` pushes the children by digest, then the index.
    void skopeoCopyAllOfIndexTakesChildrensAgreedExpiration_data()
    {
        QTest::addColumn<QString>("amd64Value");
        QTest::addColumn<QString>("arm64Value");
        QTest::addColumn<QString>("indexValue");
        QTest::addColumn<qint64>("lifetime");   // -1: no expiration
        QTest::newRow("children agree") << QStringLiteral("3h") << QStringLiteral("3h") << QString() << qint64(3 * 3600);
        QTest::newRow("children disagree") << QStringLiteral("3h") << QStringLiteral("5h") << QString() << qint64(-1);
        QTest::newRow("index's own annotation wins")
            << QStringLiteral("3h") << QStringLiteral("5h") << QStringLiteral("1w") << qint64(7 * 86400);
    }

    void skopeoCopyAllOfIndexTakesChildrensAgreedExpiration()
    {
        QFETCH(QString, amd64Value);
        QFETCH(QString, arm64Value);
        QFETCH(QString, indexValue);
        QFETCH(qint64, lifetime);
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        const QString token = apiToken(server);
        QVERIFY2(!token.isEmpty(), "kai-server user token failed");
        OciLayout layout(freshDir("index"));
        const QString seed = QString::number(m_counter);   // distinct images per row
        const OciBlob amd64 = layout.addImage("amd64", "amd64 " + seed.toLatin1() + '\n', {{kExpiresAfter, amd64Value}});
        const OciBlob arm64 = layout.addImage("arm64", "arm64 " + seed.toLatin1() + '\n', {{kExpiresAfter, arm64Value}});
        QJsonObject indexAnnotations;
        if (!indexValue.isEmpty())
            indexAnnotations.insert(QString::fromLatin1(kExpiresAfter), indexValue);
        const OciBlob index = layout.addIndex({{"amd64", amd64}, {"arm64", arm64}}, indexAnnotations);
        layout.tag("multi", index);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));

        Skopeo skopeo;
        const QString repository = freshRepository("index");
        const ToolRun push = skopeo.run({"copy", "--all", "--dest-tls-verify=false", "--dest-creds",
                                         E2eAccount::creds(), layout.reference("multi"),
                                         docker(server, repository, "multi")});
        QVERIFY2(push.succeeded(), push.report());

        const QJsonObject row = onlyRowOf(server, token, repository, "multi");
        QCOMPARE(row.value("manifest_digest").toString(), index.digest);
        QCOMPARE(row.value("is_manifest_list").toBool(), true);
        QCOMPARE(lifetimeOf(row), lifetime);
        QCOMPARE(row.contains("expiration"), lifetime >= 0);
        // The children went in by digest: no tag of their own shows.
        QCOMPARE(history(server, token, repository).size(), 1);
    }

    // Guide: push → retag → delete → the history shows three rows →
    // restore → pull works again. Two images pushed with podman (v1, v2);
    // v1 is moved to v2's manifest through the API, then deleted, so the
    // first image has no alive tag left; restoring v1 to it makes podman
    // pull the very image it pushed.
    void podmanPushRetagDeleteRestorePull()
    {
        KAI_REQUIRE_BUILDAH();
        KAI_REQUIRE_PODMAN();
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        const QString token = apiToken(server);
        QVERIFY2(!token.isEmpty(), "kai-server user token failed");
        Podman podman;
        QVERIFY(podman.isValid());
        const QString repository = freshRepository("timemachine");
        const QString v1 = server->host() + '/' + repository + ":v1";
        const QString v2 = server->host() + '/' + repository + ":v2";
        const ToolRun first = buildImage(podman, v1, "the first image\n", {});
        QVERIFY2(first.succeeded(), first.report());
        const QString firstId = QString::fromUtf8(first.standardOutput).trimmed();
        const ToolRun second = buildImage(podman, v2, "the second image\n", {});
        QVERIFY2(second.succeeded(), second.report());
        const QString firstDigest = podmanPush(podman, v1);
        const QString secondDigest = podmanPush(podman, v2);
        QVERIFY2(firstDigest.startsWith("sha256:") && secondDigest.startsWith("sha256:"),
                 qPrintable(firstDigest + " / " + secondDigest));
        QVERIFY(firstDigest != secondDigest);

        // Retag: v1 now points at the second image.
        const QString tagPath = "/api/v1/repository/" + repository + "/tag/v1";
        const HttpReply moved = apiCall(server, token, "PUT", tagPath, json({{"manifest_digest", secondDigest}}));
        QVERIFY2(moved.status == 201, moved.body.constData());

        // Delete v1: gone from the registry, kept in the history.
        const HttpReply deleted = apiCall(server, token, "DELETE", tagPath);
        QVERIFY2(deleted.status == 204, deleted.body.constData());
        Skopeo skopeo;
        const ToolRun gone = skopeo.run({"inspect", "--raw", "--tls-verify=false", "--creds", E2eAccount::creds(),
                                         docker(server, repository, "v1")});
        QVERIFY2(gone.finished && gone.exitCode != 0, gone.report());

        const QJsonArray rows = history(server, token, repository);
        QCOMPARE(rows.size(), 3);
        QStringList seen;
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            seen << row.value("name").toString() + '@' + row.value("manifest_digest").toString()
                        + (row.contains("end_ts") ? " ended" : " alive");
        }
        QStringList expected{"v1@" + firstDigest + " ended", "v1@" + secondDigest + " ended",
                             "v2@" + secondDigest + " alive"};
        seen.sort();
        expected.sort();
        QCOMPARE(seen, expected);
        QCOMPARE(history(server, token, repository, "?onlyActiveTags=true").size(), 1);

        // Restore v1 to the first image, which no alive tag holds any more.
        const HttpReply restored = apiCall(server, token, "POST", tagPath + "/restore",
                                           json({{"manifest_digest", firstDigest}}));
        QVERIFY2(restored.status == 200, restored.body.constData());
        const QJsonArray v1Rows = history(server, token, repository, "?specificTag=v1");
        QCOMPARE(v1Rows.size(), 3);
        QCOMPARE(v1Rows[0].toObject().value("manifest_digest").toString(), firstDigest);
        QCOMPARE(v1Rows[0].toObject().value("reversion").toBool(), true);
        QVERIFY(!v1Rows[0].toObject().contains("end_ts"));

        // Pull works again: podman, with nothing left locally, gets the
        // first image back (same image ID, same manifest digest).
        const ToolRun removed = podman.run({"rmi", "--all", "--force"});
        QVERIFY2(removed.succeeded(), removed.report());
        QVERIFY2(!podman.run({"image", "exists", v1}).succeeded(), "the image is still in podman's store");
        const ToolRun pull = podman.run({"pull", "--tls-verify=false", "--creds", E2eAccount::creds(), v1});
        QVERIFY2(pull.succeeded(), pull.report());
        QCOMPARE(QString::fromUtf8(pull.standardOutput).trimmed(), firstId);
        const ToolRun inspect = podman.run({"image", "inspect", "--format", "{{.Digest}}", v1});
        QVERIFY2(inspect.succeeded(), inspect.report());
        QCOMPARE(QString::fromUtf8(inspect.standardOutput).trimmed(), firstDigest);
    }
};

QTEST_GUILESS_MAIN(TestE2eTags)
#include "tst_e2e_tags.moc"
