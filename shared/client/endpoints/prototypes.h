#pragma once

#include "client/apiclient.h"
#include "client/types/prototype.h"

#include <optional>

namespace kai::client::prototypes {

// An organization's default permissions (reference §2.8, console-workflows §3.4).

// GET /api/v1/organization/{org}/prototypes
Reply<PrototypeList> *list(ApiClient &client, const QString &organization);

// POST /api/v1/organization/{org}/prototypes {delegate, role, activating_user?}:
// `delegate` (user, robot or team) gets `role` on every repository that
// `activatingUser` creates; on every new repository without one.
Reply<Prototype> *create(ApiClient &client, const QString &organization, const Entity &delegate, RepositoryRole role,
                         const std::optional<QString> &activatingUser);

// PUT /api/v1/organization/{org}/prototypes/{id} {id, role}
Reply<Prototype> *setRole(ApiClient &client, const QString &organization, const QString &id, RepositoryRole role);

// DELETE /api/v1/organization/{org}/prototypes/{id}
Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &id);

} // namespace kai::client::prototypes
