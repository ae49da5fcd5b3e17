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
    explicit NamespaceStore(db::Database &db) : m_db(db) {}

    Result<std::optional<Namespace>> byName(const QString &name);
    Result<std::optional<Namespace>> byId(qint64 id);
    Result<std::optional<Namespace>> byEmail(const QString &email);
    Result<qint64> userCount();
    // Conflict when the name is taken.
    Result<Namespace> createUser(const QString &name, const QString &email, const QString &passwordHash,
                                 bool superuser, qint64 nowMs);
    Status setSuperuser(qint64 id, bool superuser);

private:
    Result<std::optional<Namespace>> one(const QString &where, const QVariant &value);
    db::Database &m_db;
};

} // namespace kai::store
