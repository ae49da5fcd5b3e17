#include "registry/blobs.h"

#include "http/byterange.h"
#include "oci/digest.h"
#include "registry/registryrequest.h"

namespace kai::registry {

void BlobEndpoints::get(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto target = openRepository(request, m_context, Action::Pull);
    if (!target)
        return writeError(response, target.error(), server, &request);
    auto digest = oci::Digest::parse(request.param(QStringLiteral("digest")));
    if (!digest)
        return writeError(response, digest.error(), server, &request);
    const QString digestText = digest->toString();
    auto size = m_context.blobRecords.sizeInRepository(target->repository.id, digestText);
    if (!size)
        return writeError(response, size.error(), server, &request);
    if (!size->has_value())
        return writeError(response, Error::of(ErrorKind::BlobUnknown, {}, QJsonObject{{"digest", digestText}}), server, &request);
    const qint64 length = **size;

    setApiVersionHeader(response);
    response.setHeader("Docker-Content-Digest", digestText.toLatin1());
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("ETag", '"' + digestText.toLatin1() + '"');
    response.setHeader("Cache-Control", "max-age=31536000");
    response.setHeader("Content-Type", "application/octet-stream");

    auto range = http::parseByteRange(request.header("Range"), length);
    if (!range) {
        response.setStatus(416);
        response.setHeader("Content-Range", "bytes */" + QByteArray::number(length));
        response.setBody({});
        return;
    }
    qint64 first = 0;
    qint64 count = length;
    if (range->has_value()) {
        first = (*range)->first;
        count = (*range)->last - first + 1;
        response.setStatus(206);
        response.setHeader("Content-Range", QStringLiteral("bytes %1-%2/%3").arg(first).arg((*range)->last).arg(length).toLatin1());
    }
    if (request.method == "HEAD") {
        response.setContentLengthOnly(count);
        return;
    }
    auto file = server.blobs.openBlob(*digest);
    if (!file)
        return writeError(response, file.error(), server, &request);
    response.setBodyDevice(std::move(*file), first, count, "application/octet-stream");
}

void BlobEndpoints::remove(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto target = openRepository(request, m_context, Action::Push);
    if (!target)
        return writeError(response, target.error(), server, &request);
    auto digest = oci::Digest::parse(request.param(QStringLiteral("digest")));
    if (!digest)
        return writeError(response, digest.error(), server, &request);
    const QString digestText = digest->toString();
    auto size = m_context.blobRecords.sizeInRepository(target->repository.id, digestText);
    if (!size)
        return writeError(response, size.error(), server, &request);
    if (!size->has_value())
        return writeError(response, Error::of(ErrorKind::BlobUnknown, {}, QJsonObject{{"digest", digestText}}), server, &request);
    // Only the repository's link goes; the file stays for other repositories
    // and is collected by garbage collection once nothing references it.
    if (Status s = m_context.blobRecords.unlinkFromRepository(target->repository.id, digestText); !s)
        return writeError(response, s.error(), server, &request);
    setApiVersionHeader(response);
    response.setStatus(202);
    response.setHeader("Docker-Content-Digest", digestText.toLatin1());
    response.setBody({});
}

} // namespace kai::registry
