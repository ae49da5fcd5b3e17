#include "http/httpworker.h"

#include "http/httplog.h"

#include <QSslSocket>
#include <QTcpSocket>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <unistd.h>
#endif

namespace kai::http {

HttpWorker::HttpWorker(std::function<std::unique_ptr<Router>()> makeRouter,
                       const HttpServerOptions &options)
    : m_makeRouter(std::move(makeRouter))
    , m_tls(options.tls)
    , m_connectionOptions{options.maxHeaderBytes, options.idleTimeoutMs, options.slowClientTimeoutMs, options.trustedProxies}
{
}

HttpWorker::~HttpWorker()
{
    // Connections go before the router: their consumers may still use what
    // the router's handlers captured (a database connection, say).
    const QList<HttpConnection *> all = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    m_connections.clear();
    qDeleteAll(all);
    m_router.reset();
}

void HttpWorker::start()
{
    m_router = m_makeRouter ? m_makeRouter() : nullptr;
    if (!m_router) {
        qCWarning(lcHttp) << "router factory returned no router; every request gets 404";
        m_router = std::make_unique<Router>();
    }
}

void HttpWorker::addConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket;
        ssl->setSslConfiguration(*m_tls);
        socket = ssl;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot adopt accepted socket:" << socket->errorString();
        delete socket;
#if defined(Q_OS_WIN)
        ::closesocket(SOCKET(descriptor));
#else
        ::close(int(descriptor));
#endif
        return;
    }
    if (m_tls)
        static_cast<QSslSocket *>(socket)->startServerEncryption();

    auto *connection = new HttpConnection(socket, m_tls.has_value(), *m_router, m_connectionOptions, m_buffers, this);
    m_connections.insert(connection);
    if (m_draining)
        connection->drain(false);
    connect(connection, &HttpConnection::closed, this,
            [this, connection] { onConnectionClosed(connection); });
}

void HttpWorker::onConnectionClosed(HttpConnection *connection)
{
    m_connections.remove(connection);
    connection->deleteLater();
    if (m_draining && m_connections.isEmpty() && !m_drainedEmitted) {
        m_drainedEmitted = true;
        Q_EMIT drained();
    }
}

void HttpWorker::drain()
{
    m_draining = true;
    // drain() may close a connection synchronously, which edits the set.
    const QList<HttpConnection *> all = m_connections.values();
    for (HttpConnection *connection : all) {
        if (m_connections.contains(connection))
            connection->drain();
    }
    if (m_connections.isEmpty() && !m_drainedEmitted) {
        m_drainedEmitted = true;
        Q_EMIT drained();
    }
}

} // namespace kai::http
