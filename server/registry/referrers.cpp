#include "registry/referrers.h"

#include "oci/digest.h"
#include "oci/mediatypes.h"
#include "registry/registryrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kai::registry {

void ReferrerEndpoints::list(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    if (!server.config.featureReferrersApi) {
        response.setStatus(404);
        return writeError(response, Error::of(ErrorKind::Unsupported, QStringLiteral("the referrers API is disabled")), server);
    }
    auto target = openRepository(request, m_context, Action::Pull);
    if (!target)
        return writeError(response, target.error(), server, &request);
    auto digest = oci::Digest::parse(request.param(QStringLiteral("digest")));
    if (!digest)
        return writeError(response, Error::of(ErrorKind::InvalidRequest, digest.error().message), server, &request);
    auto referrers = m_context.manifests.referrers(target->repository.id, digest->toString());
    if (!referrers)
        return writeError(response, referrers.error(), server, &request);

    const QString filter = request.queryValue(QStringLiteral("artifactType"));
    QJsonArray manifests;
    for (const store::ManifestRecord &referrer : *referrers) {
        if (!filter.isEmpty() && referrer.artifactType != filter)
            continue;
        QJsonObject descriptor{{"mediaType", referrer.mediaType}, {"digest", referrer.digest}, {"size", referrer.size}};
        if (!referrer.artifactType.isEmpty())
            descriptor.insert("artifactType", referrer.artifactType);
        if (!referrer.annotations.isEmpty())
            descriptor.insert("annotations", QJsonDocument::fromJson(referrer.annotations).object());
        manifests.append(descriptor);
    }
    const QJsonObject index{{"schemaVersion", 2}, {"mediaType", QString::fromLatin1(oci::kOciIndex)}, {"manifests", manifests}};
    setApiVersionHeader(response);
    if (!filter.isEmpty())
        response.setHeader("OCI-Filters-Applied", "artifactType");
    response.setBody(QJsonDocument(index).toJson(QJsonDocument::Compact), oci::kOciIndex);
}

} // namespace kai::registry
