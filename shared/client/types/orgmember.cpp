#include "orgmember.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kai::client {

namespace {

// Teams come as [{name, avatar}], repositories as [name].
QStringList namesOf(const QJsonValue &value)
{
    QStringList names;
    for (const QJsonValue &entry : value.toArray())
        names << (entry.isObject() ? entry.toObject().value("name").toString() : entry.toString());
    names.removeAll(QString());
    return names;
}

Result<OrganizationMemberList> peopleOf(const QJsonDocument &document, const char *key)
{
    const QJsonValue people = document.object().value(QLatin1String(key));
    if (!people.isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no %1 list").arg(QLatin1String(key)));
    OrganizationMemberList list;
    for (const QJsonValue &value : people.toArray()) {
        const QJsonObject object = value.toObject();
        if (!object.value("name").isString())
            continue;
        list.people.append(OrganizationMember{object.value("name").toString(), namesOf(object.value("teams")),
                                              namesOf(object.value("repositories"))});
    }
    return list;
}

} // namespace

Result<OrganizationMemberList> OrganizationMemberList::membersFromJson(const QJsonDocument &document)
{
    return peopleOf(document, "members");
}

Result<OrganizationMemberList> OrganizationMemberList::collaboratorsFromJson(const QJsonDocument &document)
{
    return peopleOf(document, "collaborators");
}

} // namespace kai::client
