#include "runtime/kaiserver.h"

#include "api/routes.h"
#include "auth/passwordhasher.h"
#include "core/errorcatalogue.h"
#include "gc/gcworker.h"
#include "logs/exportworker.h"
#include "logs/logbatchwriter.h"
#include "logs/retentionworker.h"
#include "registry/routes.h"
#include "runtime/workercontext.h"
#include "storage/filesystemblobstore.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>

Q_LOGGING_CATEGORY(lcServer, "kai.server")

static void initMigrationResources()
{
    Q_INIT_RESOURCE(migrations);
}

namespace kai::runtime {

namespace {

Error ioError(const QString &text) { return Error::of(ErrorKind::Io, text); }

// The database secret key: 32 random bytes, made once, readable only by
// the server's user.
Result<QByteArray> loadOrCreateSecret(const QString &path)
{
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return ioError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        const QByteArray key = QByteArray::fromBase64(file.readAll().trimmed());
        if (key.size() != 32)
            return ioError(QStringLiteral("%1 does not hold a 32-byte key").arg(path));
        return key;
    }
    const QByteArray key = auth::SecretBox::randomBytes(32);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return ioError(QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(key.toBase64() + '\n');
    return key;
}

// Keeps a worker's context alive for as long as its router lives, and
// answers unknown paths.
std::unique_ptr<http::Router> makeRouter(const ServerContext &server)
{
    auto router = std::make_unique<http::Router>();
    auto context = WorkerContext::open(server);
    if (!context) {
        const Error error = context.error();
        qCCritical(lcServer) << "worker cannot open the database:" << error.message;
        router->setFallback([error](http::HttpRequest &, http::HttpResponse &response) {
            response.setStatus(503);
            response.setJson(registryErrorBody(Error::of(ErrorKind::Unavailable, QStringLiteral("database unavailable"))));
        });
        return router;
    }
    std::shared_ptr<WorkerContext> shared(std::move(*context));
    registry::addRoutes(*router, *shared);
    api::addRoutes(*router, *shared);
    // The core has set 404 or 405 before calling this.
    router->setFallback([shared](http::HttpRequest &request, http::HttpResponse &response) {
        if (request.path.startsWith(QLatin1String("/v2/")))
            response.setJson(registryErrorBody(Error::of(ErrorKind::NameUnknown, QStringLiteral("no such route"))));
        else
            response.setJson(apiErrorBody(Error::of(ErrorKind::ApiNotFound), shared->config().urlBase()));
    });
    return router;
}

} // namespace

Status migrateDatabase(const config::Config &config)
{
    initMigrationResources();
    if (!QDir().mkpath(config.dataDir))
        return ioError(QStringLiteral("cannot create the data directory %1").arg(config.dataDir));
    auto db = db::openDatabase(config.effectiveDbUri());
    if (!db)
        return db.error();
    return (*db)->migrate(QStringLiteral(":/migrations"));
}

KaiServer::KaiServer(config::Config config, QObject *parent) : QObject(parent), m_config(std::move(config)) {}

KaiServer::~KaiServer()
{
    stopGarbageCollector();
    stopExportWorker();
    stopLogRetention();
    stopLogWriter();
}

Result<std::unique_ptr<KaiServer>> KaiServer::prepare(config::Config config, QObject *parent)
{
    std::unique_ptr<KaiServer> server(new KaiServer(std::move(config), parent));
    if (!QDir().mkpath(server->m_config.dataDir + "/keys"))
        return ioError(QStringLiteral("cannot create the data directory %1").arg(server->m_config.dataDir));
    if (Status s = server->prepareKeys(); !s)
        return s.error();
    auto blobs = storage::FilesystemBlobStore::open(server->m_config.effectiveStoragePath());
    if (!blobs)
        return blobs.error();
    server->m_blobs = std::move(*blobs);
    if (Status s = server->prepareDatabase(); !s)
        return s.error();
    server->m_context.reset(new ServerContext{server->m_config, *server->m_signingKey, *server->m_secretBox, *server->m_blobs});
    if (server->m_config.featureMailing) {
        mail::Mailer::Options mailOptions;
        mailOptions.messageIdDomain = server->m_config.hostname().section(QLatin1Char(':'), 0, 0);
        server->m_mailer = std::make_unique<mail::Mailer>(mail::SmtpSettings::fromConfig(server->m_config), mailOptions);
        server->m_context->mailer = server->m_mailer.get();
    }
    server->m_logWriter = std::make_unique<logs::LogBatchWriter>(
        logs::LogBatchWriter::Options{server->m_config.effectiveDbUri()});
    server->m_logWriter->start();
    server->m_context->logBatchWriter = server->m_logWriter.get();
    server->m_context->tagPageBookmarks = &server->m_tagPageBookmarks;
    return server;
}

Status KaiServer::prepareKeys()
{
    auto key = auth::SigningKey::loadOrCreate(m_config.signingKeyPath());
    if (!key)
        return key.error();
    m_signingKey = std::make_unique<auth::SigningKey>(std::move(*key));
    auto secret = loadOrCreateSecret(m_config.secretKeyPath());
    if (!secret)
        return secret.error();
    m_secretBox = std::make_unique<auth::SecretBox>(*secret);
    return {};
}

Status KaiServer::prepareDatabase()
{
    if (Status s = migrateDatabase(m_config); !s)
        return s;
    auto db = db::openDatabase(m_config.effectiveDbUri());
    if (!db)
        return db.error();
    store::NamespaceStore namespaces(**db, m_config.defaultTagExpirationSeconds);
    for (const QString &name : m_config.superUsers) {
        auto user = namespaces.byName(name);
        if (user && user->has_value() && !(*user)->superuser)
            (void)namespaces.setSuperuser((*user)->id, true);
    }
    if (m_config.featureUserInitialize)
        return {};
    auto count = namespaces.userCount();
    if (!count)
        return count.error();
    if (*count > 0)
        return {};
    // The embedded default: one superuser, its password shown once.
    const QString password = auth::SecretBox::randomToken(24, QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"));
    auto user = namespaces.createUser(QStringLiteral("admin"), QString(), auth::hashPassword(password), true,
                                      QDateTime::currentMSecsSinceEpoch());
    if (!user)
        return user.error();
    m_bootstrap = Bootstrap{user->name, password};
    return {};
}

Status KaiServer::start()
{
    http::HttpServerOptions options;
    options.address = m_config.listenAddress;
    options.port = m_config.listenPort;
    options.workerThreads = m_config.workerThreads;
    options.trustedProxies = m_config.trustedProxies;
    if (!m_config.tlsCertificatePath.isEmpty()) {
        QFile certFile(m_config.tlsCertificatePath);
        QFile keyFile(m_config.tlsKeyPath);
        if (!certFile.open(QIODevice::ReadOnly))
            return Error::of(ErrorKind::InvalidRequest, QStringLiteral("SSL_CERT_PATH: cannot read %1").arg(certFile.fileName()));
        if (!keyFile.open(QIODevice::ReadOnly))
            return Error::of(ErrorKind::InvalidRequest, QStringLiteral("SSL_KEY_PATH: cannot read %1").arg(keyFile.fileName()));
        const auto chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return Error::of(ErrorKind::InvalidRequest, QStringLiteral("SSL_CERT_PATH/SSL_KEY_PATH: not a PEM certificate and key"));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        options.tls = tls;
    }
    const ServerContext &context = *m_context;
    m_http = new http::HttpServer(options, [&context] { return makeRouter(context); }, this);
    connect(m_http, &http::HttpServer::stopped, this, [this] {
        // Mail queued by requests that already answered still goes out,
        // for a bounded time.
        if (m_mailer)
            m_mailer->shutdown(std::chrono::seconds(10));
        // Pulls and logins answered so far are in the log before we exit.
        stopLogWriter();
        Q_EMIT stopped();
    });
    if (Status s = m_http->listen(); !s)
        return s;
    // Port 0 asks for any free port; from here on the hostname names it.
    m_config.listenPort = m_http->serverPort();

    // Garbage collection (and the removal of abandoned uploads) on a
    // thread of its own, with its own database connection.
    m_gcWorker = new gc::GcWorker(*m_context);
    m_gcWorker->moveToThread(&m_gcThread);
    connect(&m_gcThread, &QThread::started, m_gcWorker, &gc::GcWorker::start);
    connect(&m_gcThread, &QThread::finished, m_gcWorker, &gc::GcWorker::stop);
    connect(&m_gcThread, &QThread::finished, m_gcWorker, &QObject::deleteLater);
    m_gcThread.setObjectName(QStringLiteral("kai-gc"));
    m_gcThread.start(QThread::LowPriority);

    // Usage-log retention, likewise.
    m_logRetention = new logs::RetentionWorker(*m_context);
    m_logRetention->moveToThread(&m_logRetentionThread);
    connect(&m_logRetentionThread, &QThread::started, m_logRetention, &logs::RetentionWorker::start);
    connect(&m_logRetentionThread, &QThread::finished, m_logRetention, &logs::RetentionWorker::stop);
    connect(&m_logRetentionThread, &QThread::finished, m_logRetention, &QObject::deleteLater);
    m_logRetentionThread.setObjectName(QStringLiteral("kai-log-retention"));
    m_logRetentionThread.start(QThread::LowPriority);

    // Usage log exports, likewise on a thread of their own.
    m_exportWorker = new logs::ExportWorker(*m_context);
    m_exportWorker->moveToThread(&m_exportThread);
    connect(&m_exportThread, &QThread::started, m_exportWorker, &logs::ExportWorker::start);
    connect(&m_exportThread, &QThread::finished, m_exportWorker, &logs::ExportWorker::stop);
    connect(&m_exportThread, &QThread::finished, m_exportWorker, &QObject::deleteLater);
    m_exportThread.setObjectName(QStringLiteral("kai-log-export"));
    m_exportThread.start(QThread::LowPriority);
    return {};
}

void KaiServer::stopGarbageCollector()
{
    if (!m_gcWorker)
        return;
    // The running pass ends after its current batch (a short transaction);
    // the worker is stopped and deleted on its thread as the thread ends.
    m_gcWorker->requestStop();
    m_gcThread.quit();
    m_gcThread.wait();
    m_gcWorker = nullptr;
}

void KaiServer::stopLogRetention()
{
    if (!m_logRetention)
        return;
    m_logRetention->requestStop();
    m_logRetentionThread.quit();
    m_logRetentionThread.wait();
    m_logRetention = nullptr;
}

void KaiServer::stopLogWriter()
{
    if (m_logWriter)
        m_logWriter->stop();
}

void KaiServer::stopExportWorker()
{
    if (!m_exportWorker)
        return;
    // A running export stops after its current chunk and stays queued; a
    // callback in flight is abandoned (not counted as an attempt).
    m_exportWorker->requestStop();
    m_exportThread.quit();
    m_exportThread.wait();
    m_exportWorker = nullptr;
}

void KaiServer::shutdown(int graceMs)
{
    stopGarbageCollector();
    stopExportWorker();
    stopLogRetention();
    if (m_http)
        m_http->shutdown(graceMs);
    else
        Q_EMIT stopped();
}

} // namespace kai::runtime
