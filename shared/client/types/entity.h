#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

namespace kai::client {

// One result of Quay's entity search (reference §2.15, GET /entities/<prefix>):
// a user, robot, team or organization someone can be given a permission.
struct Entity
{
    enum class Kind { User, Team, Organization, External };

    QString name;          // robots as "namespace+short", teams by their short name
    Kind kind = Kind::User;
    bool isRobot = false;
    bool isOrgMember = false;

    // The kind names of Quay's JSON ("user", "team", "org", "external").
    static QString kindName(Kind kind);
    // The kind of a JSON kind name; none for a name this client does not know.
    static std::optional<Kind> kindFromName(const QString &name);
};

// {"results": [entity]}. Entries without a name or of an unknown kind are
// left out; an answer without a "results" array is an error.
struct EntityList
{
    QList<Entity> results;

    static Result<EntityList> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
