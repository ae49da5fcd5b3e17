#include "robot.h"

#include "core/quaydate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace kai::client {

namespace {

std::optional<QDateTime> dateOf(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const qint64 ms = parseQuayDate(value.toString());
    if (ms < 0)
        return std::nullopt;
    // UTC, as for repositories' last_modified: views show toLocalTime().
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

// Teams come as [{name, avatar}], repositories as [name].
QStringList namesOf(const QJsonValue &value)
{
    QStringList names;
    for (const QJsonValue &entry : value.toArray())
        names << (entry.isObject() ? entry.toObject().value("name").toString() : entry.toString());
    names.removeAll(QString());
    return names;
}

std::optional<Robot> robotOf(const QJsonObject &object)
{
    if (!object.value("name").isString())
        return std::nullopt;
    Robot robot;
    robot.name = object.value("name").toString();
    robot.created = dateOf(object.value("created"));
    robot.lastAccessed = dateOf(object.value("last_accessed"));
    robot.description = object.value("description").toString();
    robot.token = object.value("token").toString();
    robot.teams = namesOf(object.value("teams"));
    robot.repositories = namesOf(object.value("repositories"));
    return robot;
}

} // namespace

QString Robot::shortName() const
{
    const qsizetype plus = name.indexOf(u'+');
    return plus < 0 ? name : name.mid(plus + 1);
}

Result<Robot> Robot::fromJson(const QJsonDocument &document)
{
    std::optional<Robot> robot = robotOf(document.object());
    if (!robot)
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no robot name"));
    return *robot;
}

Result<RobotList> RobotList::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("robots").isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no robots list"));
    RobotList list;
    for (const QJsonValue &value : object.value("robots").toArray()) {
        if (std::optional<Robot> robot = robotOf(value.toObject()))
            list.robots.append(std::move(*robot));
    }
    return list;
}

} // namespace kai::client
