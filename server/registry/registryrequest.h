#pragma once

#include "auth/identity.h"
#include "core/result.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "runtime/workercontext.h"
#include "store/repositorystore.h"

#include <QHash>
#include <QSet>

namespace kai::registry {

enum class Action { Pull, Push };

// The caller of a /v2 resource. With a bearer JWT from /v2/auth its rights
// are the token's `access` claims (computed by the permission resolver when
// the token was issued); without one, the caller is anonymous and only
// public repositories may be read.
struct Caller
{
    auth::Identity identity;
    bool hasToken = false;
    QHash<QString, QSet<QString>> grants;   // repository name -> actions

    bool tokenAllows(const QString &repository, Action action) const;
};

// Reads the Authorization header of a /v2 request. Anything but a valid
// bearer JWT (Basic included, as in Quay) is an Unauthorized error.
Result<Caller> authenticateCaller(const http::HttpRequest &request, runtime::WorkerContext &context);

// The repository a /v2 route names, after checking the name, the caller's
// right to `action` on it and that it exists: NAME_INVALID, UNAUTHORIZED
// (with the scope to ask for) or NAME_UNKNOWN otherwise.
struct RepositoryTarget
{
    Caller caller;
    store::Repository repository;
};
Result<RepositoryTarget> openRepository(const http::HttpRequest &request, runtime::WorkerContext &context,
                                        Action action);

// Writes a registry error: the OCI body, the API version header and, for
// 401, the bearer challenge (with the scope of `request`'s repository).
void writeError(http::HttpResponse &response, const Error &error, const runtime::ServerContext &server,
                const http::HttpRequest *request = nullptr);

void setApiVersionHeader(http::HttpResponse &response);
QByteArray challengeHeader(const runtime::ServerContext &server, const QString &scope = {});
QString scopeFor(const QString &repository, Action action);

} // namespace kai::registry
