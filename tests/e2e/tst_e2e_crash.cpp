// Crash safety of blob storage (design decision 4): SIGKILL the server in
// the middle of a large blob upload, start it again on the same data, and
// check that what was committed before is intact, that the interrupted blob
// does not exist, and that no committed blob file is partial.
//
// The big layer is a sparse file of zeros (KAI_CRASH_LAYER_MB MiB, default
// 1024, at least 64 so that the kill reliably lands mid-transfer): it costs
// no disk and no time to make and hashes in a few seconds; its content does
// not matter to the server. With 1 GiB each backend row takes about 5 s on
// a 2-core machine (the kill comes after 256 MiB), so the default stays. curl uploads it in one
// monolithic PUT (the way `registry-bench` does), streaming from the file.
#include "clienttools.h"
#include "e2eserver.h"
#include "ocilayout.h"
#include "server/registrytestdata.h"

#include "oci/digest.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

using namespace kai::test;

namespace {

qint64 crashLayerBytes()
{
    bool ok = false;
    const qint64 mib = qEnvironmentVariableIntValue("KAI_CRASH_LAYER_MB", &ok);
    return qMax<qint64>(ok ? mib : 1024, 64) * 1024 * 1024;
}

// The largest file under `dir` (the upload in progress), 0 if none.
qint64 largestFileIn(const QString &dir)
{
    qint64 largest = 0;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        it.next();
        largest = qMax(largest, it.fileInfo().size());
    }
    return largest;
}

// Streams a file through the hasher of `algorithm`; invalid digest on a read error.
kai::oci::Digest hashFile(const QString &path, kai::oci::DigestAlgorithm algorithm)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    kai::oci::DigestHasher hasher(algorithm);
    QByteArray buffer(8 * 1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        hasher.update(QByteArrayView(buffer.constData(), n));
    }
    return hasher.finish();
}

// HEAD through curl: HttpClient sends HEAD as a custom verb, so Qt waits
// for the body that Content-Length announces (and a HEAD answer never
// carries) until its 60 s timeout.
int headStatus(const QString &url, const QString &token)
{
    const ToolRun head = runTool("curl", {"-sS", "--noproxy", "*", "--max-time", "30", "-I", "-o", "/dev/null", "-w",
                                          "%{http_code}", "-H", "Authorization: Bearer " + token, url},
                                 clientEnvironment({}), 60'000);
    return head.succeeded() ? head.standardOutput.trimmed().toInt() : -1;
}

} // namespace

