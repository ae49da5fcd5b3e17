#include "gc/gcworker.h"

#include "gc/collector.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcGc)

namespace kai::gc {

GcWorker::GcWorker(const runtime::ServerContext &server) : m_server(server) {}

GcWorker::~GcWorker() = default;

void GcWorker::start()
{
    const config::Config &config = m_server.config;
    const qint64 uploadSeconds = std::min<qint64>(600, config.uploadMaxAgeSeconds);
    if (config.featureGarbageCollection) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { runPass(false); });
        m_timer->start(std::chrono::seconds(config.garbageCollectionFrequencySeconds));
    }
    // Abandoned uploads are removed as often as their age limit asks, even
    // when full passes are rarer or off.
    if (!config.featureGarbageCollection || uploadSeconds < config.garbageCollectionFrequencySeconds) {
        m_uploadTimer = new QTimer(this);
        connect(m_uploadTimer, &QTimer::timeout, this, [this] { runPass(true); });
        m_uploadTimer->start(std::chrono::seconds(uploadSeconds));
    }
    runPass(!config.featureGarbageCollection);
}

void GcWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    if (m_uploadTimer)
        m_uploadTimer->stop();
    m_db.reset();
}

void GcWorker::runPass(bool uploadsOnly)
{
    if (m_stop)
        return;
    if (!m_db) {
        auto db = db::openDatabase(m_server.config.effectiveDbUri());
        if (!db) {
            qCWarning(lcGc) << "garbage collection cannot open the database:" << db.error().message;
            return;
        }
        m_db = std::move(*db);
    }
    Collector collector(*m_db, m_server.blobs, m_server.config, m_server.nowMs);
    Collector::Options options;
    options.uploadsOnly = uploadsOnly;
    options.stop = &m_stop;
    auto report = collector.runPass(options);
    if (!report) {
        qCWarning(lcGc) << "garbage collection pass failed:" << report.error().message;
        // A lost PostgreSQL connection is opened again for the next pass.
        if (report.error().kind == ErrorKind::Unavailable)
            m_db.reset();
        return;
    }
    if (report->bytesFreed > 0 || report->rows.value(QStringLiteral("manifests")) > 0)
        qCInfo(lcGc) << "garbage collection freed" << report->bytesFreed << "bytes:" << report->rowsJson();
}

} // namespace kai::gc
