#include "entities.h"

namespace kai::client::entities {

Reply<EntityList> *search(ApiClient &client, const QString &prefix, const QString &namespaceName, bool includeTeams)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("namespace"), ApiRequest::queryValue(namespaceName));
    if (includeTeams)
        query.addQueryItem(QStringLiteral("includeTeams"), QStringLiteral("true"));
    return client.call<EntityList>(
        ApiRequest{"GET", QStringLiteral("/api/v1/entities/") + ApiRequest::segment(prefix), query, {}},
        &EntityList::fromJson);
}

} // namespace kai::client::entities
