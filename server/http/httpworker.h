#pragma once

#include "http/httpconnection.h"
#include "http/httpserver.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace kai::http {

// One I/O thread's share of the server: its Router (built on this thread by
// the RouterFactory, so per-thread resources stay here) and the connections
// handed to it. Lives on its own QThread; every method runs there.
class HttpWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpWorker)

public:
    HttpWorker(std::function<std::unique_ptr<Router>()> makeRouter,
               const HttpServerOptions &options);
    ~HttpWorker() override;

    // Builds the router; the first thing run on the worker thread.
    void start();
    // Wraps an accepted descriptor in a socket and serves it.
    void addConnection(qintptr descriptor);
    // Graceful shutdown: idle connections close now, busy ones after their
    // response; drained() once none is left.
    void drain();

Q_SIGNALS:
    void drained();

private:
    void onConnectionClosed(HttpConnection *connection);

    std::function<std::unique_ptr<Router>()> m_makeRouter;
    std::optional<QSslConfiguration> m_tls;
    ConnectionOptions m_connectionOptions;
    std::unique_ptr<Router> m_router;
    QSet<HttpConnection *> m_connections;
    WorkerBuffers m_buffers;
    bool m_draining = false;
    bool m_drainedEmitted = false;
};

} // namespace kai::http
