#include "auth/permissionresolver.h"

#include <algorithm>

namespace kai::auth {

Result<Role> PermissionResolver::repositoryRole(const Identity &identity, const store::Repository &repository)
{
    Role role = repository.isPublic() ? Role::Read : Role::None;
    if (identity.isAnonymous())
        return role;
    if (identity.namespaceId == repository.namespaceId)
        return Role::Admin;
    auto explicitRole = m_repositories.explicitRole(repository.id, identity.namespaceId);
    if (!explicitRole)
        return explicitRole.error();
    if (explicitRole->has_value())
        role = std::max(role, roleFromName(**explicitRole));
    return role;
}

Result<Role> PermissionResolver::roleInNamespace(const Identity &identity, const QString &namespaceName)
{
    if (identity.isAnonymous())
        return Role::None;
    return identity.name == namespaceName ? Role::Admin : Role::None;
}

Result<bool> PermissionResolver::mayCreateRepository(const Identity &identity, const QString &namespaceName)
{
    if (identity.isAnonymous())
        return false;
    auto ns = m_namespaces.byName(namespaceName);
    if (!ns)
        return ns.error();
    if (!ns->has_value() || !(*ns)->enabled)
        return false;
    return (*ns)->id == identity.namespaceId;
}

} // namespace kai::auth
