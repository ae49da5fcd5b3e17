#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::registry {

// /v2/<name>/blobs/<digest>: HEAD, GET (with Range), DELETE.
class BlobEndpoints
{
public:
    explicit BlobEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    void get(http::HttpRequest &request, http::HttpResponse &response);
    void remove(http::HttpRequest &request, http::HttpResponse &response);

private:
    runtime::WorkerContext &m_context;
};

} // namespace kai::registry
