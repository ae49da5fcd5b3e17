#pragma once

#include <QString>

namespace kai::auth {

// Who is asking. Robots, app tokens and OAuth-scoped callers join with the
// tenancy issue; the permission resolver is the only place that interprets
// an identity.
struct Identity
{
    enum class Kind { Anonymous, User };

    Kind kind = Kind::Anonymous;
    qint64 namespaceId = 0;
    QString name;
    QString uuid;
    bool superuser = false;
    QString entityKind = QStringLiteral("anonymous");   // JWT context.entity_kind

    bool isAnonymous() const { return kind == Kind::Anonymous; }
    QString subject() const { return isAnonymous() ? QStringLiteral("(anonymous)") : name; }
};

enum class Role { None = 0, Read = 1, Write = 2, Admin = 3 };

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
