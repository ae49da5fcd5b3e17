#include "repositories.h"

#include <QJsonObject>

namespace kai::client::repositories {

QString path(const QString &namespaceName, const QString &name)
{
    // Extended names ("a/b") keep their slashes.
    QStringList segments{ApiRequest::segment(namespaceName)};
    for (const QString &part : name.split(u'/'))
        segments << ApiRequest::segment(part);
    return QStringLiteral("/api/v1/repository/") + segments.join(u'/');
}

namespace {

QString visibilityName(Visibility visibility)
{
    return visibility == Visibility::Public ? QStringLiteral("public") : QStringLiteral("private");
}

} // namespace

Reply<RepositoryPage> *listPage(ApiClient &client, const QString &namespaceName, const QString &nextPage)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("namespace"), namespaceName);
    query.addQueryItem(QStringLiteral("public"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("last_modified"), QStringLiteral("true"));
    if (!nextPage.isEmpty())
        query.addQueryItem(QStringLiteral("next_page"), ApiRequest::queryValue(nextPage));
    return client.call<RepositoryPage>(ApiRequest{"GET", QStringLiteral("/api/v1/repository"), query, {}},
                                       &RepositoryPage::fromJson);
}

Reply<RepositoryDetails> *get(ApiClient &client, const QString &namespaceName, const QString &name)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("includeTags"), QStringLiteral("false"));
    query.addQueryItem(QStringLiteral("includeStats"), QStringLiteral("false"));
    return client.call<RepositoryDetails>(ApiRequest{"GET", path(namespaceName, name), query, {}},
                                          &RepositoryDetails::fromJson);
}

Reply<Done> *create(ApiClient &client, const NewRepository &repository)
{
    const QJsonObject body{{"namespace", repository.namespaceName},
                           {"repository", repository.name},
                           {"visibility", visibilityName(repository.visibility)},
                           {"description", repository.description},
                           {"repo_kind", "image"}};
    return client.callForDone(ApiRequest{"POST", QStringLiteral("/api/v1/repository"), {}, body});
}

Reply<Done> *remove(ApiClient &client, const QString &namespaceName, const QString &name)
{
    return client.callForDone(ApiRequest{"DELETE", path(namespaceName, name), {}, {}});
}

Reply<Done> *changeVisibility(ApiClient &client, const QString &namespaceName, const QString &name, Visibility visibility)
{
    return client.callForDone(ApiRequest{"POST", path(namespaceName, name) + QStringLiteral("/changevisibility"), {},
                                         QJsonObject{{"visibility", visibilityName(visibility)}}});
}

} // namespace kai::client::repositories
