#pragma once

#include <QSet>
#include <QString>

#include <optional>

namespace kai::auth {

// The OAuth access token a caller authenticated with. Quay adds it to the
// metadata of every usage-log entry the caller's actions write
// (oauth_token_id, oauth_token_application_id, oauth_token_application).
struct OAuthTokenUse
{
    qint64 id = 0;
    QString applicationClientId;   // empty: minted by the CLI, outside any application
    QString applicationName;
};

// Who is asking. Robots, app tokens and OAuth-scoped callers join with the
// tenancy issue; the permission resolver is the only place that interprets
// an identity.
struct Identity
{
    enum class Kind { Anonymous, User, Robot };

    Kind kind = Kind::Anonymous;
    qint64 namespaceId = 0;
    QString name;
    QString uuid;
    bool superuser = false;
    bool globalReadOnlySuperuser = false;   // GLOBAL_READONLY_SUPER_USERS
    QString entityKind = QStringLiteral("anonymous");   // JWT context.entity_kind
    // JWT context.entity_reference: the user's uuid, the robot's name, or
    // the uuid of the app-specific / OAuth token that was used.
    QString entityReference;
    // OAuth scopes that cap every role (reference §1.1); nullopt for full
    // rights (a password login or a UI session).
    std::optional<QSet<QString>> scopes;
    // Set when an OAuth access token authenticated the call, directly or
    // through the registry token it was exchanged for.
    std::optional<OAuthTokenUse> oauthToken;

    bool hasScope(const QString &scope) const { return !scopes || scopes->contains(scope); }
    bool isRobot() const { return kind == Kind::Robot; }

    bool isAnonymous() const { return kind == Kind::Anonymous; }
    QString subject() const { return isAnonymous() ? QStringLiteral("(anonymous)") : name; }
};

enum class Role { None = 0, Read = 1, Write = 2, Admin = 3 };

// Organization-wide team roles, ascending.
enum class TeamRole { None = 0, Member = 1, Creator = 2, Admin = 3 };

inline QString teamRoleName(TeamRole role)
{
    switch (role) {
    case TeamRole::Member: return QStringLiteral("member");
    case TeamRole::Creator: return QStringLiteral("creator");
    case TeamRole::Admin: return QStringLiteral("admin");
    case TeamRole::None: break;
    }
    return {};
}

inline TeamRole teamRoleFromName(const QString &name)
{
    if (name == QLatin1String("admin"))
        return TeamRole::Admin;
    if (name == QLatin1String("creator"))
        return TeamRole::Creator;
    if (name == QLatin1String("member"))
        return TeamRole::Member;
    return TeamRole::None;
}

inline QString roleName(Role role)
{
    switch (role) {
    case Role::Read: return QStringLiteral("read");
    case Role::Write: return QStringLiteral("write");
    case Role::Admin: return QStringLiteral("admin");
    case Role::None: break;
    }
    return {};
}

inline Role roleFromName(const QString &name)
{
    if (name == QLatin1String("admin"))
        return Role::Admin;
    if (name == QLatin1String("write"))
        return Role::Write;
    if (name == QLatin1String("read"))
        return Role::Read;
    return Role::None;
}

} // namespace kai::auth
