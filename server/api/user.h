#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::api {

// /api/v1/user/...: the first-user bootstrap now; the rest of the user
// resource arrives with the tenancy issue.
class UserEndpoints
{
public:
    explicit UserEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    // POST /api/v1/user/initialize (reference §1.3)
    void initialize(http::HttpRequest &request, http::HttpResponse &response);

private:
    runtime::WorkerContext &m_context;
};

} // namespace kai::api
