#include "robotcredentials.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kai::console {

RobotCredentials::RobotCredentials(const QString &robotName, const QString &token, const QString &host)
    : m_robotName(robotName), m_token(token), m_host(host)
{
}

QString RobotCredentials::hostOf(const QUrl &server)
{
    const int port = server.port();
    return port < 0 ? server.host() : server.host() + u':' + QString::number(port);
}

QString RobotCredentials::scopeName(Scope scope) const
{
    const qsizetype plus = m_robotName.indexOf(u'+');
    if (scope == Scope::Registry || plus < 0)
        return m_host;
    return m_host + u'/' + m_robotName.left(plus);
}

QString RobotCredentials::login(const QString &program) const
{
    // Single quotes keep the shell from reading '+' or '$'; robot names and
    // tokens never hold a quote.
    return QStringLiteral("%1 login -u='%2' -p='%3' %4").arg(program, m_robotName, m_token, m_host);
}

QString RobotCredentials::podmanLogin() const { return login(QStringLiteral("podman")); }

QString RobotCredentials::dockerLogin() const { return login(QStringLiteral("docker")); }

QByteArray RobotCredentials::dockerConfigJson(Scope scope) const
{
    const QByteArray auth = (m_robotName + u':' + m_token).toUtf8().toBase64();
    const QJsonObject entry{{"auth", QString::fromLatin1(auth)}, {"email", ""}};
    const QJsonObject config{{"auths", QJsonObject{{scopeName(scope), entry}}}};
    return QJsonDocument(config).toJson(QJsonDocument::Indented);
}

QString RobotCredentials::fileStem() const
{
    QString stem = m_robotName.toLower();
    for (QChar &c : stem) {
        if (!(c.unicode() < 128 && c.isLetterOrNumber()))
            c = u'-';
    }
    return stem;
}

QString RobotCredentials::kubernetesSecretName() const { return fileStem() + QStringLiteral("-pull-secret"); }

QByteArray RobotCredentials::kubernetesSecretYaml(Scope scope) const
{
    const QByteArray data = QJsonDocument::fromJson(dockerConfigJson(scope)).toJson(QJsonDocument::Compact).toBase64();
    return QByteArrayLiteral("apiVersion: v1\n"
                             "kind: Secret\n"
                             "metadata:\n"
                             "  name: ")
           + kubernetesSecretName().toUtf8()
           + QByteArrayLiteral("\n"
                               "data:\n"
                               "  .dockerconfigjson: ")
           + data
           + QByteArrayLiteral("\n"
                               "type: kubernetes.io/dockerconfigjson\n");
}

QString RobotCredentials::kubernetesFileName() const { return kubernetesSecretName() + QStringLiteral("-secret.yml"); }

QString RobotCredentials::dockerConfigFileName() const
{
    return fileStem() + QStringLiteral("-auth.json");
}

} // namespace kai::console
