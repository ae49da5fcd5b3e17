#pragma once

#include "core/result.h"
#include "db/database.h"
#include "store/organizationstore.h"

#include <optional>
#include <vector>

namespace kai::store {

// A team of an organization; role is "member" | "creator" | "admin".
struct Team
{
    qint64 id = 0;
    qint64 organizationId = 0;
    QString name;
    QString role;
    QString description;
    qint64 createdMs = 0;
    qint64 memberCount = 0;   // filled by list() only
    qint64 repoCount = 0;     // filled by list() only
};

// A pending invitation to join a team: for a user (userId > 0) or for an
// e-mail address. The code is Quay's "urn:teaminvite:<uuid>".
struct TeamInvite
{
    qint64 id = 0;
    qint64 teamId = 0;
    QString teamName;
    QString organizationName;
    qint64 userId = 0;
    OrganizationMember user;   // set when userId > 0
    QString email;
    qint64 inviterId = 0;
    QString inviterName;
    QString code;
    qint64 createdMs = 0;
};

// A team's grant on one repository of its organization.
struct TeamRepositoryPermission
{
    QString repositoryName;
    bool isPublic = false;
    QString role;
};

// All SQL about teams, their members, invites and repository grants.
class TeamStore
{
public:
    explicit TeamStore(db::Database &db) : m_db(db) {}

    Result<std::optional<Team>> byName(qint64 organizationId, const QString &name);
    // Every team of the organization in id (creation) order, with counts.
    Result<std::vector<Team>> list(qint64 organizationId);
    // Conflict when the name is taken.
    Result<Team> create(qint64 organizationId, const QString &name, const QString &role,
                        const QString &description, qint64 nowMs);
    Status setRole(qint64 teamId, const QString &role);
    Status setDescription(qint64 teamId, const QString &description);
    Status remove(qint64 teamId);

    // Names of the admin teams (id order) the member belongs to.
    Result<QStringList> adminTeamsOf(qint64 organizationId, qint64 memberId);

    // Members in name order.
    Result<std::vector<OrganizationMember>> members(qint64 teamId);
    Result<bool> isMember(qint64 teamId, qint64 memberId);
    // False when the member was in the team already (nothing changed).
    Result<bool> addMember(qint64 teamId, qint64 memberId);
    // False when the member was not in the team.
    Result<bool> removeMember(qint64 teamId, qint64 memberId);

    // Repository grants of the team in repository name order.
    Result<std::vector<TeamRepositoryPermission>> permissions(qint64 teamId);

    // Returns the pending invite for that user / e-mail if there is one
    // already, else stores a new one with a fresh random code.
    Result<TeamInvite> invite(qint64 teamId, qint64 userId, const QString &email, qint64 inviterId, qint64 nowMs);
    // Pending invites of the team in creation order.
    Result<std::vector<TeamInvite>> invites(qint64 teamId);
    Result<std::optional<TeamInvite>> inviteByCode(const QString &code);
    Status deleteInvite(qint64 inviteId);
    // False when there was no such invite.
    Result<bool> deleteUserInvite(qint64 teamId, qint64 userId);
    Result<bool> deleteEmailInvite(qint64 teamId, const QString &email);

private:
    Result<std::vector<TeamInvite>> queryInvites(const QString &where, const QVariantList &params);
    db::Database &m_db;
};

} // namespace kai::store
