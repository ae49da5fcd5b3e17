#include "robots.h"

#include <QJsonObject>

namespace kai::client::robots {

namespace {

QString listPath(const QString &organization)
{
    return QStringLiteral("/api/v1/organization/") + ApiRequest::segment(organization) + QStringLiteral("/robots");
}

QString path(const QString &organization, const QString &shortName)
{
    return listPath(organization) + u'/' + ApiRequest::segment(shortName);
}

} // namespace

Reply<RobotList> *list(ApiClient &client, const QString &organization)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("permissions"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("token"), QStringLiteral("false"));
    return client.call<RobotList>(ApiRequest{"GET", listPath(organization), query, {}}, &RobotList::fromJson);
}

Reply<Robot> *get(ApiClient &client, const QString &organization, const QString &shortName)
{
    return client.call<Robot>(ApiRequest{"GET", path(organization, shortName), {}, {}}, &Robot::fromJson);
}

Reply<Robot> *create(ApiClient &client, const QString &organization, const QString &shortName, const QString &description)
{
    return client.call<Robot>(ApiRequest{"PUT", path(organization, shortName), {}, QJsonObject{{"description", description}}},
                              &Robot::fromJson);
}

Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &shortName)
{
    return client.callForDone(ApiRequest{"DELETE", path(organization, shortName), {}, {}});
}

Reply<Robot> *regenerateToken(ApiClient &client, const QString &organization, const QString &shortName)
{
    return client.call<Robot>(ApiRequest{"POST", path(organization, shortName) + QStringLiteral("/regenerate"), {}, {}},
                              &Robot::fromJson);
}

} // namespace kai::client::robots
