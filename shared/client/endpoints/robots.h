#pragma once

#include "client/apiclient.h"
#include "client/types/robot.h"

namespace kai::client::robots {

// Whose robot accounts: an organization's (/api/v1/organization/{org}/robots)
// or the signed-in user's own (/api/v1/user/robots; Kai, like Quay's API,
// serves a user's robots only there).
class RobotNamespace
{
public:
    // Most callers name an organization, so a name converts implicitly.
    RobotNamespace(const QString &organization) : m_name(organization) {}
    static RobotNamespace ownUser(const QString &username);

    // The part before '+' in the robots' full names.
    QString name() const { return m_name; }
    bool isUser() const { return m_user; }
    // The robots collection, "/api/v1/.../robots".
    QString path() const;

private:
    QString m_name;
    bool m_user = false;
};

// The robot accounts of a namespace (reference §2.5); `shortName` is the
// part after "ns+".

// GET .../robots?permissions=true&token=false
Reply<RobotList> *list(ApiClient &client, const RobotNamespace &owner);

// GET .../robots/{short} (with the token)
Reply<Robot> *get(ApiClient &client, const RobotNamespace &owner, const QString &shortName);

// PUT .../robots/{short} {description}
Reply<Robot> *create(ApiClient &client, const RobotNamespace &owner, const QString &shortName, const QString &description);

// DELETE .../robots/{short}
Reply<Done> *remove(ApiClient &client, const RobotNamespace &owner, const QString &shortName);

// POST .../robots/{short}/regenerate: the robot
// with its new token.
Reply<Robot> *regenerateToken(ApiClient &client, const RobotNamespace &owner, const QString &shortName);

} // namespace kai::client::robots
