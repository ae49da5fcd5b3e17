#include "store/uploadstore.h"

namespace kai::store {

Status UploadStore::create(const QString &uuid, qint64 repositoryId, qint64 nowMs)
{
    auto r = m_db.exec("INSERT INTO uploads (uuid, repository_id, hashed_size, hashed_digest, created_ms, updated_ms) "
                       "VALUES (?, ?, 0, NULL, ?, ?)",
                       {uuid, repositoryId, nowMs, nowMs});
    if (!r)
        return r.error();
    return {};
}

Result<std::optional<UploadRecord>> UploadStore::find(const QString &uuid)
{
    auto r = m_db.exec("SELECT uuid, repository_id, hashed_size, hashed_digest, created_ms, updated_ms FROM uploads WHERE uuid = ?",
                       {uuid});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<UploadRecord>{};
    const db::Row &row = r->first();
    return std::optional<UploadRecord>{
        UploadRecord{row.text(0), row.integer(1), row.integer(2), row.text(3), row.integer(4), row.integer(5)}};
}

Status UploadStore::recordProgress(const QString &uuid, qint64 hashedSize, const QString &hashedDigest, qint64 nowMs)
{
    auto r = m_db.exec("UPDATE uploads SET hashed_size = ?, hashed_digest = ?, updated_ms = ? WHERE uuid = ?",
                       {hashedSize, hashedDigest.isEmpty() ? QVariant() : QVariant(hashedDigest), nowMs, uuid});
    if (!r)
        return r.error();
    return {};
}

Status UploadStore::remove(const QString &uuid)
{
    auto r = m_db.exec("DELETE FROM uploads WHERE uuid = ?", {uuid});
    if (!r)
        return r.error();
    return {};
}

Result<QStringList> UploadStore::updatedBefore(qint64 ms, int limit)
{
    auto r = m_db.exec("SELECT uuid FROM uploads WHERE updated_ms < ? ORDER BY updated_ms LIMIT ?", {ms, limit});
    if (!r)
        return r.error();
    QStringList ids;
    for (const auto &row : r->rows)
        ids << row.text(0);
    return ids;
}

} // namespace kai::store
