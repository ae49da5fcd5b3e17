// Tags and their history (the time machine), as guide chapter 8 drives them
// with curl: list, retag, delete, restore, expiration by API and by the
// quay.expires-after label or annotation, against a real kai-server on
// SQLite and PostgreSQL. Images go in through /v2, as podman pushes them.
#include "serverfixture.h"
#include "registrytestdata.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

using namespace kai::test;

namespace {

const QByteArray kOciManifestType = "application/vnd.oci.image.manifest.v1+json";
const QByteArray kOciIndexType = "application/vnd.oci.image.index.v1+json";

// An image config whose config.Labels are `labels`.
QByteArray imageConfig(const QString &seed, const QJsonObject &labels = {})
{
    QJsonObject config{{"architecture", "amd64"}, {"os", "linux"}, {"seed", seed}};
    if (!labels.isEmpty())
        config.insert("config", QJsonObject{{"Labels", labels}});
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

} // namespace

class TestApiTags : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    ServerFixture m_permanentFixture;   // PERMANENTLY_DELETE_TAGS: true, a one-week default window

    static ServerProcess::Options permanentOptions()
    {
        return ServerProcess::Options::withConfig({"PERMANENTLY_DELETE_TAGS: true", "DEFAULT_TAG_EXPIRATION: 1w"});
    }
    QHash<QString, QString> m_adminTokens;   // backend -> admin's API token
    int m_counter = 0;

    QString adminToken(ServerProcess *server, const QString &backend)
    {
        const QString key = backend + server->baseUrl();
        if (!m_adminTokens.contains(key))
            m_adminTokens.insert(key, server->createToken(server->adminUser()));
        return m_adminTokens.value(key);
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QByteArray &body = {})
    {
        HttpClient client(server->baseUrl());
        if (!token.isEmpty())
            client.setBearer(token);
        return client.send(method, path, body, {{"Content-Type", "application/json"}});
    }

    static QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

    // Pushes config + one layer and an OCI manifest over them under
    // `reference` (tag or digest); returns the manifest, empty on failure.
    static QByteArray pushImage(HttpClient &client, const QString &repository, const QString &reference,
                                const QByteArray &config, const QJsonObject &annotations = {})
    {
        const QByteArray layer = "layer of " + config;
        if (client.pushBlob(repository, config).isEmpty() || client.pushBlob(repository, layer).isEmpty())
            return {};
        QJsonObject extra;
        if (!annotations.isEmpty())
            extra.insert("annotations", annotations);
        const QByteArray manifest = ociImageManifest(config, {layer}, QStringLiteral("application/vnd.oci.image.config.v1+json"), extra);
        const QString ref = reference.isEmpty() ? sha256Of(manifest) : reference;
        if (client.putManifest(repository, ref, manifest, kOciManifestType).status != 201)
            return {};
        return manifest;
    }

    static QJsonArray history(ServerProcess *server, const QString &token, const QString &repository, const QString &query = {})
    {
        const HttpReply reply = call(server, token, "GET", "/api/v1/repository/" + repository + "/tag/" + query);
        if (reply.status != 200)
            qWarning("tag list answered %d: %s", reply.status, reply.body.constData());
        return reply.json().value("tags").toArray();
    }

    // The names of a tag page, in its order.
    static QStringList historyNames(ServerProcess *server, const QString &token, const QString &repository,
                                    const QString &query = {})
    {
        QStringList names;
        for (const QJsonValue &row : history(server, token, repository, query))
            names << row.toObject().value("name").toString();
        return names;
    }

