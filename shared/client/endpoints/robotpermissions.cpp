#include "robotpermissions.h"

namespace kai::client::robotpermissions {

Reply<RobotPermissionList> *list(ApiClient &client, const robots::RobotNamespace &owner, const QString &shortName)
{
    const QString path = owner.path() + u'/' + ApiRequest::segment(shortName) + QStringLiteral("/permissions");
    return client.call<RobotPermissionList>(ApiRequest{"GET", path, {}, {}}, &RobotPermissionList::fromJson);
}

} // namespace kai::client::robotpermissions
