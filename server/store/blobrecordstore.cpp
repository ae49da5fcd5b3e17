#include "store/blobrecordstore.h"

#include <algorithm>

namespace kai::store {

Result<std::optional<bool>> BlobRecordStore::lockBlob(db::Database &db, const QString &digest, Lock lock)
{
    // FOR UPDATE / FOR SHARE exist on PostgreSQL only. On SQLite every
    // write transaction is serial (BEGIN IMMEDIATE), which is the lock.
    QString sql = QStringLiteral("SELECT deleting FROM blobs WHERE digest = ?");
    if (db.driver() == db::Driver::Postgres)
        sql += lock == Lock::Exclusive ? QLatin1String(" FOR UPDATE") : QLatin1String(" FOR SHARE");
    auto row = db.exec(sql, {digest});
    if (!row)
        return row.error();
    if (row->empty())
        return std::optional<bool>{};
    return std::optional<bool>{row->first().boolean(0)};
}

namespace {

// The link, made or refreshed: its time is the last push that needed it,
// so the grace period protects a blob re-pushed for a manifest to come.
Status linkAndQueue(db::Database &db, qint64 repositoryId, const QString &digest, qint64 nowMs)
{
    auto link = db.exec("INSERT INTO repository_blobs (repository_id, digest, created_ms) VALUES (?, ?, ?) "
                        "ON CONFLICT (repository_id, digest) DO UPDATE SET created_ms = excluded.created_ms",
                        {repositoryId, digest, nowMs});
    if (!link)
        return link.error();
    // If no manifest comes to reference it, the collector unlinks it once
    // the grace period is over (it reads created_ms, so due now is fine).
    auto queued = db.exec("INSERT INTO gc_link_candidates (repository_id, digest, due_ms) VALUES (?, ?, ?) "
                          "ON CONFLICT (repository_id, digest) DO NOTHING",
                          {repositoryId, digest, nowMs});
    if (!queued)
        return queued.error();
    return {};
}

} // namespace

Status BlobRecordStore::commitUploaded(qint64 repositoryId, const QString &digest, qint64 size, qint64 nowMs,
                                       const std::function<Status()> &placeFile)
{
    db::Transaction tx(m_db);
    if (!tx.status())
        return tx.status();
    // The row is made (or found) first, then locked. On PostgreSQL the
    // lock may wait for the collector, which then deletes the row it held:
    // the lock finds nothing, and the row is made again (the collector
    // committed, so this insert succeeds and the next lock holds it).
    Result<std::optional<bool>> deleting = std::optional<bool>{};
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto blob = m_db.exec("INSERT INTO blobs (digest, size, created_ms, deleting) VALUES (?, ?, ?, 0) "
                              "ON CONFLICT (digest) DO NOTHING",
                              {digest, size, nowMs});
        if (!blob)
            return blob.error();
        deleting = lockBlob(m_db, digest, Lock::Exclusive);
        if (!deleting)
            return deleting.error();
        if (deleting->has_value())
            break;
    }
    if (!deleting->has_value())
        return Error::of(ErrorKind::Unavailable, QStringLiteral("blob %1 is being removed; try again").arg(digest));
    // Under the lock the collector cannot be removing this blob's file: it
    // does so only while holding the same lock (GcStore::finishBlobDeletion).
    // A file found in place is complete (files appear in blobs/ only by
    // rename of a verified, fsynced upload), so placeFile() may keep it.
    if (Status s = placeFile(); !s)
        return s;
    if (deleting->value_or(false)) {
        auto revived = m_db.exec("UPDATE blobs SET deleting = 0 WHERE digest = ?", {digest});
        if (!revived)
            return revived.error();
    }
    if (Status s = linkAndQueue(m_db, repositoryId, digest, nowMs); !s)
        return s;
    return tx.commit();
}

Result<bool> BlobRecordStore::mount(qint64 sourceRepositoryId, qint64 targetRepositoryId, const QString &digest,
                                    qint64 nowMs)
{
    db::Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    auto deleting = lockBlob(m_db, digest, Lock::Exclusive);
    if (!deleting)
        return deleting.error();
    if (!deleting->has_value() || **deleting)
        return false;
    auto source = m_db.exec("SELECT 1 FROM repository_blobs WHERE repository_id = ? AND digest = ?",
                            {sourceRepositoryId, digest});
    if (!source)
        return source.error();
    if (source->empty())
        return false;
    if (Status s = linkAndQueue(m_db, targetRepositoryId, digest, nowMs); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return true;
}

Result<std::optional<QString>> BlobRecordStore::holdForManifest(qint64 repositoryId, QStringList digests)
{
    // One order for every locker of several blobs, so two manifest pushes
    // (or a push and the collector) never wait on each other in a cycle.
    std::sort(digests.begin(), digests.end());
    digests.erase(std::unique(digests.begin(), digests.end()), digests.end());
    for (const QString &digest : digests) {
        auto deleting = lockBlob(m_db, digest, Lock::Shared);
        if (!deleting)
            return deleting.error();
        if (!deleting->has_value() || **deleting)
            return std::optional<QString>{digest};
        auto link = m_db.exec("SELECT 1 FROM repository_blobs WHERE repository_id = ? AND digest = ?", {repositoryId, digest});
        if (!link)
            return link.error();
        if (link->empty())
            return std::optional<QString>{digest};
    }
    return std::optional<QString>{};
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
    auto result = m_db.exec("SELECT size FROM blobs WHERE digest = ? AND deleting = 0", {digest});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<qint64>{};
    return std::optional<qint64>{result->first().integer(0)};
}

Status BlobRecordStore::unlinkFromRepository(qint64 repositoryId, const QString &digest)
{
    db::Transaction tx(m_db);
    if (!tx.status())
        return tx.status();
    auto result = m_db.exec("DELETE FROM repository_blobs WHERE repository_id = ? AND digest = ?", {repositoryId, digest});
    if (!result)
        return result.error();
    auto queued = m_db.exec("INSERT INTO gc_blob_candidates (digest) VALUES (?) ON CONFLICT (digest) DO NOTHING", {digest});
    if (!queued)
        return queued.error();
    return tx.commit();
}

} // namespace kai::store
