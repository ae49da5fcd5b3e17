#include "store/permissionstore.h"

namespace kai::store {

Result<QString> PermissionStore::directRole(qint64 repositoryId, qint64 memberId)
{
    auto r = m_db.exec("SELECT role FROM repository_permissions WHERE repository_id = ? AND namespace_id = ?",
                       {repositoryId, memberId});
    if (!r)
        return r.error();
    return r->empty() ? QString() : r->first().text(0);
}

Result<QStringList> PermissionStore::teamRepositoryRoles(qint64 repositoryId, qint64 memberId)
{
    auto r = m_db.exec("SELECT p.role FROM team_repository_permissions p JOIN team_members m ON m.team_id = p.team_id "
                       "WHERE p.repository_id = ? AND m.member_id = ?",
                       {repositoryId, memberId});
    if (!r)
        return r.error();
    QStringList roles;
    for (const auto &row : r->rows)
        roles << row.text(0);
    return roles;
}

Result<QStringList> PermissionStore::organizationTeamRoles(qint64 organizationId, qint64 memberId)
{
    auto r = m_db.exec("SELECT t.role FROM teams t JOIN team_members m ON m.team_id = t.id "
                       "WHERE t.organization_id = ? AND m.member_id = ?",
                       {organizationId, memberId});
    if (!r)
        return r.error();
    QStringList roles;
    for (const auto &row : r->rows)
        roles << row.text(0);
    return roles;
}

} // namespace kai::store
