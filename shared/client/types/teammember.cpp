#include "teammember.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace kai::client {

namespace {

// Members and user invites carry a name; e-mail invites only the address.
std::optional<TeamMember> memberOf(const QJsonObject &object)
{
    TeamMember member;
    member.invited = object.value("invited").toBool();
    if (object.value("kind").toString() == QLatin1String("invite")) {
        member.kind = TeamMember::Kind::EmailInvite;
        member.name = object.value("email").toString();
    } else {
        member.kind = object.value("is_robot").toBool() ? TeamMember::Kind::Robot : TeamMember::Kind::User;
        member.name = object.value("name").toString();
    }
    if (member.name.isEmpty())
        return std::nullopt;
    return member;
}

} // namespace

Result<TeamMember> TeamMember::fromJson(const QJsonDocument &document)
{
    std::optional<TeamMember> member = memberOf(document.object());
    if (!member)
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no member name"));
    return *member;
}

Result<TeamMemberList> TeamMemberList::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("members").isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no members list"));
    TeamMemberList list;
    list.canEdit = object.value("can_edit").toBool();
    for (const QJsonValue &value : object.value("members").toArray()) {
        if (std::optional<TeamMember> member = memberOf(value.toObject()))
            list.members.append(std::move(*member));
    }
    return list;
}

} // namespace kai::client
