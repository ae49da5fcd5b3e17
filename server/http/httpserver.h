#pragma once

#include "core/result.h"
#include "http/clientaddress.h"
#include "http/router.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

namespace kai::http {

struct HttpServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;                 // 0: pick a free port
    int workerThreads = 0;               // 0: one per core
    qint64 maxHeaderBytes = 64 * 1024;   // request line + headers; over it: 431
    int idleTimeoutMs = 60'000;          // keep-alive connection with no request
    int slowClientTimeoutMs = 30'000;    // request in progress, no bytes for this long
    std::optional<QSslConfiguration> tls; // HTTPS on the same listener when set
    TrustedProxies trustedProxies;       // KAI_TRUSTED_PROXIES
};

// Builds the router of one worker thread. It runs on that thread, so whatever
// the handlers capture (a database connection, say) belongs to that thread.
using RouterFactory = std::function<std::unique_ptr<Router>()>;

// Accepts connections and hands each socket descriptor to one of a fixed
// pool of worker threads (one QThread + event loop each); a connection stays
// on its worker. Each worker parses HTTP/1.1, streams request bodies to the
// route's consumer, and writes responses with keep-alive, chunked encoding,
// 100-continue and HEAD handled here, never in endpoints.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    HttpServer(HttpServerOptions options, RouterFactory routerFactory, QObject *parent = nullptr);
    ~HttpServer() override;

    Status listen();
    quint16 serverPort() const;

    // Stops accepting, lets in-flight requests finish (up to graceMs), closes
    // idle connections, then emits stopped().
    void shutdown(int graceMs = 30'000);

Q_SIGNALS:
    void stopped();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace kai::http