class TestE2eCrash : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;
    QTemporaryDir m_work;

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void initTestCase() { QVERIFY(m_work.isValid()); }

    void killDuringLargePushLosesNothingCommitted()
    {
        KAI_REQUIRE_SERVICE(toolAvailable("curl"), "curl (apt-get install curl)");
        KAI_E2E_SERVER(server, m_fixture);
        const QString repository = QStringLiteral("admin/crash-%1").arg(backend);
        const QStringList scopes{"repository:" + repository + ":pull,push"};
        HttpClient client(server->baseUrl());
        QVERIFY(!client.login(E2eAccount::user(), E2eAccount::password(), scopes).isEmpty());

        // 1. A small image, pushed completely.
        const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
        const QByteArray layer = OciLayout::gzipStored(OciLayout::tarWithFile("before.txt", "committed before the crash\n"));
        QCOMPARE(client.pushBlob(repository, config), sha256Of(config));
        QCOMPARE(client.pushBlob(repository, layer), sha256Of(layer));
        const QByteArray manifest = ociImageManifest(config, {layer});
        QCOMPARE(client.putManifest(repository, "before-crash", manifest, "application/vnd.oci.image.manifest.v1+json").status, 201);

        // 2. The big layer: sparse, hashed up front so the upload could commit.
        const qint64 total = crashLayerBytes();
        const QString bigPath = m_work.path() + "/big-" + backend;
        {
            QFile big(bigPath);
            QVERIFY(big.open(QIODevice::WriteOnly));
            QVERIFY(big.resize(total));
        }
        const kai::oci::Digest bigDigest = hashFile(bigPath, kai::oci::DigestAlgorithm::Sha256);
        QVERIFY(bigDigest.isValid());

        // 3. Start the upload session, then stream the file with curl.
        const HttpReply session = client.send("POST", "/v2/" + repository + "/blobs/uploads/");
        QCOMPARE(session.status, 202);
        const QString location = QString::fromLatin1(session.header("Location"));
        QVERIFY(!location.isEmpty());
        const QString url = (location.startsWith('/') ? server->baseUrl() + location : location)
                            + (location.contains('?') ? '&' : '?') + "digest=" + bigDigest.toString();
        const QString token = client.login(E2eAccount::user(), E2eAccount::password(), scopes);
        QProcess curl;
        curl.setProcessChannelMode(QProcess::MergedChannels);
        curl.setProcessEnvironment(clientEnvironment({}));
        curl.start("curl", {"-sS", "--noproxy", "*", "-o", "/dev/null", "-w", "HTTP %{http_code}\n", "-T", bigPath,
                            "-H", "Authorization: Bearer " + token, "-H", "Content-Type: application/octet-stream",
                            url});
        QVERIFY2(curl.waitForStarted(10'000), qPrintable(curl.errorString()));

        // 4. SIGKILL the server once a good part of the layer is on its disk.
        const QString uploads = server->dataDir() + "/storage/uploads";
        const qint64 killAt = qMin<qint64>(total / 4, 256LL * 1024 * 1024);
        QDeadlineTimer deadline(120'000);
        qint64 written = 0;
        while ((written = largestFileIn(uploads)) < killAt && curl.state() != QProcess::NotRunning
               && !deadline.hasExpired()) {
            QThread::msleep(5);
        }
        QVERIFY2(written >= killAt,
                 qPrintable(QStringLiteral("the upload reached only %1 of %2 bytes before curl ended or 120 s passed: %3")
                                .arg(written).arg(killAt).arg(QString::fromLocal8Bit(curl.readAll()))));
        server->kill();
        const qint64 writtenAtKill = largestFileIn(uploads);
        QVERIFY2(writtenAtKill < total, "the whole layer arrived before the kill; raise KAI_CRASH_LAYER_MB");

        if (!curl.waitForFinished(30'000)) {
            curl.kill();
            curl.waitForFinished(10'000);
        }
        const QByteArray curlOutput = curl.readAll();
        QVERIFY2(!curlOutput.contains("HTTP 201"), curlOutput.constData());

        // 5. Start again on the same port, data directory and database.
        const kai::Status restarted = server->restart();
        QVERIFY2(restarted.ok(), restarted.ok() ? "" : qPrintable(restarted.error().message));
        HttpClient after(server->baseUrl());
        const QString afterToken = after.login(E2eAccount::user(), E2eAccount::password(), scopes);
        QVERIFY(!afterToken.isEmpty());

        // The image pushed before the crash is intact, byte for byte.
        const HttpReply pulled = after.get("/v2/" + repository + "/manifests/before-crash",
                                           {{"Accept", "application/vnd.oci.image.manifest.v1+json"}});
        QCOMPARE(pulled.status, 200);
        QCOMPARE(pulled.header("Docker-Content-Digest"), sha256Of(manifest).toLatin1());
        QCOMPARE(pulled.body, manifest);
        QCOMPARE(after.get("/v2/" + repository + "/blobs/" + sha256Of(config)).body, config);
        QCOMPARE(after.get("/v2/" + repository + "/blobs/" + sha256Of(layer)).body, layer);

        // The interrupted blob does not exist.
        QCOMPARE(headStatus(server->baseUrl() + "/v2/" + repository + "/blobs/" + bigDigest.toString(), afterToken), 404);
        QCOMPARE(headStatus(server->baseUrl() + "/v2/" + repository + "/blobs/" + sha256Of(layer), afterToken), 200);

        // The interrupted session is either resumable or gone, never an error.
        const int sessionStatus = after.get(location.startsWith('/') ? location : QUrl(location).path()).status;
        QVERIFY2(sessionStatus == 204 || sessionStatus == 404, qPrintable(QString::number(sessionStatus)));

        // No committed blob file is partial: each one hashes to its name.
        const QString blobs = server->dataDir() + "/storage/blobs";
        int checked = 0;
        QDirIterator it(blobs, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(blobs).relativeFilePath(path);   // "<algorithm>/<2 hex>/<hex>"
            const QStringList parts = relative.split('/');
            QVERIFY2(parts.size() == 3, qPrintable("unexpected file in blob storage: " + relative));
            const auto expected = kai::oci::Digest::parse(parts[0] + ':' + parts[2]);
            QVERIFY2(expected.ok(), qPrintable("blob file name is not a digest: " + relative));
            QVERIFY2(parts[2].startsWith(parts[1]), qPrintable("blob in the wrong fan-out folder: " + relative));
            QCOMPARE(hashFile(path, expected->algorithm()).toString(), expected->toString());
            ++checked;
        }
        QVERIFY2(checked >= 2, "the blobs of the small image were not found under storage/blobs");
        QVERIFY(!QFile::exists(blobs + "/sha256/" + bigDigest.hex().left(2) + '/' + bigDigest.hex()));

        // And the restarted server takes new pushes.
        const QByteArray afterLayer = OciLayout::gzipStored(OciLayout::tarWithFile("after.txt", "pushed after restart\n"));
        QCOMPARE(after.pushBlob(repository, afterLayer), sha256Of(afterLayer));
        QCOMPARE(after.putManifest(repository, "after-crash", ociImageManifest(config, {afterLayer}),
                                   "application/vnd.oci.image.manifest.v1+json").status, 201);
        QFile::remove(bigPath);
    }
};

QTEST_GUILESS_MAIN(TestE2eCrash)
#include "tst_e2e_crash.moc"
