#include "permission.h"

#include <QJsonObject>

#include <array>
#include <utility>

namespace kai::client {

namespace {

constexpr std::array kRoles{
    std::pair{RepositoryRole::Read, "read"},
    std::pair{RepositoryRole::Write, "write"},
    std::pair{RepositoryRole::Admin, "admin"},
};

// Both lists share one shape; users say whether they are robots, teams
// never are. An entry with a role this client does not know is left out
// rather than failing the whole list.
Result<RepositoryPermissionList> listOf(const QJsonDocument &document, bool teams)
{
    const QJsonValue permissions = document.object().value("permissions");
    if (!permissions.isObject())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no permissions object"));
    RepositoryPermissionList list;
    const QJsonObject byName = permissions.toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const std::optional<RepositoryRole> role = repositoryRoleFromName(entry.value("role").toString());
        if (!role)
            continue;
        RepositoryPermission permission;
        permission.grantee.name = entry.value("name").toString(it.key());
        permission.grantee.kind = teams                              ? Grantee::Kind::Team
                                  : entry.value("is_robot").toBool() ? Grantee::Kind::Robot
                                                                     : Grantee::Kind::User;
        permission.role = *role;
        list.permissions.append(std::move(permission));
    }
    return list;
}

} // namespace

QString repositoryRoleName(RepositoryRole role)
{
    for (const auto &[each, name] : kRoles) {
        if (each == role)
            return QLatin1String(name);
    }
    return QString();
}

std::optional<RepositoryRole> repositoryRoleFromName(const QString &name)
{
    for (const auto &[role, each] : kRoles) {
        if (name == QLatin1String(each))
            return role;
    }
    return std::nullopt;
}

Result<RepositoryPermissionList> RepositoryPermissionList::fromUserJson(const QJsonDocument &document)
{
    return listOf(document, false);
}

Result<RepositoryPermissionList> RepositoryPermissionList::fromTeamJson(const QJsonDocument &document)
{
    return listOf(document, true);
}

} // namespace kai::client
