#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

#include <QJsonObject>

namespace kai::api {

// /api/v1/user/ and /api/v1/users/<name>: the signed-in user's account,
// another user's public view, and the first-user bootstrap.
class UserEndpoints
{
public:
    explicit UserEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    // POST /api/v1/user/initialize (reference §1.3)
    void initialize(http::HttpRequest &request, http::HttpResponse &response);
    // GET/PUT/DELETE /api/v1/user/ and GET /api/v1/users/<username> (§2.1)
    void get(http::HttpRequest &request, http::HttpResponse &response);
    void update(http::HttpRequest &request, http::HttpResponse &response);
    void remove(http::HttpRequest &request, http::HttpResponse &response);
    void getOther(http::HttpRequest &request, http::HttpResponse &response);

    // Quay's user view of oneself (§2.1).
    static QJsonObject selfView(runtime::WorkerContext &context, const store::Namespace &user);

private:
    runtime::WorkerContext &m_context;
};

} // namespace kai::api
