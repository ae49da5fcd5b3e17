#include "logs/logbatchwriter.h"

#include "logs/logrepeats.h"

#include <QLoggingCategory>

#if defined(__linux__)
#include <pthread.h>
#endif

Q_LOGGING_CATEGORY(lcLogs, "kai.logs")

namespace kai::logs {

namespace {

// The actions `rows` record (a row may stand for several, coalesceRepeats).
qint64 actionsIn(std::span<const store::LogEntry> rows)
{
    qint64 actions = 0;
    for (const store::LogEntry &row : rows)
        actions += row.occurrences;
    return actions;
}

} // namespace

LogBatchWriter::LogBatchWriter(Options options) : m_options(std::move(options)) {}

LogBatchWriter::~LogBatchWriter()
{
    stop();
}

void LogBatchWriter::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running || m_stopping)
        return;
    m_running = true;
    m_thread = std::thread([this] {
#if defined(__linux__)
        // Named like the HTTP workers, so `top -H` and the benchmarks can
        // tell its CPU time apart.
        pthread_setname_np(pthread_self(), "kai-logwriter");
#endif
        run();
    });
}

void LogBatchWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (const qint64 lost = m_dropped - m_droppedReported; lost > 0)
        qCWarning(lcLogs) << "usage log: dropped" << lost << "entries (queue full or writer stopped)";
}

bool LogBatchWriter::enqueue(store::LogEntry entry)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || !m_running) {
            ++m_dropped;
            return false;
        }
        // A client pulling in a loop: counted into the entry before it,
        // so the queue does not grow (a full queue still takes it) and
        // this thread frees what it built.
        if (!m_queue.empty() && isRepeatOf(m_queue.back(), entry)) {
            addRepeat(m_queue.back(), entry);
            return true;
        }
        if (m_queue.size() >= size_t(m_options.capacity)) {
            ++m_dropped;
            return false;
        }
        m_queue.push_back(std::move(entry));
        wake = m_queue.size() == size_t(m_options.batchSize);
    }
    if (wake)
        m_wake.notify_one();
    return true;
}

void LogBatchWriter::run()
{
    const auto interval = std::chrono::milliseconds(m_options.flushIntervalMs);
    bool backingOff = false;
    std::vector<store::LogEntry> batch;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, interval, [&] {
            return m_stopping || (!backingOff && m_queue.size() >= size_t(m_options.batchSize));
        });
        const bool stopping = m_stopping;
        // Pull threads wait on this lock: take the queue without moving
        // entries while holding it.
        batch.swap(m_queue);
        lock.unlock();

        if (const qint64 dropped = m_dropped; dropped > m_droppedReported) {
            qCWarning(lcLogs) << "usage log: dropped" << dropped - m_droppedReported
                              << "entries because the write queue was full";
            m_droppedReported = dropped;
        }
        const bool ok = write(batch);
        if (ok)
            batch.clear();   // freed outside the lock; the vector keeps its capacity

        lock.lock();
        if (!ok) {
            if (stopping) {
                qCWarning(lcLogs) << "usage log: lost" << actionsIn(batch) << "entries at shutdown (database unavailable)";
                break;
            }
            // Put the batch back in front of newer entries as far as the
            // bound allows, and wait a full interval before trying again.
            const size_t room = size_t(m_options.capacity) > m_queue.size() ? size_t(m_options.capacity) - m_queue.size() : 0;
            const size_t kept = std::min(room, batch.size());
            m_dropped += actionsIn(std::span(batch).subspan(kept));
            m_queue.insert(m_queue.begin(), std::make_move_iterator(batch.begin()),
                           std::make_move_iterator(batch.begin() + qsizetype(kept)));
            batch.clear();
            backingOff = true;
            continue;
        }
        backingOff = false;
        if (stopping && m_queue.empty())
            break;
    }
    lock.unlock();
    m_db.reset();
}

bool LogBatchWriter::write(std::vector<store::LogEntry> &batch)
{
    if (batch.empty())
        return true;
    if (!m_db) {
        auto db = db::openDatabase(m_options.dbUri);
        if (!db) {
            qCWarning(lcLogs) << "usage log writer cannot open the database:" << db.error().message;
            return false;
        }
        m_db = std::move(*db);
    }
    coalesceRepeats(batch);
    store::LogStore store(*m_db);
    size_t next = 0;
    while (next < batch.size()) {
        const size_t count = std::min(batch.size() - next, size_t(m_options.batchSize));
        const std::span<const store::LogEntry> chunk(batch.data() + next, count);
        db::Transaction transaction(*m_db);
        Status status = transaction.status();
        if (status)
            status = store.insertBatch(chunk);
        if (status)
            status = transaction.commit();
        if (!status) {
            const Error &error = status.error();
            qCWarning(lcLogs) << "usage log: cannot write" << actionsIn(chunk) << "entries:" << error.message;
            if (error.kind == ErrorKind::Unavailable || error.kind == ErrorKind::Io) {
                m_db.reset();
                batch.erase(batch.begin(), batch.begin() + qsizetype(next));
                return false;
            }
            // Anything else would fail again: the chunk is dropped, counted.
            m_dropped += actionsIn(chunk);
        } else {
            m_written += actionsIn(chunk);
        }
        next += count;
    }
    return true;
}

} // namespace kai::logs
