#include "http/httpconnection.h"

#include "core/errorcatalogue.h"
#include "http/bodyconsumer.h"
#include "http/filesender.h"
#include "http/httplog.h"
#include "http/httpwire.h"

#include <QIODevice>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <chrono>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace kai::http {

namespace {

// Device and producer bodies go out in pieces of this size, and the next
// piece is produced only once the socket's queue is below the low-water
// mark, so a multi-GB blob costs a few hundred KiB of memory per download.
constexpr qint64 kChunkBytes = 256 * 1024;
constexpr qint64 kLowWaterBytes = 128 * 1024;
// A file body sent with sendfile(2) gives the event loop back after this
// many bytes even if the socket could take more, so that one fast download
// does not starve the other connections of its worker.
constexpr qint64 kSendfileBudgetBytes = 4 * 1024 * 1024;
// Stop parsing pipelined requests while this much response data is queued
// for a client that does not read.
constexpr qint64 kHighWaterBytes = 1024 * 1024;
constexpr qint64 kReadBytes = 64 * 1024;
constexpr qint64 kSocketReadBufferBytes = 1024 * 1024;
// After answering a request whose body was not read, keep reading (and
// discarding) for at most this long before the close, so the client sees
// the response instead of a reset.
constexpr qint64 kLingerMs = 2000;

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool isCoreHeader(QByteArrayView name)
{
    // Framing is the core's business: an endpoint's own Content-Length or
    // Transfer-Encoding would contradict the bytes actually sent.
    return name.compare("content-length", Qt::CaseInsensitive) == 0
           || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0
           || name.compare("connection", Qt::CaseInsensitive) == 0;
}

bool hasLineBreak(QByteArrayView value)
{
    return value.contains('\r') || value.contains('\n');
}

// Every X-Forwarded-For header of the request, in order, joined by commas
// (a proxy may append its own header instead of extending the first).
QByteArray forwardedFor(const HttpRequest &request)
{
    QByteArray joined;
    for (const auto &[name, value] : request.headers) {
        if (name.compare("x-forwarded-for", Qt::CaseInsensitive) != 0)
            continue;
        if (!joined.isEmpty())
            joined += ',';
        joined += value;
    }
    return joined;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, bool encrypted, const Router &router,
                               const ConnectionOptions &options, WorkerBuffers &buffers,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_router(router)
    , m_options(options)
    , m_buffers(buffers)
    , m_parser(*this, m_request, options.maxHeaderBytes)
    , m_encrypted(encrypted)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bounded, so a client that pipelines while a large response is being
    // written cannot make the server buffer its input without limit.
    m_socket->setReadBufferSize(kSocketReadBufferBytes);
    m_request.peer = m_socket->peerAddress();
    m_request.client = plainAddress(m_request.peer);
    if (m_buffers.read.size() < kReadBytes)
        m_buffers.read.resize(kReadBytes);

    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);

    touch();
    armTimer();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (m_consumer)
        m_consumer->abort();
    // Before the socket (a child, deleted later) closes the descriptor.
    m_writeWatch.reset();
}

void HttpConnection::drain(bool closeIfIdle)
{
    m_draining = true;
    if (closeIfIdle && m_state == State::Idle && m_pending.isEmpty() && m_socket->bytesAvailable() == 0)
        closeGracefully();
}

void HttpConnection::touch()
{
    m_lastActivityMs = nowMs();
}

qint64 HttpConnection::currentTimeout() const
{
    switch (m_state) {
    case State::Idle:
        return m_socket->bytesToWrite() > 0 ? m_options.slowClientTimeoutMs : m_options.idleTimeoutMs;
    case State::Reading:
    case State::Responding:
        return m_options.slowClientTimeoutMs;
    case State::Closing:
        return m_lingerStarted ? kLingerMs : m_options.slowClientTimeoutMs;
    case State::Closed:
        break;
    }
    return -1;
}

