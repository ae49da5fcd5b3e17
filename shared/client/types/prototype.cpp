#include "prototype.h"

#include <QJsonArray>

namespace kai::client {

namespace {

Error unexpected(const QString &what)
{
    return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: %1").arg(what));
}

// Quay writes both parties as {name, kind, is_robot, is_org_member, avatar}.
std::optional<Entity> partyOf(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    const std::optional<Entity::Kind> kind = Entity::kindFromName(object.value("kind").toString());
    if (!object.value("name").isString() || !kind)
        return std::nullopt;
    return Entity{object.value("name").toString(), *kind, object.value("is_robot").toBool(),
                  object.value("is_org_member").toBool()};
}

} // namespace

Result<Prototype> Prototype::fromJsonObject(const QJsonObject &object)
{
    if (!object.value("id").isString())
        return unexpected(QStringLiteral("a default permission without id"));
    Prototype prototype;
    prototype.id = object.value("id").toString();
    const std::optional<RepositoryRole> role = repositoryRoleFromName(object.value("role").toString());
    if (!role)
        return unexpected(QStringLiteral("default permission %1 has no known role").arg(prototype.id));
    prototype.role = *role;
    const std::optional<Entity> delegate = partyOf(object.value("delegate"));
    if (!delegate)
        return unexpected(QStringLiteral("default permission %1 has no delegate").arg(prototype.id));
    prototype.delegate = *delegate;
    // null (or absent) when the permission applies to every creator.
    prototype.activatingUser = partyOf(object.value("activating_user"));
    return prototype;
}

Result<Prototype> Prototype::fromJson(const QJsonDocument &document) { return fromJsonObject(document.object()); }

Result<PrototypeList> PrototypeList::fromJson(const QJsonDocument &document)
{
    const QJsonValue list = document.object().value("prototypes");
    if (!list.isArray())
        return unexpected(QStringLiteral("no prototypes list"));
    PrototypeList result;
    for (const QJsonValue &value : list.toArray()) {
        Result<Prototype> prototype = Prototype::fromJsonObject(value.toObject());
        if (!prototype)
            return prototype.error();
        result.prototypes.append(*prototype);
    }
    return result;
}

} // namespace kai::client
