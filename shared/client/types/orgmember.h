#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

namespace kai::client {

// A person in an organization's Members or Collaborators view: the teams
// they belong to (members only) and the repositories they hold a direct
// permission on.
struct OrganizationMember
{
    QString name;
    QStringList teams;
    QStringList repositories;
};

// GET /api/v1/organization/{org}/members -> {"members": [...]} and
// GET .../collaborators -> {"collaborators": [...]}.
struct OrganizationMemberList
{
    QList<OrganizationMember> people;

    static Result<OrganizationMemberList> membersFromJson(const QJsonDocument &document);
    static Result<OrganizationMemberList> collaboratorsFromJson(const QJsonDocument &document);
};

} // namespace kai::client