    static QJsonArray v2Tags(HttpClient &client, const QString &repository)
    {
        return client.get("/v2/" + repository + "/tags/list").json().value("tags").toArray();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void retagDeleteAndRestoreKeepTheHistory()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "history", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray first = pushImage(registry, repository, "latest", imageConfig("first"));
        const QByteArray second = pushImage(registry, repository, "other", imageConfig("second"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const QString tagPath = "/api/v1/repository/" + repository + "/tag/latest";

        // Retag "latest" to the second image (guide 8.4).
        const HttpReply moved = call(server, token, "PUT", tagPath, json({{"manifest_digest", sha256Of(second)}}));
        QCOMPARE(moved.status, 201);
        QCOMPARE(moved.body, QByteArray("\"Updated\""));
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/latest").body, second);

        QJsonArray rows = history(server, token, repository, "?specificTag=latest");
        QCOMPARE(rows.size(), 2);
        const QJsonObject now = rows[0].toObject();
        const QJsonObject before = rows[1].toObject();
        QCOMPARE(now.value("manifest_digest").toString(), sha256Of(second));
        QVERIFY(!now.contains("end_ts"));
        QVERIFY(!now.contains("expiration"));
        QCOMPARE(now.value("reversion").toBool(), false);
        QCOMPARE(now.value("is_manifest_list").toBool(), false);
        QCOMPARE(now.value("size").toInteger(), qint64(QByteArray("layer of " + imageConfig("second")).size()));
        QVERIFY(now.value("last_modified").toString().endsWith(QLatin1String(" -0000")));
        QVERIFY(!now.contains("immutable"));
        QCOMPARE(before.value("manifest_digest").toString(), sha256Of(first));
        QCOMPARE(before.value("end_ts").toInteger(), now.value("start_ts").toInteger());
        QCOMPARE(before.value("expiration").toString(), now.value("last_modified").toString());

        // Delete (guide 8.12): gone from /v2 at once, kept in the history.
        QCOMPARE(call(server, token, "DELETE", tagPath).status, 204);
        QCOMPARE(call(server, token, "DELETE", tagPath).status, 404);
        const HttpReply pulled = registry.get("/v2/" + repository + "/manifests/latest");
        QCOMPARE(pulled.status, 404);
        QCOMPARE(pulled.errorCode(), QStringLiteral("TAG_EXPIRED"));
        QCOMPARE(v2Tags(registry, repository), QJsonArray({"other"}));
        rows = history(server, token, repository, "?specificTag=latest");
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows[0].toObject().contains("end_ts"));
        QVERIFY(history(server, token, repository, "?specificTag=latest&onlyActiveTags=true").isEmpty());

        // Restore the first image (guide 8.14): a new row marked reversion.
        const HttpReply restored = call(server, token, "POST", tagPath + "/restore", json({{"manifest_digest", sha256Of(first)}}));
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.json(), QJsonObject());
        rows = history(server, token, repository, "?specificTag=latest");
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].toObject().value("reversion").toBool(), true);
        QCOMPARE(rows[0].toObject().value("manifest_digest").toString(), sha256Of(first));
        QVERIFY(!rows[0].toObject().contains("end_ts"));
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/latest").body, first);
        QCOMPARE(v2Tags(registry, repository), QJsonArray({"latest", "other"}));

        // The repository view shows the alive tags only.
        const QJsonObject view = call(server, token, "GET", "/api/v1/repository/" + repository).json();
        QCOMPARE(view.value("tags").toObject().keys(), QStringList({"latest", "other"}));
        QCOMPARE(view.value("tags").toObject().value("latest").toObject().value("manifest_digest").toString(), sha256Of(first));
    }

    void pushingATagAgainStartsANewRow()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "repush", m_counter);
        const QString token = adminToken(server, backend);
        QVERIFY(!pushImage(registry, repository, "v1", imageConfig("same")).isEmpty());
        QVERIFY(!pushImage(registry, repository, "v1", imageConfig("same")).isEmpty());
        const QJsonArray rows = history(server, token, repository);
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows[1].toObject().contains("end_ts"));
        QCOMPARE(history(server, token, repository, "?onlyActiveTags=true").size(), 1);
    }

    void expirationByApiIsClampedAndValidated()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "expiry", m_counter);
        const QString token = adminToken(server, backend);
        QVERIFY(!pushImage(registry, repository, "soon", imageConfig("expiry")).isEmpty());
        const QString tagPath = "/api/v1/repository/" + repository + "/tag/soon";
        const qint64 start = history(server, token, repository)[0].toObject().value("start_ts").toInteger();
        const qint64 nowS = QDateTime::currentSecsSinceEpoch();

        // In two hours: stored as asked (within 1h..104w of the start).
        QCOMPARE(call(server, token, "PUT", tagPath, json({{"expiration", double(nowS + 7200)}})).status, 201);
        QJsonObject row = history(server, token, repository)[0].toObject();
        QCOMPARE(row.value("end_ts").toInteger(), nowS + 7200);
        QVERIFY(row.value("expiration").toString().endsWith(QLatin1String(" -0000")));
        QCOMPARE(history(server, token, repository).size(), 1);   // changed in place, no new row

        // A minute from now is less than LABELED_EXPIRATION_MINIMUM: one hour after the start.
        QCOMPARE(call(server, token, "PUT", tagPath, json({{"expiration", double(nowS + 60)}})).status, 201);
        row = history(server, token, repository)[0].toObject();
        QVERIFY(qAbs(row.value("end_ts").toInteger() - (start + 3600)) <= 1);

        // The past is refused and changes nothing; so is a string.
        const HttpReply past = call(server, token, "PUT", tagPath, json({{"expiration", double(nowS - 10)}}));
        QCOMPARE(past.status, 400);
        QVERIFY(past.json().contains("message"));
        QCOMPARE(call(server, token, "PUT", tagPath, json({{"expiration", QString::number(nowS + 7200)}})).status, 400);
        QCOMPARE(history(server, token, repository)[0].toObject(), row);

        // null clears it; a tag that is not there is 404.
        QCOMPARE(call(server, token, "PUT", tagPath, json({{"expiration", QJsonValue()}})).status, 201);
        QVERIFY(!history(server, token, repository)[0].toObject().contains("end_ts"));
        QCOMPARE(call(server, token, "PUT", "/api/v1/repository/" + repository + "/tag/missing",
                      json({{"expiration", double(nowS + 7200)}})).status, 404);
        QCOMPARE(history(server, token, repository).size(), 1);
    }

    void expiresAfterLabelSchedulesTheEnd()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "label", m_counter);
        const QString token = adminToken(server, backend);

        // LABEL quay.expires-after=2h in the image config (guide 8.7.2).
        QVERIFY(!pushImage(registry, repository, "labelled", imageConfig("l1", {{"quay.expires-after", "2h"}})).isEmpty());
        QJsonObject row = history(server, token, repository, "?specificTag=labelled")[0].toObject();
        QCOMPARE(row.value("end_ts").toInteger() - row.value("start_ts").toInteger(), qint64(7200));

        // An annotation wins over the label (guide 8.7.3 / 8.7.4).
        QVERIFY(!pushImage(registry, repository, "annotated", imageConfig("l2", {{"quay.expires-after", "2h"}}),
                           {{"quay.expires-after", "3d"}}).isEmpty());
        row = history(server, token, repository, "?specificTag=annotated")[0].toObject();
        QCOMPARE(row.value("end_ts").toInteger() - row.value("start_ts").toInteger(), qint64(3 * 86400));
        QVERIFY(!pushImage(registry, repository, "never", imageConfig("l3", {{"quay.expires-after", "2h"}}),
                           {{"quay.expires-after", "never"}}).isEmpty());
        QVERIFY(!history(server, token, repository, "?specificTag=never")[0].toObject().contains("end_ts"));

        // Retagging a labelled manifest through the API applies the label too.
        const QByteArray manifest = registry.get("/v2/" + repository + "/manifests/labelled").body;
        QCOMPARE(call(server, token, "PUT", "/api/v1/repository/" + repository + "/tag/copy",
                      json({{"manifest_digest", sha256Of(manifest)}})).status, 201);
        row = history(server, token, repository, "?specificTag=copy")[0].toObject();
        QCOMPARE(row.value("end_ts").toInteger() - row.value("start_ts").toInteger(), qint64(7200));
    }

    void indexTakesItsOwnOrItsChildrensAgreedValue()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "index", m_counter);
        const QString token = adminToken(server, backend);
        auto pushIndex = [&](const QString &tag, const QList<QByteArray> &children, const QJsonObject &annotations) {
            QJsonArray entries;
            for (const QByteArray &child : children)
                entries.append(QJsonObject{{"mediaType", QString::fromLatin1(kOciManifestType)}, {"digest", sha256Of(child)},
                                           {"size", child.size()}});
            QJsonObject index{{"schemaVersion", 2}, {"mediaType", QString::fromLatin1(kOciIndexType)}, {"manifests", entries}};
            if (!annotations.isEmpty())
                index.insert("annotations", annotations);
            return registry.putManifest(repository, tag, json(index), kOciIndexType).status;
        };
        const QByteArray a = pushImage(registry, repository, {}, imageConfig("a", {{"quay.expires-after", "3h"}}));
        const QByteArray b = pushImage(registry, repository, {}, imageConfig("b", {{"quay.expires-after", "3h"}}));
        const QByteArray c = pushImage(registry, repository, {}, imageConfig("c", {{"quay.expires-after", "5h"}}));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());

        QCOMPARE(pushIndex("agree", {a, b}, {}), 201);
        QJsonObject row = history(server, token, repository, "?specificTag=agree")[0].toObject();
        QCOMPARE(row.value("end_ts").toInteger() - row.value("start_ts").toInteger(), qint64(3 * 3600));
        QCOMPARE(row.value("is_manifest_list").toBool(), true);
        QVERIFY(row.value("size").isNull());
        QCOMPARE(row.value("child_manifest_count").toInteger(), qint64(2));
        QCOMPARE(row.value("present_child_count").toInteger(), qint64(2));
        QCOMPARE(row.value("is_sparse").toBool(), false);
        QCOMPARE(row.value("child_manifests_presence").toObject().value(sha256Of(a)).toBool(), true);

        QCOMPARE(pushIndex("disagree", {a, c}, {}), 201);
        QVERIFY(!history(server, token, repository, "?specificTag=disagree")[0].toObject().contains("end_ts"));

        QCOMPARE(pushIndex("own", {a, c}, {{"quay.expires-after", "1w"}}), 201);
        row = history(server, token, repository, "?specificTag=own")[0].toObject();
        QCOMPARE(row.value("end_ts").toInteger() - row.value("start_ts").toInteger(), qint64(7 * 86400));
    }

    void expiredTagDisappearsFromTheRegistryAtOnce()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "expired", m_counter);
        const QString token = adminToken(server, backend);
        QVERIFY(!pushImage(registry, repository, "keep", imageConfig("keep")).isEmpty());
        QVERIFY(!pushImage(registry, repository, "brief", imageConfig("brief", {{"quay.expires-after", "1s"}})).isEmpty());

        // Bounded wait: the label gives one second.
        QElapsedTimer timer;
        timer.start();
        while (v2Tags(registry, repository).contains(QStringLiteral("brief")) && timer.elapsed() < 5000)
            QThread::msleep(100);
        QCOMPARE(v2Tags(registry, repository), QJsonArray({"keep"}));
        const HttpReply pulled = registry.get("/v2/" + repository + "/manifests/brief");
        QCOMPARE(pulled.status, 404);
        QCOMPARE(pulled.errorCode(), QStringLiteral("TAG_EXPIRED"));
        QCOMPARE(history(server, token, repository, "?onlyActiveTags=true").size(), 1);
        QCOMPARE(history(server, token, repository).size(), 2);
        QCOMPARE(call(server, token, "GET", "/api/v1/repository/" + repository).json().value("tags").toObject().keys(),
                 QStringList({"keep"}));
        // An expired tag cannot get a new expiration, but it can be restored.
        QCOMPARE(call(server, token, "PUT", "/api/v1/repository/" + repository + "/tag/brief",
                      json({{"expiration", double(QDateTime::currentSecsSinceEpoch() + 7200)}})).status, 404);
    }

    void filterTagNameLikeAndEq()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "filter", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, "alpha", imageConfig("filter"));
        QVERIFY(!manifest.isEmpty());
        for (const char *tag : {"Alphabet", "beta", "al_x"})
            QCOMPARE(registry.putManifest(repository, tag, manifest, kOciManifestType).status, 201);

        auto names = [&](const QString &query) {
            QStringList result = historyNames(server, token, repository, query);
            result.sort();
            return result;
        };
        QCOMPARE(names("?filter_tag_name=like:alph"), QStringList({"Alphabet", "alpha"}));
        QCOMPARE(names("?filter_tag_name=like:l_"), QStringList({"al_x"}));   // '_' is literal
        QCOMPARE(names("?filter_tag_name=eq:beta"), QStringList({"beta"}));
        QCOMPARE(names("?filter_tag_name=eq:bet"), QStringList());
        const HttpReply bad = call(server, token, "GET", "/api/v1/repository/" + repository + "/tag/?filter_tag_name=regex:a.*");
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json().contains("message"));
    }

    // A like: page comes from the trigram search when the substring is rare
    // and from the ordered history when it is common (more than 1,000 names
    // hold it; tag_name_trigrams.sql, TagStore::history). Both give the same
    // rows: the history, in its order, case-insensitively.
    void likeFilterGivesTheSameRowsForRareAndCommonSubstrings()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "trigrams", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, "Rare-One", imageConfig("trigrams"));
        QVERIFY(!manifest.isEmpty());
        constexpr int kBuilds = 1010;
        for (int i = 0; i < kBuilds; ++i) {
            const QString tag = QStringLiteral("build-%1").arg(i, 4, 10, QLatin1Char('0'));
            QCOMPARE(registry.putManifest(repository, tag, manifest, kOciManifestType).status, 201);
        }
        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/build-1005").status, 204);

        auto page = [&](const QString &query) {
            const HttpReply reply = call(server, token, "GET", "/api/v1/repository/" + repository + "/tag/" + query);
            return reply.json();
        };
        auto names = [](const QJsonObject &body) {
            QStringList result;
            for (const QJsonValue &row : body.value("tags").toArray())
                result << row.toObject().value("name").toString();
            return result;
        };

        QStringList listing; // the whole history, in its order
        for (int number = 1; number <= 11; ++number)
            listing += names(page(QStringLiteral("?limit=100&page=%1").arg(number)));
        QCOMPARE(listing.size(), kBuilds + 1);
        auto holding = [&](const QString &text) {
            QStringList kept;
            for (const QString &name : listing) {
                if (name.contains(text, Qt::CaseInsensitive))
                    kept << name;
            }
            return kept;
        };

        // Rare: ten names (the deleted one keeps its history row).
        const QJsonObject rare = page("?limit=100&filter_tag_name=like:ILD-100");
        QCOMPARE(names(rare), holding("ild-100"));
        QCOMPARE(names(rare).size(), 10);
        QCOMPARE(rare.value("has_additional").toBool(), false);
        QCOMPARE(names(page("?limit=100&onlyActiveTags=true&filter_tag_name=like:ild-100")).size(), 9);
        QCOMPARE(names(page("?limit=4&page=3&filter_tag_name=like:ild-100")), holding("ild-100").mid(8));
        QCOMPARE(names(page("?filter_tag_name=like:rare-o")), QStringList({"Rare-One"}));
        QCOMPARE(names(page("?filter_tag_name=like:nowhere")), QStringList());

        // Common: every build holds "uild".
        const QJsonObject common = page("?limit=100&filter_tag_name=like:UILD");
        QCOMPARE(names(common), holding("uild").mid(0, 100));
        QCOMPARE(common.value("has_additional").toBool(), true);
        QCOMPARE(names(page("?limit=100&page=11&filter_tag_name=like:uild")), holding("uild").mid(1000));
        // '_' is literal, not LIKE's one-character wildcard.
        QCOMPARE(names(page("?filter_tag_name=like:ild_100")), QStringList());
    }

    // Numbered pages seek from rows remembered from earlier pages
    // (TagPageBookmarks). A push, a delete or a tag running out moves every
    // later row, and the same pages asked again must show it.
    void pagesAskedAgainFollowChangesAndExpiry()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "bookmarks", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, "p0", imageConfig("bookmarks"));
        QVERIFY(!manifest.isEmpty());
        for (const char *tag : {"p1", "p2", "p3"})
            QCOMPARE(registry.putManifest(repository, tag, manifest, kOciManifestType).status, 201);
        QVERIFY(!pushImage(registry, repository, "brief", imageConfig("brief", {{"quay.expires-after", "3s"}})).isEmpty());
        for (const char *tag : {"p4", "p5", "p6", "p7"})
            QCOMPARE(registry.putManifest(repository, tag, manifest, kOciManifestType).status, 201);

        auto names = [&](const QString &query) { return historyNames(server, token, repository, query); };
        // Every page of 3 against the first page of 100, which no bookmark
        // serves; each page twice, as the same page asked again seeks too.
        // Last page first: in order, each page would renew the bookmark the
        // next one uses before it could mislead. (A page past the end is
        // empty, which no bookmark is trusted for.)
        auto walk = [&](const QString &filter) {
            const QStringList listing = names("?limit=100" + filter);
            for (int page = int(listing.size() + 2) / 3; page >= 1; --page) {
                const QString query = QStringLiteral("?limit=3&page=%1%2").arg(page).arg(filter);
                const QStringList expected = listing.mid((page - 1) * 3, 3);
                for (int again = 0; again < 2; ++again) {
                    const QStringList got = names(query);
                    if (got != expected)
                        return QStringLiteral("%1: %2, expected %3").arg(query, got.join(u','), expected.join(u','));
                }
            }
            return QString();
        };
        const QString alive = QStringLiteral("&onlyActiveTags=true");
        QCOMPARE(walk(QString()), QString());
        QCOMPARE(walk(alive), QString());
        QVERIFY(names("?limit=100" + alive).contains(QStringLiteral("brief")));

        // "brief" runs out: no write, but the alive listing loses a row.
        QElapsedTimer timer;
        timer.start();
        while (names("?limit=100" + alive).contains(QStringLiteral("brief")) && timer.elapsed() < 10'000)
            QThread::msleep(100);
        QVERIFY(!names("?limit=100" + alive).contains(QStringLiteral("brief")));
        QCOMPARE(walk(alive), QString());
        QCOMPARE(walk(QString()), QString());

        QCOMPARE(registry.putManifest(repository, "p8", manifest, kOciManifestType).status, 201);
        QCOMPARE(walk(QString()), QString());
        QCOMPARE(walk(alive), QString());

        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/p2").status, 204);
        QCOMPARE(walk(alive), QString());
        QCOMPARE(walk(QString()), QString());
        QCOMPARE(walk("&filter_tag_name=like:p"), QString());
    }

    void pagesTellWhetherMoreFollow()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "pages", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, "t0", imageConfig("pages"));
        QVERIFY(!manifest.isEmpty());
        for (int i = 1; i < 5; ++i)
            QCOMPARE(registry.putManifest(repository, QStringLiteral("t%1").arg(i), manifest, kOciManifestType).status, 201);

        QStringList seen;
        for (int page = 1; page <= 3; ++page) {
            const HttpReply reply = call(server, token, "GET",
                                         QStringLiteral("/api/v1/repository/%1/tag/?limit=2&page=%2").arg(repository).arg(page));
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.json();
            QCOMPARE(body.value("page").toInteger(), qint64(page));
            QCOMPARE(body.value("has_additional").toBool(), page < 3);
            QCOMPARE(body.value("tags").toArray().size(), page < 3 ? 2 : 1);
            for (const QJsonValue &row : body.value("tags").toArray())
                seen << row.toObject().value("name").toString();
        }
        seen.sort();
        QCOMPARE(seen, QStringList({"t0", "t1", "t2", "t3", "t4"}));
        // Guide spelling without the trailing slash, and the default page.
        const QJsonObject all = call(server, token, "GET", "/api/v1/repository/" + repository + "/tag").json();
        QCOMPARE(all.value("tags").toArray().size(), 5);
        QCOMPARE(all.value("has_additional").toBool(), false);
    }

    // Pages of every filter give the rows of the full listing, in its order
    // (start time descending, then name), whatever page is asked first:
    // the page query walks an index and joins the manifests afterwards.
    void filteredPagesFollowTheListingOrder()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "orderedpages", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, "p00", imageConfig("orderedpages"));
        const QByteArray index = json(QJsonObject{
            {"schemaVersion", 2},
            {"mediaType", QString::fromLatin1(kOciIndexType)},
            {"manifests", QJsonArray{QJsonObject{{"mediaType", QString::fromLatin1(kOciManifestType)},
                                                 {"digest", sha256Of(manifest)},
                                                 {"size", manifest.size()}}}}});
        QVERIFY(!manifest.isEmpty());
        for (const char *tag : {"p01", "Q00", "p02", "q01", "p03", "p04", "q02", "P05", "p06"})
            QCOMPARE(registry.putManifest(repository, tag, manifest, kOciManifestType).status, 201);
        QCOMPARE(registry.putManifest(repository, "p07", index, kOciIndexType).status, 201);
        // History rows: a moved tag and a deleted one.
        QCOMPARE(registry.putManifest(repository, "p02", manifest, kOciManifestType).status, 201);
        QCOMPARE(call(server, token, "DELETE", "/api/v1/repository/" + repository + "/tag/q01").status, 204);

        const QJsonArray all = history(server, token, repository, "?limit=100");
        QCOMPARE(all.size(), 12);
        for (qsizetype i = 1; i < all.size(); ++i) {
            const QJsonObject a = all[i - 1].toObject();
            const QJsonObject b = all[i].toObject();
            QVERIFY(a.value("start_ts").toInteger() >= b.value("start_ts").toInteger());
        }
        QCOMPARE(all[0].toObject().value("name").toString(), QStringLiteral("p02"));
        QCOMPARE(all[0].toObject().value("is_manifest_list").toBool(), false);

        struct Filter
        {
            QString query;
            std::function<bool(const QJsonObject &)> keeps;
        };
        const QList<Filter> filters{
            {QString(), [](const QJsonObject &) { return true; }},
            {"&filter_tag_name=like:p", [](const QJsonObject &row) { return row.value("name").toString().contains(u'p', Qt::CaseInsensitive); }},
            {"&onlyActiveTags=true", [](const QJsonObject &row) { return !row.contains("end_ts"); }},
            {"&onlyActiveTags=true&filter_tag_name=like:Q0", [](const QJsonObject &row) {
                 return !row.contains("end_ts") && row.value("name").toString().startsWith(u'q', Qt::CaseInsensitive);
             }},
        };
        for (const Filter &filter : filters) {
            QJsonArray expected;
            for (const QJsonValue &row : all) {
                if (filter.keeps(row.toObject()))
                    expected.append(row);
            }
            QJsonArray paged;
            // Backwards: the last page first, as a client jumping there.
            const int pages = int((expected.size() + 2) / 3);
            std::vector<QJsonArray> byPage(size_t(pages) + 1);
            for (int page = pages + 1; page >= 1; --page) {
                const HttpReply reply = call(server, token, "GET",
                                             QStringLiteral("/api/v1/repository/%1/tag/?limit=3&page=%2%3")
                                                 .arg(repository).arg(page).arg(filter.query));
                QCOMPARE(reply.status, 200);
                const QJsonObject body = reply.json();
                QCOMPARE(body.value("has_additional").toBool(), page < pages);
                if (page > pages) {
                    QVERIFY2(body.value("tags").toArray().isEmpty(), qPrintable(filter.query));
                    continue;
                }
                byPage[size_t(page)] = body.value("tags").toArray();
            }
            for (int page = 1; page <= pages; ++page) {
                for (const QJsonValue &row : byPage[size_t(page)])
                    paged.append(row);
            }
            QVERIFY2(paged == expected, qPrintable(filter.query));
        }
    }

    // The repository list's last_modified is the newest start among alive
    // tags; a tag with an end in the future is alive (reference §4.1).
    void repositoryLastModifiedCountsTagsWithAScheduledEnd()
    {
        KAI_SERVER(server, m_fixture);
        const QString user = QStringLiteral("scheduler%1%2").arg(backend).arg(++m_counter);
        QVERIFY(server->createUser(user, "scheduler-password").ok());
        const QString token = server->createToken(user);
        QVERIFY(!token.isEmpty());
        HttpClient registry(server->baseUrl());
        const QString repository = user + "/scheduled";
        registry.login(user, "scheduler-password", {"repository:" + repository + ":pull,push"});
        QVERIFY(!pushImage(registry, repository, "soon", imageConfig("scheduled")).isEmpty());
        const QString tagPath = "/api/v1/repository/" + repository + "/tag/soon";
        QCOMPARE(call(server, token, "PUT", tagPath,
                      json({{"expiration", double(QDateTime::currentSecsSinceEpoch() + 3 * 3600)}})).status, 201);
        const QJsonObject tag = history(server, token, repository)[0].toObject();
        QVERIFY(tag.contains("end_ts"));

        auto lastModified = [&]() -> QJsonValue {
            const HttpReply reply = call(server, token, "GET", "/api/v1/repository?namespace=" + user + "&last_modified=true");
            for (const QJsonValue &entry : reply.json().value("repositories").toArray()) {
                if (entry.toObject().value("name").toString() == QLatin1String("scheduled"))
                    return entry.toObject().value("last_modified");
            }
            return QJsonValue(QJsonValue::Undefined);
        };
        QCOMPARE(lastModified(), QJsonValue(tag.value("start_ts").toInteger()));
        // Once no tag is alive, nothing counts.
        QCOMPARE(call(server, token, "DELETE", tagPath).status, 204);
        QCOMPARE(lastModified(), QJsonValue(QJsonValue::Null));
    }

    void manifestPushedByDigestIsHeldByAHiddenTag()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "bydigest", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, {}, imageConfig("bydigest"));
        QVERIFY(!manifest.isEmpty());
        QVERIFY(history(server, token, repository).isEmpty());
        QCOMPARE(v2Tags(registry, repository), QJsonArray());
        QCOMPARE(registry.get("/v2/" + repository + "/manifests/" + sha256Of(manifest)).status, 200);
        // It can be tagged through the API afterwards.
        QCOMPARE(call(server, token, "PUT", "/api/v1/repository/" + repository + "/tag/named",
                      json({{"manifest_digest", sha256Of(manifest)}})).status, 201);
        QCOMPARE(v2Tags(registry, repository), QJsonArray({"named"}));
    }

    void badRequestsChangeNothing()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "refusals", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, "stable", imageConfig("refusals"));
        QVERIFY(!manifest.isEmpty());
        const QString base = "/api/v1/repository/" + repository + "/tag/";
        const QJsonArray before = history(server, token, repository);
        QCOMPARE(before.size(), 1);

        QVERIFY(server->createUser("tagreader-" + backend, "reader-password").ok());
        const QString reader = server->createToken("tagreader-" + backend);
        QVERIFY(!reader.isEmpty());
        QCOMPARE(call(server, token, "PUT", "/api/v1/repository/" + repository + "/permissions/user/tagreader-" + backend,
                      json({{"role", "read"}})).status, 200);

        struct Case
        {
            const char *what;
            QString token;
            QByteArray method;
            QString path;
            QByteArray body;
            int status;
        };
        const QString digest = sha256Of(manifest);
        const QList<Case> cases{
            {"tag name breaking the rule", token, "PUT", base + ".bad", json({{"manifest_digest", digest}}), 400},
            {"tag name too long", token, "PUT", base + QString(129, u'a'), json({{"manifest_digest", digest}}), 400},
            {"digest not in the repository", token, "PUT", base + "stable",
             json({{"manifest_digest", "sha256:" + QString(64, u'0')}}), 404},
            {"manifest_digest of the wrong type", token, "PUT", base + "stable", json({{"manifest_digest", 5}}), 400},
            {"malformed JSON", token, "PUT", base + "stable", "{\"manifest_digest\": ", 400},
            {"missing body", token, "PUT", base + "stable", {}, 400},
            {"restore without manifest_digest", token, "POST", base + "stable/restore", json({{"other", 1}}), 400},
            {"restore of an unknown digest", token, "POST", base + "stable/restore",
             json({{"manifest_digest", "sha256:" + QString(64, u'1')}}), 404},
            {"delete of a tag that is not there", token, "DELETE", base + "nothing", {}, 404},
            {"reader may not move", reader, "PUT", base + "stable", json({{"manifest_digest", digest}}), 403},
            {"reader may not delete", reader, "DELETE", base + "stable", {}, 403},
            {"reader may not restore", reader, "POST", base + "stable/restore", json({{"manifest_digest", digest}}), 403},
            {"anonymous on a private repository", QString(), "DELETE", base + "stable", {}, 401},
            {"anonymous may not list", QString(), "GET", base, {}, 401},
            {"expire is off by default", token, "POST", base + "stable/expire", json({{"is_alive", true}}), 405},
        };
        for (const Case &c : cases) {
            const HttpReply reply = call(server, c.token, c.method, c.path, c.body);
            QVERIFY2(reply.status == c.status, qPrintable(QStringLiteral("%1: %2 (expected %3) %4")
                                                              .arg(QLatin1String(c.what)).arg(reply.status).arg(c.status)
                                                              .arg(QString::fromUtf8(reply.body))));
        }
        QCOMPARE(history(server, token, repository), before);
        // The reader may list.
        QCOMPARE(history(server, reader, repository), before);
    }

    void concurrentPushesOfOneTagLeaveOneAliveRow()
    {
        KAI_SERVER(server, m_fixture);
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "race", m_counter);
        const QString token = adminToken(server, backend);
        constexpr int kPushes = 8;
        QList<QByteArray> manifests;
        for (int i = 0; i < kPushes; ++i) {
            const QByteArray config = imageConfig(QStringLiteral("race-%1").arg(i));
            QVERIFY(!registry.pushBlob(repository, config).isEmpty());
            manifests << ociImageManifest(config, {});
        }
        const QString bearer = registry.login(server->adminUser(), server->adminPassword(),
                                              {"repository:" + repository + ":pull,push"});
        std::vector<int> statuses(kPushes, 0);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < kPushes; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                HttpClient client(server->baseUrl());
                client.setBearer(bearer);
                statuses[i] = client.putManifest(repository, "contended", manifests[i], kOciManifestType).status;
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60'000));
        QCOMPARE(statuses, std::vector<int>(kPushes, 201));
        const QJsonArray rows = history(server, token, repository);
        QCOMPARE(rows.size(), kPushes);
        int alive = 0;
        for (const QJsonValue &row : rows)
            alive += row.toObject().contains("end_ts") ? 0 : 1;
        QCOMPARE(alive, 1);
        QCOMPARE(history(server, token, repository, "?onlyActiveTags=true").size(), 1);
    }

    void permanentExpiryMovesTheEndOutOfTheWindow()
    {
        KAI_SERVER(server, m_permanentFixture, permanentOptions());
        HttpClient registry(server->baseUrl());
        const QString repository = freshAdminRepository(server, registry, "permanent", m_counter);
        const QString token = adminToken(server, backend);
        const QByteArray manifest = pushImage(registry, repository, "gone", imageConfig("permanent"));
        QVERIFY(!manifest.isEmpty());
        const QString base = "/api/v1/repository/" + repository + "/tag/gone";
        QCOMPARE(call(server, token, "POST", base + "/expire", json({})).status, 400);
        QCOMPARE(call(server, token, "DELETE", base).status, 204);
        const HttpReply expired = call(server, token, "POST", base + "/expire", json({{"manifest_digest", sha256Of(manifest)}}));
        QCOMPARE(expired.status, 200);
        QCOMPARE(expired.body, QByteArray("\"\""));
        const qint64 window = call(server, token, "GET", "/api/v1/repository/" + repository).json().value("tag_expiration_s").toInteger();
        const QJsonObject row = history(server, token, repository)[0].toObject();
        QVERIFY(row.value("end_ts").toInteger() <= QDateTime::currentSecsSinceEpoch() - window);
        // Nothing left inside the window: a second call finds nothing.
        QCOMPARE(call(server, token, "POST", base + "/expire", json({{"manifest_digest", sha256Of(manifest)}})).status, 404);
    }

    // Reference §4.1: a namespace's window starts as DEFAULT_TAG_EXPIRATION
    // (here one week instead of Quay's two) when it is created.
    void newNamespacesStartWithTheDefaultWindow()
    {
        KAI_SERVER(server, m_permanentFixture, permanentOptions());
        const QString token = adminToken(server, backend);
        QCOMPARE(call(server, token, "GET", "/api/v1/user/").json().value("tag_expiration_s").toInteger(), 604800);
        QCOMPARE(call(server, token, "POST", "/api/v1/organization/", json({{"name", "weekly"}})).status, 201);
        QCOMPARE(call(server, token, "GET", "/api/v1/organization/weekly").json().value("tag_expiration_s").toInteger(), 604800);
    }
};

QTEST_GUILESS_MAIN(TestApiTags)
#include "tst_api_tags.moc"
