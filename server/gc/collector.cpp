#include "gc/collector.h"

#include "store/gcstore.h"
#include "store/uploadstore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcGc, "kai.gc")

namespace kai::gc {

QJsonObject PassReport::rowsJson() const
{
    QJsonObject object;
    for (auto it = rows.constBegin(); it != rows.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

namespace {

// One pass's state. Batches are transactions of their own, except in a dry
// run, where the whole pass is one transaction that is rolled back: the
// same statements run, so the counts are exactly what a pass would free.
class Pass
{
public:
    Pass(db::Database &db, storage::BlobStore &blobs, const config::Config &config, const Collector::Options &options,
         std::function<qint64()> nowMs)
        : m_db(db), m_gc(db), m_uploads(db), m_blobs(blobs), m_config(config), m_options(options), m_nowMs(std::move(nowMs))
    {
    }

    Status run(PassReport &report)
    {
        m_report = &report;
        for (const char *kind : {"tags", "repositories", "manifests", "labels", "manifest_blobs", "manifest_children",
                                 "repository_blobs", "blobs", "uploads", "orphan_files"})
            report.rows.insert(QString::fromLatin1(kind), 0);
        if (m_options.uploadsOnly)
            return collectUploads();
        using Stage = Status (Pass::*)();
        for (const auto &[name, stage] : std::initializer_list<std::pair<const char *, Stage>>{
                 {"scrub", &Pass::scrub},
                                          {"tags", &Pass::collectTags},
                                          {"repositories", &Pass::purgeRepositories},
                                          {"manifests", &Pass::collectManifests},
                                          {"links", &Pass::collectLinks},
                                          {"blobs", &Pass::collectBlobs},
                                          {"uploads", &Pass::collectUploads},
                                          {"files", &Pass::sweepFiles}}) {
            if (stopRequested()) {
                report.stopped = true;
                return {};
            }
            if (m_options.progress)
                m_options.progress(QStringLiteral("%1...").arg(QLatin1String(name)));
            if (Status s = (this->*stage)(); !s)
                return s;
        }
        return {};
    }

private:
    bool stopRequested() const { return m_options.stop && m_options.stop->load(); }
    void add(const char *kind, qint64 n) { m_report->rows[QString::fromLatin1(kind)] += n; }

    // A batch's transaction; nothing in a dry run (the pass's transaction
    // is already open).
    Status begin() { return m_options.dryRun ? Status{} : m_db.begin(); }
    Status commit() { return m_options.dryRun ? Status{} : m_db.commit(); }
    Status fail(const Error &error)
    {
        if (!m_options.dryRun)
            (void)m_db.rollback();
        return error;
    }
    // Runs `body` in a batch transaction. A long pass keeps its heartbeat
    // fresh, so the status endpoint shows it running.
    template <typename Body>
    Status batch(Body body)
    {
        if (!m_options.dryRun) {
            const qint64 nowMs = m_nowMs();
            if (nowMs - m_heartbeatMs > 30'000) {
                (void)m_gc.heartbeat(nowMs);
                m_heartbeatMs = nowMs;
            }
        }
        if (Status s = begin(); !s)
            return s;
        if (Status s = body(); !s)
            return fail(s.error());
        return commit();
    }

    Status scrub()
    {
        auto cursors = m_gc.status();
        if (!cursors)
            return cursors.error();
        store::GcStore::StatusRow next = *cursors;
        const int limit = m_options.scrubLimit;
        Status s = batch([&]() -> Status {
            auto blobs = m_gc.scrubBlobs(cursors->scrubBlobAfter, limit);
            if (!blobs)
                return blobs.error();
            next.scrubBlobAfter = blobs->nextText;
            auto links = m_gc.scrubLinks(cursors->scrubLinkRepository, cursors->scrubLinkDigest, limit, m_nowMs());
            if (!links)
                return links.error();
            next.scrubLinkRepository = links->nextId;
            next.scrubLinkDigest = links->nextText;
            auto manifests = m_gc.scrubManifests(cursors->scrubManifestAfter, limit);
            if (!manifests)
                return manifests.error();
            next.scrubManifestAfter = manifests->nextId;
            if (blobs->queued + links->queued + manifests->queued > 0)
                qCDebug(lcGc) << "scrub queued" << blobs->queued << "blobs," << links->queued << "links,"
                              << manifests->queued << "manifests";
            if (m_options.dryRun)
                return {};
            return m_gc.saveCursors(next);
        });
        return s;
    }

    Status collectTags()
    {
        for (;;) {
            if (stopRequested())
                return {};
            auto expired = m_gc.expiredTags(m_nowMs(), m_options.batchSize);
            if (!expired)
                return expired.error();
            if (expired->empty())
                return {};
            qint64 deleted = 0;
            if (Status s = batch([&]() -> Status {
                    auto gone = m_gc.deleteExpiredTags(*expired);
                    if (!gone)
                        return gone.error();
                    deleted = *gone;
                    return {};
                });
                !s)
                return s;
            add("tags", deleted);
            if (deleted == 0 || int(expired->size()) < m_options.batchSize)
                return {};
        }
    }

    Status purgeRepositories()
    {
        auto repositories = m_gc.deletedRepositories(m_options.batchSize);
        if (!repositories)
            return repositories.error();
        for (qint64 repositoryId : *repositories) {
            // Tags first (they hold the manifests), then manifests (labels
            // and references go with them), then links (their blobs are
            // queued), then the row.
            for (int step = 0; step < 3; ++step) {
                for (;;) {
                    if (stopRequested())
                        return {};
                    qint64 removed = 0;
                    if (Status s = batch([&]() -> Status {
                            if (step == 0) {
                                auto n = m_gc.purgeTags(repositoryId, m_options.batchSize * 5);
                                if (!n)
                                    return n.error();
                                removed = *n;
                                add("tags", *n);
                            } else if (step == 1) {
                                auto n = m_gc.purgeManifests(repositoryId, m_options.batchSize);
                                if (!n)
                                    return n.error();
                                removed = n->manifests;
                                add("manifests", n->manifests);
                                add("labels", n->labels);
                            } else {
                                auto n = m_gc.purgeLinks(repositoryId, m_options.batchSize * 5);
                                if (!n)
                                    return n.error();
                                removed = *n;
                                add("repository_blobs", *n);
                            }
                            return {};
                        });
                        !s)
                        return s;
                    if (removed == 0)
                        break;
                }
            }
            bool gone = false;
            if (Status s = batch([&]() -> Status {
                    auto deleted = m_gc.deleteRepository(repositoryId);
                    if (!deleted)
                        return deleted.error();
                    gone = *deleted;
                    return {};
                });
                !s)
                return s;
            add("repositories", gone ? 1 : 0);
        }
        return {};
    }

    Status collectManifests()
    {
        for (;;) {
            if (stopRequested())
                return {};
            auto candidates = m_gc.manifestCandidates(m_options.batchSize);
            if (!candidates)
                return candidates.error();
            if (candidates->empty())
                return {};
            if (Status s = batch([&]() -> Status {
                    auto outcome = m_gc.collectManifests(*candidates);
                    if (!outcome)
                        return outcome.error();
                    add("manifests", outcome->deleted);
                    add("labels", outcome->labels);
                    add("manifest_blobs", outcome->blobReferences);
                    add("manifest_children", outcome->childReferences);
                    return {};
                });
                !s)
                return s;
        }
    }

    Status collectLinks()
    {
        const qint64 graceMs = m_config.gcBlobGraceSeconds * 1000;
        for (;;) {
            if (stopRequested())
                return {};
            const qint64 nowMs = m_nowMs();
            auto due = m_gc.dueLinks(nowMs, m_options.batchSize);
            if (!due)
                return due.error();
            if (due->empty())
                return {};
            // Blob locks in digest order, as every other locker of several
            // blobs takes them.
            std::sort(due->begin(), due->end(), [](const auto &a, const auto &b) {
                return a.digest < b.digest || (a.digest == b.digest && a.repositoryId < b.repositoryId);
            });
            if (Status s = batch([&]() -> Status {
                    for (const auto &link : *due) {
                        auto removed = m_gc.collectLink(link, nowMs, graceMs);
                        if (!removed)
                            return removed.error();
                        add("repository_blobs", *removed ? 1 : 0);
                    }
                    return {};
                });
                !s)
                return s;
        }
    }

    Status removeFile(const QString &digestText)
    {
        if (m_options.dryRun)
            return {};
        auto digest = oci::Digest::parse(digestText);
        if (!digest)
            return {}; // not a name this store made a file for
        return m_blobs.removeBlob(*digest);
    }

    // Finishes marked blobs (marked by this pass or left by a crash).
    Status finishMarked(const QStringList &digests)
    {
        return batch([&]() -> Status {
            for (const QString &digest : digests) {
                auto freed = m_gc.finishBlob(digest, [&] { return removeFile(digest); });
                if (!freed)
                    return freed.error();
                if (freed->has_value()) {
                    add("blobs", 1);
                    m_report->bytesFreed += **freed;
                }
            }
            return {};
        });
    }

    Status collectBlobs()
    {
        for (;;) {
            if (stopRequested())
                return {};
            auto candidates = m_gc.blobCandidates(m_options.batchSize);
            if (!candidates)
                return candidates.error();
            if (candidates->empty())
                break;
            QStringList marked;
            // Step 1, committed before any file goes: no link left, marked.
            if (Status s = batch([&]() -> Status {
                    for (const QString &digest : *candidates) {
                        auto isMarked = m_gc.markBlob(digest);
                        if (!isMarked)
                            return isMarked.error();
                        if (*isMarked)
                            marked << digest;
                    }
                    return {};
                });
                !s)
                return s;
            // Step 2: file and row, under the lock again.
            if (Status s = finishMarked(marked); !s)
                return s;
        }
        // Marked rows a crash (or a failed removal) left behind.
        QString after;
        for (;;) {
            if (stopRequested())
                return {};
            auto leftovers = m_gc.markedBlobs(after, m_options.batchSize);
            if (!leftovers)
                return leftovers.error();
            if (leftovers->empty())
                return {};
            after = leftovers->last();
            if (Status s = finishMarked(*leftovers); !s)
                return s;
        }
    }

    Status collectUploads()
    {
        const qint64 cutoff = m_nowMs() - m_config.uploadMaxAgeSeconds * 1000;
        for (;;) {
            if (stopRequested())
                return {};
            auto stale = m_uploads.updatedBefore(cutoff, m_options.batchSize);
            if (!stale)
                return stale.error();
            if (stale->isEmpty())
                break;
            for (const QString &uuid : *stale) {
                if (!m_options.dryRun)
                    (void)m_blobs.discardUpload(uuid);
                if (Status s = m_uploads.remove(uuid); !s)
                    return s;
                add("uploads", 1);
            }
            if (stale->size() < m_options.batchSize)
                break;
        }
        // Files whose session row never committed (a crash between the two),
        // or whose row went with its repository.
        for (const QString &uuid : m_blobs.staleUploads(cutoff)) {
            auto row = m_uploads.find(uuid);
            if (!row)
                return row.error();
            if (row->has_value())
                continue;
            if (!m_options.dryRun)
                (void)m_blobs.discardUpload(uuid);
            add("orphan_files", 1);
        }
        return {};
    }

    // One shard of blobs/ per pass: files without a row, older than the
    // grace period (a crash after an upload's rename, before its commit),
    // are claimed with a marked row and removed like any marked blob.
    Status sweepFiles()
    {
        auto cursors = m_gc.status();
        if (!cursors)
            return cursors.error();
        const int shard = cursors->scrubFileShard % 256;
        const qint64 cutoff = m_nowMs() - m_config.gcBlobGraceSeconds * 1000;
        QStringList claimed;
        if (Status s = batch([&]() -> Status {
                for (const auto &file : m_blobs.blobsInShard(shard, cutoff)) {
                    auto mine = m_gc.claimOrphanFile(file.digest.toString(), file.size, m_nowMs());
                    if (!mine)
                        return mine.error();
                    if (*mine)
                        claimed << file.digest.toString();
                }
                return {};
            });
            !s)
            return s;
        const qint64 blobsBefore = m_report->rows.value(QStringLiteral("blobs"));
        if (Status s = finishMarked(claimed); !s)
            return s;
        // They were files, not rows of the registry: count them as such.
        const qint64 files = m_report->rows.value(QStringLiteral("blobs")) - blobsBefore;
        add("blobs", -files);
        add("orphan_files", files);
        if (m_options.dryRun)
            return {};
        store::GcStore::StatusRow next = *cursors;
        next.scrubFileShard = (shard + 1) % 256;
        // Other cursors may have moved in this pass: write only the shard.
        auto current = m_gc.status();
        if (!current)
            return current.error();
        store::GcStore::StatusRow updated = *current;
        updated.scrubFileShard = next.scrubFileShard;
        return m_gc.saveCursors(updated);
    }

    db::Database &m_db;
    store::GcStore m_gc;
    store::UploadStore m_uploads;
    storage::BlobStore &m_blobs;
    const config::Config &m_config;
    const Collector::Options &m_options;
    std::function<qint64()> m_nowMs;
    PassReport *m_report = nullptr;
    qint64 m_heartbeatMs = 0;
};

} // namespace

Result<PassReport> Collector::runPass(const Options &options)
{
    QElapsedTimer timer;
    timer.start();
    PassReport report;
    store::GcStore gc(m_db);
    auto locked = gc.tryLockCollector();
    if (!locked)
        return locked.error();
    if (!*locked) {
        report.skipped = true;
        return report;
    }
    const qint64 startedMs = m_nowMs();
    if (!options.dryRun && !options.uploadsOnly)
        (void)gc.markRunning(startedMs);
    if (options.dryRun) {
        if (Status s = m_db.begin(); !s) {
            (void)gc.unlockCollector();
            return s.error();
        }
    }
    Pass pass(m_db, m_blobs, m_config, options, m_nowMs);
    Status status = pass.run(report);
    if (options.dryRun)
        (void)m_db.rollback();
    report.durationMs = timer.elapsed();
    if (!options.dryRun && !options.uploadsOnly) {
        if (Status s = gc.recordRun(m_nowMs(), report.durationMs, report.bytesFreed,
                                    QJsonDocument(report.rowsJson()).toJson(QJsonDocument::Compact));
            !s)
            qCWarning(lcGc) << "cannot record the pass:" << s.error().message;
    }
    (void)gc.unlockCollector();
    if (!status)
        return status.error();
    return report;
}

} // namespace kai::gc
