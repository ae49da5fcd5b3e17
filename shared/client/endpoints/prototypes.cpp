#include "prototypes.h"

#include <QJsonObject>

namespace kai::client::prototypes {

namespace {

QString listPath(const QString &organization)
{
    return QStringLiteral("/api/v1/organization/") + ApiRequest::segment(organization) + QStringLiteral("/prototypes");
}

QString path(const QString &organization, const QString &id) { return listPath(organization) + u'/' + ApiRequest::segment(id); }

} // namespace

Reply<PrototypeList> *list(ApiClient &client, const QString &organization)
{
    return client.call<PrototypeList>(ApiRequest{"GET", listPath(organization), {}, {}}, &PrototypeList::fromJson);
}

Reply<Prototype> *create(ApiClient &client, const QString &organization, const Entity &delegate, RepositoryRole role,
                         const std::optional<QString> &activatingUser)
{
    QJsonObject who{{"name", delegate.name}, {"kind", Entity::kindName(delegate.kind)}, {"is_robot", delegate.isRobot}};
    if (delegate.kind == Entity::Kind::User)
        who.insert("is_org_member", delegate.isOrgMember);
    QJsonObject body{{"delegate", who}, {"role", repositoryRoleName(role)}};
    if (activatingUser)
        body.insert("activating_user", QJsonObject{{"name", *activatingUser}});
    return client.call<Prototype>(ApiRequest{"POST", listPath(organization), {}, body}, &Prototype::fromJson);
}

Reply<Prototype> *setRole(ApiClient &client, const QString &organization, const QString &id, RepositoryRole role)
{
    return client.call<Prototype>(ApiRequest{"PUT", path(organization, id), {}, QJsonObject{{"id", id}, {"role", repositoryRoleName(role)}}},
                                  &Prototype::fromJson);
}

Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &id)
{
    return client.callForDone(ApiRequest{"DELETE", path(organization, id), {}, {}});
}

} // namespace kai::client::prototypes
