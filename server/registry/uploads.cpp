#include "registry/uploads.h"

#include "core/errorcatalogue.h"
#include "oci/digest.h"
#include "oci/names.h"

#include <QUuid>

namespace kai::registry {

namespace {

QString uploadLocation(const QString &repository, const QString &uuid)
{
    return QStringLiteral("/v2/%1/blobs/uploads/%2").arg(repository, uuid);
}

QByteArray rangeHeader(qint64 size)
{
    return "0-" + QByteArray::number(size > 0 ? size - 1 : 0);
}

// Streams a request body into an upload, hashing it when the body starts
// at offset 0 (the common monolithic and single-PATCH cases), so that
// completing the upload needs no second pass over the file.
class UploadBodyConsumer final : public http::BodyConsumer
{
public:
    using Finish = std::function<void(http::HttpResponse &, std::optional<oci::Digest> hashed, qint64 size)>;

    UploadBodyConsumer(std::unique_ptr<storage::UploadWriter> writer, std::optional<oci::DigestAlgorithm> hashFromStart,
                       Finish finish, std::function<void(const Error &, http::HttpResponse &)> fail,
                       std::function<void()> abort)
        : m_writer(std::move(writer)), m_finish(std::move(finish)), m_fail(std::move(fail)), m_abort(std::move(abort))
    {
        if (hashFromStart)
            m_hasher.emplace(*hashFromStart);
    }

    Status consume(QByteArrayView chunk) override
    {
        if (m_hasher)
            m_hasher->update(chunk);
        return m_writer->write(chunk);
    }

    void finish(http::HttpResponse &response) override
    {
        const qint64 size = m_writer->size();
        if (Status s = m_writer->close(); !s)
            return m_fail(Error::of(ErrorKind::BlobUploadInvalid, s.error().message), response);
        std::optional<oci::Digest> digest;
        if (m_hasher)
            digest = m_hasher->finish();
        m_finish(response, digest, size);
    }

    void fail(const Error &error, http::HttpResponse &response) override
    {
        (void)m_writer->close();
        m_fail(Error::of(ErrorKind::BlobUploadInvalid, error.message), response);
    }

