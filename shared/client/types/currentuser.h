#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

namespace kai::client {

// GET /api/v1/user/: who is signed in, and the organizations they belong to.
struct CurrentUser
{
    struct Membership
    {
        QString name;
        bool isOrgAdmin = false;
        bool canCreateRepo = false;
    };

    QString username;
    QString email;
    bool superUser = false;
    bool globalReadOnlySuperUser = false;
    std::optional<qint64> tagExpirationSeconds;   // the own namespace's time machine window
    QList<Membership> organizations;

    // Superusers may change things; read-only superusers only look.
    bool canModifyAsSuperuser() const { return superUser && !globalReadOnlySuperUser; }
    // The namespaces new repositories may go to: the user's own first.
    QStringList repositoryNamespaces() const;

    static Result<CurrentUser> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
