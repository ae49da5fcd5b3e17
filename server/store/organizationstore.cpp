#include "store/organizationstore.h"

#include <QUuid>

namespace kai::store {

namespace {

QVariant textOrNull(const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); }

Status statusOf(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    return {};
}

OrganizationMember memberFrom(const db::Row &r, int first)
{
    return OrganizationMember{r.integer(first), r.text(first + 1), r.text(first + 2),
                              r.text(first + 3) == QLatin1String("robot")};
}

} // namespace

Result<std::optional<Organization>> OrganizationStore::byName(const QString &name)
{
    auto r = m_db.exec("SELECT id, name, uuid, email, invoice_email, invoice_email_address, tag_expiration_s, created_ms "
                       "FROM namespaces WHERE name = ? AND kind = 'organization' AND enabled = 1",
                       {name});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<Organization>{};
    const db::Row &row = r->first();
    return std::optional<Organization>{Organization{row.integer(0), row.text(1), row.text(2), row.text(3),
                                                    row.boolean(4), row.text(5), row.integer(6), row.integer(7)}};
}

Result<Organization> OrganizationStore::create(const QString &name, const QString &email, qint64 creatorId, qint64 nowMs)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto org = m_db.exec("INSERT INTO namespaces (name, uuid, kind, email, enabled, superuser, created_ms, tag_expiration_s) "
                         "VALUES (?, ?, 'organization', ?, 1, 0, ?, ?) RETURNING id, tag_expiration_s",
                         {name, uuid, textOrNull(email), nowMs, m_defaultTagExpirationSeconds});
    if (!org)
        return org.error();
    const qint64 id = org->first().integer(0);
    if (Status s = addOwnersTeam(id, creatorId, nowMs); !s)
        return s.error();
    return Organization{id, name, uuid, email, false, QString(), org->first().integer(1), nowMs};
}

Status OrganizationStore::convertUser(qint64 userId, qint64 ownerId, qint64 nowMs)
{
    auto converted = m_db.exec("UPDATE namespaces SET kind = 'organization', password_hash = NULL "
                               "WHERE id = ? AND kind = 'user'",
                               {userId});
    if (!converted)
        return converted.error();
    if (converted->rowsAffected == 0)
        return Error::of(ErrorKind::Conflict, QStringLiteral("Only a user can be converted into an organization"));
    for (const char *sql : {"DELETE FROM sessions WHERE user_id = ?", "DELETE FROM app_tokens WHERE user_id = ?",
                            "DELETE FROM oauth_tokens WHERE namespace_id = ?", "DELETE FROM stars WHERE user_id = ?",
                            "DELETE FROM team_members WHERE member_id = ?", "DELETE FROM team_invites WHERE user_id = ?",
                            "DELETE FROM repository_permissions WHERE namespace_id = ?"}) {
        if (Status s = statusOf(m_db.exec(QString::fromLatin1(sql), {userId})); !s)
            return s;
    }
    return addOwnersTeam(userId, ownerId, nowMs);
}

Status OrganizationStore::addOwnersTeam(qint64 organizationId, qint64 ownerId, qint64 nowMs)
{
    auto team = m_db.exec("INSERT INTO teams (organization_id, name, role, description, created_ms) "
                          "VALUES (?, 'owners', 'admin', '', ?) RETURNING id",
                          {organizationId, nowMs});
    if (!team)
        return team.error();
    return statusOf(m_db.exec("INSERT INTO team_members (team_id, member_id) VALUES (?, ?)",
                              {team->first().integer(0), ownerId}));
}

Status OrganizationStore::rename(qint64 organizationId, const QString &newName)
{
    return statusOf(m_db.exec("UPDATE namespaces SET name = ? WHERE id = ? AND kind = 'organization'",
                              {newName, organizationId}));
}

Status OrganizationStore::setEmail(qint64 organizationId, const QString &email)
{
    return statusOf(m_db.exec("UPDATE namespaces SET email = ? WHERE id = ?", {textOrNull(email), organizationId}));
}

Status OrganizationStore::setInvoiceEmail(qint64 organizationId, bool invoiceEmail)
{
    return statusOf(m_db.exec("UPDATE namespaces SET invoice_email = ? WHERE id = ?", {invoiceEmail ? 1 : 0, organizationId}));
}

