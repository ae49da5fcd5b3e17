#pragma once

#include "client/apiclient.h"
#include "client/types/entity.h"

namespace kai::client::entities {

// GET /api/v1/entities/{prefix}?namespace={ns}[&includeTeams=true]: users,
// the robots of `namespaceName` and (with includeTeams) its teams whose
// name starts with `prefix`. For "org+x" pass only "x" (console-workflows §0).
Reply<EntityList> *search(ApiClient &client, const QString &prefix, const QString &namespaceName, bool includeTeams);

} // namespace kai::client::entities