    void abort() override
    {
        (void)m_writer->close();
        if (m_abort)
            m_abort();
    }

private:
    std::unique_ptr<storage::UploadWriter> m_writer;
    std::optional<oci::DigestHasher> m_hasher;
    Finish m_finish;
    std::function<void(const Error &, http::HttpResponse &)> m_fail;
    std::function<void()> m_abort;
};

} // namespace

void UploadEndpoints::discard(const QString &uuid)
{
    (void)m_context.server.blobs.discardUpload(uuid);
    (void)m_context.uploads.remove(uuid);
}

Result<store::UploadRecord> UploadEndpoints::findSession(const RepositoryTarget &target, const QString &uuid)
{
    auto record = m_context.uploads.find(uuid);
    if (!record)
        return record.error();
    if (!record->has_value() || (*record)->repositoryId != target.repository.id)
        return Error::of(ErrorKind::BlobUploadUnknown, {}, QJsonObject{{"uuid", uuid}});
    return **record;
}

Result<UploadEndpoints::OpenSession> UploadEndpoints::openSession(const http::HttpRequest &request)
{
    auto target = openRepository(request, m_context, Action::Push);
    if (!target)
        return target.error();
    const QString uuid = request.param(QStringLiteral("uuid"));
    auto record = findSession(*target, uuid);
    if (!record)
        return record.error();
    auto size = m_context.server.blobs.uploadSize(uuid);
    if (!size)
        return size.error();
    return OpenSession{std::move(*target), uuid, std::move(*record), *size};
}

void UploadEndpoints::writeProgress(const QString &repository, const QString &uuid, qint64 size, int status,
                                    http::HttpResponse &response)
{
    setApiVersionHeader(response);
    response.setStatus(status);
    response.setHeader("Location", uploadLocation(repository, uuid).toUtf8());
    response.setHeader("Range", rangeHeader(size));
    response.setHeader("Docker-Upload-UUID", uuid.toLatin1());
    response.setBody({});
}

bool UploadEndpoints::tryMount(const RepositoryTarget &target, const http::HttpRequest &request,
                               http::HttpResponse &response)
{
    const QString from = request.queryValue(QStringLiteral("from"));
    auto digest = oci::Digest::parse(request.queryValue(QStringLiteral("mount")));
    if (!digest || from.isEmpty())
        return false;
    auto sourcePath = oci::splitRepositoryPath(from);
    if (!sourcePath)
        return false;
    auto source = m_context.repositories.find(sourcePath->namespaceName, sourcePath->repositoryName);
    if (!source || !source->has_value())
        return false;
    // The caller must be able to read the source: through the token's own
    // grant, or by the permission resolver asked now (clients often request
    // a token for the target repository only). Otherwise this becomes a
    // normal upload and the client sends the bytes.
    if (!target.caller.tokenAllows(from, Action::Pull)) {
        auth::Identity identity = target.caller.identity;
        if (!identity.isAnonymous()) {
            auto user = m_context.namespaces.byName(identity.name);
            if (!user || !user->has_value() || !(*user)->enabled)
                return false;
            identity.namespaceId = (*user)->id;
        }
        auto role = m_context.permissions.repositoryRole(identity, **source);
        if (!role || *role < auth::Role::Read)
            return false;
    }
    const QString digestText = digest->toString();
    // Checked and linked under the blob's row lock (BlobRecordStore), so the
    // garbage collector cannot remove the blob in between; a blob it is
    // removing is not mounted and the client uploads it instead.
    auto mounted = m_context.blobRecords.mount((*source)->id, target.repository.id, digestText, m_context.nowMs());
    if (!mounted || !*mounted)
        return false;
    setApiVersionHeader(response);
    response.setStatus(201);
    response.setHeader("Location", QStringLiteral("/v2/%1/blobs/%2").arg(target.repository.fullName(), digestText).toUtf8());
    response.setHeader("Docker-Content-Digest", digestText.toLatin1());
    response.setBody({});
    return true;
}

std::unique_ptr<http::BodyConsumer> UploadEndpoints::start(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto target = openRepository(request, m_context, Action::Push);
    if (!target) {
        writeError(response, target.error(), server, &request);
        return nullptr;
    }
    if (request.query.hasQueryItem(QStringLiteral("mount")) && tryMount(*target, request, response))
        return nullptr;

    std::optional<oci::Digest> monolithicDigest;
    if (request.query.hasQueryItem(QStringLiteral("digest"))) {
        auto digest = oci::Digest::parse(request.queryValue(QStringLiteral("digest")));
        if (!digest) {
            writeError(response, digest.error(), server, &request);
            return nullptr;
        }
        monolithicDigest = *digest;
    }

    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (Status s = server.blobs.createUpload(uuid); !s) {
        writeError(response, s.error(), server, &request);
        return nullptr;
    }
    if (Status s = m_context.uploads.create(uuid, target->repository.id, m_context.nowMs()); !s) {
        (void)server.blobs.discardUpload(uuid);
        writeError(response, s.error(), server, &request);
        return nullptr;
    }
    auto writer = server.blobs.appendToUpload(uuid);
    if (!writer) {
        discard(uuid);
        writeError(response, writer.error(), server, &request);
        return nullptr;
    }

    const QString repository = target->repository.fullName();
    auto failed = [this, uuid, &server](const Error &error, http::HttpResponse &r) {
        discard(uuid);
        writeError(r, error, server);
    };
    if (monolithicDigest) {
        // Monolithic upload: the body is the whole blob.
        const oci::Digest expected = *monolithicDigest;
        RepositoryTarget t = *target;
        return std::make_unique<UploadBodyConsumer>(
            std::move(*writer), expected.algorithm(),
            [this, t, uuid, expected](http::HttpResponse &r, std::optional<oci::Digest> hashed, qint64) {
                commit(t, uuid, expected, hashed, r);
            },
            failed, [this, uuid] { discard(uuid); });
    }
    // A session: any body sent with the POST is its first chunk.
    return std::make_unique<UploadBodyConsumer>(
        std::move(*writer), oci::DigestAlgorithm::Sha256,
        [this, repository, uuid](http::HttpResponse &r, std::optional<oci::Digest> hashed, qint64 size) {
            if (size > 0 && hashed)
                (void)m_context.uploads.recordProgress(uuid, size, hashed->toString(), m_context.nowMs());
            writeProgress(repository, uuid, size, 202, r);
        },
        failed, [this, uuid] { discard(uuid); });
}

std::unique_ptr<http::BodyConsumer> UploadEndpoints::patch(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto session = openSession(request);
    if (!session) {
        writeError(response, session.error(), server, &request);
        return nullptr;
    }
    const QString uuid = session->uuid;
    const qint64 size = session->size;
    const QString repository = session->target.repository.fullName();
    // Chunks must arrive in order: Content-Range "start-end" must begin
    // where the upload ends now.
    const QByteArray contentRange = request.header("Content-Range");
    if (!contentRange.isEmpty()) {
        QByteArray spec = contentRange.trimmed();
        if (spec.startsWith("bytes "))
            spec = spec.mid(6);
        const qsizetype dash = spec.indexOf('-');
        bool ok = false;
        const qint64 start = dash > 0 ? spec.left(dash).toLongLong(&ok) : -1;
        if (!ok || start != size) {
            writeProgress(repository, uuid, size, 416, response);
            response.setJson(registryErrorBody(Error::of(ErrorKind::RangeInvalid)));
            return nullptr;
        }
    }
    auto writer = server.blobs.appendToUpload(uuid);
    if (!writer) {
        writeError(response, writer.error(), server, &request);
        return nullptr;
    }
    const bool fromStart = size == 0;
    return std::make_unique<UploadBodyConsumer>(
        std::move(*writer), fromStart ? std::optional(oci::DigestAlgorithm::Sha256) : std::nullopt,
        [this, repository, uuid](http::HttpResponse &r, std::optional<oci::Digest> hashed, qint64 newSize) {
            (void)m_context.uploads.recordProgress(uuid, hashed ? newSize : -1, hashed ? hashed->toString() : QString(),
                                                   m_context.nowMs());
            writeProgress(repository, uuid, newSize, 202, r);
        },
        [&server](const Error &error, http::HttpResponse &r) { writeError(r, error, server); },
        // A chunk cut short stays in the session; the client can ask for the
        // offset (GET) and resume. It never becomes a blob by itself.
        [this, uuid] { (void)m_context.uploads.recordProgress(uuid, -1, {}, m_context.nowMs()); });
}

std::unique_ptr<http::BodyConsumer> UploadEndpoints::complete(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto session = openSession(request);
    if (!session) {
        writeError(response, session.error(), server, &request);
        return nullptr;
    }
    const QString uuid = session->uuid;
    if (!request.query.hasQueryItem(QStringLiteral("digest"))) {
        writeError(response, Error::of(ErrorKind::DigestInvalid, QStringLiteral("the digest parameter is required")),
                   server, &request);
        return nullptr;
    }
    auto expected = oci::Digest::parse(request.queryValue(QStringLiteral("digest")));
    if (!expected) {
        writeError(response, expected.error(), server, &request);
        return nullptr;
    }
    auto writer = server.blobs.appendToUpload(uuid);
    if (!writer) {
        writeError(response, writer.error(), server, &request);
        return nullptr;
    }
    // The hash of earlier chunks is known when one request wrote them all.
    const store::UploadRecord &record = session->record;
    const qint64 sizeBefore = session->size;
    std::optional<oci::Digest> known;
    if (record.hashedSize == sizeBefore && !record.hashedDigest.isEmpty()) {
        auto d = oci::Digest::parse(record.hashedDigest);
        if (d && d->algorithm() == expected->algorithm())
            known = *d;
    }
    const bool hashBody = sizeBefore == 0;
    RepositoryTarget t = session->target;
    const oci::Digest digest = *expected;
    return std::make_unique<UploadBodyConsumer>(
        std::move(*writer), hashBody ? std::optional(digest.algorithm()) : std::nullopt,
        [this, t, uuid, digest, known, sizeBefore](http::HttpResponse &r, std::optional<oci::Digest> hashed, qint64 newSize) {
            std::optional<oci::Digest> computed = hashed;
            if (!computed && newSize == sizeBefore)
                computed = known;
            commit(t, uuid, digest, computed, r);
        },
        [&server](const Error &error, http::HttpResponse &r) { writeError(r, error, server); },
        std::function<void()>{});
}

void UploadEndpoints::commit(const RepositoryTarget &target, const QString &uuid, const oci::Digest &expected,
                             std::optional<oci::Digest> computed, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    if (!computed) {
        auto hashed = server.blobs.hashUpload(uuid, expected.algorithm());
        if (!hashed) {
            discard(uuid);
            return writeError(response, Error::of(ErrorKind::BlobUploadInvalid, hashed.error().message), server);
        }
        computed = *hashed;
    }
    if (!(*computed == expected)) {
        discard(uuid);
        return writeError(response,
                          Error::of(ErrorKind::DigestInvalid, QStringLiteral("provided digest did not match uploaded content"),
                                    QJsonObject{{"expected", expected.toString()}, {"actual", computed->toString()}}),
                          server);
    }
    auto size = server.blobs.uploadSize(uuid);
    if (!size) {
        discard(uuid);
        return writeError(response, size.error(), server);
    }
    // The file is made durable and renamed into place inside the
    // transaction that holds the blob's row lock and then commits the row
    // and the link: the garbage collector, which removes a file only under
    // the same lock, either finished before (the upload puts the file back)
    // or sees the link after. A crash before the commit leaves at worst a
    // file without a row, which the collector sweeps; never a row without
    // its file.
    const QString digestText = expected.toString();
    bool placed = true;
    Status committed = m_context.blobRecords.commitUploaded(
        target.repository.id, digestText, *size, m_context.nowMs(), [&server, &uuid, &expected, &placed]() -> Status {
            Status s = server.blobs.commitUpload(uuid, expected);
            placed = s.ok();
            return s;
        });
    if (!committed) {
        discard(uuid);
        if (!placed)
            return writeError(response, Error::of(ErrorKind::BlobUploadInvalid, committed.error().message), server);
        return writeError(response, committed.error(), server);
    }
    (void)m_context.uploads.remove(uuid);
    setApiVersionHeader(response);
    response.setStatus(201);
    response.setHeader("Location", QStringLiteral("/v2/%1/blobs/%2").arg(target.repository.fullName(), digestText).toUtf8());
    response.setHeader("Docker-Content-Digest", digestText.toLatin1());
    response.setBody({});
}

void UploadEndpoints::status(http::HttpRequest &request, http::HttpResponse &response)
{
    auto session = openSession(request);
    if (!session)
        return writeError(response, session.error(), m_context.server, &request);
    writeProgress(session->target.repository.fullName(), session->uuid, session->size, 204, response);
}

void UploadEndpoints::cancel(http::HttpRequest &request, http::HttpResponse &response)
{
    auto session = openSession(request);
    if (!session)
        return writeError(response, session.error(), m_context.server, &request);
    discard(session->uuid);
    setApiVersionHeader(response);
    response.setStatus(204);
    response.setBody({});
}

} // namespace kai::registry
