#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

namespace kai::store {

// Which blobs exist (after their file was committed) and which repositories
// may reference them. A blob becomes visible to a repository only through a
// repository_blobs row, written after the file rename.
class BlobRecordStore
{
public:
    explicit BlobRecordStore(db::Database &db) : m_db(db) {}

    // Records the blob (idempotent) and links it to the repository.
    Status recordInRepository(qint64 repositoryId, const QString &digest, qint64 size, qint64 nowMs);
    // Size of the blob if the repository holds it.
    Result<std::optional<qint64>> sizeInRepository(qint64 repositoryId, const QString &digest);
    // Size of the blob if any repository holds it (for cross-repo mounts the
    // caller checks read permission on the source repository first).
    Result<std::optional<qint64>> size(const QString &digest);
    Status unlinkFromRepository(qint64 repositoryId, const QString &digest);

private:
    db::Database &m_db;
};

} // namespace kai::store
