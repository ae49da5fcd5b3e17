#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

namespace kai::client {

// One row of GET /api/v1/superuser/organizations/.
struct OrganizationSummary
{
    QString name;
    QString email;
};

// A page of GET /api/v1/superuser/organizations/ (next_page when more).
struct OrganizationPage
{
    QList<OrganizationSummary> organizations;
    QString nextPage;

    static Result<OrganizationPage> fromJson(const QJsonDocument &document);
};

// GET /api/v1/organization/{org}: the caller's view of one organization.
struct Organization
{
    QString name;
    QString email;
    bool isAdmin = false;
    bool isMember = false;
    int teamCount = 0;

    static Result<Organization> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
