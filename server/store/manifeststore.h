#pragma once

#include "core/result.h"
#include "db/database.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

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

class ManifestStore
{
public:
    explicit ManifestStore(db::Database &db) : m_db(db) {}

    Result<std::optional<ManifestRecord>> byDigest(qint64 repositoryId, const QString &digest);
    // Stores the manifest with what it references; returns the existing
    // record when the same digest is already in the repository.
    Result<ManifestRecord> store(const ManifestRecord &manifest, const QStringList &blobDigests,
                                 const QStringList &childDigests);
    // Manifests whose subject is `subjectDigest`, oldest first.
    Result<QList<ManifestRecord>> referrers(qint64 repositoryId, const QString &subjectDigest);
    Status remove(qint64 manifestId);
    // Digests of manifests in the repository that an index references.
    Result<bool> isReferencedByIndex(qint64 repositoryId, const QString &digest);

private:
    db::Database &m_db;
};

} // namespace kai::store
