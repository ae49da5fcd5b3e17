#pragma once

#include "db/database.h"
#include "runtime/servercontext.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kai::gc {

// The garbage collector in the background (design decision 9): a QObject
// living on its own thread, with its own database connection, running a
// pass every GARBAGE_COLLECTION_FREQUENCY seconds. Abandoned uploads go at
// least every min(600, KAI_UPLOAD_MAX_AGE_SECONDS) seconds, also with
// FEATURE_GARBAGE_COLLECTION off (then nothing else is collected). On
// PostgreSQL each pass first takes the collector's advisory lock, so one
// node of a cluster collects at a time. All its state is in the database
// (gc_status and the candidate queues), so a restart loses nothing.
//
// Threading: construct, moveToThread(), then start() runs on that thread
// (connect it to QThread::started). requestStop() may be called from any
// thread: the running pass ends after its current batch. stop() must run
// on the worker's thread (queued, or QThread::finished).
class GcWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GcWorker)

public:
    explicit GcWorker(const runtime::ServerContext &server);
    ~GcWorker() override;

    void requestStop() { m_stop = true; }

public Q_SLOTS:
    void start();
    void stop();

private:
    void runPass(bool uploadsOnly);

    const runtime::ServerContext &m_server;
    std::unique_ptr<db::Database> m_db;
    QTimer *m_timer = nullptr;         // full passes
    QTimer *m_uploadTimer = nullptr;   // abandoned uploads only, when due more often
    std::atomic_bool m_stop{false};
};

} // namespace kai::gc
