#include "auth/authenticator.h"

#include "auth/passwordhasher.h"

namespace kai::auth {

namespace {
Error invalidCredentials()
{
    return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid Username or Password"));
}
} // namespace

Identity Authenticator::identityOf(const store::Namespace &user, const QString &entityKind)
{
    Identity identity;
    identity.kind = Identity::Kind::User;
    identity.namespaceId = user.id;
    identity.name = user.name;
    identity.uuid = user.uuid;
    identity.superuser = user.superuser;
    identity.entityKind = entityKind;
    return identity;
}

Result<Identity> Authenticator::basic(QByteArrayView header, qint64 nowMs)
{
    if (!header.startsWith("Basic ") && !header.startsWith("basic "))
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid authorization header"));
    const auto decoded = QByteArray::fromBase64Encoding(header.sliced(6).toByteArray().trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid authorization header"));
    const QByteArray &pair = decoded.decoded;
    const qsizetype colon = pair.indexOf(':');
    if (colon < 0)
        return invalidCredentials();
    const QString username = QString::fromUtf8(pair.left(colon));
    const QString secret = QString::fromUtf8(pair.mid(colon + 1));
    if (username == QLatin1String("$oauthtoken"))
        return oauthToken(secret, nowMs);
    return password(username, secret);
}

Result<Identity> Authenticator::password(const QString &username, const QString &password)
{
    auto user = username.contains('@') ? m_namespaces.byEmail(username) : m_namespaces.byName(username);
    if (!user)
        return user.error();
    if (!user->has_value() || (*user)->kind != QLatin1String("user") || (*user)->passwordHash.isEmpty()) {
        // Spend the same time as a real check so names cannot be probed.
        (void)hashPassword(password);
        return invalidCredentials();
    }
    const store::Namespace &found = **user;
    if (!verifyPassword(password, found.passwordHash))
        return invalidCredentials();
    if (!found.enabled)
        return Error::of(ErrorKind::Unauthorized,
                         QStringLiteral("This user has been disabled. Please contact your administrator."));
    return identityOf(found);
}

Result<Identity> Authenticator::oauthToken(const QString &token, qint64 nowMs)
{
    auto found = m_tokens.validate(token, nowMs);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid access token"));
    auto user = m_namespaces.byId((*found)->namespaceId);
    if (!user)
        return user.error();
    if (!user->has_value() || !(*user)->enabled)
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid access token"));
    return identityOf(**user, QStringLiteral("oauthtoken"));
}

} // namespace kai::auth
