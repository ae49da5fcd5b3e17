#include "store/teamstore.h"

#include <QUuid>

namespace kai::store {

namespace {

Status statusOf(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    return {};
}

Team teamFrom(const db::Row &r)
{
    return Team{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.integer(5), 0, 0};
}

const char *const kTeamColumns = "id, organization_id, name, role, description, created_ms";

} // namespace

Result<std::optional<Team>> TeamStore::byName(qint64 organizationId, const QString &name)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM teams WHERE organization_id = ? AND name = ?").arg(QLatin1String(kTeamColumns)),
                       {organizationId, name});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<Team>{};
    return std::optional<Team>{teamFrom(r->first())};
}

Result<std::vector<Team>> TeamStore::list(qint64 organizationId)
{
    auto r = m_db.exec(
        QStringLiteral("SELECT %1, "
                       "(SELECT COUNT(*) FROM team_members m WHERE m.team_id = teams.id), "
                       "(SELECT COUNT(*) FROM team_repository_permissions p JOIN repositories r ON r.id = p.repository_id "
                       " WHERE p.team_id = teams.id AND r.deleted = 0) "
                       "FROM teams WHERE organization_id = ? ORDER BY id")
            .arg(QLatin1String(kTeamColumns)),
        {organizationId});
    if (!r)
        return r.error();
    std::vector<Team> teams;
    for (const db::Row &row : r->rows) {
        Team team = teamFrom(row);
        team.memberCount = row.integer(6);
        team.repoCount = row.integer(7);
        teams.push_back(std::move(team));
    }
    return teams;
}

Result<Team> TeamStore::create(qint64 organizationId, const QString &name, const QString &role,
                               const QString &description, qint64 nowMs)
{
    auto r = m_db.exec("INSERT INTO teams (organization_id, name, role, description, created_ms) VALUES (?, ?, ?, ?, ?) "
                       "RETURNING id",
                       {organizationId, name, role, description, nowMs});
    if (!r)
        return r.error();
    return Team{r->first().integer(0), organizationId, name, role, description, nowMs, 0, 0};
}

Status TeamStore::setRole(qint64 teamId, const QString &role)
{
    return statusOf(m_db.exec("UPDATE teams SET role = ? WHERE id = ?", {role, teamId}));
}

Status TeamStore::setDescription(qint64 teamId, const QString &description)
{
    return statusOf(m_db.exec("UPDATE teams SET description = ? WHERE id = ?", {description, teamId}));
}

Status TeamStore::remove(qint64 teamId)
{
    return statusOf(m_db.exec("DELETE FROM teams WHERE id = ?", {teamId}));
}

Result<QStringList> TeamStore::adminTeamsOf(qint64 organizationId, qint64 memberId)
{
    auto r = m_db.exec("SELECT t.name FROM teams t JOIN team_members m ON m.team_id = t.id "
                       "WHERE t.organization_id = ? AND m.member_id = ? AND t.role = 'admin' ORDER BY t.id",
                       {organizationId, memberId});
    if (!r)
        return r.error();
    QStringList names;
    for (const db::Row &row : r->rows)
        names << row.text(0);
    return names;
}

Result<std::vector<OrganizationMember>> TeamStore::members(qint64 teamId)
{
    auto r = m_db.exec("SELECT n.id, n.name, n.email, n.kind FROM team_members m JOIN namespaces n ON n.id = m.member_id "
                       "WHERE m.team_id = ? ORDER BY n.name",
                       {teamId});
    if (!r)
        return r.error();
    std::vector<OrganizationMember> members;
    for (const db::Row &row : r->rows)
        members.push_back(OrganizationMember{row.integer(0), row.text(1), row.text(2), row.text(3) == QLatin1String("robot")});
    return members;
}

Result<bool> TeamStore::isMember(qint64 teamId, qint64 memberId)
{
    auto r = m_db.exec("SELECT COUNT(*) FROM team_members WHERE team_id = ? AND member_id = ?", {teamId, memberId});
    if (!r)
        return r.error();
    return r->first().integer(0) > 0;
}

