#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::registry {

// /v2/<name>/referrers/<digest>[?artifactType=] (OCI 1.1), gated by
// FEATURE_REFERRERS_API.
class ReferrerEndpoints
{
public:
    explicit ReferrerEndpoints(runtime::WorkerContext &context) : m_context(context) {}
    void list(http::HttpRequest &request, http::HttpResponse &response);

private:
    runtime::WorkerContext &m_context;
};

} // namespace kai::registry
