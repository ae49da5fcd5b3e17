#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// /api/v1/repository/<r>/manifest/<digest>/labels[/<labelid>] (reference
// §2.10): list (with a key-prefix `filter`), add, get and delete the labels
// of a manifest. Reading needs repository read; adding and deleting need
// write on a repository in state NORMAL. Labels a push brought (source
// "manifest") cannot be deleted; keys added through the API must match
// Quay's key pattern and must not use a reserved prefix (quay.expires-after
// included: such labels only take effect when they come with a push).
// Every refused request changes nothing.
//
// Must be added before addRepositoryRoutes().
void addLabelRoutes(http::Router &router, runtime::WorkerContext &context);

} // namespace kai::api
