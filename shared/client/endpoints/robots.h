#pragma once

#include "client/apiclient.h"
#include "client/types/robot.h"

namespace kai::client::robots {

// The robot accounts of an organization (reference §2.5); `shortName` is
// the part after "org+".

// GET /api/v1/organization/{org}/robots?permissions=true&token=false
Reply<RobotList> *list(ApiClient &client, const QString &organization);

// GET /api/v1/organization/{org}/robots/{short} (with the token)
Reply<Robot> *get(ApiClient &client, const QString &organization, const QString &shortName);

// PUT /api/v1/organization/{org}/robots/{short} {description}
Reply<Robot> *create(ApiClient &client, const QString &organization, const QString &shortName, const QString &description);

// DELETE /api/v1/organization/{org}/robots/{short}
Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &shortName);

// POST /api/v1/organization/{org}/robots/{short}/regenerate: the robot
// with its new token.
Reply<Robot> *regenerateToken(ApiClient &client, const QString &organization, const QString &shortName);

} // namespace kai::client::robots