// -1: no deadline. Lingering ends at a fixed time after it began, however
// busily the client keeps sending; everything else counts from the last
// byte that moved.
qint64 HttpConnection::currentDeadline() const
{
    const qint64 timeout = currentTimeout();
    if (timeout < 0)
        return -1;
    return (m_lingerStarted ? m_lingerStartMs : m_lastActivityMs) + timeout;
}

// The timer is re-armed lazily: activity only records a timestamp, and the
// timer is restarted only when the new deadline is earlier than the armed
// one. A busy connection thus does not touch the timer on every read.
void HttpConnection::armTimer()
{
    const qint64 deadline = currentDeadline();
    if (deadline < 0) {
        m_timer.stop();
        return;
    }
    if (!m_timer.isActive() || deadline < m_timerDeadlineMs) {
        m_timerDeadlineMs = deadline;
        m_timer.start(int(std::max<qint64>(0, deadline - nowMs())));
    }
}

void HttpConnection::onTimeout()
{
    const qint64 deadline = currentDeadline();
    if (deadline < 0)
        return;
    const qint64 now = nowMs();
    if (now < deadline) {
        m_timerDeadlineMs = deadline;
        m_timer.start(int(deadline - now));
        return;
    }
    switch (m_state) {
    case State::Idle:
        if (m_socket->bytesToWrite() > 0)
            abortConnection("response not read in time");
        else
            abortConnection(nullptr);   // idle keep-alive: close silently
        break;
    case State::Reading:
        abortConnection("request timed out");
        break;
    case State::Responding:
        abortConnection("response not read in time");
        break;
    case State::Closing:
        abortConnection(m_lingerStarted ? nullptr : "response not read in time");
        break;
    case State::Closed:
        break;
    }
}

void HttpConnection::onReadyRead()
{
    touch();
    if (m_state == State::Closing) {
        // Lingering (or waiting for the flush before the close): whatever the
        // client still sends is discarded.
        while (m_socket->read(m_buffers.read.data(), m_buffers.read.size()) > 0) {
        }
        return;
    }
    processInput();
}

void HttpConnection::onBytesWritten()
{
    touch();
    switch (m_state) {
    case State::Responding:
        if (m_fileFd >= 0) {
            // QTcpSocket switches its own write notifier off only after this
            // signal returns; ours may go on from the next event-loop turn.
            if (m_socket->bytesToWrite() == 0)
                queuePumpFile();
        } else if (m_device) {
            pumpDevice();
        } else if (m_producer) {
            pumpProducer();
        }
        break;
    case State::Closing:
        if (m_lingering && m_socket->bytesToWrite() == 0)
            startLinger();
        break;
    case State::Idle:
    case State::Reading:
        // Input may have been left waiting while too much output was queued.
        if (m_inputPaused && m_socket->bytesToWrite() <= kHighWaterBytes)
            processInput();
        break;
    case State::Closed:
        break;
    }
    armTimer();
}

void HttpConnection::processInput()
{
    if (m_processing || m_closedEmitted)
        return;
    m_processing = true;
    m_inputPaused = false;

    while (m_state == State::Idle || m_state == State::Reading) {
        if (m_socket->bytesToWrite() > kHighWaterBytes) {
            m_inputPaused = true;
            break;
        }
        const bool fromPending = !m_pending.isEmpty();
        const char *data;
        qsizetype size;
        if (fromPending) {
            data = m_pending.constData();
            size = m_pending.size();
        } else {
            size = m_socket->read(m_buffers.read.data(), m_buffers.read.size());
            if (size <= 0)
                break;
            data = m_buffers.read.constData();
        }

        const HttpParser::FeedResult r = m_parser.feed(data, size);
        if (fromPending)
            m_pending.remove(0, r.consumed);
        else if (r.outcome == HttpParser::Outcome::MessageComplete && r.consumed < size)
            m_pending.append(data + r.consumed, size - r.consumed);

        switch (r.outcome) {
        case HttpParser::Outcome::NeedMore:
            break;
        case HttpParser::Outcome::MessageComplete:
            dispatch();
            break;
        case HttpParser::Outcome::Stopped:
            // A response was decided on the head (or a failed/oversized
            // body); the rest of the body is not read.
            m_pending.clear();
            sendResponse();
            break;
        case HttpParser::Outcome::HeaderTooLarge:
            m_pending.clear();
            m_response = HttpResponse();
            setError(431, ErrorKind::InvalidRequest, QStringLiteral("request header fields too large"));
            m_closeAfterResponse = true;
            m_lingering = true;
            sendResponse();
            break;
        case HttpParser::Outcome::Error:
            qCDebug(lcHttp) << "malformed request from" << m_request.peer << m_parser.errorDescription();
            m_pending.clear();
            m_response = HttpResponse();
            setError(400, ErrorKind::InvalidRequest,
                     QStringLiteral("malformed request: %1").arg(QString::fromLatin1(m_parser.errorDescription())));
            m_closeAfterResponse = true;
            m_lingering = true;
            sendResponse();
            break;
        }
    }
    m_processing = false;
    armTimer();
}

