#include "auth/permissionresolver.h"

#include <algorithm>

namespace kai::auth {

Role PermissionResolver::capByScopes(const Identity &identity, Role role)
{
    if (!identity.scopes)
        return role;
    Role cap = Role::None;
    if (identity.scopes->contains(QStringLiteral("repo:admin")))
        cap = Role::Admin;
    else if (identity.scopes->contains(QStringLiteral("repo:write")))
        cap = Role::Write;
    else if (identity.scopes->contains(QStringLiteral("repo:read")))
        cap = Role::Read;
    return std::min(role, cap);
}

bool PermissionResolver::hasFullSuperuserAccess(const Identity &identity) const
{
    return m_superusersFullAccess && identity.superuser && !identity.isRobot() &&
           identity.hasScope(QStringLiteral("super:user"));
}

bool PermissionResolver::readsEverything(const Identity &identity) const
{
    if (hasFullSuperuserAccess(identity))
        return true;
    return identity.globalReadOnlySuperuser && !identity.isRobot() && identity.hasScope(QStringLiteral("super:user"));
}

Result<TeamRole> PermissionResolver::organizationRole(const Identity &identity, qint64 organizationId)
{
    if (identity.isAnonymous())
        return TeamRole::None;
    auto roles = m_permissions.organizationTeamRoles(organizationId, identity.namespaceId);
    if (!roles)
        return roles.error();
    TeamRole best = TeamRole::None;
    for (const QString &role : *roles)
        best = std::max(best, teamRoleFromName(role));
    return best;
}

Result<bool> PermissionResolver::isOrganizationAdmin(const Identity &identity, qint64 organizationId)
{
    if (hasFullSuperuserAccess(identity))
        return true;
    if (!identity.hasScope(QStringLiteral("org:admin")))
        return false;
    auto role = organizationRole(identity, organizationId);
    if (!role)
        return role.error();
    return *role == TeamRole::Admin;
}

Result<bool> PermissionResolver::isOrganizationMember(const Identity &identity, qint64 organizationId)
{
    if (readsEverything(identity))
        return true;
    auto role = organizationRole(identity, organizationId);
    if (!role)
        return role.error();
    return *role != TeamRole::None;
}

Result<Role> PermissionResolver::repositoryRole(const Identity &identity, const store::Repository &repository)
{
    const Role publicRole = repository.isPublic() ? Role::Read : Role::None;
    if (identity.isAnonymous())
        return publicRole;
    if (hasFullSuperuserAccess(identity))
        return Role::Admin;
    const Role floor = readsEverything(identity) ? Role::Read : publicRole;
    Role role = Role::None;
    if (identity.namespaceId == repository.namespaceId && !identity.isRobot()) {
        role = Role::Admin;
    } else {
        auto direct = m_permissions.directRole(repository.id, identity.namespaceId);
        if (!direct)
            return direct.error();
        role = roleFromName(*direct);
        auto teams = m_permissions.teamRepositoryRoles(repository.id, identity.namespaceId);
        if (!teams)
            return teams.error();
        for (const QString &r : *teams)
            role = std::max(role, roleFromName(r));
        if (role < Role::Admin && repository.namespaceKind == QLatin1String("organization")) {
            auto orgRole = organizationRole(identity, repository.namespaceId);
            if (!orgRole)
                return orgRole.error();
            if (*orgRole == TeamRole::Admin)
                role = Role::Admin;
        }
    }
    // Scopes cap what the identity holds; public read stays for everyone.
    return std::max(capByScopes(identity, role), floor);
}

Result<bool> PermissionResolver::mayCreateRepository(const Identity &identity, const QString &namespaceName)
{
    if (identity.isAnonymous() || !identity.hasScope(QStringLiteral("repo:create")))
        return false;
    auto ns = m_namespaces.byName(namespaceName);
    if (!ns)
        return ns.error();
    if (!ns->has_value() || !(*ns)->enabled)
        return false;
    const store::Namespace &target = **ns;
    if (hasFullSuperuserAccess(identity) && target.kind != QLatin1String("robot"))
        return true;
    if (target.kind == QLatin1String("user"))
        return target.id == identity.namespaceId && !identity.isRobot();
    if (target.kind != QLatin1String("organization"))
        return false;
    auto role = organizationRole(identity, target.id);
    if (!role)
        return role.error();
    return *role >= TeamRole::Creator;
}

Result<Role> PermissionResolver::roleInNamespace(const Identity &identity, const QString &namespaceName)
{
    auto may = mayCreateRepository(identity, namespaceName);
    if (!may)
        return may.error();
    return *may ? capByScopes(identity, Role::Admin) : Role::None;
}

} // namespace kai::auth
