#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

namespace kai::store {

// A namespace: a user now; organizations and robots join later.
struct Namespace
{
    qint64 id = 0;
    QString name;
    QString uuid;
    QString kind;           // "user"
    QString email;
    QString passwordHash;
    bool enabled = true;
    bool superuser = false;
    qint64 createdMs = 0;
};

class NamespaceStore
{
public:
    // New namespaces start with this time-machine window
    // (DEFAULT_TAG_EXPIRATION; Quay's default is two weeks).
    explicit NamespaceStore(db::Database &db, qint64 defaultTagExpirationSeconds = 1209600)
        : m_db(db), m_defaultTagExpirationSeconds(defaultTagExpirationSeconds) {}

    Result<std::optional<Namespace>> byName(const QString &name);
    Result<std::optional<Namespace>> byId(qint64 id);
    Result<std::optional<Namespace>> byEmail(const QString &email);
    Result<qint64> userCount();
    // Conflict when the name is taken.
    Result<Namespace> createUser(const QString &name, const QString &email, const QString &passwordHash,
                                 bool superuser, qint64 nowMs);
    Status setSuperuser(qint64 id, bool superuser);
    Status setPasswordHash(qint64 id, const QString &passwordHash);
    // Conflict when another namespace uses the address already.
    Status setEmail(qint64 id, const QString &email);
    Status setEnabled(qint64 id, bool enabled);
    Status setTagExpiration(qint64 id, qint64 seconds);
    Status setInvoiceEmail(qint64 id, bool enabled, const QString &address);
    Result<qint64> tagExpiration(qint64 id);
    Status remove(qint64 id);

    // Users (not organizations or robots) in name order after `after`.
    Result<QList<Namespace>> users(const QString &after, int limit, bool includeDisabled);
    Result<QList<Namespace>> organizations(const QString &after, int limit);

    struct Membership
    {
        QString organization;
        QString email;
        QString bestTeamRole;   // "member" | "creator" | "admin"
    };
    // Organizations whose teams the user belongs to.
    Result<QList<Membership>> memberships(qint64 userId);
    // Organizations where the user is the only member of every admin team.
    Result<QStringList> soleAdminOrganizations(qint64 userId);

private:
    Result<std::optional<Namespace>> one(const QString &where, const QVariant &value);
    db::Database &m_db;
    qint64 m_defaultTagExpirationSeconds;
};

} // namespace kai::store
