#include "registry/routes.h"

#include "registry/base.h"
#include "registry/blobs.h"
#include "registry/manifests.h"
#include "registry/referrers.h"
#include "registry/tags.h"
#include "registry/tokenservice.h"
#include "registry/uploads.h"

#include <memory>

namespace kai::registry {

void addRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto base = std::make_shared<BaseEndpoints>(context);
    auto tokens = std::make_shared<TokenService>(context);
    auto blobs = std::make_shared<BlobEndpoints>(context);
    auto uploads = std::make_shared<UploadEndpoints>(context);
    auto manifests = std::make_shared<ManifestEndpoints>(context);
    auto tags = std::make_shared<TagEndpoints>(context);
    auto referrers = std::make_shared<ReferrerEndpoints>(context);
    using http::HttpRequest;
    using http::HttpResponse;
    const qint64 manifestLimit = context.config().maximumManifestBytes;

    // The whole /v2 surface, in one table.
    router.add("GET", "/v2/", [base](HttpRequest &q, HttpResponse &r) { base->versionCheck(q, r); });
    router.add("GET", "/v2/auth", [tokens](HttpRequest &q, HttpResponse &r) { tokens->issue(q, r); });
    router.add("GET", "/v2/_catalog", [base](HttpRequest &q, HttpResponse &r) { base->catalog(q, r); });
    router.add("GET", "/v2/{name...}/tags/list", [tags](HttpRequest &q, HttpResponse &r) { tags->list(q, r); });
    router.add("GET", "/v2/{name...}/manifests/{reference}", [manifests](HttpRequest &q, HttpResponse &r) { manifests->get(q, r); });
    router.add("PUT", "/v2/{name...}/manifests/{reference}", [manifests](HttpRequest &q, HttpResponse &r) { manifests->put(q, r); }, manifestLimit);
    router.add("DELETE", "/v2/{name...}/manifests/{reference}", [manifests](HttpRequest &q, HttpResponse &r) { manifests->remove(q, r); });
    router.add("GET", "/v2/{name...}/blobs/{digest}", [blobs](HttpRequest &q, HttpResponse &r) { blobs->get(q, r); });
    router.add("DELETE", "/v2/{name...}/blobs/{digest}", [blobs](HttpRequest &q, HttpResponse &r) { blobs->remove(q, r); });
    router.addStream("POST", "/v2/{name...}/blobs/uploads/", [uploads](HttpRequest &q, HttpResponse &r) { return uploads->start(q, r); });
    router.addStream("POST", "/v2/{name...}/blobs/uploads", [uploads](HttpRequest &q, HttpResponse &r) { return uploads->start(q, r); });
    router.addStream("PATCH", "/v2/{name...}/blobs/uploads/{uuid}", [uploads](HttpRequest &q, HttpResponse &r) { return uploads->patch(q, r); });
    router.addStream("PUT", "/v2/{name...}/blobs/uploads/{uuid}", [uploads](HttpRequest &q, HttpResponse &r) { return uploads->complete(q, r); });
    router.add("GET", "/v2/{name...}/blobs/uploads/{uuid}", [uploads](HttpRequest &q, HttpResponse &r) { uploads->status(q, r); });
    router.add("DELETE", "/v2/{name...}/blobs/uploads/{uuid}", [uploads](HttpRequest &q, HttpResponse &r) { uploads->cancel(q, r); });
    router.add("GET", "/v2/{name...}/referrers/{digest}", [referrers](HttpRequest &q, HttpResponse &r) { referrers->list(q, r); });
}

} // namespace kai::registry
