#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>
#include <vector>

namespace kai::store {

// An organization: a row of `namespaces` with kind 'organization'.
struct Organization
{
    qint64 id = 0;
    QString name;
    QString uuid;
    QString email;                  // empty when none was given
    bool invoiceEmail = false;
    QString invoiceEmailAddress;    // empty: none (null on the wire)
    qint64 tagExpirationSeconds = 1209600;
    qint64 createdMs = 0;
};

// A user or robot as the organization listings show it.
struct OrganizationMember
{
    qint64 id = 0;
    QString name;
    QString email;
    bool robot = false;
};

// One team membership inside an organization (a member appears once per team).
struct TeamMembership
{
    OrganizationMember member;
    QString teamName;
};

// One direct (user or robot) grant on a repository of the organization.
struct DirectGrant
{
    OrganizationMember member;
    QString repositoryName;
};

// All SQL about organizations as a whole. Teams are in TeamStore. Callers
// that change several rows hold a db::Transaction around the calls.
class OrganizationStore
{
public:
    // New namespaces start with this time-machine window
    // (DEFAULT_TAG_EXPIRATION; Quay's default is two weeks).
    explicit OrganizationStore(db::Database &db, qint64 defaultTagExpirationSeconds = 1209600)
        : m_db(db), m_defaultTagExpirationSeconds(defaultTagExpirationSeconds) {}

    // The enabled organization of that name; nullopt for users, robots and
    // unknown names.
    Result<std::optional<Organization>> byName(const QString &name);

    // The namespace row, a team `owners` with role admin and the creator in
    // it. Conflict when the name is taken (run inside a transaction).
    Result<Organization> create(const QString &name, const QString &email, qint64 creatorId, qint64 nowMs);

    // Quay's convert_user_to_organization (superuser take-ownership): the
    // user account becomes an organization nobody signs in to; its
    // credentials, sessions, stars, team memberships and direct grants go
    // (an organization holds none of these), its repositories and robots
    // stay. A team `owners` with role admin gets `ownerId`. Run inside a
    // transaction.
    Status convertUser(qint64 userId, qint64 ownerId, qint64 nowMs);

    // Renames the organization (its robots: RobotStore::renameOwner).
    // Conflict when the name is taken.
    Status rename(qint64 organizationId, const QString &newName);

    // Empty email / address store NULL.
    Status setEmail(qint64 organizationId, const QString &email);
    Status setInvoiceEmail(qint64 organizationId, bool invoiceEmail);
    Status setInvoiceEmailAddress(qint64 organizationId, const QString &address);
    Status setTagExpiration(qint64 organizationId, qint64 seconds);

    // Deletes the namespace; teams, memberships, invites, robots,
    // repositories and their grants go with it (ON DELETE CASCADE). Blob
    // files are left to garbage collection.
    Status remove(qint64 organizationId);

    // Is any namespace of kind user (or, with anyKind, of any kind) using
    // the e-mail address? `exceptId` is skipped.
    Result<bool> emailInUse(const QString &email, bool anyKind, qint64 exceptId = 0);

    // Every team membership of users and robots, ordered by member name and
    // team id.
    Result<std::vector<TeamMembership>> teamMemberships(qint64 organizationId);
    // The teams (in id order) a member belongs to in the organization.
    Result<QStringList> teamsOf(qint64 organizationId, qint64 memberId);
    // Direct grants on the organization's repositories, ordered by member
    // name and repository name; memberId > 0 narrows to one member.
    Result<std::vector<DirectGrant>> directGrants(qint64 organizationId, qint64 memberId = 0);
    // Distinct ids of the members of admin teams.
    Result<std::vector<qint64>> adminIds(qint64 organizationId);
    // Removes the member from every team and every direct repository grant
    // of the organization.
    Status removeMember(qint64 organizationId, qint64 memberId);

private:
    // The team `owners` (role admin) with `ownerId` in it.
    Status addOwnersTeam(qint64 organizationId, qint64 ownerId, qint64 nowMs);
    db::Database &m_db;
    qint64 m_defaultTagExpirationSeconds;
};

} // namespace kai::store
