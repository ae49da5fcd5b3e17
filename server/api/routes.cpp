#include "api/routes.h"

#include "api/user.h"

#include <memory>

namespace kai::api {

void addRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto users = std::make_shared<UserEndpoints>(context);
    using http::HttpRequest;
    using http::HttpResponse;

    router.add("POST", "/api/v1/user/initialize", [users](HttpRequest &q, HttpResponse &r) { users->initialize(q, r); }, 64 * 1024);
}

} // namespace kai::api
