#pragma once

#include "api/repositories.h"
#include "http/router.h"
#include "runtime/workercontext.h"
#include "store/manifeststore.h"

namespace kai::api {

// GET /api/v1/repository/<r>/manifest/<digest> (reference §2.10): the
// manifest's raw JSON, config media type, layers (with the history of an
// image config) and, with include_modelcard and FEATURE_UI_MODELCARD, the
// model card's Markdown (§4.8). Needs repository read.
//
// Must be added before addRepositoryRoutes(), whose bare
// "/api/v1/repository/{repository...}" routes match every deeper path.
void addManifestRoutes(http::Router &router, runtime::WorkerContext &context);

// Pieces the manifest sub-resources (labels) share.
namespace manifest {

struct Target
{
    repository::Access access;
    store::ManifestRecord manifest;
};

// The repository of a "{repository...}/manifest/{digest}" path, if the
// caller holds at least `needed` on it (repository::access: 401/403 before
// 404). A {digest} that is no digest is not found, as Quay's route only
// matches digests. With `writable`, a repository not in state NORMAL is
// refused (503), as Quay does for writes.
Result<repository::Access> repositoryFor(runtime::WorkerContext &context, const http::HttpRequest &request,
                                         auth::Role needed, bool writable = false);

// The manifest {digest} of the repository as API v1 shows it: only while an
// alive tag points at it, directly or through a tagged index; else 404.
Result<store::ManifestRecord> shown(runtime::WorkerContext &context, const repository::Access &access,
                                    const http::HttpRequest &request);

// Both of the above.
Result<Target> find(runtime::WorkerContext &context, const http::HttpRequest &request, auth::Role needed,
                    bool writable = false);

} // namespace manifest

} // namespace kai::api