void HttpConnection::onMessageBegin()
{
    m_state = State::Reading;
    m_mode = Mode::None;
    m_route = nullptr;
    m_response = HttpResponse();
    m_bodyBytesSent = 0;
    m_requestClock.start();
}

bool HttpConnection::onHeadersComplete()
{
    m_keepAlive = m_parser.keepAlive();
    m_http10 = m_parser.httpMajor() < 1 || (m_parser.httpMajor() == 1 && m_parser.httpMinor() == 0);
    m_isHead = m_request.method == "HEAD";
    if (!m_options.trustedProxies.isEmpty())
        m_request.client = clientAddress(m_request.peer, forwardedFor(m_request), m_options.trustedProxies);
    const bool hasBody = m_request.chunked || m_request.contentLength > 0;
    const bool expectContinue = hasBody && !m_http10
                                && m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;

    if (!decodeTarget(m_request)) {
        setError(400, ErrorKind::InvalidRequest, QStringLiteral("invalid request path"));
        return reject(hasBody);
    }

    const Router::Match match = m_router.match(m_request);
    if (!match.route) {
        // The status is preset so a fallback can tell 404 from 405.
        const int status = match.pathMatchedOtherMethod ? 405 : 404;
        if (m_router.fallback()) {
            m_response.setStatus(status);
            m_router.fallback()(m_request, m_response);
        } else {
            setError(status, ErrorKind::Unsupported,
                     status == 404 ? QStringLiteral("no such endpoint") : QStringLiteral("method not allowed"));
        }
        return reject(hasBody);
    }

    m_route = match.route;
    if (m_route->streamHandler) {
        m_consumer = m_route->streamHandler(m_request, m_response);
        if (!m_consumer)
            return reject(hasBody);
        m_mode = Mode::Stream;
    } else {
        if (m_request.contentLength > m_route->maxBodyBytes) {
            setError(413, ErrorKind::TooLarge);
            return reject(hasBody);
        }
        m_mode = Mode::Buffered;
        if (m_request.contentLength > 0)
            m_request.body.reserve(m_request.contentLength);
    }
    if (expectContinue)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

bool HttpConnection::reject(bool bodyFollows)
{
    m_mode = Mode::Rejected;
    if (!bodyFollows)
        return true;   // answered on message complete; keep-alive stays safe
    // The body will not be read, so the connection cannot carry another
    // request: answer now and close.
    m_closeAfterResponse = true;
    m_lingering = true;
    return false;
}

void HttpConnection::setError(int status, ErrorKind kind, const QString &message)
{
    m_response.setStatus(status);
    m_response.setJson(registryErrorBody(Error::of(kind, message)));
}

bool HttpConnection::onBody(QByteArrayView data)
{
    switch (m_mode) {
    case Mode::Buffered:
        if (m_request.body.size() + data.size() > m_route->maxBodyBytes) {
            m_response = HttpResponse();
            setError(413, ErrorKind::TooLarge);
            m_mode = Mode::Rejected;
            m_closeAfterResponse = true;
            m_lingering = true;
            return false;
        }
        m_request.body.append(data);
        return true;
    case Mode::Stream: {
        const Status status = m_consumer->consume(data);
        if (status.ok())
            return true;
        m_consumer->fail(status.error(), m_response);
        m_consumer.reset();
        m_mode = Mode::Rejected;
        m_closeAfterResponse = true;
        m_lingering = true;
        return false;
    }
    case Mode::Rejected:
    case Mode::None:
        break;
    }
    return true;
}

void HttpConnection::onMessageComplete()
{
    // Handled in dispatch(), outside the parser's callback.
}

void HttpConnection::dispatch()
{
    switch (m_mode) {
    case Mode::Buffered:
        m_route->handler(m_request, m_response);
        break;
    case Mode::Stream: {
        const std::unique_ptr<BodyConsumer> consumer = std::move(m_consumer);
        consumer->finish(m_response);
        break;
    }
    case Mode::Rejected:
        break;
    case Mode::None:
        setError(500, ErrorKind::Internal);
        break;
    }
    sendResponse();
}

void HttpConnection::sendResponse()
{
    m_state = State::Responding;
    if (!m_keepAlive || m_draining || m_response.closeConnection())
        m_closeAfterResponse = true;

    std::unique_ptr<QIODevice> device = m_response.takeBodyDevice();
    std::unique_ptr<BodyProducer> producer = m_response.takeBodyProducer();
    int status = m_response.status();
    const bool bodyAllowed = status >= 200 && status != 204 && status != 304;
    const bool sendBody = bodyAllowed && !m_isHead;

    if (device && sendBody && m_response.deviceOffset() > 0 && !device->isSequential()
        && !device->seek(m_response.deviceOffset())) {
        qCWarning(lcHttp) << "cannot seek response body" << device->errorString();
        device.reset();
        m_response = HttpResponse();
        setError(500, ErrorKind::Io);
        status = 500;
    } else if (device && sendBody && m_response.deviceOffset() > 0 && device->isSequential()) {
        device->skip(m_response.deviceOffset());
    }

    qint64 length = -1;
    if (device)
        length = m_response.deviceLength();
    else if (!producer)
        length = m_response.body().size();
    if (m_isHead && m_response.headOnlyLength() >= 0)
        length = m_response.headOnlyLength();

    const QByteArray &body = m_response.body();
    const bool inlineBody = sendBody && !device && !producer;
    QByteArray out;
    out.reserve(256 + (inlineBody ? body.size() : 0));
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ')
        .append(reasonPhrase(status)).append("\r\nDate: ").append(httpDate()).append("\r\n");
    for (const auto &[name, value] : m_response.headers()) {
        if (isCoreHeader(name))
            continue;
        if (hasLineBreak(name) || hasLineBreak(value)) {
            qCWarning(lcHttp) << "dropping response header with a line break:" << name;
            continue;
        }
        out.append(name).append(": ").append(value).append("\r\n");
    }
    m_chunkedOut = false;
    if (bodyAllowed) {
        if (length >= 0) {
            out.append("Content-Length: ").append(QByteArray::number(length)).append("\r\n");
        } else if (!m_http10) {
            out.append("Transfer-Encoding: chunked\r\n");
            m_chunkedOut = true;
        } else if (sendBody) {
            m_closeAfterResponse = true;   // HTTP/1.0: the close delimits the body
        }
    }
    if (m_closeAfterResponse)
        out.append("Connection: close\r\n");
    else if (m_http10)
        out.append("Connection: keep-alive\r\n");
    out.append("\r\n");
    if (inlineBody) {
        out.append(body);
        m_bodyBytesSent = body.size();
    }
    m_socket->write(out);

    if (sendBody && device) {
        m_device = std::move(device);
        m_deviceRemaining = length;
        if (!m_encrypted && length > 0)
            m_fileFd = sendfileDescriptor(*m_device);
        if (m_fileFd >= 0) {
            m_fileOffset = m_response.deviceOffset();
            // sendfile writes past QTcpSocket, so the head must have left
            // its buffer first. It usually goes now; if not, bytesWritten
            // resumes the body once it has.
            m_socket->flush();
            pumpFile();
            return;
        }
        pumpDevice();
        return;
    }
    if (sendBody && producer) {
        m_producer = std::move(producer);
        pumpProducer();
        return;
    }
    // Small responses go to the kernel now instead of on the next event-loop
    // turn: one less wake-up per request.
    m_socket->flush();
    finishResponse();
}

void HttpConnection::pumpDevice()
{
    if (m_buffers.chunk.size() < kChunkBytes)
        m_buffers.chunk.resize(kChunkBytes);
    while (m_device && m_deviceRemaining > 0 && m_socket->bytesToWrite() < kLowWaterBytes) {
        const qint64 want = std::min<qint64>(kChunkBytes, m_deviceRemaining);
        const qint64 got = m_device->read(m_buffers.chunk.data(), want);
        if (got <= 0) {
            // The head is out already; the only honest signal left is to cut
            // the connection short of the announced length.
            qCWarning(lcHttp) << "response body device ended early:" << m_device->errorString();
            abortConnection("response body device failed");
            return;
        }
        m_socket->write(m_buffers.chunk.constData(), got);
        m_deviceRemaining -= got;
        m_bodyBytesSent += got;
    }
    if (m_device && m_deviceRemaining == 0) {
        m_device.reset();
        finishResponse();
    }
}

// The zero-copy twin of pumpDevice(). Runs when the head is out, again on
// each activation of m_writeWatch while the kernel buffer was full, and after
// each budget's worth of bytes; every byte that moves counts as activity for
// the slow-client timeout.
void HttpConnection::pumpFile()
{
    if (m_closedEmitted || m_state != State::Responding || m_fileFd < 0 || !m_device)
        return;
    if (m_socket->bytesToWrite() > 0) {
        // QTcpSocket's own notifier is on; two write notifiers on one
        // descriptor make the event dispatcher complain.
        setWriteWatch(false);
        return;
    }
    const qintptr socketFd = m_socket->socketDescriptor();
    if (socketFd < 0) {
        abortConnection(nullptr);
        return;
    }
    const SendfileResult r = sendFileRange(socketFd, m_fileFd, m_fileOffset, m_deviceRemaining,
                                           kSendfileBudgetBytes);
    if (r.sent > 0) {
        m_bodyBytesSent += r.sent;
        touch();
    }
    switch (r.stop) {
    case SendfileResult::Stop::Done:
        stopFile();
        m_device.reset();
        finishResponse();
        return;
    case SendfileResult::Stop::WouldBlock:
    case SendfileResult::Stop::Budget:
        setWriteWatch(true);
        armTimer();
        return;
    case SendfileResult::Stop::EndOfFile:
        qCWarning(lcHttp) << "response body file ended" << m_deviceRemaining << "bytes early";
        abortConnection("response body device failed");
        return;
    case SendfileResult::Stop::Unsupported:
        qCDebug(lcHttp) << "sendfile unavailable, copying instead:" << qt_error_string(r.error);
        stopFile();
        if (!m_device->seek(m_fileOffset)) {
            abortConnection("response body device failed");
            return;
        }
        pumpDevice();
        return;
    case SendfileResult::Stop::Failed:
        // What QTcpSocket does on a failed write: the client is gone.
        qCDebug(lcHttp) << "sendfile to" << m_request.peer << "failed:" << qt_error_string(r.error);
        abortConnection(nullptr);
        return;
    }
}

void HttpConnection::queuePumpFile()
{
    if (m_filePumpQueued)
        return;
    m_filePumpQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_filePumpQueued = false;
        pumpFile();
    }, Qt::QueuedConnection);
}

