#pragma once

#include "auth/identity.h"
#include "config/config.h"
#include "core/result.h"
#include "store/apptokenstore.h"
#include "store/namespacestore.h"
#include "store/robotstore.h"
#include "store/tokenstore.h"

#include <QHash>

namespace kai::auth {

// Turns credentials into an identity. Basic credentials are only evaluated
// by the /v2/auth token service (and the CLI); API v1 uses bearer tokens.
class Authenticator
{
public:
    Authenticator(store::NamespaceStore &namespaces, store::TokenStore &tokens, store::RobotStore &robots,
                  store::AppTokenStore &appTokens, const config::Config &config);

    // "Basic base64(user:password)" (reference §1.6). Users by name or
    // e-mail with their password; "$oauthtoken" with an OAuth access token;
    // "<ns>+<short>" with the robot's token; "$app" with an app-specific
    // token.
    Result<Identity> basic(QByteArrayView authorizationHeader, qint64 nowMs);
    Result<Identity> password(const QString &username, const QString &password, qint64 nowMs);
    Result<Identity> oauthToken(const QString &token, qint64 nowMs);
    // Fails when ROBOTS_DISALLOW is set or the robot's owner is disabled.
    Result<Identity> robotToken(const QString &robotName, const QString &token, qint64 nowMs);
    // The token's owner with full rights; expired tokens fail.
    Result<Identity> appToken(const QString &token, qint64 nowMs);

    // The identity of a user: a session, password or token of theirs.
    Identity identityOf(const store::Namespace &user, const QString &entityKind = QStringLiteral("user")) const;

private:
    // scrypt costs ~100 ms by design, and registry clients ask /v2/auth for
    // a token per repository and operation with the same credentials. A
    // worker remembers credentials it verified recently, keyed by a hash
    // that includes a per-process random salt (so the map never holds a
    // password), and only as long as the stored hash is unchanged (a new
    // password ends it at once).
    struct RecentLogin
    {
        QString passwordHash;
        qint64 expiresMs;
    };
    QByteArray recentLoginKey(const QString &username, const QString &password) const;
    QHash<QByteArray, RecentLogin> m_recentLogins;
    QByteArray m_salt;

    store::NamespaceStore &m_namespaces;
    store::TokenStore &m_tokens;
    store::RobotStore &m_robots;
    store::AppTokenStore &m_appTokens;
    const config::Config &m_config;
};

} // namespace kai::auth
