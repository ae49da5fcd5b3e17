#pragma once

#include "db/database.h"
#include "runtime/servercontext.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kai::logs {

// Deletes usage-log entries older than ACTION_LOG_RETENTION (Kai's
// extension; "0d" keeps everything): a QObject on its own thread with its
// own database connection, waking every `intervalMs` (an hour, or a tenth
// of a short retention). Each pass deletes in batches of kBatchSize, each
// batch its own short transaction, so listings and inserts never wait on a
// long delete. On PostgreSQL a pass first takes the retention advisory
// lock, so one node of a cluster prunes at a time.
//
// Threading as GcWorker: construct, moveToThread(), start() on that thread
// (QThread::started); requestStop() from any thread ends a pass after its
// current batch; stop() on the worker's thread (QThread::finished).
class RetentionWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionWorker)

public:
    static constexpr int kBatchSize = 5000;

    explicit RetentionWorker(const runtime::ServerContext &server);
    ~RetentionWorker() override;

    void requestStop() { m_stop = true; }

public Q_SLOTS:
    void start();
    void stop();

private:
    void runPass();

    const runtime::ServerContext &m_server;
    std::unique_ptr<db::Database> m_db;
    QTimer *m_timer = nullptr;
    std::atomic_bool m_stop{false};
};

} // namespace kai::logs