// Our own write notifier on the socket descriptor, on only while a file body
// waits for room in the kernel buffer. QTcpSocket keeps its write notifier
// off whenever its buffer is empty, which pumpFile() ensures before it turns
// this one on, so the two are never registered together.
void HttpConnection::setWriteWatch(bool enabled)
{
    if (!enabled) {
        if (m_writeWatch)
            m_writeWatch->setEnabled(false);
        return;
    }
    if (m_writeWatch) {
        m_writeWatch->setEnabled(true);
        return;
    }
    m_writeWatch = std::make_unique<QSocketNotifier>(m_socket->socketDescriptor(), QSocketNotifier::Write);
    connect(m_writeWatch.get(), &QSocketNotifier::activated, this, &HttpConnection::pumpFile);
}

void HttpConnection::stopFile()
{
    setWriteWatch(false);
    m_fileFd = -1;
}

void HttpConnection::pumpProducer()
{
    while (m_producer && m_socket->bytesToWrite() < kLowWaterBytes) {
        const QByteArray piece = m_producer->next(kChunkBytes);
        if (piece.isEmpty()) {
            if (m_chunkedOut)
                m_socket->write("0\r\n\r\n");
            m_producer.reset();
            finishResponse();
            return;
        }
        if (m_chunkedOut) {
            QByteArray size = QByteArray::number(piece.size(), 16);
            size.append("\r\n");
            m_socket->write(size);
            m_socket->write(piece);
            m_socket->write("\r\n", 2);
        } else {
            m_socket->write(piece);
        }
        m_bodyBytesSent += piece.size();
    }
}

