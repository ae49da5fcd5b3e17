#include "store/sessionstore.h"

namespace kai::store {

Status SessionStore::create(const QString &idHash, const QString &csrfToken, qint64 nowMs, qint64 expiresMs)
{
    auto r = m_db.exec("INSERT INTO sessions (id_hash, user_id, csrf_token, login_ms, created_ms, expires_ms) "
                       "VALUES (?, NULL, ?, NULL, ?, ?)",
                       {idHash, csrfToken, nowMs, expiresMs});
    if (!r)
        return r.error();
    return {};
}

Result<std::optional<Session>> SessionStore::find(const QString &idHash, qint64 nowMs)
{
    auto r = m_db.exec("SELECT id_hash, user_id, csrf_token, login_ms, expires_ms FROM sessions WHERE id_hash = ? AND expires_ms > ?",
                       {idHash, nowMs});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<Session>{};
    const db::Row &row = r->first();
    return std::optional<Session>{Session{row.text(0), row.isNull(1) ? 0 : row.integer(1), row.text(2),
                                          row.isNull(3) ? 0 : row.integer(3), row.integer(4)}};
}

Status SessionStore::signIn(const QString &idHash, qint64 userId, const QString &csrfToken, qint64 nowMs)
{
    auto r = m_db.exec("UPDATE sessions SET user_id = ?, csrf_token = ?, login_ms = ? WHERE id_hash = ?",
                       {userId, csrfToken, nowMs, idHash});
    if (!r)
        return r.error();
    return {};
}

Status SessionStore::setCsrf(const QString &idHash, const QString &csrfToken)
{
    auto r = m_db.exec("UPDATE sessions SET csrf_token = ? WHERE id_hash = ?", {csrfToken, idHash});
    if (!r)
        return r.error();
    return {};
}

Status SessionStore::endAllOf(qint64 userId)
{
    auto r = m_db.exec("DELETE FROM sessions WHERE user_id = ?", {userId});
    if (!r)
        return r.error();
    return {};
}

} // namespace kai::store
