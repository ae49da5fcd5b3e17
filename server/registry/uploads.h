#pragma once

#include "http/router.h"
#include "registry/registryrequest.h"
#include "runtime/workercontext.h"

#include <optional>

namespace kai::registry {

// /v2/<name>/blobs/uploads/...: start (monolithic, session or cross-repo
// mount), PATCH chunks, PUT to complete, GET status, DELETE to cancel.
// Bytes stream straight into the upload file while being hashed; a blob
// becomes visible only after its digest was verified and it was committed.
class UploadEndpoints
{
public:
    explicit UploadEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    std::unique_ptr<http::BodyConsumer> start(http::HttpRequest &request, http::HttpResponse &response);
    std::unique_ptr<http::BodyConsumer> patch(http::HttpRequest &request, http::HttpResponse &response);
    std::unique_ptr<http::BodyConsumer> complete(http::HttpRequest &request, http::HttpResponse &response);
    void status(http::HttpRequest &request, http::HttpResponse &response);
    void cancel(http::HttpRequest &request, http::HttpResponse &response);

    // Verifies and commits a finished upload; writes 201 or the error.
    void commit(const RepositoryTarget &target, const QString &uuid, const oci::Digest &expected,
                std::optional<oci::Digest> computed, http::HttpResponse &response);

private:
    bool tryMount(const RepositoryTarget &target, const http::HttpRequest &request, http::HttpResponse &response);
    void writeProgress(const QString &repository, const QString &uuid, qint64 size, int status,
                       http::HttpResponse &response);
    // The session named in the URL, belonging to the target repository.
    Result<store::UploadRecord> findSession(const RepositoryTarget &target, const QString &uuid);
    // What every request on an existing session checks first: push access,
    // the session, and how many bytes it holds.
    struct OpenSession
    {
        RepositoryTarget target;
        QString uuid;
        store::UploadRecord record;
        qint64 size = 0;
    };
    Result<OpenSession> openSession(const http::HttpRequest &request);
    void discard(const QString &uuid);

    runtime::WorkerContext &m_context;
};

} // namespace kai::registry
