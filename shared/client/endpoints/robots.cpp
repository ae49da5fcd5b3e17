#include "robots.h"

#include <QJsonObject>

namespace kai::client::robots {

namespace {

QString path(const RobotNamespace &owner, const QString &shortName)
{
    return owner.path() + u'/' + ApiRequest::segment(shortName);
}

} // namespace

RobotNamespace RobotNamespace::ownUser(const QString &username)
{
    RobotNamespace owner(username);
    owner.m_user = true;
    return owner;
}

QString RobotNamespace::path() const
{
    if (m_user)
        return QStringLiteral("/api/v1/user/robots");
    return QStringLiteral("/api/v1/organization/") + ApiRequest::segment(m_name) + QStringLiteral("/robots");
}

Reply<RobotList> *list(ApiClient &client, const RobotNamespace &owner)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("permissions"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("token"), QStringLiteral("false"));
    return client.call<RobotList>(ApiRequest{"GET", owner.path(), query, {}}, &RobotList::fromJson);
}

Reply<Robot> *get(ApiClient &client, const RobotNamespace &owner, const QString &shortName)
{
    return client.call<Robot>(ApiRequest{"GET", path(owner, shortName), {}, {}}, &Robot::fromJson);
}

Reply<Robot> *create(ApiClient &client, const RobotNamespace &owner, const QString &shortName, const QString &description)
{
    return client.call<Robot>(ApiRequest{"PUT", path(owner, shortName), {}, QJsonObject{{"description", description}}},
                              &Robot::fromJson);
}

Reply<Done> *remove(ApiClient &client, const RobotNamespace &owner, const QString &shortName)
{
    return client.callForDone(ApiRequest{"DELETE", path(owner, shortName), {}, {}});
}

Reply<Robot> *regenerateToken(ApiClient &client, const RobotNamespace &owner, const QString &shortName)
{
    return client.call<Robot>(ApiRequest{"POST", path(owner, shortName) + QStringLiteral("/regenerate"), {}, {}},
                              &Robot::fromJson);
}

} // namespace kai::client::robots
