#pragma once

#include "client/apiclient.h"
#include "client/types/repository.h"

namespace kai::client::repositories {

// "/api/v1/repository/{ns}/{repo}", extended names ("a/b") kept as
// segments: the base of every per-repository path (permissions, tags, ...).
QString path(const QString &namespaceName, const QString &name);

// GET /api/v1/repository?namespace=NS&public=true&last_modified=true
// [&next_page=TOKEN]: one page (100 rows on Quay and Kai).
Reply<RepositoryPage> *listPage(ApiClient &client, const QString &namespaceName, const QString &nextPage = {});

// GET /api/v1/repository/{ns}/{repo}?includeTags=false&includeStats=false
Reply<RepositoryDetails> *get(ApiClient &client, const QString &namespaceName, const QString &name);

// POST /api/v1/repository {namespace, repository, visibility, description, repo_kind}
Reply<Done> *create(ApiClient &client, const NewRepository &repository);

// DELETE /api/v1/repository/{ns}/{repo}
Reply<Done> *remove(ApiClient &client, const QString &namespaceName, const QString &name);

// POST /api/v1/repository/{ns}/{repo}/changevisibility {visibility}
Reply<Done> *changeVisibility(ApiClient &client, const QString &namespaceName, const QString &name, Visibility visibility);

} // namespace kai::client::repositories
