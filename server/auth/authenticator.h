#pragma once

#include "auth/identity.h"
#include "core/result.h"
#include "store/namespacestore.h"
#include "store/tokenstore.h"

namespace kai::auth {

// Turns credentials into an identity. Basic credentials are only evaluated
// by the /v2/auth token service (and the CLI); API v1 uses bearer tokens.
class Authenticator
{
public:
    Authenticator(store::NamespaceStore &namespaces, store::TokenStore &tokens)
        : m_namespaces(namespaces), m_tokens(tokens) {}

    // "Basic base64(user:password)". Users by name or e-mail with their
    // password; "$oauthtoken" with an OAuth access token.
    Result<Identity> basic(QByteArrayView authorizationHeader, qint64 nowMs);
    Result<Identity> password(const QString &username, const QString &password);
    Result<Identity> oauthToken(const QString &token, qint64 nowMs);

    static Identity identityOf(const store::Namespace &user, const QString &entityKind = QStringLiteral("user"));

private:
    store::NamespaceStore &m_namespaces;
    store::TokenStore &m_tokens;
};

} // namespace kai::auth
