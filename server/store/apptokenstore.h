#pragma once

#include "auth/secretbox.h"
#include "core/result.h"
#include "db/database.h"

#include <optional>
#include <vector>

namespace kai::store {

// An app-specific token (reference §1.4): a personal password for the
// registry, used with the username "$app".
struct AppToken
{
    qint64 id = 0;
    QString uuid;
    qint64 userId = 0;
    QString title;
    qint64 createdMs = 0;
    std::optional<qint64> expiresMs;
    std::optional<qint64> lastAccessedMs;
};

// All SQL for app-specific tokens. A token is 120 characters [A-Z0-9]: the
// first 60 are its lookup key (token_name), the last 60 its secret, sealed
// with the server's secret box, bound to the lookup key and the owner (Quay
// keeps it encrypted too, so the full token can be shown again).
class AppTokenStore
{
public:
    AppTokenStore(db::Database &db, const auth::SecretBox &box) : m_db(db), m_box(box) {}

    static constexpr int kTokenLength = 120;
    static constexpr int kNameLength = 60;

    // Returns the token and its full 120-character code. expiresMs 0: never.
    Result<std::pair<AppToken, QString>> create(qint64 userId, const QString &title, qint64 expiresMs, qint64 nowMs);
    // The user's unexpired tokens, oldest first; with `expiringBeforeMs` > 0
    // only those with an expiry before it.
    Result<std::vector<AppToken>> list(qint64 userId, qint64 nowMs, qint64 expiringBeforeMs = 0);
    // The user's unexpired token with that uuid.
    Result<std::optional<AppToken>> byUuid(const QString &uuid, qint64 userId, qint64 nowMs);
    // The full 120-character code of a token.
    Result<QString> code(const AppToken &token);
    // Deletes the user's token; nullopt when there was none.
    Result<std::optional<AppToken>> revoke(const QString &uuid, qint64 userId);
    // The unexpired token whose code this is, its last_accessed updated
    // (at most once a minute); nullopt for anything else.
    Result<std::optional<AppToken>> access(const QString &code, qint64 nowMs);

private:
    Result<std::vector<AppToken>> select(const QString &where, const QVariantList &params);
    db::Database &m_db;
    const auth::SecretBox &m_box;
};

} // namespace kai::store
