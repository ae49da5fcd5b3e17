// config.yaml as an operator writes it: Quay's keys, a clear stop on a bad
// value, a warning for a key Kai does not know.
#include "config/config.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kai;
using namespace kai::config;

class TestConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Result<LoadedConfig> loadYaml(const QByteArray &yaml, const QString &listen = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("config-%1.yaml").arg(++m_count));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return Error::of(ErrorKind::Io, "cannot write");
        file.write(yaml);
        file.close();
        return loadConfig({path, m_dir.filePath("data"), listen});
    }
    int m_count = 0;

private Q_SLOTS:
    void noConfigFileGivesEmbeddedDefault()
    {
        auto loaded = loadConfig({{}, m_dir.filePath("data"), {}});
        QVERIFY(loaded.ok());
        const Config &config = loaded->config;
        QCOMPARE(config.hostname(), QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(config.effectiveDbUri(), "sqlite:///" + m_dir.filePath("data/kai.db"));
        QCOMPARE(config.effectiveStoragePath(), m_dir.filePath("data/storage"));
        QVERIFY(!config.featureUserInitialize);
        QVERIFY(config.createPrivateRepoOnPush);
        QCOMPARE(config.realm(), QStringLiteral("http://127.0.0.1:8080/v2/auth"));
    }

    void quayKeysAreRead()
    {
        auto loaded = loadYaml("SERVER_HOSTNAME: registry.example.com\n"
                               "PREFERRED_URL_SCHEME: https\n"
                               "DB_URI: postgresql://quay:pw@db:5432/quay\n"
                               "SUPER_USERS: [quayadmin, ops]\n"
                               "FEATURE_USER_INITIALIZE: true\n"
                               "FEATURE_REFERRERS_API: false\n"
                               "CREATE_PRIVATE_REPO_ON_PUSH: false\n"
                               "DISTRIBUTED_STORAGE_CONFIG:\n"
                               "  default:\n"
                               "    - LocalStorage\n"
                               "    - storage_path: /srv/kai/storage\n");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const Config &config = loaded->config;
        QCOMPARE(config.hostname(), QStringLiteral("registry.example.com"));
        QCOMPARE(config.realm(), QStringLiteral("https://registry.example.com/v2/auth"));
        QCOMPARE(config.effectiveDbUri(), QStringLiteral("postgresql://quay:pw@db:5432/quay"));
        QCOMPARE(config.superUsers, QStringList({"quayadmin", "ops"}));
        QVERIFY(config.featureUserInitialize);
        QVERIFY(!config.featureReferrersApi);
        QVERIFY(!config.createPrivateRepoOnPush);
        QCOMPARE(config.effectiveStoragePath(), QStringLiteral("/srv/kai/storage"));
        QVERIFY(loaded->warnings.isEmpty());
    }

    void mailKeysAreRead()
    {
        auto loaded = loadYaml("FEATURE_MAILING: true\n"
                               "MAIL_SERVER: smtp.example.com\n"
                               "MAIL_PORT: 2525\n"
                               "MAIL_USE_TLS: false\n"
                               "MAIL_USE_AUTH: true\n"
                               "MAIL_USERNAME: quay\n"
                               "MAIL_PASSWORD: secret\n"
                               "MAIL_DEFAULT_SENDER: registry@example.com\n"
                               "FEATURE_REQUIRE_TEAM_INVITE: false\n");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const Config &config = loaded->config;
        QVERIFY(config.featureMailing);
        QVERIFY(!config.featureRequireTeamInvite);
        QCOMPARE(config.mailServer, QStringLiteral("smtp.example.com"));
        QCOMPARE(config.mailPort, 2525);
        QVERIFY(!config.mailUseTls);
        QVERIFY(config.mailUseAuth);
        QCOMPARE(config.mailUsername, QStringLiteral("quay"));
        QCOMPARE(config.mailPassword, QStringLiteral("secret"));
        QCOMPARE(config.mailDefaultSender, QStringLiteral("registry@example.com"));
        QVERIFY(loaded->warnings.isEmpty());
    }

    void garbageCollectionKeysAreRead()
    {
        auto defaults = loadConfig({{}, m_dir.filePath("data"), {}});
        QVERIFY(defaults.ok());
        QVERIFY(defaults->config.featureGarbageCollection);
        QCOMPARE(defaults->config.garbageCollectionFrequencySeconds, 30);
        QCOMPARE(defaults->config.gcBlobGraceSeconds, 3600);

        auto loaded = loadYaml("FEATURE_GARBAGE_COLLECTION: false\n"
                               "GARBAGE_COLLECTION_FREQUENCY: 5\n"
                               "KAI_GC_BLOB_GRACE_SECONDS: 0\n");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QVERIFY(!loaded->config.featureGarbageCollection);
        QCOMPARE(loaded->config.garbageCollectionFrequencySeconds, 5);
        QCOMPARE(loaded->config.gcBlobGraceSeconds, 0);
        QVERIFY(loaded->warnings.isEmpty());
    }

    void freshLoginTimeoutIsRead()
    {
        auto defaults = loadConfig({{}, m_dir.filePath("data"), {}});
        QVERIFY(defaults.ok());
        QCOMPARE(defaults->config.freshLoginTimeoutSeconds, 600);   // Quay's "10m"
        auto loaded = loadYaml("FRESH_LOGIN_TIMEOUT: 2h\n");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(loaded->config.freshLoginTimeout, QStringLiteral("2h"));
        QCOMPARE(loaded->config.freshLoginTimeoutSeconds, 7200);
        QVERIFY(loaded->warnings.isEmpty());
    }

    void trustedProxiesAreRead()
    {
        auto defaults = loadConfig({{}, m_dir.filePath("data"), {}});
        QVERIFY(defaults.ok());
        QVERIFY(defaults->config.trustedProxies.isEmpty());
        auto loaded = loadYaml("KAI_TRUSTED_PROXIES: [10.0.0.0/8, 192.0.2.10, \"::1\", \"fd00::/8\"]\n");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const auto &proxies = loaded->config.trustedProxies;
        QCOMPARE(proxies.size(), 4);
        QCOMPARE(proxies.at(0), qMakePair(QHostAddress("10.0.0.0"), 8));
        QCOMPARE(proxies.at(1), qMakePair(QHostAddress("192.0.2.10"), 32));
        QCOMPARE(proxies.at(2), qMakePair(QHostAddress("::1"), 128));
        QCOMPARE(proxies.at(3), qMakePair(QHostAddress("fd00::"), 8));
        QVERIFY(loaded->warnings.isEmpty());
    }

    void labelAndModelcardKeysAreRead()
    {
        auto defaults = loadConfig({{}, m_dir.filePath("data"), {}});
        QVERIFY(defaults.ok());
        QVERIFY(defaults->config.featureUiModelcard);
        QCOMPARE(defaults->config.uiModelcardArtifactType, QStringLiteral("application/x-mlmodel"));
        QVERIFY(defaults->config.uiModelcardAnnotation.isEmpty());
        QCOMPARE(defaults->config.uiModelcardLayerAnnotation,
                 (QMap<QString, QString>{{"org.opencontainers.image.title", "README.md"}}));
        QCOMPARE(defaults->config.modelcardMaxBytes, 1024 * 1024);
        QVERIFY(defaults->config.labelKeyReservedPrefixes.isEmpty());

        // Guide 8.1.1's example.
        auto loaded = loadYaml("FEATURE_UI_MODELCARD: false\n"
                               "UI_MODELCARD_ARTIFACT_TYPE: application/x-mlmodel\n"
                               "UI_MODELCARD_ANNOTATION:\n"
                               "  org.opencontainers.image.description: \"Model card metadata\"\n"
                               "UI_MODELCARD_LAYER_ANNOTATION:\n"
                               "  org.opencontainers.image.title: README.md\n"
                               "KAI_MODELCARD_MAX_BYTES: 65536\n"
                               "LABEL_KEY_RESERVED_PREFIXES: [com.example., org.example.]\n");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const Config &config = loaded->config;
        QVERIFY(!config.featureUiModelcard);
        QCOMPARE(config.uiModelcardAnnotation,
                 (QMap<QString, QString>{{"org.opencontainers.image.description", "Model card metadata"}}));
        QCOMPARE(config.uiModelcardLayerAnnotation, (QMap<QString, QString>{{"org.opencontainers.image.title", "README.md"}}));
        QCOMPARE(config.modelcardMaxBytes, 65536);
        QCOMPARE(config.labelKeyReservedPrefixes, QStringList({"com.example.", "org.example."}));
        QVERIFY(loaded->warnings.isEmpty());
    }

    void invalidValueStopsNamingTheKey_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("key");
        QTest::newRow("scheme") << QByteArray("PREFERRED_URL_SCHEME: ftp\n") << "PREFERRED_URL_SCHEME";
        QTest::newRow("boolean") << QByteArray("FEATURE_USER_INITIALIZE: perhaps\n") << "FEATURE_USER_INITIALIZE";
        QTest::newRow("hostname with scheme") << QByteArray("SERVER_HOSTNAME: http://x\n") << "SERVER_HOSTNAME";
        QTest::newRow("storage driver") << QByteArray("DISTRIBUTED_STORAGE_CONFIG: {s3: [S3Storage, {}]}\n") << "DISTRIBUTED_STORAGE_CONFIG";
        QTest::newRow("super users not a list") << QByteArray("SUPER_USERS: admin\n") << "SUPER_USERS";
        QTest::newRow("integer out of range") << QByteArray("REGISTRY_JWT_AUTH_MAX_FRESH_S: 5\n") << "REGISTRY_JWT_AUTH_MAX_FRESH_S";
        QTest::newRow("cert without key") << QByteArray("SSL_CERT_PATH: /x.pem\n") << "SSL_CERT_PATH";
        QTest::newRow("read-only superusers not a list") << QByteArray("GLOBAL_READONLY_SUPER_USERS: auditor\n") << "GLOBAL_READONLY_SUPER_USERS";
        QTest::newRow("full access not a boolean") << QByteArray("FEATURE_SUPERUSERS_FULL_ACCESS: maybe\n") << "FEATURE_SUPERUSERS_FULL_ACCESS";
        QTest::newRow("mailing without server") << QByteArray("FEATURE_MAILING: true\n") << "MAIL_SERVER";
        QTest::newRow("mail port") << QByteArray("MAIL_PORT: 70000\n") << "MAIL_PORT";
        QTest::newRow("sender without at") << QByteArray("MAIL_DEFAULT_SENDER: registry\n") << "MAIL_DEFAULT_SENDER";
        QTest::newRow("modelcard flag") << QByteArray("FEATURE_UI_MODELCARD: sometimes\n") << "FEATURE_UI_MODELCARD";
        QTest::newRow("modelcard annotation not a map") << QByteArray("UI_MODELCARD_ANNOTATION: README.md\n") << "UI_MODELCARD_ANNOTATION";
        QTest::newRow("layer annotation value not a string")
            << QByteArray("UI_MODELCARD_LAYER_ANNOTATION: {title: [a, b]}\n") << "UI_MODELCARD_LAYER_ANNOTATION";
        QTest::newRow("gc flag") << QByteArray("FEATURE_GARBAGE_COLLECTION: often\n") << "FEATURE_GARBAGE_COLLECTION";
        QTest::newRow("gc frequency zero") << QByteArray("GARBAGE_COLLECTION_FREQUENCY: 0\n") << "GARBAGE_COLLECTION_FREQUENCY";
        QTest::newRow("gc grace negative") << QByteArray("KAI_GC_BLOB_GRACE_SECONDS: -1\n") << "KAI_GC_BLOB_GRACE_SECONDS";
        QTest::newRow("modelcard limit zero") << QByteArray("KAI_MODELCARD_MAX_BYTES: 0\n") << "KAI_MODELCARD_MAX_BYTES";
        QTest::newRow("fresh login timeout not a duration") << QByteArray("FRESH_LOGIN_TIMEOUT: 10 minutes\n") << "FRESH_LOGIN_TIMEOUT";
        QTest::newRow("fresh login timeout zero") << QByteArray("FRESH_LOGIN_TIMEOUT: 0s\n") << "FRESH_LOGIN_TIMEOUT";
        QTest::newRow("trusted proxies not a list") << QByteArray("KAI_TRUSTED_PROXIES: 10.0.0.1\n") << "KAI_TRUSTED_PROXIES";
        QTest::newRow("trusted proxy not an address") << QByteArray("KAI_TRUSTED_PROXIES: [proxy.internal]\n")
                                                      << "KAI_TRUSTED_PROXIES";
        QTest::newRow("trusted network prefix too long") << QByteArray("KAI_TRUSTED_PROXIES: [10.0.0.0/33]\n")
                                                         << "KAI_TRUSTED_PROXIES";
        QTest::newRow("reserved prefix without dot") << QByteArray("LABEL_KEY_RESERVED_PREFIXES: [com.example]\n")
                                                     << "LABEL_KEY_RESERVED_PREFIXES";
    }

    void invalidValueStopsNamingTheKey()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, key);
        auto loaded = loadYaml(yaml);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.contains(key), qPrintable(loaded.error().message));
    }

    void brokenYamlIsReported()
    {
        auto loaded = loadYaml("SERVER_HOSTNAME: [unclosed\n");
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().message.contains("not valid YAML"));
    }

    void unknownKeyIsWarnedAbout()
    {
        auto loaded = loadYaml("SERVER_HOSTNAME: r.example.com\nNOT_A_QUAY_KEY: 1\n");
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->warnings.size(), 1);
        QVERIFY(loaded->warnings.first().contains("NOT_A_QUAY_KEY"));
    }

    void listenOptionWinsAndParses_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("hostname");
        QTest::newRow("ipv4") << "127.0.0.1:9000" << true << "127.0.0.1:9000";
        QTest::newRow("ipv6") << "[::1]:9001" << true << "[::1]:9001";
        QTest::newRow("port only") << ":9002" << true << "127.0.0.1:9002";
        QTest::newRow("no port") << "127.0.0.1" << false << "";
        QTest::newRow("bad port") << "127.0.0.1:99999" << false << "";
        QTest::newRow("bad address") << "not-an-ip:80" << false << "";
    }

    void listenOptionWinsAndParses()
    {
        QFETCH(QString, listen);
        QFETCH(bool, valid);
        QFETCH(QString, hostname);
        auto loaded = loadYaml("KAI_LISTEN: 127.0.0.1:7000\n", listen);
        QCOMPARE(loaded.ok(), valid);
        if (valid)
            QCOMPARE(loaded->config.hostname(), hostname);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
