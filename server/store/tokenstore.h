#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

namespace kai::store {

struct OAuthToken
{
    qint64 id = 0;
    QString uuid;
    qint64 namespaceId = 0;   // the user the token acts for
    QString scopes;           // space separated
    qint64 expiresMs = 0;     // 0: never
    // The application it was issued through; empty for a token minted by
    // the operator's CLI. Usage-log entries name it (oauth_token_*).
    QString applicationClientId;
    QString applicationName;
};

// OAuth applications and their access tokens. A token is 40 characters: the
// first 20 are its public name (the lookup key), the last 20 its secret,
// kept only as a SHA-256 hash (the secret is random, so a slow KDF adds
// nothing but latency on every API call).
class TokenStore
{
public:
    explicit TokenStore(db::Database &db) : m_db(db) {}

    Result<qint64> createApplication(qint64 namespaceId, const QString &clientId, const QString &clientSecret,
                                     const QString &name, qint64 nowMs);
    // Returns the full 40-character token, shown once. applicationId 0: a
    // token minted by the operator's CLI, outside any application.
    Result<QString> issueToken(qint64 applicationId, qint64 namespaceId, const QString &scopes, qint64 expiresMs,
                               qint64 nowMs);

    struct Issued
    {
        QString token;   // shown once
        QString uuid;
    };
    // A named token minted through an application's tokens endpoint.
    Result<Issued> issueNamedToken(qint64 applicationId, qint64 namespaceId, const QString &name,
                                   const QString &scopes, qint64 expiresMs, qint64 nowMs);
    // The token if it exists, matches and has not expired.
    Result<std::optional<OAuthToken>> validate(const QString &token, qint64 nowMs);
    // The token a registry JWT was issued for (its context's
    // entity_reference), expired or not: the JWT carries its own expiry.
    Result<std::optional<OAuthToken>> byUuid(const QString &uuid);

private:
    db::Database &m_db;
};

} // namespace kai::store
