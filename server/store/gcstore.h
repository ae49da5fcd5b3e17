#pragma once

#include "core/result.h"
#include "db/database.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace kai::store {

// The SQL of garbage collection (the collector is gc::Collector; the
// tables and why they look so are in 007_gc.sql). Nothing here opens a
// transaction: the collector wraps each batch in one, and a dry run wraps
// the whole pass in one that it rolls back.
//
// Every delete re-checks its condition after locking the row it deletes
// (or, for links and blobs, the blob row; see BlobRecordStore for the
// push side), so a reference committed by a concurrent push is always
// seen: either the push committed first and the check finds it, or the
// collector committed first and the push's own locked re-check fails.
class GcStore
{
public:
    explicit GcStore(db::Database &db) : m_db(db) {}

    // The push side for manifests, inside the manifest's transaction:
    // share-locks the blobs (BlobRecordStore::holdForManifest) and the
    // child manifests and checks they are still there. The first missing
    // digest, or nullopt.
    Result<std::optional<QString>> holdForManifest(qint64 repositoryId, const QStringList &blobDigests,
                                                   const QStringList &childDigests);

    // (a) Tag rows past their namespace's time-machine window (hidden
    // temporary tags: past their end), immutable ones excepted.
    struct ExpiredTag
    {
        qint64 id = 0;
        qint64 manifestId = 0;
        qint64 cutoffMs = 0; // the row is garbage while its end is <= this
    };
    Result<std::vector<ExpiredTag>> expiredTags(qint64 nowMs, int limit);
    // Deletes the rows still past their cutoff and queues their manifests;
    // how many went. A few statements for the whole batch.
    Result<qint64> deleteExpiredTags(const std::vector<ExpiredTag> &tags);

    // (b) Manifests that may have lost their last reference.
    Result<std::vector<qint64>> manifestCandidates(int limit);
    struct ManifestOutcome
    {
        qint64 deleted = 0;
        qint64 labels = 0;
        qint64 blobReferences = 0;
        qint64 childReferences = 0;
    };
    // Locks the manifests (in id order); deletes those that no tag row, no
    // index of their repository and no manifest's subject refers to
    // (labels, blob and child references go by cascade), queuing their
    // links, children and subjects. Dequeues them all. Set-based: about ten
    // statements per batch (per repository in it), not per manifest.
    Result<ManifestOutcome> collectManifests(const std::vector<qint64> &manifestIds);

    // (c) Links due for a check.
    struct Link
    {
        qint64 repositoryId = 0;
        QString digest;
    };
    Result<std::vector<Link>> dueLinks(qint64 nowMs, int limit);
    // Under the blob's lock: removes the link when it is older than
    // `graceMs` and no manifest of the repository references the blob,
    // queuing the blob. A younger link is checked again when its grace
    // ends.
    Result<bool> collectLink(const Link &link, qint64 nowMs, qint64 graceMs);

    // (d) Blobs in two steps, each its own transaction: mark (no link left:
    // deleting = 1, committed before the file goes), then finish (under the
    // lock again: remove the file, delete the row). A crash in between
    // leaves a marked row, finished by a later pass.
    Result<QStringList> blobCandidates(int limit);
    Result<QStringList> markedBlobs(const QString &after, int limit);
    Result<bool> markBlob(const QString &digest);
    // The bytes freed, or nullopt when the row is gone or no longer marked.
    Result<std::optional<qint64>> finishBlob(const QString &digest, const std::function<Status()> &removeFile);
    // A file in blobs/ without a row (a crash after the rename): claims it
    // with a marked row so that finishBlob() removes it under the lock.
    // False when a row exists (the file is in use or already handled).
    Result<bool> claimOrphanFile(const QString &digest, qint64 size, qint64 nowMs);

    // (f) Repositories marked deleted, purged a batch at a time.
    Result<std::vector<qint64>> deletedRepositories(int limit);
    Result<qint64> purgeTags(qint64 repositoryId, int limit);
    struct PurgedManifests
    {
        qint64 manifests = 0;
        qint64 labels = 0;
    };
    Result<PurgedManifests> purgeManifests(qint64 repositoryId, int limit);
    // Removes links and queues their blobs.
    Result<qint64> purgeLinks(qint64 repositoryId, int limit);
    // The row itself, once empty (grants, stars and uploads go by cascade).
    Result<bool> deleteRepository(qint64 repositoryId);

    // The scrub: the next `limit` rows after the cursor, queuing what looks
    // collectable; the new cursor (empty / 0 after the last row).
    struct Scrubbed
    {
        qint64 queued = 0;
        QString nextText;
        qint64 nextId = 0;
    };
    Result<Scrubbed> scrubBlobs(const QString &after, int limit);
    Result<Scrubbed> scrubLinks(qint64 afterRepository, const QString &afterDigest, int limit, qint64 nowMs);
    Result<Scrubbed> scrubManifests(qint64 afterId, int limit);

    // Status (GET /api/v1/superuser/gc) and scrub cursors: one row.
    struct StatusRow
    {
        std::optional<qint64> runningSinceMs;
        std::optional<qint64> heartbeatMs;
        std::optional<qint64> lastRunMs;
        qint64 lastDurationMs = 0;
        qint64 lastBytesFreed = 0;
        QByteArray lastRowsFreed; // JSON object
        qint64 totalBytesFreed = 0;
        QString scrubBlobAfter;
        qint64 scrubLinkRepository = 0;
        QString scrubLinkDigest;
        qint64 scrubManifestAfter = 0;
        int scrubFileShard = 0;     // the blobs/<alg>/<2 hex> directory the file sweep reads next
    };
    Result<StatusRow> status();
    Status markRunning(qint64 nowMs);
    Status heartbeat(qint64 nowMs);
    Status recordRun(qint64 nowMs, qint64 durationMs, qint64 bytesFreed, const QByteArray &rowsFreed);
    Status saveCursors(const StatusRow &cursors);

    // PostgreSQL: one collector at a time across nodes (a session advisory
    // lock, released by unlockCollector() or when the connection closes).
    // SQLite: always true (one host; collectors would only duplicate work).
    Result<bool> tryLockCollector();
    Status unlockCollector();

private:
    Result<ManifestOutcome> collectManifestChunk(const std::vector<qint64> &manifestIds);

    db::Database &m_db;
};

} // namespace kai::store
