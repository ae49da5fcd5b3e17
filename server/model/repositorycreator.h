#pragma once

#include "auth/identity.h"
#include "core/result.h"
#include "store/namespacestore.h"
#include "store/prototypestore.h"
#include "store/repositorystore.h"

namespace kai::model {

// The one way a repository comes into being: POST /api/v1/repository and a
// push to a missing repository at /v2/auth both end here (reference §4.6).
//
// create() validates the name, inserts the row, gives the creating user or
// robot an explicit `admin` grant and, in an organization, applies its
// default permissions (prototypes): those whose activating user is the
// creator or nobody; per delegate a creator-specific prototype beats a
// general one; a user prototype naming the creator is skipped (already
// admin).
//
// It runs several statements and opens no transaction itself: the caller
// holds a db::Transaction and commits only when create() succeeded, so a
// refused or failed creation leaves nothing behind.
class RepositoryCreator
{
public:
    RepositoryCreator(store::RepositoryStore &repositories, store::PrototypeStore &prototypes)
        : m_repositories(repositories), m_prototypes(prototypes) {}

    // Errors: NameInvalid (the name breaks §3.6), Conflict "Repository
    // already exists", or a database error. Permission to create is the
    // caller's check (PermissionResolver::mayCreateRepository).
    Result<store::Repository> create(const auth::Identity &creator, const store::Namespace &inNamespace,
                                     const QString &name, const QString &visibility, const QString &description,
                                     qint64 nowMs);

private:
    Status applyPrototypes(const store::Repository &repository, qint64 creatorId);

    store::RepositoryStore &m_repositories;
    store::PrototypeStore &m_prototypes;
};

} // namespace kai::model
