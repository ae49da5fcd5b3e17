#include "registry/manifests.h"

#include "logs/logscope.h"
#include "oci/digest.h"
#include "oci/labels.h"
#include "oci/manifest.h"
#include "oci/mediatypes.h"
#include "oci/names.h"
#include "registry/registryrequest.h"
#include "store/gcstore.h"

#include <QJsonDocument>

namespace kai::registry {

namespace {

Error manifestUnknown(const QString &reference)
{
    return Error::of(ErrorKind::ManifestUnknown, QStringLiteral("manifest unknown"), QJsonObject{{"reference", reference}});
}

// A tag that existed but was deleted or expired (Quay's TAG_EXPIRED).
Error tagExpired(const QString &tag)
{
    return Error::of(ErrorKind::TagExpired,
                     QStringLiteral("Tag %1 was deleted or has expired. To pull, revive via time machine").arg(tag),
                     QJsonObject{{"reference", tag}});
}

// The image config's bytes, for its labels; empty when the manifest has no
// image config or it is unreasonably large for a config.
QByteArray imageConfigOf(const oci::Manifest &manifest, const storage::BlobStore &blobs)
{
    constexpr qint64 kMaximumConfigBytes = 16 << 20;
    if (!manifest.config || !oci::isImageConfigMediaType(manifest.config->mediaType)
        || manifest.config->size > kMaximumConfigBytes)
        return {};
    auto device = blobs.openBlob(manifest.config->digest);
    if (!device)
        return {};
    return (*device)->read(kMaximumConfigBytes);
}

// A reference is a tag or a digest; a bad one is refused before anything
// else, so the client learns what is wrong with its request.
Status validateReference(const QString &reference)
{
    if (oci::looksLikeDigest(reference)) {
        auto digest = oci::Digest::parse(reference);
        if (!digest)
            return digest.error();
        return {};
    }
    return oci::validateTag(reference);
}

// A registry action's entry (Quay's track_and_log), in the caller's
// transaction: who, from where, and what it names (tag, manifest_digest).
Status recordRegistryAction(runtime::WorkerContext &context, const http::HttpRequest &request,
                            const RepositoryTarget &target, const QString &kind, const QJsonObject &names)
{
    JsonObjectText metadata = logs::registryMetadata(target.repository, target.caller.identity, request);
    for (auto it = names.begin(); it != names.end(); ++it)
        metadata.add(it.key(), it.value());
    return context.actionLog.record(kind, logs::repositoryScope(target.repository),
                                    logs::LogActor::of(target.caller.identity, request), std::move(metadata));
}

} // namespace

void ManifestEndpoints::get(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    if (Status s = validateReference(request.param(QStringLiteral("reference"))); !s)
        return writeError(response, s.error(), server, &request);
    auto target = openRepository(request, m_context, Action::Pull);
    if (!target)
        return writeError(response, target.error(), server, &request);
    const QString reference = request.param(QStringLiteral("reference"));
    Result<std::optional<store::ManifestRecord>> found = std::optional<store::ManifestRecord>{};
    if (oci::looksLikeDigest(reference)) {
        auto digest = oci::Digest::parse(reference);
        if (!digest)
            return writeError(response, digest.error(), server, &request);
        found = m_context.manifests.byDigest(target->repository.id, digest->toString());
    } else {
        if (Status s = oci::validateTag(reference); !s)
            return writeError(response, s.error(), server, &request);
        found = m_context.tags.resolve(target->repository.id, reference, m_context.nowMs());
    }
    if (!found)
        return writeError(response, found.error(), server, &request);
    if (!found->has_value()) {
        if (!oci::looksLikeDigest(reference)) {
            auto existed = m_context.tags.hasHistory(target->repository.id, reference);
            if (!existed)
                return writeError(response, existed.error(), server, &request);
            if (*existed)
                return writeError(response, tagExpired(reference), server, &request);
        }
        return writeError(response, manifestUnknown(reference), server, &request);
    }
    const store::ManifestRecord &manifest = **found;

    setApiVersionHeader(response);
    response.setHeader("Docker-Content-Digest", manifest.digest.toLatin1());
    response.setHeader("ETag", '"' + manifest.digest.toLatin1() + '"');
    if (request.method == "HEAD") {
        response.setHeader("Content-Type", manifest.mediaType.toLatin1());
        response.setContentLengthOnly(manifest.content.size());
        return;
    }
    // A pull is the GET that hands out the manifest (a HEAD only checks).
    // Asynchronous: the pull path never waits on the log.
    logs::recordPull(m_context.actionLog, target->repository, target->caller.identity, request, reference,
                     manifest.mediaType);
    response.setBody(manifest.content, manifest.mediaType.toLatin1());
}

void ManifestEndpoints::put(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    if (Status s = validateReference(request.param(QStringLiteral("reference"))); !s)
        return writeError(response, s.error(), server, &request);
    auto target = openRepository(request, m_context, Action::Push);
    if (!target)
        return writeError(response, target.error(), server, &request);
    const QString reference = request.param(QStringLiteral("reference"));
    const bool byDigest = oci::looksLikeDigest(reference);
    std::optional<oci::Digest> referenceDigest;
    if (byDigest) {
        auto d = oci::Digest::parse(reference);
        if (!d)
            return writeError(response, d.error(), server, &request);
        referenceDigest = *d;
    } else if (Status s = oci::validateTag(reference); !s) {
        return writeError(response, s.error(), server, &request);
    }

    const QByteArray &body = request.body;
    if (QString::fromUtf8(body).toUtf8() != body)
        return writeError(response, Error::of(ErrorKind::ManifestInvalid, QStringLiteral("manifest is not valid UTF-8")),
                          server, &request);
    auto manifest = oci::parseManifest(body, QString::fromLatin1(request.header("Content-Type")));
    if (!manifest)
        return writeError(response, manifest.error(), server, &request);

    // The digest is computed with the algorithm the client named (sha512
    // manifests keep sha512 digests); tags get sha256.
    const oci::Digest digest =
        oci::Digest::of(referenceDigest ? referenceDigest->algorithm() : oci::DigestAlgorithm::Sha256, body);
    if (referenceDigest && !(digest == *referenceDigest))
        return writeError(response,
                          Error::of(ErrorKind::DigestInvalid, QStringLiteral("manifest digest did not match the reference"),
                                    QJsonObject{{"expected", reference}, {"actual", digest.toString()}}),
                          server, &request);

    const qint64 repositoryId = target->repository.id;
    QStringList blobDigests;
    // External layers (non-distributable, with `urls`) are never uploaded
    // and not demanded; everything else must be in this repository.
    for (const oci::Descriptor &blob : manifest->requiredBlobs()) {
        const QString d = blob.digest.toString();
        auto size = m_context.blobRecords.sizeInRepository(repositoryId, d);
        if (!size)
            return writeError(response, size.error(), server, &request);
        if (!size->has_value())
            return writeError(response,
                              Error::of(ErrorKind::ManifestBlobUnknown, QStringLiteral("blob unknown to registry"),
                                        QJsonObject{{"digest", d}}),
                              server, &request);
        if (**size != blob.size)
            return writeError(response,
                              Error::of(ErrorKind::ManifestInvalid,
                                        QStringLiteral("descriptor size %1 of %2 does not match the blob's size %3")
                                            .arg(blob.size).arg(d).arg(**size)),
                              server, &request);
        blobDigests << d;
    }
    QStringList children;
    for (const oci::Descriptor &child : manifest->manifests) {
        const QString d = child.digest.toString();
        auto found = m_context.manifests.byDigest(repositoryId, d);
        if (!found)
            return writeError(response, found.error(), server, &request);
        if (!found->has_value())
            return writeError(response,
                              Error::of(ErrorKind::ManifestBlobUnknown, QStringLiteral("manifest unknown to registry"),
                                        QJsonObject{{"digest", d}}),
                              server, &request);
        children << d;
    }

    store::ManifestRecord record;
    record.repositoryId = repositoryId;
    record.digest = digest.toString();
    record.mediaType = manifest->mediaType;
    record.artifactType = manifest->effectiveArtifactType();
    record.subjectDigest = manifest->subject ? manifest->subject->digest.toString() : QString();
    if (!manifest->annotations.isEmpty())
        record.annotations = QJsonDocument(manifest->annotations).toJson(QJsonDocument::Compact);
    record.content = body;
    record.size = body.size();
    const qint64 nowMs = m_context.nowMs();
    record.createdMs = nowMs;
    // Labels come from the config blob and the annotations (reference
    // §4.2); read before the transaction, and only for a new manifest.
    auto known = m_context.manifests.byDigest(repositoryId, record.digest);
    if (!known)
        return writeError(response, known.error(), server, &request);
    const QList<oci::ManifestLabel> labels =
        known->has_value() ? QList<oci::ManifestLabel>{} : oci::manifestLabels(*manifest, imageConfigOf(*manifest, server.blobs));

    // The manifest, its labels and the tag row commit together.
    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return writeError(response, tx.status().error(), server, &request);
    // Checked again under the blobs' and children's row locks: garbage
    // collection may have unlinked an old unreferenced blob since the
    // checks above (store::GcStore::holdForManifest).
    auto unheld = store::GcStore(*m_context.database).holdForManifest(repositoryId, blobDigests, children);
    if (!unheld)
        return writeError(response, unheld.error(), server, &request);
    if (unheld->has_value())
        return writeError(response,
                          Error::of(ErrorKind::ManifestBlobUnknown, QStringLiteral("blob unknown to registry"),
                                    QJsonObject{{"digest", **unheld}}),
                          server, &request);
    auto stored = m_context.manifests.store(record, blobDigests, children);
    if (!stored)
        return writeError(response, stored.error(), server, &request);
    if (stored->created) {
        if (Status s = m_context.labels.addFromManifest(stored->record.id, labels, nowMs); !s)
            return writeError(response, s.error(), server, &request);
    }
    if (!byDigest) {
        if (auto tagged = m_context.tagMover.point(repositoryId, reference, stored->record, nowMs); !tagged)
            return writeError(response, tagged.error(), server, &request);
    } else if (Status s = m_context.tagMover.holdPushedByDigest(stored->record, nowMs); !s) {
        return writeError(response, s.error(), server, &request);
    }
    if (Status s = recordRegistryAction(m_context, request, *target, QStringLiteral("push_repo"),
                                        byDigest ? QJsonObject{{"manifest_digest", record.digest}}
                                                 : QJsonObject{{"tag", reference}});
        !s)
        return writeError(response, s.error(), server, &request);
    if (Status s = tx.commit(); !s)
        return writeError(response, s.error(), server, &request);

    setApiVersionHeader(response);
    response.setStatus(201);
    response.setHeader("Location",
                       QStringLiteral("/v2/%1/manifests/%2").arg(target->repository.fullName(), record.digest).toUtf8());
    response.setHeader("Docker-Content-Digest", record.digest.toLatin1());
    if (manifest->subject)
        response.setHeader("OCI-Subject", record.subjectDigest.toLatin1());
    response.setBody({});
}

void ManifestEndpoints::remove(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    if (Status s = validateReference(request.param(QStringLiteral("reference"))); !s)
        return writeError(response, s.error(), server, &request);
    auto target = openRepository(request, m_context, Action::Push);
    if (!target)
        return writeError(response, target.error(), server, &request);
    const QString reference = request.param(QStringLiteral("reference"));
    const qint64 repositoryId = target->repository.id;
    if (!oci::looksLikeDigest(reference)) {
        // Quay's extension: deleting by tag ends that tag only.
        if (Status s = oci::validateTag(reference); !s)
            return writeError(response, s.error(), server, &request);
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return writeError(response, tx.status().error(), server, &request);
        auto ended = m_context.tagMover.remove(repositoryId, reference, m_context.nowMs());
        if (!ended)
            return writeError(response, ended.error(), server, &request);
        if (!*ended)
            return writeError(response, manifestUnknown(reference), server, &request);
        if (Status s = recordRegistryAction(m_context, request, *target, QStringLiteral("delete_tag"), {{"tag", reference}});
            !s)
            return writeError(response, s.error(), server, &request);
        if (Status s = tx.commit(); !s)
            return writeError(response, s.error(), server, &request);
    } else {
        auto digest = oci::Digest::parse(reference);
        if (!digest)
            return writeError(response, digest.error(), server, &request);
        auto found = m_context.manifests.byDigest(repositoryId, digest->toString());
        if (!found)
            return writeError(response, found.error(), server, &request);
        if (!found->has_value())
            return writeError(response, manifestUnknown(reference), server, &request);
        // Every tag pointing at it goes, then the manifest itself, so that a
        // GET by digest answers MANIFEST_UNKNOWN as the spec requires. As
        // Quay, each alive tag that goes gets its delete_tag entry.
        db::Transaction tx(*m_context.database);
        if (!tx.status())
            return writeError(response, tx.status().error(), server, &request);
        auto tags = m_context.tags.aliveNamesFor(repositoryId, (*found)->id, m_context.nowMs());
        if (!tags)
            return writeError(response, tags.error(), server, &request);
        if (Status s = m_context.manifests.remove((*found)->id); !s)
            return writeError(response, s.error(), server, &request);
        for (const QString &tag : *tags) {
            if (Status s = recordRegistryAction(m_context, request, *target, QStringLiteral("delete_tag"),
                                                {{"tag", tag}, {"digest", (*found)->digest}});
                !s)
                return writeError(response, s.error(), server, &request);
        }
        if (Status s = tx.commit(); !s)
            return writeError(response, s.error(), server, &request);
    }
    setApiVersionHeader(response);
    response.setStatus(202);
    response.setBody({});
}

} // namespace kai::registry
