#include "superuser.h"

#include <QJsonObject>

namespace kai::client::superuser {

namespace {
QUrlQuery pageQuery(const QString &nextPage)
{
    QUrlQuery query;
    if (!nextPage.isEmpty())
        query.addQueryItem(QStringLiteral("next_page"), ApiRequest::queryValue(nextPage));
    return query;
}
} // namespace

Reply<OrganizationPage> *organizations(ApiClient &client, const QString &nextPage)
{
    return client.call<OrganizationPage>(
        ApiRequest{"GET", QStringLiteral("/api/v1/superuser/organizations/"), pageQuery(nextPage), {}},
        &OrganizationPage::fromJson);
}

Reply<SuperuserUserPage> *users(ApiClient &client, const QString &nextPage)
{
    return client.call<SuperuserUserPage>(
        ApiRequest{"GET", QStringLiteral("/api/v1/superuser/users/"), pageQuery(nextPage), {}},
        &SuperuserUserPage::fromJson);
}

Reply<Done> *removeOrganization(ApiClient &client, const QString &name)
{
    return client.callForDone(
        ApiRequest{"DELETE", QStringLiteral("/api/v1/superuser/organizations/") + ApiRequest::segment(name), {}, {}});
}

Reply<Done> *removeUser(ApiClient &client, const QString &name)
{
    return client.callForDone(
        ApiRequest{"DELETE", QStringLiteral("/api/v1/superuser/users/") + ApiRequest::segment(name), {}, {}});
}

Reply<CreatedUser> *createUser(ApiClient &client, const QString &username, const QString &email)
{
    return client.call<CreatedUser>(ApiRequest{"POST", QStringLiteral("/api/v1/superuser/users/"), {},
                                               QJsonObject{{"username", username}, {"email", email}}},
                                    &CreatedUser::fromJson);
}

namespace {
Reply<Done> *updateUser(ApiClient &client, const QString &user, const QJsonObject &change)
{
    return client.callForDone(
        ApiRequest{"PUT", QStringLiteral("/api/v1/superuser/users/") + ApiRequest::segment(user), {}, change});
}
} // namespace

Reply<Done> *changeEmail(ApiClient &client, const QString &user, const QString &email)
{
    return updateUser(client, user, QJsonObject{{"email", email}});
}

Reply<Done> *changePassword(ApiClient &client, const QString &user, const QString &password)
{
    return updateUser(client, user, QJsonObject{{"password", password}});
}

Reply<Done> *setUserEnabled(ApiClient &client, const QString &user, bool enabled)
{
    return updateUser(client, user, QJsonObject{{"enabled", enabled}});
}

Reply<Done> *renameOrganization(ApiClient &client, const QString &name, const QString &newName)
{
    return client.callForDone(ApiRequest{"PUT", QStringLiteral("/api/v1/superuser/organizations/") + ApiRequest::segment(name),
                                         {}, QJsonObject{{"name", newName}}});
}

Reply<Done> *takeOwnership(ApiClient &client, const QString &namespaceName)
{
    return client.callForDone(
        ApiRequest{"POST", QStringLiteral("/api/v1/superuser/takeownership/") + ApiRequest::segment(namespaceName), {}, {}});
}

} // namespace kai::client::superuser