void HttpConnection::finishResponse()
{
    if (lcHttp().isInfoEnabled()) {
        const double ms = double(m_requestClock.nsecsElapsed()) / 1e6;
        qCInfo(lcHttp).noquote().nospace()
            << m_request.method << ' ' << (m_request.path.isEmpty() ? QString::fromLatin1(m_request.target) : m_request.path)
            << ' ' << m_response.status() << ' ' << m_bodyBytesSent << "B "
            << QString::number(ms, 'f', ms < 10 ? 2 : 1) << "ms";
    }
    m_response = HttpResponse();
    m_route = nullptr;
    m_mode = Mode::None;
    if (m_closedEmitted)
        return;   // the socket failed while the response was going out
    if (m_closeAfterResponse) {
        closeGracefully();
        return;
    }
    m_state = State::Idle;
    m_parser.resume();
    if (m_draining && m_pending.isEmpty() && m_socket->bytesAvailable() == 0) {
        closeGracefully();
        return;
    }
    if (!m_processing)
        processInput();   // a pipelined request may be waiting
}

void HttpConnection::closeGracefully()
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_state = State::Closing;
    m_pending.clear();
    if (m_lingering && !m_encrypted) {
        if (m_socket->bytesToWrite() == 0)
            startLinger();
        // else onBytesWritten starts it once the response is out
    } else {
        m_socket->disconnectFromHost();   // flushes first; may emit disconnected now
    }
    armTimer();
}

