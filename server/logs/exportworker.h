#pragma once

#include "db/database.h"
#include "runtime/servercontext.h"
#include "store/logexportstore.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kai::logs {

// Usage log export in the background (reference §2.11, design decision
// 9): a QObject on its own thread with its own database connection. Every
// EXPORT_ACTION_LOGS_WORKER_POLL_PERIOD seconds a pass
// - writes the document of each queued job under exportedactionlogs/ in
//   the storage directory: {"export_id", "details", "logs": [entries...,
//   {"terminator": true}]}, the entries newest first as the listing pages
//   them, streamed from the database in chunks into a temporary file that
//   is renamed when complete (never all entries in memory);
// - tells the requester: e-mails the link through the mailer once, and
//   POSTs the status document to the callback URL (re-checked by the SSRF
//   guard and pinned to the checked addresses). A callback that does not
//   answer 2xx is tried again after one, then two poll periods, at most
//   kMaxCallbackAttempts times in all; then the job is recorded as failed.
//   The file stays until its link expires either way;
// - records export_logs_success or export_logs_failure in the usage log;
// - removes files whose link (/exportedlogs/<file_id>) has expired.
// All state is in log_exports, so a restart loses nothing: a job cut off
// mid-export is written again from the start. On PostgreSQL each pass
// first takes the worker's advisory lock, so one node exports at a time.
//
// Threading as GcWorker: construct, moveToThread(), start() on that thread;
// requestStop() from any thread (a running export stops after its current
// chunk and stays queued); stop() on the worker's thread.
class ExportWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportWorker)

public:
    static constexpr int kMaxCallbackAttempts = 3;

    explicit ExportWorker(const runtime::ServerContext &server);
    ~ExportWorker() override;

    void requestStop() { m_stop = true; }

public Q_SLOTS:
    void start();
    void stop();

private:
    void runPass();
    void removeStrayFiles(store::LogExportStore &jobs);
    void removeExpiredFiles(store::LogExportStore &jobs);
    // Writes the job's document; false when stopped or the database went
    // away (the job stays queued).
    bool exportJob(store::LogExportStore &jobs, store::LogExport &job);
    void deliver(store::LogExportStore &jobs, store::LogExport &job);
    Status recordOutcome(const store::LogExport &job, bool success, const QString &error);
    QString linkFor(const QString &fileId) const;

    const runtime::ServerContext &m_server;
    std::unique_ptr<db::Database> m_db;
    QTimer *m_timer = nullptr;
    bool m_swept = false;
    std::atomic_bool m_stop{false};
};

} // namespace kai::logs
