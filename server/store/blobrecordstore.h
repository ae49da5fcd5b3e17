#pragma once

#include "core/result.h"
#include "db/database.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace kai::store {

// Which blobs exist (after their file was committed) and which repositories
// may reference them. A blob becomes visible to a repository only through a
// repository_blobs row, written after the file rename.
//
// The push side of the garbage-collection protocol (the collector's side is
// GcStore; 007_gc.sql describes the columns). Invariants:
//   I1  a blob row with deleting = 0 has its file;
//   I2  a blob row with deleting = 1 has no repository_blobs link;
//   I3  a manifest of repository R referencing blob D was stored while
//       (R, D) was linked, in a transaction holding D's row lock.
// Everything that adds a link or a manifest reference to blob D, and
// everything the collector does to D, first locks D's row (lockBlob(): FOR
// UPDATE / FOR SHARE on PostgreSQL; SQLite write transactions are serial
// already) and then re-reads in fresh statements, so the two sides see
// each other's committed work and never interleave on one blob.
//
// Why no blob a push just linked loses its file:
// - The collector removes a link (R, D) only under D's lock, when no
//   manifest of R references D and the link is older than the grace
//   period; a manifest push holds D's lock (shared) from its check of the
//   link to its commit (holdForManifest()), so it either sees the link gone
//   (MANIFEST_BLOB_UNKNOWN, the client pushes the blob again) or the
//   collector sees its manifest.
// - The collector deletes D in two transactions under D's lock: first it
//   marks the row (no link left, deleting = 1) and commits, then it removes
//   the file and deletes the row. An upload locks D, puts its file in place
//   unless the file is there, clears the mark and links, all in one
//   transaction; a mount links only an unmarked row its source still links.
//   Whichever takes the lock second sees the other's committed result: the
//   collector finds the mark cleared and a link, or the upload finds the
//   row gone (makes it anew and renames its file in) or still marked
//   (clears the mark; the file is there or is put back).
// Crash safety (kill -9 anywhere): the file is renamed in before the row
// commits and removed before the row is deleted, so a crash leaves at worst
// a file without a row (swept by the collector) or a marked row without a
// file (finished by the next pass); a row with deleting = 0 always has its
// file, and nothing links a marked row.
class BlobRecordStore
{
public:
    explicit BlobRecordStore(db::Database &db) : m_db(db) {}

    // Upload completion, in one transaction: inserts the blob row (or finds
    // it), locks it, calls `placeFile` (which must leave the verified file in
    // place: rename the upload, or drop it when the blob file exists), clears
    // a pending deletion, links the blob to the repository and queues the
    // link for the collector's grace-period check. A failure rolls back: a
    // file renamed in place without its row is garbage the collector's file
    // sweep removes, never a row without its file.
    Status commitUploaded(qint64 repositoryId, const QString &digest, qint64 size, qint64 nowMs,
                          const std::function<Status()> &placeFile);
    // Cross-repository mount, in one transaction: links the blob to the
    // target when the source repository holds it and it is not being
    // deleted. False (nothing changed) otherwise; the client then uploads.
    Result<bool> mount(qint64 sourceRepositoryId, qint64 targetRepositoryId, const QString &digest, qint64 nowMs);
    // Inside the caller's manifest transaction, before the manifest is
    // stored: share-locks every blob (in digest order) and checks that the
    // repository still links it. The first digest that is not linked, or
    // nullopt when all are.
    Result<std::optional<QString>> holdForManifest(qint64 repositoryId, QStringList digests);

    // Size of the blob if the repository holds it.
    Result<std::optional<qint64>> sizeInRepository(qint64 repositoryId, const QString &digest);
    // Size of the blob if any repository holds it (for cross-repo mounts the
    // caller checks read permission on the source repository first).
    Result<std::optional<qint64>> size(const QString &digest);
    // Removes the link (registry DELETE of a blob) and queues the blob for
    // the collector.
    Status unlinkFromRepository(qint64 repositoryId, const QString &digest);

    enum class Lock { Exclusive, Shared };
    // Locks the blob row until the transaction ends; the row's deleting
    // flag, or nullopt when there is no row. Shared by GcStore.
    static Result<std::optional<bool>> lockBlob(db::Database &db, const QString &digest, Lock lock);

private:
    db::Database &m_db;
};

} // namespace kai::store
