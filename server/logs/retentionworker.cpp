#include "logs/retentionworker.h"

#include "store/logstore.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcLogs)

namespace kai::logs {

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
        // Outside an explicit transaction each DELETE commits on its own:
        // one short transaction a batch.
        auto batch = logs.deleteOlderThan(cutoffMs, kBatchSize);
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
