#pragma once

#include "client/apiclient.h"
#include "client/types/repository.h"

namespace kai::client::repositories {

// GET /api/v1/repository?namespace=NS&public=true&last_modified=true
// [&next_page=TOKEN]: one page (100 rows on Quay and Kai).
Reply<RepositoryPage> *listPage(ApiClient &client, const QString &namespaceName, const QString &nextPage = {});

// POST /api/v1/repository {namespace, repository, visibility, description, repo_kind}
Reply<Done> *create(ApiClient &client, const NewRepository &repository);

// DELETE /api/v1/repository/{ns}/{repo}
Reply<Done> *remove(ApiClient &client, const QString &namespaceName, const QString &name);

// POST /api/v1/repository/{ns}/{repo}/changevisibility {visibility}
Reply<Done> *changeVisibility(ApiClient &client, const QString &namespaceName, const QString &name, Visibility visibility);

} // namespace kai::client::repositories
