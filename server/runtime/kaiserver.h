#pragma once

#include "auth/jwt.h"
#include "auth/secretbox.h"
#include "config/config.h"
#include "core/result.h"
#include "http/httpserver.h"
#include "mail/mailer.h"
#include "runtime/servercontext.h"
#include "storage/blobstore.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace kai::gc {
class GcWorker;
}

namespace kai::logs {
class ExportWorker;
class LogBatchWriter;
class RetentionWorker;
}

namespace kai::runtime {

// The whole server: prepares the data directory, keys, database schema and
// blob store, then serves /v2 and /api/v1 on the worker pool. main() and
// the tests' in-process uses go through this one class.
class KaiServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KaiServer)

public:
    ~KaiServer() override;

    // Everything up to listening: directories, keys, migrations, bootstrap.
    static Result<std::unique_ptr<KaiServer>> prepare(config::Config config, QObject *parent = nullptr);

    Status start();
    void shutdown(int graceMs = 30'000);
    const config::Config &config() const { return m_config; }

    // The bootstrap superuser made on first start of the embedded default,
    // empty when none was made.
    struct Bootstrap
    {
        QString username;
        QString password;
    };
    const Bootstrap &bootstrap() const { return m_bootstrap; }

Q_SIGNALS:
    void stopped();

private:
    KaiServer(config::Config config, QObject *parent);
    Status prepareKeys();
    Status prepareDatabase();
    void stopGarbageCollector();
    void stopLogWriter();
    void stopLogRetention();
    void stopExportWorker();

    config::Config m_config;
    std::unique_ptr<auth::SigningKey> m_signingKey;
    std::unique_ptr<auth::SecretBox> m_secretBox;
    std::unique_ptr<storage::BlobStore> m_blobs;
    std::unique_ptr<mail::Mailer> m_mailer;
    // The usage log's asynchronous writer: started before the first
    // request, stopped (and drained) after the last one answered.
    std::unique_ptr<logs::LogBatchWriter> m_logWriter;
    store::TagPageBookmarks m_tagPageBookmarks;
    std::unique_ptr<ServerContext> m_context;
    http::HttpServer *m_http = nullptr;
    // The garbage collector's thread and worker (server/gc/gcworker.h);
    // the worker also removes abandoned uploads.
    QThread m_gcThread;
    gc::GcWorker *m_gcWorker = nullptr;
    // Usage-log retention (server/logs/retentionworker.h), likewise.
    QThread m_logRetentionThread;
    logs::RetentionWorker *m_logRetention = nullptr;
    // The usage log export worker's thread (server/logs/exportworker.h).
    QThread m_exportThread;
    logs::ExportWorker *m_exportWorker = nullptr;
    Bootstrap m_bootstrap;
};

// Runs the schema migrations of the configured database.
Status migrateDatabase(const config::Config &config);

} // namespace kai::runtime