Status OrganizationStore::setInvoiceEmailAddress(qint64 organizationId, const QString &address)
{
    return statusOf(m_db.exec("UPDATE namespaces SET invoice_email_address = ? WHERE id = ?",
                              {textOrNull(address), organizationId}));
}

Status OrganizationStore::setTagExpiration(qint64 organizationId, qint64 seconds)
{
    return statusOf(m_db.exec("UPDATE namespaces SET tag_expiration_s = ? WHERE id = ?", {seconds, organizationId}));
}

Status OrganizationStore::remove(qint64 organizationId)
{
    return statusOf(m_db.exec("DELETE FROM namespaces WHERE id = ? AND kind = 'organization'", {organizationId}));
}

Result<bool> OrganizationStore::emailInUse(const QString &email, bool anyKind, qint64 exceptId)
{
    auto r = anyKind ? m_db.exec("SELECT COUNT(*) FROM namespaces WHERE email = ? AND id <> ?", {email, exceptId})
                     : m_db.exec("SELECT COUNT(*) FROM namespaces WHERE email = ? AND kind = 'user' AND id <> ?",
                                 {email, exceptId});
    if (!r)
        return r.error();
    return r->first().integer(0) > 0;
}

Result<std::vector<TeamMembership>> OrganizationStore::teamMemberships(qint64 organizationId)
{
    auto r = m_db.exec("SELECT n.id, n.name, n.email, n.kind, t.name FROM teams t "
                       "JOIN team_members m ON m.team_id = t.id JOIN namespaces n ON n.id = m.member_id "
                       "WHERE t.organization_id = ? ORDER BY n.name, t.id",
                       {organizationId});
    if (!r)
        return r.error();
    std::vector<TeamMembership> memberships;
    for (const db::Row &row : r->rows)
        memberships.push_back(TeamMembership{memberFrom(row, 0), row.text(4)});
    return memberships;
}

Result<QStringList> OrganizationStore::teamsOf(qint64 organizationId, qint64 memberId)
{
    auto r = m_db.exec("SELECT t.name FROM teams t JOIN team_members m ON m.team_id = t.id "
                       "WHERE t.organization_id = ? AND m.member_id = ? ORDER BY t.id",
                       {organizationId, memberId});
    if (!r)
        return r.error();
    QStringList names;
    for (const db::Row &row : r->rows)
        names << row.text(0);
    return names;
}

Result<std::vector<DirectGrant>> OrganizationStore::directGrants(qint64 organizationId, qint64 memberId)
{
    auto r = m_db.exec("SELECT n.id, n.name, n.email, n.kind, r.name FROM repository_permissions p "
                       "JOIN repositories r ON r.id = p.repository_id JOIN namespaces n ON n.id = p.namespace_id "
                       "WHERE r.namespace_id = ? AND r.deleted = 0 AND (CAST(? AS BIGINT) = 0 OR n.id = ?) "
                       "ORDER BY n.name, r.name",
                       {organizationId, memberId, memberId});
    if (!r)
        return r.error();
    std::vector<DirectGrant> grants;
    for (const db::Row &row : r->rows)
        grants.push_back(DirectGrant{memberFrom(row, 0), row.text(4)});
    return grants;
}

Result<std::vector<qint64>> OrganizationStore::adminIds(qint64 organizationId)
{
    auto r = m_db.exec("SELECT DISTINCT m.member_id FROM teams t JOIN team_members m ON m.team_id = t.id "
                       "WHERE t.organization_id = ? AND t.role = 'admin' ORDER BY m.member_id",
                       {organizationId});
    if (!r)
        return r.error();
    std::vector<qint64> ids;
    for (const db::Row &row : r->rows)
        ids.push_back(row.integer(0));
    return ids;
}

Status OrganizationStore::removeMember(qint64 organizationId, qint64 memberId)
{
    if (Status s = statusOf(m_db.exec("DELETE FROM repository_permissions WHERE namespace_id = ? AND repository_id IN "
                                      "(SELECT id FROM repositories WHERE namespace_id = ?)",
                                      {memberId, organizationId}));
        !s)
        return s;
    return statusOf(m_db.exec("DELETE FROM team_members WHERE member_id = ? AND team_id IN "
                              "(SELECT id FROM teams WHERE organization_id = ?)",
                              {memberId, organizationId}));
}

} // namespace kai::store
