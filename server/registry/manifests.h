#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::registry {

// /v2/<name>/manifests/<reference>: GET/HEAD by tag or digest, PUT (with
// validation against what the repository holds), DELETE by digest or tag.
class ManifestEndpoints
{
public:
    explicit ManifestEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    void get(http::HttpRequest &request, http::HttpResponse &response);
    void put(http::HttpRequest &request, http::HttpResponse &response);
    void remove(http::HttpRequest &request, http::HttpResponse &response);

private:
    runtime::WorkerContext &m_context;
};

} // namespace kai::registry
