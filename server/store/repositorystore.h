#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

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

    QString fullName() const { return namespaceName + '/' + name; }
    bool isPublic() const { return visibility == QLatin1String("public"); }
};

class RepositoryStore
{
public:
    explicit RepositoryStore(db::Database &db) : m_db(db) {}

    Result<std::optional<Repository>> find(const QString &namespaceName, const QString &name);
    // Conflict when it exists already.
    Result<Repository> create(qint64 namespaceId, const QString &namespaceName, const QString &name,
                              const QString &visibility, qint64 nowMs);
    Status setVisibility(qint64 repositoryId, const QString &visibility);

    // Explicit per-repository role of a user ("read" | "write" | "admin").
    Result<std::optional<QString>> explicitRole(qint64 repositoryId, qint64 namespaceId);
    Status grant(qint64 repositoryId, qint64 namespaceId, const QString &role);

    // "ns/name" of every repository in name order, after `last`, at most `limit`.
    Result<QStringList> catalog(const QString &last, int limit);

private:
    db::Database &m_db;
};

} // namespace kai::store
