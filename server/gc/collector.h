#pragma once

#include "config/config.h"
#include "core/result.h"
#include "db/database.h"
#include "storage/blobstore.h"

#include <QJsonObject>
#include <QMap>

#include <atomic>
#include <functional>

namespace kai::gc {

// What one pass freed (or, in a dry run, would free).
struct PassReport
{
    // Rows per kind: tags, repositories, manifests, labels, manifest_blobs,
    // manifest_children, repository_blobs, blobs, uploads, orphan_files.
    QMap<QString, qint64> rows;
    qint64 bytesFreed = 0;
    qint64 durationMs = 0;
    bool skipped = false;   // another node holds the collector lock
    bool stopped = false;   // asked to stop between two batches

    QJsonObject rowsJson() const;
};

// One garbage-collection pass (reference §4.1, §4.7; design decisions 4, 9):
//   scrub   a bounded slice of blobs, links, manifests and blob files is
//           checked for what the queues missed (007_gc.sql);
//   tags    rows past their namespace's window, hidden ones past their end;
//   repos   repositories marked deleted: tags, manifests, links, the row;
//   manifests  referenced by no tag row, index or subject, with labels;
//   links   repository_blobs no manifest of the repository references,
//           older than KAI_GC_BLOB_GRACE_SECONDS;
//   blobs   rows without links, then their files (mark, then finish);
//   uploads sessions idle for KAI_UPLOAD_MAX_AGE_SECONDS, stray files.
// Each batch (at most `batchSize` items) is its own short transaction, so
// pushes and pulls continue; nothing locks more than the rows it deletes.
// The work is proportional to the garbage: the queues and indexes name
// the candidates, and the scrub reads a fixed number of rows per pass.
//
// Runs on the thread that owns `db`. All time decisions use `nowMs`.
class Collector
{
public:
    struct Options
    {
        bool dryRun = false;        // one transaction, rolled back; no file is touched
        bool uploadsOnly = false;   // FEATURE_GARBAGE_COLLECTION off: only abandoned uploads
        int batchSize = 100;
        int scrubLimit = 500;
        const std::atomic_bool *stop = nullptr;
        std::function<void(const QString &)> progress;
    };

    Collector(db::Database &db, storage::BlobStore &blobs, const config::Config &config, std::function<qint64()> nowMs)
        : m_db(db), m_blobs(blobs), m_config(config), m_nowMs(std::move(nowMs)) {}

    Result<PassReport> runPass(const Options &options);

private:
    db::Database &m_db;
    storage::BlobStore &m_blobs;
    const config::Config &m_config;
    std::function<qint64()> m_nowMs;
};

} // namespace kai::gc
