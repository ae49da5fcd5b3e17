#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>
#include <vector>

namespace kai::store {

// A user or robot named by a prototype (its activating user or delegate).
struct PrototypeUser
{
    qint64 id = 0;
    QString name;
    QString email;
    bool robot = false;
};

// A default permission of an organization (reference §2.6, §4.6): when
// `activatingUser` (or anyone, when absent) creates a repository in the
// organization, the delegate user/robot or team gets `role` on it.
struct Prototype
{
    qint64 id = 0;
    qint64 organizationId = 0;
    QString uuid;
    std::optional<PrototypeUser> activatingUser;
    std::optional<PrototypeUser> delegateUser;
    qint64 delegateTeamId = 0;     // 0: the delegate is a user
    QString delegateTeamName;
    QString role;                  // "read" | "write" | "admin"
};

// All SQL about permission prototypes. Exactly one of delegateUserId and
// delegateTeamId is non-zero.
class PrototypeStore
{
public:
    explicit PrototypeStore(db::Database &db) : m_db(db) {}

    // In creation order.
    Result<std::vector<Prototype>> list(qint64 organizationId);
    Result<std::optional<Prototype>> find(qint64 organizationId, const QString &uuid);
    // Those that apply when `creatorId` creates a repository: activating
    // user the creator or none; creation order.
    Result<std::vector<Prototype>> applicable(qint64 organizationId, qint64 creatorId);

    // activatingUserId 0: anyone. Returns the new prototype's uuid.
    Result<QString> create(qint64 organizationId, qint64 activatingUserId, qint64 delegateUserId, qint64 delegateTeamId,
                           const QString &role);
    // False when there is no such prototype.
    Result<bool> setRole(qint64 organizationId, const QString &uuid, const QString &role);
    Result<bool> remove(qint64 organizationId, const QString &uuid);

private:
    Result<std::vector<Prototype>> query(const QString &where, const QVariantList &params);
    db::Database &m_db;
};

} // namespace kai::store
