#include "store/blobrecordstore.h"

namespace kai::store {

Status BlobRecordStore::recordInRepository(qint64 repositoryId, const QString &digest, qint64 size, qint64 nowMs)
{
    db::Transaction tx(m_db);
    if (!tx.status())
        return tx.status();
    auto blob = m_db.exec("INSERT INTO blobs (digest, size, created_ms) VALUES (?, ?, ?) ON CONFLICT (digest) DO NOTHING",
                          {digest, size, nowMs});
    if (!blob)
        return blob.error();
    auto link = m_db.exec("INSERT INTO repository_blobs (repository_id, digest, created_ms) VALUES (?, ?, ?) "
                          "ON CONFLICT (repository_id, digest) DO NOTHING",
                          {repositoryId, digest, nowMs});
    if (!link)
        return link.error();
    return tx.commit();
}

Result<std::optional<qint64>> BlobRecordStore::sizeInRepository(qint64 repositoryId, const QString &digest)
{
    auto result = m_db.exec("SELECT b.size FROM repository_blobs rb JOIN blobs b ON b.digest = rb.digest "
                            "WHERE rb.repository_id = ? AND rb.digest = ?",
                            {repositoryId, digest});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<qint64>{};
    return std::optional<qint64>{result->first().integer(0)};
}

Result<std::optional<qint64>> BlobRecordStore::size(const QString &digest)
{
    auto result = m_db.exec("SELECT size FROM blobs WHERE digest = ?", {digest});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<qint64>{};
    return std::optional<qint64>{result->first().integer(0)};
}

Status BlobRecordStore::unlinkFromRepository(qint64 repositoryId, const QString &digest)
{
    auto result = m_db.exec("DELETE FROM repository_blobs WHERE repository_id = ? AND digest = ?", {repositoryId, digest});
    if (!result)
        return result.error();
    return {};
}

} // namespace kai::store
