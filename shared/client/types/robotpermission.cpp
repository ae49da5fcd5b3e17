#include "robotpermission.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kai::client {

Result<RobotPermissionList> RobotPermissionList::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("permissions").isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no permissions list"));
    RobotPermissionList list;
    for (const QJsonValue &value : object.value("permissions").toArray()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject repository = entry.value("repository").toObject();
        const std::optional<RepositoryRole> role = repositoryRoleFromName(entry.value("role").toString());
        if (!repository.value("name").isString() || !role)
            continue;
        list.permissions.append({repository.value("name").toString(), repository.value("is_public").toBool(), *role});
    }
    return list;
}

} // namespace kai::client
