#include "members.h"

namespace kai::client::members {

namespace {

QString organizationPath(const QString &organization)
{
    return QStringLiteral("/api/v1/organization/") + ApiRequest::segment(organization);
}

} // namespace

Reply<OrganizationMemberList> *list(ApiClient &client, const QString &organization)
{
    return client.call<OrganizationMemberList>(
        ApiRequest{"GET", organizationPath(organization) + QStringLiteral("/members"), {}, {}},
        &OrganizationMemberList::membersFromJson);
}

Reply<OrganizationMemberList> *collaborators(ApiClient &client, const QString &organization)
{
    return client.call<OrganizationMemberList>(
        ApiRequest{"GET", organizationPath(organization) + QStringLiteral("/collaborators"), {}, {}},
        &OrganizationMemberList::collaboratorsFromJson);
}

Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &user)
{
    return client.callForDone(
        ApiRequest{"DELETE", organizationPath(organization) + QStringLiteral("/members/") + ApiRequest::segment(user), {}, {}});
}

} // namespace kai::client::members
