#pragma once

#include "client/apiclient.h"
#include "client/types/organization.h"

namespace kai::client::organizations {

// GET /api/v1/organization/{org}
Reply<Organization> *get(ApiClient &client, const QString &name);

// POST /api/v1/organization/ {name, email?}
Reply<Done> *create(ApiClient &client, const QString &name, const QString &email);

// PUT /api/v1/organization/{org} {email?, tag_expiration_s?} (org admins).
Reply<Done> *updateSettings(ApiClient &client, const QString &name, const NamespaceSettings &settings);

// DELETE /api/v1/organization/{org} (org admins; may need a fresh login).
Reply<Done> *remove(ApiClient &client, const QString &name);

} // namespace kai::client::organizations
