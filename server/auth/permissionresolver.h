#pragma once

#include "auth/identity.h"
#include "core/result.h"
#include "store/namespacestore.h"
#include "store/permissionstore.h"
#include "store/repositorystore.h"

namespace kai::auth {

// The one place that answers "may this identity do this here?" (design
// decision 8, reference §4.6). Every /v2 token and every API endpoint asks
// it; OAuth scopes cap whatever it finds (§1.1).
class PermissionResolver
{
public:
    PermissionResolver(store::NamespaceStore &namespaces, store::RepositoryStore &repositories,
                       store::PermissionStore &permissions, bool superusersFullAccess)
        : m_namespaces(namespaces), m_repositories(repositories), m_permissions(permissions),
          m_superusersFullAccess(superusersFullAccess) {}

    // A superuser with FEATURE_SUPERUSERS_FULL_ACCESS (and, for a token,
    // the super:user scope) passes every namespace and repository check.
    bool hasFullSuperuserAccess(const Identity &identity) const;
    // Full superusers and global read-only superusers may read every
    // namespace and repository.
    bool readsEverything(const Identity &identity) const;

    // The effective role on an existing repository: the owner of a user
    // namespace and org admins are admin; then direct and team grants;
    // public repositories give read to everyone.
    Result<Role> repositoryRole(const Identity &identity, const store::Repository &repository);

    // The role a caller would have on a repository not created yet in the
    // namespace: admin where it may create repositories, else none.
    Result<Role> roleInNamespace(const Identity &identity, const QString &namespaceName);

    // May the caller create repositories in the namespace? Its own user
    // namespace, or an organization where one of its teams is creator/admin.
    Result<bool> mayCreateRepository(const Identity &identity, const QString &namespaceName);

    // The caller's highest team role in an organization (None for outsiders).
    Result<TeamRole> organizationRole(const Identity &identity, qint64 organizationId);
    // Org admin: member of a team with role admin (capped by org:admin).
    Result<bool> isOrganizationAdmin(const Identity &identity, qint64 organizationId);
    Result<bool> isOrganizationMember(const Identity &identity, qint64 organizationId);

    // Repository roles capped by the identity's OAuth scopes.
    static Role capByScopes(const Identity &identity, Role role);

private:
    store::NamespaceStore &m_namespaces;
    store::RepositoryStore &m_repositories;
    store::PermissionStore &m_permissions;
    bool m_superusersFullAccess = false;
};

} // namespace kai::auth
