#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

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
    std::optional<qint64> tagExpirationSeconds;   // admins only: the time machine window


    static Result<Organization> fromJson(const QJsonDocument &document);
};

// The "General settings" a namespace admin changes (console-workflows
// §3.7.1): PUT /api/v1/organization/{org} or PUT /api/v1/user/. A field left
// empty is not sent.
struct NamespaceSettings
{
    std::optional<QString> email;
    std::optional<qint64> tagExpirationSeconds;

    QJsonObject toJson() const;
};

} // namespace kai::client
