#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>
#include <vector>

namespace kai::store {

struct Repository
{
    qint64 id = 0;
    qint64 namespaceId = 0;
    QString namespaceName;
    QString namespaceKind;   // "user" | "organization"
    QString name;            // may contain '/' (nested names)
    QString visibility;      // "public" | "private"
    QString kind;            // "image"
    QString state;           // "NORMAL", "READ_ONLY", "MIRROR"
    qint64 createdMs = 0;
    QString description;

    QString fullName() const { return namespaceName + '/' + name; }
    bool isPublic() const { return visibility == QLatin1String("public"); }
    bool isOrganization() const { return namespaceKind == QLatin1String("organization"); }
};

// Which repositories GET /api/v1/repository and GET /api/v1/user/starred
// show (reference §2.7): those the viewer holds a grant on (directly, via a
// team, as org admin or as owner of the user namespace), plus public ones
// when asked for or when the viewer is anonymous.
struct RepositoryFilter
{
    QString namespaceName;    // empty: every namespace
    bool starredOnly = false;
    bool includePublic = false;
    qint64 viewerId = 0;      // 0: no grants count (anonymous, or no repo:* scope)
    bool viewerIsUser = false;   // a user (not a robot): owns its namespace's repositories
    QString kind = QStringLiteral("image");
};

// Where a listing page starts: after the repository `name` of the namespace
// `namespaceName`, the listing's sort key (unique: namespace names are, and
// repository names are within a namespace). Empty: at the beginning.
struct RepositoryCursor
{
    QString namespaceName;
    QString name;

    bool atStart() const { return namespaceName.isEmpty(); }
};

struct RepositoryListEntry
{
    Repository repository;
    bool starred = false;                 // by the viewer
    std::optional<qint64> lastModifiedMs; // newest push of a live tag
};

// A direct grant of a user or robot on a repository.
struct UserGrant
{
    qint64 memberId = 0;
    QString name;
    QString email;
    bool robot = false;
    QString role;
};

// A grant of a team of the repository's organization.
struct TeamGrant
{
    qint64 teamId = 0;
    QString name;
    QString role;
};

// Repositories, their user/robot and team grants and stars. Callers that
// change several rows hold a db::Transaction around the calls; every write
// here is one statement that never aborts a transaction on a duplicate.
class RepositoryStore
{
public:
    explicit RepositoryStore(db::Database &db) : m_db(db) {}

    // A live (not deleted) repository.
    Result<std::optional<Repository>> find(const QString &namespaceName, const QString &name);
    // Conflict "Repository already exists" when the name is taken; the
    // statement skips the duplicate, so a surrounding transaction stays
    // usable. Used by model::RepositoryCreator only.
    Result<Repository> create(qint64 namespaceId, const QString &namespaceName, const QString &namespaceKind,
                              const QString &name, const QString &visibility, const QString &description,
                              qint64 nowMs);
    Status setVisibility(qint64 repositoryId, const QString &visibility);
    Status setDescription(qint64 repositoryId, const QString &description);
    // Hides the repository at once: deleted = 1, state MARKED_FOR_DELETION,
    // renamed to `tombstoneName` (a UUID, as Quay does) so the name is free
    // again; stars go. Tags, manifests and grants stay for the purge.
    Status markDeleted(qint64 repositoryId, const QString &tombstoneName);

    // Ordered by namespace name, then repository name (bytewise on both
    // drivers); at most `limit` rows after `after` (keyset paging: a page
    // costs the same wherever it is, and rows created or deleted meanwhile
    // neither repeat nor vanish from later pages). With `lastModifiedAtMs`,
    // each entry's lastModifiedMs: the newest start among the tags alive at
    // that time (scheduled ends still in the future count as alive).
    Result<std::vector<RepositoryListEntry>> list(const RepositoryFilter &filter, const RepositoryCursor &after,
                                                  int limit, std::optional<qint64> lastModifiedAtMs);

    // Direct grants of users and robots ("read" | "write" | "admin").
    Result<std::optional<QString>> explicitRole(qint64 repositoryId, qint64 namespaceId);
    Status grant(qint64 repositoryId, qint64 namespaceId, const QString &role);
    // False when there was no grant.
    Result<bool> revoke(qint64 repositoryId, qint64 namespaceId);
    // In member name order.
    Result<std::vector<UserGrant>> userGrants(qint64 repositoryId);

    Result<std::optional<QString>> teamRole(qint64 repositoryId, qint64 teamId);
    Status grantTeam(qint64 repositoryId, qint64 teamId, const QString &role);
    Result<bool> revokeTeam(qint64 repositoryId, qint64 teamId);
    // In team name order.
    Result<std::vector<TeamGrant>> teamGrants(qint64 repositoryId);

    // Stars of a user; starring twice is a no-op.
    Status star(qint64 userId, qint64 repositoryId, qint64 nowMs);
    Status unstar(qint64 userId, qint64 repositoryId);
    Result<bool> isStarred(qint64 userId, qint64 repositoryId);

    // The namespace's time-machine window (namespaces.tag_expiration_s).
    Result<qint64> tagExpirationSeconds(qint64 namespaceId);

    // "ns/name" of every repository in name order, after `last`, at most `limit`.
    Result<QStringList> catalog(const QString &last, int limit);

private:
    db::Database &m_db;
};

} // namespace kai::store
