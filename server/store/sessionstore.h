#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

namespace kai::store {

struct Session
{
    QString idHash;
    qint64 userId = 0;       // 0: not signed in yet (only a CSRF token)
    QString csrfToken;
    qint64 loginMs = 0;      // last password check, for the fresh-login rule
    qint64 expiresMs = 0;
};

// UI sessions. The cookie holds a random id; only its SHA-256 is stored, so
// a database reader cannot take over sessions.
class SessionStore
{
public:
    explicit SessionStore(db::Database &db) : m_db(db) {}

    Status create(const QString &idHash, const QString &csrfToken, qint64 nowMs, qint64 expiresMs);
    Result<std::optional<Session>> find(const QString &idHash, qint64 nowMs);
    Status signIn(const QString &idHash, qint64 userId, const QString &csrfToken, qint64 nowMs);
    Status setCsrf(const QString &idHash, const QString &csrfToken);
    // Sign-out ends every session of the user, as in Quay.
    Status endAllOf(qint64 userId);

private:
    db::Database &m_db;
};

} // namespace kai::store
