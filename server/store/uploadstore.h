#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

namespace kai::store {

struct UploadRecord
{
    QString uuid;
    qint64 repositoryId = 0;
    qint64 hashedSize = -1;    // bytes covered by hashedDigest, -1 when unknown
    QString hashedDigest;      // sha256 of the first hashedSize bytes
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

// Upload sessions in progress. Their bytes live in the BlobStore; the row
// ties a session to its repository so any node can continue it.
class UploadStore
{
public:
    explicit UploadStore(db::Database &db) : m_db(db) {}

    Status create(const QString &uuid, qint64 repositoryId, qint64 nowMs);
    Result<std::optional<UploadRecord>> find(const QString &uuid);
    Status recordProgress(const QString &uuid, qint64 hashedSize, const QString &hashedDigest, qint64 nowMs);
    Status remove(const QString &uuid);
    // Sessions last written before `ms`, oldest first, at most `limit`.
    Result<QStringList> updatedBefore(qint64 ms, int limit = 1000);

private:
    db::Database &m_db;
};

} // namespace kai::store
