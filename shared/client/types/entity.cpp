#include "entity.h"

#include <QJsonArray>
#include <QJsonObject>

#include <array>
#include <utility>

namespace kai::client {

namespace {

constexpr std::array kKinds{
    std::pair{Entity::Kind::User, "user"},
    std::pair{Entity::Kind::Team, "team"},
    std::pair{Entity::Kind::Organization, "org"},
    std::pair{Entity::Kind::External, "external"},
};

// An entry without a name or of a kind this client does not know cannot be
// offered as a choice, so it is left out rather than failing the whole list.
std::optional<Entity> entityOf(const QJsonObject &object)
{
    if (!object.value("name").isString())
        return std::nullopt;
    const std::optional<Entity::Kind> kind = Entity::kindFromName(object.value("kind").toString());
    if (!kind)
        return std::nullopt;
    Entity entity;
    entity.name = object.value("name").toString();
    entity.kind = *kind;
    entity.isRobot = object.value("is_robot").toBool();
    entity.isOrgMember = object.value("is_org_member").toBool();
    return entity;
}

} // namespace

QString Entity::kindName(Kind kind)
{
    for (const auto &[each, name] : kKinds) {
        if (each == kind)
            return QLatin1String(name);
    }
    return QString();
}

std::optional<Entity::Kind> Entity::kindFromName(const QString &name)
{
    for (const auto &[kind, each] : kKinds) {
        if (name == QLatin1String(each))
            return kind;
    }
    return std::nullopt;
}

Result<EntityList> EntityList::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("results").isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no entity results list"));
    EntityList list;
    for (const QJsonValue &value : object.value("results").toArray()) {
        if (std::optional<Entity> entity = entityOf(value.toObject()))
            list.results.append(std::move(*entity));
    }
    return list;
}

} // namespace kai::client
