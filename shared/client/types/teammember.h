#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

namespace kai::client {

// One row of GET .../team/{team}/members?includePending=true: a user, a
// robot, a user invited by name (not yet accepted) or an e-mail invite.
struct TeamMember
{
    enum class Kind { User, Robot, EmailInvite };

    QString name;       // the account; the address for e-mail invites
    Kind kind = Kind::User;
    bool invited = false;

    static Result<TeamMember> fromJson(const QJsonDocument &document);
};

struct TeamMemberList
{
    QList<TeamMember> members;
    bool canEdit = false;

    static Result<TeamMemberList> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
