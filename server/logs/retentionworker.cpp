#include "logs/retentionworker.h"

#include "db/database.h"
#include "store/logstore.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcLogs)

namespace kai::logs {

namespace {

// One batch in a transaction of its own, so a failure loses nothing and
// the transaction has ended before the caller drops the connection.
Result<qint64> deleteBatch(db::Database &db, store::LogStore &logs, qint64 cutoffMs, int limit)
{
    db::Transaction transaction(db);
    if (!transaction.status())
        return transaction.status().error();
    auto deleted = logs.deleteOlderThan(cutoffMs, limit);
    if (!deleted)
        return deleted.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *deleted;
}

} // namespace

RetentionWorker::RetentionWorker(const runtime::ServerContext &server) : m_server(server) {}

RetentionWorker::~RetentionWorker() = default;

void RetentionWorker::start()
{
    const qint64 retentionSeconds = m_server.config.actionLogRetentionSeconds;
    if (retentionSeconds <= 0)
        return;
    // Hourly; a retention of minutes (tests, small installations) is
    // enforced to within a tenth of itself.
    const qint64 intervalSeconds = std::clamp<qint64>(retentionSeconds / 10, 1, 3600);
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &RetentionWorker::runPass);
    m_timer->start(std::chrono::seconds(intervalSeconds));
    runPass();
}

void RetentionWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    m_db.reset();
}

void RetentionWorker::runPass()
{
    if (m_stop)
        return;
    if (!m_db) {
        auto db = db::openDatabase(m_server.config.effectiveDbUri());
        if (!db) {
            qCWarning(lcLogs) << "usage-log retention cannot open the database:" << db.error().message;
            return;
        }
        m_db = std::move(*db);
    }
    store::LogStore logs(*m_db);
    auto locked = logs.tryLockRetention();
    if (!locked || !*locked) {
        if (!locked) {
            qCWarning(lcLogs) << "usage-log retention:" << locked.error().message;
            if (locked.error().kind == ErrorKind::Unavailable)
                m_db.reset();
        }
        return;
    }
    const qint64 cutoffMs = m_server.nowMs() - m_server.config.actionLogRetentionSeconds * 1000;
    qint64 deleted = 0;
    while (!m_stop) {
        Result<qint64> batch = deleteBatch(*m_db, logs, cutoffMs, kBatchSize);
        if (!batch) {
            qCWarning(lcLogs) << "usage-log retention failed:" << batch.error().message;
            if (batch.error().kind == ErrorKind::Unavailable) {
                m_db.reset();
                return;
            }
            break;
        }
        deleted += *batch;
        if (*batch < kBatchSize)
            break;
    }
    (void)logs.unlockRetention();
    if (deleted > 0)
        qCInfo(lcLogs) << "usage-log retention deleted" << deleted << "entries older than"
                       << m_server.config.actionLogRetention;
}

} // namespace kai::logs
