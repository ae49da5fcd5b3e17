// End to end with the registry clients users actually run (Debian's skopeo
// and podman) against a real kai-server, on SQLite and on PostgreSQL: the
// guide's push, pull, login and anonymous-access workflows. Images are OCI
// layouts the test writes itself, so nothing comes from the network.
#include "clienttools.h"
#include "e2eserver.h"
#include "ocilayout.h"
#include "server/registrytestdata.h"

using namespace kai::test;

#define KAI_REQUIRE_SKOPEO() KAI_REQUIRE_SERVICE(toolAvailable("skopeo"), "skopeo (apt-get install skopeo)")
#define KAI_REQUIRE_PODMAN() KAI_REQUIRE_SERVICE(toolAvailable("podman"), "podman (apt-get install podman)")

class TestE2eClients : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_fixture;         // Quay's default: pushed repositories are private
    ServerFixture m_publicFixture;   // CREATE_PRIVATE_REPO_ON_PUSH: false
    ScratchDir m_work;               // lower-case path: podman names images after it
    int m_counter = 0;

    QString freshDir(const QString &stem) { return m_work.path() + QStringLiteral("/%1-%2").arg(stem).arg(++m_counter); }
    QString freshRepository(const QString &stem) { return QStringLiteral("admin/%1-%2").arg(stem).arg(++m_counter); }

    static QString docker(const ServerProcess *server, const QString &repository, const QString &tag)
    {
        return "docker://" + server->host() + '/' + repository + ':' + tag;
    }

    // The digest of the manifest the registry serves for a tag, from the
    // exact bytes (`skopeo inspect --raw`); empty, with the failure logged,
    // when skopeo cannot read it.
    static QString servedDigest(const Skopeo &skopeo, const ServerProcess *server, const QString &repository,
                                const QString &tag)
    {
        const ToolRun inspect = skopeo.run({"inspect", "--raw", "--tls-verify=false", "--creds", E2eAccount::creds(),
                                            docker(server, repository, tag)});
        if (!inspect.succeeded()) {
            qWarning("%s", inspect.report().constData());
            return {};
        }
        return sha256Of(inspect.standardOutput);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void initTestCase() { QVERIFY(m_work.isValid()); }

    // skopeo copy oci:DIR:TAG docker://HOST/admin/REPO:TAG and back: the
    // registry must store and serve the manifest byte for byte.
    void skopeoPushThenPullKeepsManifestDigest()
    {
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        OciLayout layout(freshDir("image"));
        const OciBlob manifest = layout.addImage("amd64", "hello from kai\n");
        layout.tag("v1", manifest);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));

        Skopeo skopeo;
        const QString repository = freshRepository("skopeo");
        const ToolRun push = skopeo.run({"copy", "--dest-tls-verify=false", "--dest-creds", E2eAccount::creds(),
                                         layout.reference("v1"), docker(server, repository, "v1")});
        QVERIFY2(push.succeeded(), push.report());
        QCOMPARE(servedDigest(skopeo, server, repository, "v1"), manifest.digest);

        const QString out = freshDir("pulled");
        const ToolRun pull = skopeo.run({"copy", "--src-tls-verify=false", "--src-creds", E2eAccount::creds(),
                                         docker(server, repository, "v1"), "oci:" + out + ":v1"});
        QVERIFY2(pull.succeeded(), pull.report());
        QCOMPARE(OciLayout::digestOfTag(out, "v1"), manifest.digest);
        QCOMPARE(OciLayout::readBlob(out, manifest.digest), OciLayout::readBlob(layout.path(), manifest.digest));
    }

    // A two-platform image index with `skopeo copy --all`, both ways: the
    // index digest is unchanged and both platform images come back.
    void skopeoCopyAllKeepsMultiArchIndexDigest()
    {
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        OciLayout layout(freshDir("multiarch"));
        const OciBlob amd64 = layout.addImage("amd64", "built for amd64\n");
        const OciBlob arm64 = layout.addImage("arm64", "built for arm64\n");
        const OciBlob index = layout.addIndex({{"amd64", amd64}, {"arm64", arm64}});
        layout.tag("multi", index);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));

        Skopeo skopeo;
        const QString repository = freshRepository("multiarch");
        const ToolRun push = skopeo.run({"copy", "--all", "--dest-tls-verify=false", "--dest-creds", E2eAccount::creds(),
                                         layout.reference("multi"), docker(server, repository, "multi")});
        QVERIFY2(push.succeeded(), push.report());
        QCOMPARE(servedDigest(skopeo, server, repository, "multi"), index.digest);

        const QString out = freshDir("multiarch-pulled");
        const ToolRun pull = skopeo.run({"copy", "--all", "--src-tls-verify=false", "--src-creds", E2eAccount::creds(),
                                         docker(server, repository, "multi"), "oci:" + out + ":multi"});
        QVERIFY2(pull.succeeded(), pull.report());
        QCOMPARE(OciLayout::digestOfTag(out, "multi"), index.digest);
        for (const OciBlob &platformImage : {amd64, arm64}) {
            QCOMPARE(OciLayout::readBlob(out, platformImage.digest),
                     OciLayout::readBlob(layout.path(), platformImage.digest));
        }
    }

    // OCI artifacts (a model, not a container image). skopeo 1.9 copies
    // manifests whose config is not an image config as they are, so no
    // HttpClient fallback is needed for either form.
    void skopeoCopiesOciArtifactUnchanged_data()
    {
        QTest::addColumn<QString>("configMediaType");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("artifactType");
        QTest::newRow("custom config media type")
            << QStringLiteral("application/x-mlmodel") << QByteArray(R"({"framework":"onnx","inputs":3})") << QString();
        QTest::newRow("artifactType with empty config")
            << QStringLiteral("application/vnd.oci.empty.v1+json") << QByteArray("{}")
            << QStringLiteral("application/x-mlmodel");
    }

    void skopeoCopiesOciArtifactUnchanged()
    {
        QFETCH(QString, configMediaType);
        QFETCH(QByteArray, config);
        QFETCH(QString, artifactType);
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        OciLayout layout(freshDir("artifact"));
        const QByteArray weights = "\x00\x01weights of a very small model\xff";
        const OciBlob manifest = layout.addArtifact(configMediaType, config, "application/vnd.example.model.weights",
                                                    weights, artifactType);
        layout.tag("model", manifest);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));

        Skopeo skopeo;
        const QString repository = freshRepository("model");
        const ToolRun push = skopeo.run({"copy", "--dest-tls-verify=false", "--dest-creds", E2eAccount::creds(),
                                         layout.reference("model"), docker(server, repository, "model")});
        QVERIFY2(push.succeeded(), push.report());
        QCOMPARE(servedDigest(skopeo, server, repository, "model"), manifest.digest);

        const QString out = freshDir("artifact-pulled");
        const ToolRun pull = skopeo.run({"copy", "--all", "--src-tls-verify=false", "--src-creds", E2eAccount::creds(),
                                         docker(server, repository, "model"), "oci:" + out + ":model"});
        QVERIFY2(pull.succeeded(), pull.report());
        QCOMPARE(OciLayout::digestOfTag(out, "model"), manifest.digest);
        QCOMPARE(OciLayout::readBlob(out, sha256Of(weights)), weights);
        QCOMPARE(OciLayout::readBlob(out, sha256Of(config)), config);
    }

    // The guide's podman workflow: load a local image, tag it for Kai, log
    // in, push, remove it locally, pull it back. The image ID (its config
    // digest) survives, and the pulled manifest is the one podman pushed.
    void podmanLoginPushPullKeepsImage()
    {
        KAI_REQUIRE_PODMAN();
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        OciLayout layout(freshDir("podman-image"));
        const OciBlob manifest = layout.addImage("amd64", "pushed by podman\n");
        layout.tag("v1", manifest);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));
        const QJsonObject layoutManifest = QJsonDocument::fromJson(OciLayout::readBlob(layout.path(), manifest.digest)).object();
        const QString configDigest = layoutManifest.value("config").toObject().value("digest").toString();

        Podman podman;
        QVERIFY(podman.isValid());
        const ToolRun load = podman.run({"pull", layout.reference("v1")});
        QVERIFY2(load.succeeded(), load.report());
        const QString imageId = QString::fromUtf8(load.standardOutput).trimmed();
        QCOMPARE("sha256:" + imageId, configDigest);

        const QString target = server->host() + '/' + freshRepository("podman") + ":v1";
        const ToolRun tag = podman.run({"tag", imageId, target});
        QVERIFY2(tag.succeeded(), tag.report());

        const ToolRun login = podman.run({"login", "--tls-verify=false", "-u", E2eAccount::user(), "-p",
                                          E2eAccount::password(), server->host()});
        QVERIFY2(login.succeeded(), login.report());
        QVERIFY2(login.standardOutput.contains("Login Succeeded"), login.report());

        const QString digestFile = freshDir("podman-digest");
        const ToolRun push = podman.run({"push", "--tls-verify=false", "--digestfile", digestFile, target});
        QVERIFY2(push.succeeded(), push.report());
        QFile pushedDigestFile(digestFile);
        QVERIFY(pushedDigestFile.open(QIODevice::ReadOnly));
        const QString pushedDigest = QString::fromLatin1(pushedDigestFile.readAll()).trimmed();
        QVERIFY2(pushedDigest.startsWith("sha256:"), qPrintable(pushedDigest));

        const ToolRun remove = podman.run({"rmi", "--force", imageId});
        QVERIFY2(remove.succeeded(), remove.report());
        QVERIFY2(!podman.run({"image", "exists", target}).succeeded(), "the image is still in podman's store");

        const ToolRun pull = podman.run({"pull", "--tls-verify=false", target});
        QVERIFY2(pull.succeeded(), pull.report());
        QCOMPARE(QString::fromUtf8(pull.standardOutput).trimmed(), imageId);
        const ToolRun inspect = podman.run({"image", "inspect", "--format", "{{.Digest}}", target});
        QVERIFY2(inspect.succeeded(), inspect.report());
        QCOMPARE(QString::fromUtf8(inspect.standardOutput).trimmed(), pushedDigest);
    }

    // A wrong password or an unknown user: `podman login` fails, says why,
    // and stores nothing.
    void podmanLoginWithWrongCredentialsFailsClearly_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << QStringLiteral("admin") << QStringLiteral("not-the-password");
        QTest::newRow("unknown user") << QStringLiteral("nobody") << QStringLiteral("whatever");
    }

    void podmanLoginWithWrongCredentialsFailsClearly()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        KAI_REQUIRE_PODMAN();
        KAI_E2E_SERVER(server, m_fixture);
        Podman podman;
        QVERIFY(podman.isValid());
        const ToolRun login = podman.run({"login", "--tls-verify=false", "-u", user, "-p", password, server->host()});
        QVERIFY2(login.finished && login.exitCode != 0, login.report());
        QVERIFY2(login.standardError.contains("invalid username/password"), login.report());
        QFile authFile(podman.authFile());
        QVERIFY(authFile.open(QIODevice::ReadOnly));
        QVERIFY2(!authFile.readAll().contains(server->host().toLatin1()), "a failed login was stored");
    }

    // Repositories made by a push are private by default: without
    // credentials neither inspect nor copy may read them, and the answer is
    // "unauthorized", not "unknown".
    void anonymousPullOfPrivateRepositoryIsDenied()
    {
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_fixture);
        OciLayout layout(freshDir("private"));
        const OciBlob manifest = layout.addImage("amd64", "private content\n");
        layout.tag("v1", manifest);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));
        Skopeo skopeo;
        const QString repository = freshRepository("private");
        const ToolRun push = skopeo.run({"copy", "--dest-tls-verify=false", "--dest-creds", E2eAccount::creds(),
                                         layout.reference("v1"), docker(server, repository, "v1")});
        QVERIFY2(push.succeeded(), push.report());

        const ToolRun inspect = skopeo.run({"inspect", "--raw", "--tls-verify=false", "--no-creds",
                                            docker(server, repository, "v1")});
        QVERIFY2(inspect.finished && inspect.exitCode != 0, inspect.report());
        QVERIFY2(inspect.standardError.toLower().contains("unauthorized"), inspect.report());
        QVERIFY2(!inspect.standardOutput.contains(manifest.digest.toLatin1()), inspect.report());

        const QString out = freshDir("private-pulled");
        const ToolRun copy = skopeo.run({"copy", "--src-tls-verify=false", "--src-no-creds",
                                         docker(server, repository, "v1"), "oci:" + out + ":v1"});
        QVERIFY2(copy.finished && copy.exitCode != 0, copy.report());
        QVERIFY2(copy.standardError.toLower().contains("unauthorized"), copy.report());
        QVERIFY(OciLayout::digestOfTag(out, "v1").isEmpty());
    }

    // With CREATE_PRIVATE_REPO_ON_PUSH: false a pushed repository is public:
    // anyone may pull it, but writing still needs credentials.
    void anonymousPullOfPublicRepositoryIsAllowed()
    {
        KAI_REQUIRE_SKOPEO();
        KAI_E2E_SERVER(server, m_publicFixture, {QStringLiteral("CREATE_PRIVATE_REPO_ON_PUSH: false")});
        OciLayout layout(freshDir("public"));
        const OciBlob manifest = layout.addImage("amd64", "public content\n");
        layout.tag("v1", manifest);
        QVERIFY2(layout.ok(), qPrintable(layout.error()));
        Skopeo skopeo;
        const QString repository = freshRepository("public");
        const ToolRun push = skopeo.run({"copy", "--dest-tls-verify=false", "--dest-creds", E2eAccount::creds(),
                                         layout.reference("v1"), docker(server, repository, "v1")});
        QVERIFY2(push.succeeded(), push.report());

        const ToolRun inspect = skopeo.run({"inspect", "--raw", "--tls-verify=false", "--no-creds",
                                            docker(server, repository, "v1")});
        QVERIFY2(inspect.succeeded(), inspect.report());
        QCOMPARE(sha256Of(inspect.standardOutput), manifest.digest);

        const QString out = freshDir("public-pulled");
        const ToolRun pull = skopeo.run({"copy", "--src-tls-verify=false", "--src-no-creds",
                                         docker(server, repository, "v1"), "oci:" + out + ":v1"});
        QVERIFY2(pull.succeeded(), pull.report());
        QCOMPARE(OciLayout::digestOfTag(out, "v1"), manifest.digest);

        OciLayout other(freshDir("public-anonymous-push"));
        other.tag("v2", other.addImage("amd64", "anonymous write attempt\n"));
        QVERIFY2(other.ok(), qPrintable(other.error()));
        const ToolRun anonymousPush = skopeo.run({"copy", "--dest-tls-verify=false", "--dest-no-creds",
                                                  other.reference("v2"), docker(server, repository, "v2")});
        QVERIFY2(anonymousPush.finished && anonymousPush.exitCode != 0, anonymousPush.report());
        const ToolRun v2 = skopeo.run({"inspect", "--raw", "--tls-verify=false", "--no-creds",
                                       docker(server, repository, "v2")});
        QVERIFY2(!v2.succeeded(), "an anonymous push created a tag");
    }
};

QTEST_GUILESS_MAIN(TestE2eClients)
#include "tst_e2e_clients.moc"
