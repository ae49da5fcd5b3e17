#pragma once

#include "api/apicaller.h"
#include "auth/identity.h"
#include "http/router.h"
#include "runtime/workercontext.h"
#include "store/repositorystore.h"

namespace kai::api {

// /api/v1/repository (reference §2.7): create, list (with next_page), view,
// change description / visibility, delete; and the caller's stars
// (/api/v1/user/starred, §2.1).
//
// Route order matters: "{repository...}" also matches
// "ns/r/permissions/user/x". The bare repository routes are therefore
// registered last, after the repository sub-resources (permissions.cpp),
// which this function registers first itself.
void addRepositoryRoutes(http::Router &router, runtime::WorkerContext &context);

// Pieces the repository sub-resources share.
namespace repository {

struct Access
{
    store::Repository repository;
    auth::Role role = auth::Role::None;
    auth::Identity caller;   // who asked: the performer of what follows
};

// The repository named by a "{repository...}" path, if the caller holds at
// least `needed` on it (PermissionResolver::repositoryRole). As in Quay the
// permission comes first: a missing repository is 404 only for whoever
// administers its namespace (user namespace owner, org admin); everyone
// else is refused as for an existing one (401 anonymous, 403 otherwise),
// so private names do not leak.
Result<Access> access(runtime::WorkerContext &context, const ApiCaller &caller, const QString &path,
                      auth::Role needed);

// access() for the request's caller and its "{repository...}" parameter.
Result<Access> accessFor(runtime::WorkerContext &context, const http::HttpRequest &request, auth::Role needed);

// Tags and labels change only in a repository in state NORMAL (not
// read-only or mirrored): 503 otherwise.
Status requireNormalState(const Access &access);

} // namespace repository

} // namespace kai::api
