#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

namespace kai::client {

// One row of GET /api/v1/superuser/users/.
struct SuperuserUser
{
    QString username;
    QString email;
    bool superUser = false;
    bool globalReadOnlySuperUser = false;
    bool enabled = true;
};

struct SuperuserUserPage
{
    QList<SuperuserUser> users;
    QString nextPage;

    static Result<SuperuserUserPage> fromJson(const QJsonDocument &document);
};

// The answer of POST /api/v1/superuser/users/: the new account and the
// password the server generated for it (shown to the superuser once).
struct CreatedUser
{
    QString username;
    QString email;
    QString password;

    static Result<CreatedUser> fromJson(const QJsonDocument &document);
};

} // namespace kai::client
