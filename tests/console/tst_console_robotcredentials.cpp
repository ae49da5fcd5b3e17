// The five credential formats of the robot credentials dialog
// (console-workflows §3.3.3), from a robot name, a token and a host.
#include "credentials/robotcredentials.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using kai::console::RobotCredentials;

class TestConsoleRobotCredentials : public QObject
{
    Q_OBJECT

private:
    static constexpr const char *kToken = "ABCDEF0123456789";

    static RobotCredentials builder() { return RobotCredentials("acme+builder", kToken, "registry.example.com:8443"); }

    // The one "auth" value of a Docker config, decoded, under `scope`.
    static QString authOf(const QByteArray &config, const QString &scope)
    {
        const QJsonObject auths = QJsonDocument::fromJson(config).object().value("auths").toObject();
        if (auths.size() != 1 || !auths.contains(scope))
            return {};
        const QJsonObject entry = auths.value(scope).toObject();
        if (!entry.contains("email"))
            return {};
        return QString::fromUtf8(QByteArray::fromBase64(entry.value("auth").toString().toLatin1()));
    }

private Q_SLOTS:
    void hostKeepsAnExplicitPort()
    {
        QCOMPARE(RobotCredentials::hostOf(QUrl("http://127.0.0.1:5000")), QStringLiteral("127.0.0.1:5000"));
        QCOMPARE(RobotCredentials::hostOf(QUrl("https://quay.example.com/")), QStringLiteral("quay.example.com"));
    }

    void loginLinesQuoteNameAndToken()
    {
        QCOMPARE(builder().podmanLogin(),
                 QStringLiteral("podman login -u='acme+builder' -p='ABCDEF0123456789' registry.example.com:8443"));
        QCOMPARE(builder().dockerLogin(),
                 QStringLiteral("docker login -u='acme+builder' -p='ABCDEF0123456789' registry.example.com:8443"));
    }

    void dockerConfigHoldsNameColonTokenForTheScope()
    {
        const RobotCredentials credentials = builder();
        QCOMPARE(authOf(credentials.dockerConfigJson(RobotCredentials::Scope::Registry), "registry.example.com:8443"),
                 QStringLiteral("acme+builder:ABCDEF0123456789"));
        QCOMPARE(authOf(credentials.dockerConfigJson(RobotCredentials::Scope::Organization),
                        "registry.example.com:8443/acme"),
                 QStringLiteral("acme+builder:ABCDEF0123456789"));
    }

    void kubernetesSecretCarriesTheDockerConfig()
    {
        const RobotCredentials credentials = builder();
        QCOMPARE(credentials.kubernetesSecretName(), QStringLiteral("acme-builder-pull-secret"));
        QCOMPARE(credentials.kubernetesFileName(), QStringLiteral("acme-builder-pull-secret-secret.yml"));
        QCOMPARE(credentials.dockerConfigFileName(), QStringLiteral("acme-builder-auth.json"));
        const QByteArray yaml = credentials.kubernetesSecretYaml(RobotCredentials::Scope::Organization);
        QVERIFY(yaml.startsWith("apiVersion: v1\nkind: Secret\n"));
        QVERIFY(yaml.contains("\n  name: acme-builder-pull-secret\n"));
        QVERIFY(yaml.endsWith("\ntype: kubernetes.io/dockerconfigjson\n"));
        const qsizetype start = yaml.indexOf(".dockerconfigjson: ") + qsizetype(strlen(".dockerconfigjson: "));
        const QByteArray data = yaml.mid(start, yaml.indexOf('\n', start) - start);
        QCOMPARE(authOf(QByteArray::fromBase64(data), "registry.example.com:8443/acme"),
                 QStringLiteral("acme+builder:ABCDEF0123456789"));
    }
};

QTEST_GUILESS_MAIN(TestConsoleRobotCredentials)
#include "tst_console_robotcredentials.moc"