// Half-close and keep reading until the client closes (or kLingerMs): a
// close with unread input makes the kernel send a reset, which can destroy
// the response (413, say) before the client reads it.
void HttpConnection::startLinger()
{
    if (m_lingerStarted || m_closedEmitted)
        return;
    m_lingerStarted = true;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0) {
        m_socket->disconnectFromHost();
        return;
    }
#if defined(Q_OS_WIN)
    ::shutdown(SOCKET(fd), SD_SEND);
#else
    ::shutdown(int(fd), SHUT_WR);
#endif
    m_lingerStartMs = nowMs();
    m_timer.stop();
    armTimer();
    onReadyRead();
}

void HttpConnection::abortConnection(const char *why)
{
    if (m_closedEmitted)
        return;
    if (why)
        qCInfo(lcHttp).nospace() << "closing connection from " << m_request.peer.toString() << ": " << why;
    if (m_consumer) {
        m_consumer->abort();
        m_consumer.reset();
    }
    stopFile();   // before the descriptor closes
    m_socket->abort();
    onDisconnected();
}

void HttpConnection::onDisconnected()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    if (m_consumer) {
        // The client went away in the middle of a body.
        m_consumer->abort();
        m_consumer.reset();
    }
    stopFile();
    m_device.reset();
    m_producer.reset();
    m_state = State::Closed;
    m_timer.stop();
    Q_EMIT closed();
}

} // namespace kai::http
