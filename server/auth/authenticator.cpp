#include "auth/authenticator.h"

#include "auth/passwordhasher.h"
#include "auth/secretbox.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace kai::auth {

namespace {
constexpr qint64 kRecentLoginMs = 5 * 60 * 1000;
constexpr int kRecentLoginCapacity = 1024;

Error invalidCredentials()
{
    return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid Username or Password"));
}
} // namespace

Authenticator::Authenticator(store::NamespaceStore &namespaces, store::TokenStore &tokens,
                             store::RobotStore &robots, store::AppTokenStore &appTokens,
                             const config::Config &config)
    : m_salt(SecretBox::randomBytes(32))
    , m_namespaces(namespaces)
    , m_tokens(tokens)
    , m_robots(robots)
    , m_appTokens(appTokens)
    , m_config(config)
{
}

QByteArray Authenticator::recentLoginKey(const QString &username, const QString &password) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(m_salt);
    hash.addData(username.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(password.toUtf8());
    return hash.result();
}

Identity Authenticator::identityOf(const store::Namespace &user, const QString &entityKind) const
{
    Identity identity;
    identity.kind = Identity::Kind::User;
    identity.namespaceId = user.id;
    identity.name = user.name;
    identity.uuid = user.uuid;
    identity.superuser = user.superuser;
    identity.globalReadOnlySuperuser = m_config.globalReadOnlySuperUsers.contains(user.name);
    identity.entityKind = entityKind;
    identity.entityReference = user.uuid;
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
    if (username == QLatin1String("$app"))
        return appToken(secret, nowMs);
    // A '+' marks a robot; e-mail addresses may contain one too.
    if (username.contains('+') && !username.contains('@'))
        return robotToken(username, secret, nowMs);
    return password(username, secret, nowMs);
}

Result<Identity> Authenticator::password(const QString &username, const QString &password, qint64 nowMs)
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
    const QByteArray key = recentLoginKey(username, password);
    const auto recent = m_recentLogins.constFind(key);
    const bool remembered = recent != m_recentLogins.constEnd() && recent->expiresMs > nowMs
                            && recent->passwordHash == found.passwordHash;
    if (!remembered) {
        if (!verifyPassword(password, found.passwordHash))
            return invalidCredentials();
        if (m_recentLogins.size() >= kRecentLoginCapacity)
            m_recentLogins.clear();
        m_recentLogins.insert(key, RecentLogin{found.passwordHash, nowMs + kRecentLoginMs});
    }
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
    Identity identity = identityOf(**user, QStringLiteral("oauthtoken"));
    const QStringList scopes = (*found)->scopes.split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts);
    identity.scopes = QSet<QString>(scopes.begin(), scopes.end());
    identity.entityReference = (*found)->uuid;
    identity.oauthToken = OAuthTokenUse{(*found)->id, (*found)->applicationClientId, (*found)->applicationName};
    return identity;
}

Result<Identity> Authenticator::robotToken(const QString &robotName, const QString &token, qint64 nowMs)
{
    // The order of Quay's verify_robot: the switch first, then the name,
    // the token and the owner.
    if (m_config.robotsDisallow)
        return Error::of(ErrorKind::Unauthorized,
                         QStringLiteral("Robot accounts have been disabled. Please contact your administrator."));
    auto robot = m_robots.byName(robotName);
    if (!robot)
        return robot.error();
    if (!robot->has_value())
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Could not find robot with specified username"));
    const store::Robot &found = **robot;
    auto matches = m_robots.verifyToken(found, token);
    if (!matches)
        return matches.error();
    if (!*matches)
        return Error::of(ErrorKind::Unauthorized,
                         QStringLiteral("Could not find robot with username: %1 and supplied password.").arg(robotName));
    if (!found.ownerEnabled)
        return Error::of(ErrorKind::Unauthorized,
                         QStringLiteral("This user has been disabled. Please contact your administrator."));
    if (Status s = m_robots.touch(found.id, nowMs); !s)
        return s.error();
    Identity identity;
    identity.kind = Identity::Kind::Robot;
    identity.namespaceId = found.id;
    identity.name = found.name;
    identity.uuid = found.uuid;
    identity.entityKind = QStringLiteral("robot");
    identity.entityReference = found.name;
    return identity;
}

Result<Identity> Authenticator::appToken(const QString &token, qint64 nowMs)
{
    if (!m_config.featureAppSpecificTokens)
        return invalidCredentials();
    auto found = m_appTokens.access(token, nowMs);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid token"));
    auto user = m_namespaces.byId((*found)->userId);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid token"));
    if (!(*user)->enabled)
        return Error::of(ErrorKind::Unauthorized,
                         QStringLiteral("This user has been disabled. Please contact your administrator."));
    Identity identity = identityOf(**user, QStringLiteral("appspecifictoken"));
    identity.entityReference = (*found)->uuid;
    return identity;
}

} // namespace kai::auth
