#pragma once

#include "store/logstore.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace kai::logs {

// The asynchronous path of ActionLogger::recordLater() (pulls, logins): a
// bounded queue drained by a thread of its own, with its own database
// connection, in multi-row inserts. It writes at least every
// `flushIntervalMs` and sooner once `batchSize` entries wait; stop() writes
// what is queued before it returns. enqueue() never waits on the database:
// when the queue is full the entry is dropped and counted, and the count is
// logged as a warning (an audit gap is better than a stalled pull path).
// Identical entries of one second are written as one row: an entry that
// repeats the one queued last is counted into it (isRepeatOf), and the
// writer coalesces the rest of a batch (coalesceRepeats). The counters
// count entries, not rows.
//
// Threading: enqueue() and the counters from any thread; start() and stop()
// from the owner's thread.
class LogBatchWriter
{
public:
    struct Options
    {
        QString dbUri;
        int capacity = 50'000;
        int batchSize = 512;
        int flushIntervalMs = 1000;
    };

    explicit LogBatchWriter(Options options);
    ~LogBatchWriter();
    LogBatchWriter(const LogBatchWriter &) = delete;
    LogBatchWriter &operator=(const LogBatchWriter &) = delete;

    void start();
    // Writes everything queued (as long as the database answers), then ends
    // the thread. Entries enqueued afterwards are dropped.
    void stop();

    // False when the entry was dropped (queue full or writer stopped).
    bool enqueue(store::LogEntry entry);

    qint64 written() const { return m_written; }
    qint64 dropped() const { return m_dropped; }

private:
    void run();
    // Writes one batch; false when the database could not take it.
    bool write(std::vector<store::LogEntry> &batch);

    const Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    // Swapped whole with the writer's (empty) batch, so the lock is held
    // for O(1) and both vectors keep their capacity.
    std::vector<store::LogEntry> m_queue;
    bool m_stopping = false;
    bool m_running = false;
    std::thread m_thread;
    std::unique_ptr<db::Database> m_db;   // the writer thread's own
    std::atomic<qint64> m_written{0};
    std::atomic<qint64> m_dropped{0};
    qint64 m_droppedReported = 0;
};

} // namespace kai::logs
