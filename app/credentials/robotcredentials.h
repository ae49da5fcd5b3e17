#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace kai::console {

// What a person pastes to let a client log in as a robot (console-workflows
// §3.3.3): every format comes from the robot's full name, its token and the
// registry host, so the credentials dialog only shows these strings.
class RobotCredentials
{
public:
    // The Docker config and the Kubernetes secret are for the whole
    // registry ("host") or only the robot's organization ("host/org").
    enum class Scope { Registry, Organization };

    RobotCredentials(const QString &robotName, const QString &token, const QString &host);

    // "host[:port]" of a server URL, as clients name a registry.
    static QString hostOf(const QUrl &server);

    QString robotName() const { return m_robotName; }
    QString token() const { return m_token; }
    QString host() const { return m_host; }
    // "host" or "host/org" (org = the part of the robot name before '+').
    QString scopeName(Scope scope) const;

    // podman login -u='org+bot' -p='TOKEN' host
    QString podmanLogin() const;
    // docker login -u='org+bot' -p='TOKEN' host
    QString dockerLogin() const;
    // {"auths": {"<scope>": {"auth": base64("robot:token"), "email": ""}}}
    QByteArray dockerConfigJson(Scope scope) const;
    // The robot name with every non-alphanumeric replaced by '-', then
    // "-pull-secret": a valid Kubernetes object name.
    QString kubernetesSecretName() const;
    // A Secret of type kubernetes.io/dockerconfigjson holding the Docker
    // config of `scope`.
    QByteArray kubernetesSecretYaml(Scope scope) const;
    // Suggested file names for "Save to file".
    QString kubernetesFileName() const;
    QString dockerConfigFileName() const;

private:
    QString login(const QString &program) const;
    // The robot name in lower case with every non-alphanumeric as '-'.
    QString fileStem() const;

    QString m_robotName;
    QString m_token;
    QString m_host;
};

} // namespace kai::console
