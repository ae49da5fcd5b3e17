#pragma once

#include "http/clientaddress.h"
#include "http/httpparser.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "http/router.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class QIODevice;
class QSocketNotifier;
class QTcpSocket;

namespace kai::http {

class BodyConsumer;
class BodyProducer;

struct ConnectionOptions
{
    qint64 maxHeaderBytes = 64 * 1024;
    int idleTimeoutMs = 60'000;
    int slowClientTimeoutMs = 30'000;
    TrustedProxies trustedProxies;   // whose X-Forwarded-For names the client
};

// Scratch memory shared by every connection of one worker thread. Safe
// because a worker runs one connection's code at a time and nothing keeps a
// pointer into it across event-loop turns.
struct WorkerBuffers
{
    QByteArray read;    // socket -> parser
    QByteArray chunk;   // device -> socket
};

// One client connection on its worker thread: reads requests through
// HttpParser, routes them, streams bodies to consumers, writes responses
// (in memory, from a device, or chunked from a producer) with back-pressure,
// keeps alive or closes, and enforces the timeouts. Requests on one
// connection are handled strictly one after another. A file body on a
// plain-TCP connection goes out with sendfile(2) where the platform has it.
class HttpConnection final : public QObject, private HttpParser::Listener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    // Takes ownership of `socket` (already connected); `router` and
    // `buffers` outlive the connection.
    HttpConnection(QTcpSocket *socket, bool encrypted, const Router &router,
                   const ConnectionOptions &options, WorkerBuffers &buffers,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // Graceful shutdown: an idle connection closes now (unless closeIfIdle
    // is false: a connection accepted during the drain still gets its first
    // request answered), a busy one after its current response.
    void drain(bool closeIfIdle = true);

Q_SIGNALS:
    // Emitted once when the connection is gone; the owner deletes it later.
    void closed();

private:
    enum class State { Idle, Reading, Responding, Closing, Closed };
    enum class Mode { None, Buffered, Stream, Rejected };

    // HttpParser::Listener
    void onMessageBegin() override;
    bool onHeadersComplete() override;
    bool onBody(QByteArrayView data) override;
    void onMessageComplete() override;

    void onReadyRead();
    void onBytesWritten();
    void onTimeout();
    void processInput();
    void dispatch();
    bool reject(bool bodyFollows);
    void setError(int status, ErrorKind kind, const QString &message = {});
    void sendResponse();
    void pumpDevice();
    void pumpFile();
    void queuePumpFile();
    void setWriteWatch(bool enabled);
    void stopFile();
    void pumpProducer();
    void finishResponse();
    void closeGracefully();
    void startLinger();
    void abortConnection(const char *why);
    void onDisconnected();
    void touch();
    void armTimer();
    qint64 currentTimeout() const;
    qint64 currentDeadline() const;

    QTcpSocket *m_socket;
    const Router &m_router;
    ConnectionOptions m_options;
    WorkerBuffers &m_buffers;
    HttpRequest m_request;
    HttpResponse m_response;
    HttpParser m_parser;
    const Router::Route *m_route = nullptr;
    std::unique_ptr<BodyConsumer> m_consumer;
    std::unique_ptr<QIODevice> m_device;
    std::unique_ptr<BodyProducer> m_producer;
    // Zero-copy file body: the descriptor of m_device sent from, and a write
    // notifier of our own on the socket, enabled only while the kernel
    // buffer is full and QTcpSocket's buffer (and so its notifier) is idle.
    std::unique_ptr<QSocketNotifier> m_writeWatch;
    int m_fileFd = -1;
    qint64 m_fileOffset = 0;
    QByteArray m_pending;            // pipelined bytes not yet parsed
    QTimer m_timer;
    QElapsedTimer m_requestClock;
    qint64 m_lastActivityMs = 0;
    qint64 m_lingerStartMs = 0;
    qint64 m_timerDeadlineMs = 0;
    qint64 m_deviceRemaining = 0;
    qint64 m_bodyBytesSent = 0;
    State m_state = State::Idle;
    Mode m_mode = Mode::None;
    bool m_encrypted;
    bool m_keepAlive = true;
    bool m_http10 = false;
    bool m_isHead = false;
    bool m_chunkedOut = false;
    bool m_closeAfterResponse = false;
    bool m_lingering = false;        // request body left unread: close gently
    bool m_lingerStarted = false;
    bool m_draining = false;
    bool m_processing = false;
    bool m_inputPaused = false;      // client not reading its responses
    bool m_closedEmitted = false;
    bool m_filePumpQueued = false;
};

} // namespace kai::http
