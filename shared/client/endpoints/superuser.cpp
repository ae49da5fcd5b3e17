#include "superuser.h"

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

} // namespace kai::client::superuser
