#pragma once

#include "auth/identity.h"
#include "core/result.h"
#include "store/namespacestore.h"
#include "store/repositorystore.h"

namespace kai::auth {

// The one place that answers "may this identity do this here?" (design
// decision 8). Every /v2 token and every API endpoint asks it.
class PermissionResolver
{
public:
    PermissionResolver(store::NamespaceStore &namespaces, store::RepositoryStore &repositories)
        : m_namespaces(namespaces), m_repositories(repositories) {}

    // The effective role on an existing repository: the namespace owner is
    // admin, then explicit grants, then public repositories give read.
    Result<Role> repositoryRole(const Identity &identity, const store::Repository &repository);

    // The role a caller would have on a repository that does not exist yet
    // in `namespaceName` (create-on-push): admin in one's own namespace.
    Result<Role> roleInNamespace(const Identity &identity, const QString &namespaceName);

    // May the caller create repositories in the namespace?
    Result<bool> mayCreateRepository(const Identity &identity, const QString &namespaceName);

private:
    store::NamespaceStore &m_namespaces;
    store::RepositoryStore &m_repositories;
};

} // namespace kai::auth
