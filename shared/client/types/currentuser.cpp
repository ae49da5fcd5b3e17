#include "currentuser.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kai::client {

QStringList CurrentUser::repositoryNamespaces() const
{
    QStringList names{username};
    for (const Membership &m : organizations) {
        if (m.canCreateRepo || m.isOrgAdmin || superUser)
            names << m.name;
    }
    return names;
}

Result<CurrentUser> CurrentUser::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("username").isString() || object.value("anonymous").toBool())
        return Error::of(ErrorKind::ApiInvalidToken, QStringLiteral("Requires authentication"));
    CurrentUser user;
    user.username = object.value("username").toString();
    user.email = object.value("email").toString();
    user.superUser = object.value("super_user").toBool();
    user.globalReadOnlySuperUser = object.value("global_readonly_super_user").toBool();
    if (object.value("tag_expiration_s").isDouble())
        user.tagExpirationSeconds = qint64(object.value("tag_expiration_s").toDouble());
    for (const QJsonValue &value : object.value("organizations").toArray()) {
        const QJsonObject org = value.toObject();
        if (!org.value("name").isString())
            continue;
        user.organizations.append(Membership{org.value("name").toString(), org.value("is_org_admin").toBool(),
                                             org.value("can_create_repo").toBool()});
    }
    return user;
}

} // namespace kai::client