Result<bool> TeamStore::addMember(qint64 teamId, qint64 memberId)
{
    // ON CONFLICT rather than catching Conflict: a failed statement would
    // abort the caller's transaction on PostgreSQL.
    auto r = m_db.exec("INSERT INTO team_members (team_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       {teamId, memberId});
    if (!r)
        return r.error();
    return r->rowsAffected > 0;
}

Result<bool> TeamStore::removeMember(qint64 teamId, qint64 memberId)
{
    auto r = m_db.exec("DELETE FROM team_members WHERE team_id = ? AND member_id = ?", {teamId, memberId});
    if (!r)
        return r.error();
    return r->rowsAffected > 0;
}

Result<std::vector<TeamRepositoryPermission>> TeamStore::permissions(qint64 teamId)
{
    auto r = m_db.exec("SELECT r.name, r.visibility, p.role FROM team_repository_permissions p "
                       "JOIN repositories r ON r.id = p.repository_id WHERE p.team_id = ? AND r.deleted = 0 ORDER BY r.name",
                       {teamId});
    if (!r)
        return r.error();
    std::vector<TeamRepositoryPermission> permissions;
    for (const db::Row &row : r->rows)
        permissions.push_back(TeamRepositoryPermission{row.text(0), row.text(1) == QLatin1String("public"), row.text(2)});
    return permissions;
}

Result<std::vector<TeamInvite>> TeamStore::queryInvites(const QString &where, const QVariantList &params)
{
    auto r = m_db.exec(
        QStringLiteral("SELECT i.id, i.team_id, t.name, o.name, i.user_id, u.name, u.email, u.kind, i.email, i.inviter_id, "
                       "v.name, i.code, i.created_ms FROM team_invites i "
                       "JOIN teams t ON t.id = i.team_id JOIN namespaces o ON o.id = t.organization_id "
                       "LEFT JOIN namespaces u ON u.id = i.user_id LEFT JOIN namespaces v ON v.id = i.inviter_id "
                       "WHERE %1 ORDER BY i.id")
            .arg(where),
        params);
    if (!r)
        return r.error();
    std::vector<TeamInvite> invites;
    for (const db::Row &row : r->rows) {
        TeamInvite invite;
        invite.id = row.integer(0);
        invite.teamId = row.integer(1);
        invite.teamName = row.text(2);
        invite.organizationName = row.text(3);
        invite.userId = row.isNull(4) ? 0 : row.integer(4);
        if (invite.userId > 0)
            invite.user = OrganizationMember{invite.userId, row.text(5), row.text(6), row.text(7) == QLatin1String("robot")};
        invite.email = row.text(8);
        invite.inviterId = row.isNull(9) ? 0 : row.integer(9);
        invite.inviterName = row.text(10);
        invite.code = row.text(11);
        invite.createdMs = row.integer(12);
        invites.push_back(std::move(invite));
    }
    return invites;
}

Result<TeamInvite> TeamStore::invite(qint64 teamId, qint64 userId, const QString &email, qint64 inviterId, qint64 nowMs)
{
    auto existing = userId > 0 ? queryInvites("i.team_id = ? AND i.user_id = ?", {teamId, userId})
                               : queryInvites("i.team_id = ? AND i.user_id IS NULL AND i.email = ?", {teamId, email});
    if (!existing)
        return existing.error();
    if (!existing->empty())
        return existing->front();
    const QString code = QStringLiteral("urn:teaminvite:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_db.exec("INSERT INTO team_invites (team_id, user_id, email, inviter_id, code, created_ms) VALUES (?, ?, ?, ?, ?, ?)",
                       {teamId, userId > 0 ? QVariant(userId) : QVariant(), userId > 0 ? QVariant() : QVariant(email),
                        inviterId > 0 ? QVariant(inviterId) : QVariant(), code, nowMs});
    if (!r)
        return r.error();
    auto created = inviteByCode(code);
    if (!created)
        return created.error();
    if (!created->has_value())
        return Error::of(ErrorKind::Internal, QStringLiteral("team invite vanished after insert"));
    return **created;
}

Result<std::vector<TeamInvite>> TeamStore::invites(qint64 teamId)
{
    return queryInvites("i.team_id = ?", {teamId});
}

Result<std::optional<TeamInvite>> TeamStore::inviteByCode(const QString &code)
{
    auto found = queryInvites("i.code = ?", {code});
    if (!found)
        return found.error();
    if (found->empty())
        return std::optional<TeamInvite>{};
    return std::optional<TeamInvite>{found->front()};
}

Status TeamStore::deleteInvite(qint64 inviteId)
{
    return statusOf(m_db.exec("DELETE FROM team_invites WHERE id = ?", {inviteId}));
}

Result<bool> TeamStore::deleteUserInvite(qint64 teamId, qint64 userId)
{
    auto r = m_db.exec("DELETE FROM team_invites WHERE team_id = ? AND user_id = ?", {teamId, userId});
    if (!r)
        return r.error();
    return r->rowsAffected > 0;
}

Result<bool> TeamStore::deleteEmailInvite(qint64 teamId, const QString &email)
{
    auto r = m_db.exec("DELETE FROM team_invites WHERE team_id = ? AND user_id IS NULL AND email = ?", {teamId, email});
    if (!r)
        return r.error();
    return r->rowsAffected > 0;
}

} // namespace kai::store
