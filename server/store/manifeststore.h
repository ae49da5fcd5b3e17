#pragma once

#include "core/result.h"
#include "db/database.h"

#include <QByteArray>
#include <QStringList>

#include <optional>
#include <vector>

namespace kai::store {

struct ManifestRecord
{
    qint64 id = 0;
    qint64 repositoryId = 0;
    QString digest;
    QString mediaType;
    QString artifactType;
    QString subjectDigest;
    QByteArray annotations;  // JSON object text, empty when none
    QByteArray content;      // the exact bytes the client pushed
    qint64 size = 0;
    qint64 createdMs = 0;
};

// A manifest as store() left it: new, or the one already there.
struct StoredManifest
{
    ManifestRecord record;
    bool created = false;
};

// A child an index names, and whether the repository holds it.
struct ChildPresence
{
    QString digest;
    bool present = false;
};

class ManifestStore
{
public:
    explicit ManifestStore(db::Database &db) : m_db(db) {}

    Result<std::optional<ManifestRecord>> byDigest(qint64 repositoryId, const QString &digest);
    // The manifest if an alive, visible tag points at it at `nowMs`,
    // directly or as a child of an index it points at: what API v1 shows
    // (reference §2.10). Manifests held only by dead or hidden tags: none.
    Result<std::optional<ManifestRecord>> taggedByDigest(qint64 repositoryId, const QString &digest, qint64 nowMs);
    // Stores the manifest with what it references; returns the existing
    // record when the same digest is already in the repository. Runs
    // several statements: the caller holds the transaction.
    Result<StoredManifest> store(const ManifestRecord &manifest, const QStringList &blobDigests,
                                 const QStringList &childDigests);
    // The children an index names, in digest order.
    Result<std::vector<ChildPresence>> children(qint64 repositoryId, qint64 manifestId);
    // Manifests whose subject is `subjectDigest`, oldest first.
    Result<QList<ManifestRecord>> referrers(qint64 repositoryId, const QString &subjectDigest);
    Status remove(qint64 manifestId);
    // Digests of manifests in the repository that an index references.
    Result<bool> isReferencedByIndex(qint64 repositoryId, const QString &digest);

private:
    db::Database &m_db;
};

} // namespace kai::store
