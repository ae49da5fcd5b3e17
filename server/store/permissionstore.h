#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

namespace kai::store {

// The SQL behind the permission resolver: grants of users, robots and
// teams, and team roles inside organizations. Roles come back as their
// names; the resolver compares them.
class PermissionStore
{
public:
    explicit PermissionStore(db::Database &db) : m_db(db) {}

    // Direct grant of a user or robot on a repository.
    Result<QString> directRole(qint64 repositoryId, qint64 memberId);
    // Highest grant on the repository among the teams the member is in.
    Result<QStringList> teamRepositoryRoles(qint64 repositoryId, qint64 memberId);
    // Roles of the organization's teams the member belongs to.
    Result<QStringList> organizationTeamRoles(qint64 organizationId, qint64 memberId);

private:
    db::Database &m_db;
};

} // namespace kai::store
