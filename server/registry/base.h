#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::registry {

// GET /v2/ (version check and login probe) and GET /v2/_catalog.
class BaseEndpoints
{
public:
    explicit BaseEndpoints(runtime::WorkerContext &context) : m_context(context) {}
    void versionCheck(http::HttpRequest &request, http::HttpResponse &response);
    void catalog(http::HttpRequest &request, http::HttpResponse &response);

private:
    runtime::WorkerContext &m_context;
};

} // namespace kai::registry
