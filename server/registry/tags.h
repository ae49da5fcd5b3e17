#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::registry {

// /v2/<name>/tags/list?n=&last=
class TagEndpoints
{
public:
    explicit TagEndpoints(runtime::WorkerContext &context) : m_context(context) {}
    void list(http::HttpRequest &request, http::HttpResponse &response);

private:
    runtime::WorkerContext &m_context;
};

} // namespace kai::registry
