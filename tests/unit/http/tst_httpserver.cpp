#include "core/errorcatalogue.h"
#include "http/bodyconsumer.h"
#include "http/filesender.h"
#include "http/httpserver.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <atomic>

using namespace kai;
using namespace kai::http;

namespace {

// Everything the handlers observe, shared between the worker threads that
// run them and the test thread that checks them.
struct Recorder
{
    QMutex mutex;
    int pieces = 0;
    qint64 bytes = 0;
    QByteArray body;
    int finished = 0;
    int aborted = 0;
    int failed = 0;
    QString lastParamName;
    QString lastParamRef;
    QString lastPath;
    QString filePath;          // served by GET /file
    QByteArray fileRange;      // "offset,length" for GET /file-range
    int filesOpened = 0;       // TrackedFile instances made by the file routes
    int filesClosed = 0;       // ... and destroyed again

    int abortedCount() { QMutexLocker l(&mutex); return aborted; }
    int openFileCount() { QMutexLocker l(&mutex); return filesOpened - filesClosed; }
    qint64 receivedBytes() { QMutexLocker l(&mutex); return bytes; }
    int pieceCount() { QMutexLocker l(&mutex); return pieces; }
    int finishedCount() { QMutexLocker l(&mutex); return finished; }
};

class RecordingConsumer final : public BodyConsumer
{
public:
    RecordingConsumer(Recorder &recorder, qint64 failAfter) : m_recorder(recorder), m_failAfter(failAfter) {}

    Status consume(QByteArrayView chunk) override
    {
        QMutexLocker l(&m_recorder.mutex);
        m_recorder.pieces += 1;
        m_recorder.bytes += chunk.size();
        m_recorder.body.append(chunk);
        m_hash.addData(chunk);
        if (m_failAfter >= 0 && m_recorder.bytes > m_failAfter)
            return Error::of(ErrorKind::DigestInvalid, QStringLiteral("too much"));
        return {};
    }
    void finish(HttpResponse &response) override
    {
        QMutexLocker l(&m_recorder.mutex);
        m_recorder.finished += 1;
        response.setStatus(201);
        response.setBody(QByteArray::number(m_recorder.bytes) + ' ' + m_hash.result().toHex());
    }
    void fail(const Error &error, HttpResponse &response) override
    {
        QMutexLocker l(&m_recorder.mutex);
        m_recorder.failed += 1;
        response.setStatus(errorInfo(error.kind).httpStatus);
        response.setJson(registryErrorBody(error));
    }
    void abort() override
    {
        QMutexLocker l(&m_recorder.mutex);
        m_recorder.aborted += 1;
    }

private:
    Recorder &m_recorder;
    qint64 m_failAfter;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

// A QFile (so the core may sendfile from it) that reports its lifetime: a
// response body file still open after its connection is gone is a leak.
class TrackedFile final : public QFile
{
public:
    TrackedFile(const QString &path, Recorder &recorder) : QFile(path), m_recorder(recorder)
    {
        QMutexLocker l(&m_recorder.mutex);
        m_recorder.filesOpened += 1;
    }
    ~TrackedFile() override
    {
        QMutexLocker l(&m_recorder.mutex);
        m_recorder.filesClosed += 1;
    }

private:
    Recorder &m_recorder;
};

class CountingProducer final : public BodyProducer
{
public:
    explicit CountingProducer(int pieces) : m_left(pieces) {}
    QByteArray next(qint64 maxBytes) override
    {
        if (m_left-- <= 0)
            return {};
        return producerPiece(m_index++).left(maxBytes);
    }
    static QByteArray producerPiece(int i) { return QByteArray(1000 + i * 37, char('a' + i % 26)); }

private:
    int m_left;
    int m_index = 0;
};

std::unique_ptr<Router> makeTestRouter(Recorder &rec)
{
    auto router = std::make_unique<Router>();
    router->add("GET", QStringLiteral("/hello"), [](HttpRequest &, HttpResponse &response) {
        response.setBody("hello", "text/plain");
    });
    router->add("POST", QStringLiteral("/echo"), [](HttpRequest &request, HttpResponse &response) {
        response.setBody(request.body, "application/octet-stream");
    }, 1024);
    router->add("POST", QStringLiteral("/small"), [](HttpRequest &request, HttpResponse &response) {
        response.setBody(request.body);
    }, 16);
    router->add("GET", QStringLiteral("/v2/{name...}/manifests/{reference}"),
                [&rec](HttpRequest &request, HttpResponse &response) {
        QMutexLocker l(&rec.mutex);
        rec.lastParamName = request.param(QStringLiteral("name"));
        rec.lastParamRef = request.param(QStringLiteral("reference"));
        response.setBody((rec.lastParamName + u'|' + rec.lastParamRef).toUtf8());
    });
    router->add("GET", QStringLiteral("/path/{rest...}"), [&rec](HttpRequest &request, HttpResponse &response) {
        QMutexLocker l(&rec.mutex);
        rec.lastPath = request.path;
        response.setBody(request.param(QStringLiteral("rest")).toUtf8() + '|'
                         + request.queryValue(QStringLiteral("q")).toUtf8());
    });
    router->add("GET", QStringLiteral("/file"), [&rec](HttpRequest &, HttpResponse &response) {
        QString path;
        {
            QMutexLocker l(&rec.mutex);
            path = rec.filePath;
        }
        auto file = std::make_unique<TrackedFile>(path, rec);
        if (!file->open(QIODevice::ReadOnly)) {
            response.setStatus(500);
            return;
        }
        const qint64 size = file->size();
        response.setBodyDevice(std::move(file), 0, size, "application/octet-stream");
    });
    router->add("GET", QStringLiteral("/file-range/{offset}/{length}"), [&rec](HttpRequest &request, HttpResponse &response) {
        QString path;
        {
            QMutexLocker l(&rec.mutex);
            path = rec.filePath;
        }
        auto file = std::make_unique<TrackedFile>(path, rec);
        if (!file->open(QIODevice::ReadOnly)) {
            response.setStatus(500);
            return;
        }
        response.setStatus(206);
        response.setBodyDevice(std::move(file), request.param(QStringLiteral("offset")).toLongLong(),
                               request.param(QStringLiteral("length")).toLongLong());
    });
    router->add("GET", QStringLiteral("/produce"), [](HttpRequest &, HttpResponse &response) {
        response.setBodyProducer(std::make_unique<CountingProducer>(50), "text/plain");
    });
    router->add("GET", QStringLiteral("/head-length"), [](HttpRequest &, HttpResponse &response) {
        response.setContentLengthOnly(12345);
    });
    router->add("GET", QStringLiteral("/close-me"), [](HttpRequest &, HttpResponse &response) {
        response.setBody("bye");
        response.setCloseConnection(true);
    });
    router->addStream("PUT", QStringLiteral("/upload"), [&rec](HttpRequest &, HttpResponse &) {
        return std::make_unique<RecordingConsumer>(rec, -1);
    });
    router->addStream("PUT", QStringLiteral("/upload-fail-after/{n}"), [&rec](HttpRequest &request, HttpResponse &) {
        return std::make_unique<RecordingConsumer>(rec, request.param(QStringLiteral("n")).toLongLong());
    });
    router->addStream("PUT", QStringLiteral("/upload-denied"), [](HttpRequest &, HttpResponse &response) {
        response.setStatus(401);
        response.setJson(registryErrorBody(Error::of(ErrorKind::Unauthorized)));
        return std::unique_ptr<BodyConsumer>();
    });
    return router;
}

struct Response
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int chunkCount = 0;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool has(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QByteArray errorCode() const
    {
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray()
            .at(0).toObject().value(QStringLiteral("code")).toString().toLatin1();
    }
};

// A raw HTTP/1.1 client on the test thread. Every wait runs the event loop
// (the acceptor lives on this thread) and is bounded.
class RawClient
{
public:
    explicit RawClient(quint16 port)
        : m_owned(std::make_unique<QTcpSocket>()), m_socket(*m_owned)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        (void)QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    // HTTPS: trusts whatever certificate the server shows (a test one).
    static std::unique_ptr<RawClient> encrypted(quint16 port)
    {
        auto ssl = std::make_unique<QSslSocket>();
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        QSslSocket *raw = ssl.get();
        raw->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        (void)QTest::qWaitFor([raw] { return raw->isEncrypted(); }, 5000);
        return std::unique_ptr<RawClient>(new RawClient(std::move(ssl)));
    }

    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &data)
    {
        m_socket.write(data);
        m_socket.flush();
    }
    void disconnect() { m_socket.abort(); }

    // Parses one response off the stream; nullopt on timeout.
    std::optional<Response> read(bool headRequest = false, int timeoutMs = 5000)
    {
        std::optional<Response> out;
        (void)QTest::qWaitFor([&] {
            m_buffer += m_socket.readAll();
            out = tryParse(headRequest);
            return out.has_value();
        }, timeoutMs);
        if (!out) {
            m_buffer += m_socket.readAll();
            out = tryParse(headRequest);
        }
        return out;
    }

    // True once the server closed the connection (and nothing more came).
    bool waitClosed(int timeoutMs = 5000)
    {
        (void)QTest::qWaitFor([this] {
            m_buffer += m_socket.readAll();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        }, timeoutMs);
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

    QByteArray leftover()
    {
        m_buffer += m_socket.readAll();
        return m_buffer;
    }

private:
    std::optional<Response> tryParse(bool headRequest)
    {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return std::nullopt;
        Response r;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        const QList<QByteArray> statusLine = lines.at(0).trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.at(0).startsWith("HTTP/1."))
            return std::nullopt;
        r.status = statusLine.at(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        qsizetype pos = headEnd + 4;
        const bool noBody = headRequest || r.status < 200 || r.status == 204 || r.status == 304;
        if (noBody) {
        } else if (r.has("content-length")) {
            const qint64 length = r.header("content-length").toLongLong();
            if (m_buffer.size() - pos < length)
                return std::nullopt;
            r.body = m_buffer.mid(pos, length);
            pos += length;
        } else if (r.header("transfer-encoding").toLower() == "chunked") {
            for (;;) {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return std::nullopt;
                bool ok = false;
                const qint64 size = m_buffer.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
                if (!ok)
                    return std::nullopt;
                if (m_buffer.size() < lineEnd + 2 + size + 2)
                    return std::nullopt;
                if (size == 0) {
                    pos = lineEnd + 4;
                    break;
                }
                r.body += m_buffer.mid(lineEnd + 2, size);
                r.chunkCount += 1;
                pos = lineEnd + 2 + size + 2;
            }
        } else {
            // Close-delimited.
            if (m_socket.state() != QAbstractSocket::UnconnectedState)
                return std::nullopt;
            r.body = m_buffer.mid(pos);
            pos = m_buffer.size();
        }
        m_buffer.remove(0, pos);
        return r;
    }

    explicit RawClient(std::unique_ptr<QTcpSocket> socket) : m_owned(std::move(socket)), m_socket(*m_owned) {}

    std::unique_ptr<QTcpSocket> m_owned;
    QTcpSocket &m_socket;
    QByteArray m_buffer;
};

// A throwaway self-signed certificate, made in-process so the test needs no
// files and no openssl command.
std::optional<QSslConfiguration> testTlsConfiguration()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    if (!key || !cert)
        return std::nullopt;
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());

    auto pem = [](auto write) {
        BIO *bio = BIO_new(BIO_s_mem());
        write(bio);
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        QByteArray out(data, size);
        BIO_free(bio);
        return out;
    };
    const QByteArray certPem = pem([cert](BIO *b) { PEM_write_bio_X509(b, cert); });
    const QByteArray keyPem = pem([key](BIO *b) {
        PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    });
    X509_free(cert);
    EVP_PKEY_free(key);

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certPem, QSsl::Pem));
    config.setPrivateKey(QSslKey(keyPem, QSsl::Ec, QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (config.localCertificate().isNull() || config.privateKey().isNull())
        return std::nullopt;
    return config;
}

HttpServerOptions testOptions()
{
    HttpServerOptions o;
    o.address = QHostAddress::LocalHost;
    o.port = 0;
    o.workerThreads = 2;
    o.maxHeaderBytes = 8 * 1024;
    o.idleTimeoutMs = 10'000;
    o.slowClientTimeoutMs = 10'000;
    return o;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray out(size, '\0');
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(out.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        out[i] = char(gen.generate());
    return out;
}

// A client with a small read buffer: once it holds that much, Qt stops
// reading from the kernel, the kernel buffers fill, and the server's sends
// have to wait for room. Reads a response with a body of `bodySize` bytes,
// taking at most one buffer's worth per `pauseMs`; returns head + body, or
// what it had at `timeoutMs`.
QByteArray readSlowly(QTcpSocket &socket, qsizetype bodySize, int pauseMs, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    QByteArray received;
    while (t.elapsed() < timeoutMs) {
        received += socket.readAll();
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        if (headEnd >= 0 && received.size() - headEnd - 4 >= bodySize)
            break;
        QTest::qWait(pauseMs);
    }
    return received;
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    return headEnd < 0 ? QByteArray() : response.mid(headEnd + 4);
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void getReturnsBodyWithContentLengthAndDate();
    void keepAliveServesSequentialRequestsOnOneConnection();
    void pipelinedRequestsAreAnsweredInOrder();
    void pipelinedLargeResponsesStayInOrderAndIntact();
    void http10RequestIsAnsweredAndClosed();
    void connectionCloseRequestIsHonoured();
    void handlerCanAskToClose();
    void headSendsGetLengthWithoutBody_data();
    void headSendsGetLengthWithoutBody();
    void chunkedUploadReachesConsumerInPieces();
    void contentLengthUploadIsStreamedBeforeItEnds();
    void uploadWithoutBodyFinishesAtOnce();
    void expectContinueIsSentOnceTheRouteAccepts();
    void expectContinueRejectedGetsFinalResponseAndClose();
    void consumerErrorAnswersWithFailAndCloses();
    void bufferedRouteReceivesItsBody();
    void bufferedRouteOverLimitByContentLengthGets413();
    void bufferedRouteOverLimitWhileChunkedGets413();
    void rejectedBodyIsDrainedSoTheClientReadsTheAnswer();
    void hugeHeadersGet431();
    void malformedRequestGets400AndClose();
    void unknownPathGets404();
    void wrongMethodGets405();
    void fallbackHandlerAnswersUnmatchedRequests();
    void multiSegmentNameParamIsExtracted();
    void pathIsPercentDecoded();
    void badPathIsRejected_data();
    void badPathIsRejected();
    void deviceBodyStreamsLargeFile();
    void deviceBodyHonoursOffsetAndLength();
    void fileBodyGoesOutWithSendfileAndKeepsAlive();
    void fileBodyReachesReaderThatPausesLongerInTotalThanTheTimeout();
    void fileBodyToReaderThatStopsIsCutOffAndClosesTheFile();
    void clientDisconnectMidFileBodyClosesTheFile();
    void gracefulShutdownFinishesFileBodyInFlight();
    void producerBodyIsSentChunked();
    void producerBodyToHttp10IsCloseDelimited();
    void clientDisconnectMidBodyAbortsConsumer();
    void slowClientMidBodyTimesOutAndAborts();
    void slowClientMidHeadersTimesOut();
    void idleKeepAliveConnectionClosesSilently();
    void gracefulShutdownFinishesInFlightRequest();
    void gracefulShutdownStopsAtGraceTimeout();
    void destroyingServerAbortsOpenUploads();
    void tlsListenerServesKeepAliveAndUploads();

private:
    void startServer(HttpServerOptions options = testOptions());

    Recorder *m_rec = nullptr;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
};

void TestHttpServer::initTestCase()
{
    // The access log would drown the test output; warnings stay visible.
    QLoggingCategory::setFilterRules(QStringLiteral("kai.http.info=false"));
}

void TestHttpServer::startServer(HttpServerOptions options)
{
    m_server.reset();
    Recorder *rec = m_rec;
    m_server = std::make_unique<HttpServer>(std::move(options), [rec] { return makeTestRouter(*rec); });
    const Status s = m_server->listen();
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    m_port = m_server->serverPort();
    QVERIFY(m_port != 0);
}

void TestHttpServer::init()
{
    // The sendfile path runs a write notifier of its own next to
    // QTcpSocket's; the event dispatcher warns if both are ever on at once.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("socket notifier")));
    m_rec = new Recorder;
    startServer();
}

void TestHttpServer::cleanup()
{
    m_server.reset();
    delete m_rec;
    m_rec = nullptr;
}

void TestHttpServer::getReturnsBodyWithContentLengthAndDate()
{
    RawClient c(m_port);
    QVERIFY(c.connected());
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->body, QByteArray("hello"));
    QCOMPARE(r->header("content-length"), QByteArray("5"));
    QCOMPARE(r->header("content-type"), QByteArray("text/plain"));
    QVERIFY(r->header("date").endsWith(" GMT"));
    QVERIFY(!r->has("connection"));
}

void TestHttpServer::keepAliveServesSequentialRequestsOnOneConnection()
{
    RawClient c(m_port);
    for (int i = 0; i < 3; ++i) {
        c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto r = c.read();
        QVERIFY2(r, qPrintable(QStringLiteral("response %1").arg(i)));
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("hello"));
    }
    QVERIFY(c.connected());
}

void TestHttpServer::pipelinedRequestsAreAnsweredInOrder()
{
    RawClient c(m_port);
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
           "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nfirst"
           "GET /v2/a/b/manifests/t HTTP/1.1\r\nHost: x\r\n\r\n"
           "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
           + chunk("sec") + chunk("ond") + "0\r\n\r\n");
    const auto r1 = c.read();
    const auto r2 = c.read();
    const auto r3 = c.read();
    const auto r4 = c.read();
    QVERIFY(r1 && r2 && r3 && r4);
    QCOMPARE(r1->body, QByteArray("hello"));
    QCOMPARE(r2->body, QByteArray("first"));
    QCOMPARE(r3->body, QByteArray("a/b|t"));
    QCOMPARE(r4->body, QByteArray("second"));
    QVERIFY(c.connected());
}

void TestHttpServer::pipelinedLargeResponsesStayInOrderAndIntact()
{
    // More response data than the server queues for one client: it has to
    // pause parsing and resume as the client reads.
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray content;
    for (int i = 0; i < 3 * 1024 * 1024; ++i)
        content.append(char(i % 251));
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();

    RawClient c(m_port);
    QByteArray requests;
    for (int i = 0; i < 4; ++i)
        requests += "GET /file-range/" + QByteArray::number(i * 1000) + "/2000000 HTTP/1.1\r\n\r\n";
    requests += "GET /produce HTTP/1.1\r\n\r\nGET /hello HTTP/1.1\r\n\r\n";
    c.send(requests);
    for (int i = 0; i < 4; ++i) {
        const auto r = c.read(false, 20000);
        QVERIFY2(r, qPrintable(QStringLiteral("response %1").arg(i)));
        QCOMPARE(r->status, 206);
        QVERIFY(r->body == content.mid(i * 1000, 2000000));
    }
    const auto produced = c.read();
    QVERIFY(produced);
    QCOMPARE(produced->chunkCount, 50);
    const auto hello = c.read();
    QVERIFY(hello);
    QCOMPARE(hello->body, QByteArray("hello"));
}

void TestHttpServer::http10RequestIsAnsweredAndClosed()
{
    RawClient c(m_port);
    c.send("GET /hello HTTP/1.0\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->body, QByteArray("hello"));
    QCOMPARE(r->header("connection").toLower(), QByteArray("close"));
    QVERIFY(c.waitClosed());
}

void TestHttpServer::connectionCloseRequestIsHonoured()
{
    RawClient c(m_port);
    c.send("GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->header("connection").toLower(), QByteArray("close"));
    QVERIFY(c.waitClosed());
}

void TestHttpServer::handlerCanAskToClose()
{
    RawClient c(m_port);
    c.send("GET /close-me HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->body, QByteArray("bye"));
    QCOMPARE(r->header("connection").toLower(), QByteArray("close"));
    QVERIFY(c.waitClosed());
}

void TestHttpServer::headSendsGetLengthWithoutBody_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("expectedLength");
    QTest::newRow("in-memory body") << QByteArray("/hello") << QByteArray("5");
    QTest::newRow("device body") << QByteArray("/file") << QByteArray("70000");
    QTest::newRow("announced length only") << QByteArray("/head-length") << QByteArray("12345");
}

void TestHttpServer::headSendsGetLengthWithoutBody()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, expectedLength);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QByteArray(70000, 'z'));
    file.flush();
    m_rec->filePath = file.fileName();

    RawClient c(m_port);
    c.send("HEAD " + target + " HTTP/1.1\r\n\r\n");
    const auto r = c.read(true);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->header("content-length"), expectedLength);
    // No body bytes: the next response starts right after the head.
    c.send("GET /hello HTTP/1.1\r\n\r\n");
    const auto next = c.read();
    QVERIFY(next);
    QCOMPARE(next->status, 200);
    QCOMPARE(next->body, QByteArray("hello"));
}

void TestHttpServer::chunkedUploadReachesConsumerInPieces()
{
    RawClient c(m_port);
    c.send("PUT /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    QByteArray all;
    for (int i = 0; i < 4; ++i) {
        const QByteArray piece(3000 + i, char('A' + i));
        all += piece;
        c.send(chunk(piece));
        // Each piece reaches the consumer before the next is even sent.
        QTRY_COMPARE_WITH_TIMEOUT(m_rec->receivedBytes(), qint64(all.size()), 5000);
    }
    QCOMPARE(m_rec->finishedCount(), 0);
    c.send("0\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QCOMPARE(r->body, QByteArray::number(all.size()) + ' '
                          + QCryptographicHash::hash(all, QCryptographicHash::Sha256).toHex());
    QVERIFY(m_rec->pieceCount() >= 4);
    QCOMPARE(m_rec->finishedCount(), 1);
    QCOMPARE(m_rec->abortedCount(), 0);
}

void TestHttpServer::contentLengthUploadIsStreamedBeforeItEnds()
{
    QByteArray body(1024 * 1024 + 17, '\0');
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char(i * 31 + 7);
    RawClient c(m_port);
    c.send("PUT /upload HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
    const qsizetype half = body.size() / 2;
    c.send(body.left(half));
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->receivedBytes(), qint64(half), 5000);
    QCOMPARE(m_rec->finishedCount(), 0);
    c.send(body.mid(half));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QCOMPARE(r->body, QByteArray::number(body.size()) + ' '
                          + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    QVERIFY(m_rec->pieceCount() >= 2);
}

void TestHttpServer::uploadWithoutBodyFinishesAtOnce()
{
    RawClient c(m_port);
    c.send("PUT /upload HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QVERIFY(r->body.startsWith("0 "));
    QCOMPARE(m_rec->finishedCount(), 1);
    QVERIFY(c.connected());
}

void TestHttpServer::expectContinueIsSentOnceTheRouteAccepts()
{
    RawClient c(m_port);
    c.send("PUT /upload HTTP/1.1\r\nContent-Length: 6\r\nExpect: 100-continue\r\n\r\n");
    const auto interim = c.read();
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    c.send("abcdef");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QVERIFY(r->body.startsWith("6 "));
    QVERIFY(c.connected());
}

void TestHttpServer::expectContinueRejectedGetsFinalResponseAndClose()
{
    RawClient c(m_port);
    c.send("PUT /upload-denied HTTP/1.1\r\nContent-Length: 600\r\nExpect: 100-continue\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    QCOMPARE(r->errorCode(), QByteArray("UNAUTHORIZED"));
    QCOMPARE(r->header("connection").toLower(), QByteArray("close"));
    QVERIFY(c.waitClosed());
    QVERIFY(!c.leftover().contains("100 Continue"));
}

void TestHttpServer::consumerErrorAnswersWithFailAndCloses()
{
    RawClient c(m_port);
    c.send("PUT /upload-fail-after/10 HTTP/1.1\r\nContent-Length: 100\r\n\r\n" + QByteArray(100, 'x'));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    QCOMPARE(r->errorCode(), QByteArray("DIGEST_INVALID"));
    QVERIFY(c.waitClosed());
    QMutexLocker l(&m_rec->mutex);
    QCOMPARE(m_rec->failed, 1);
    QCOMPARE(m_rec->finished, 0);
    QCOMPARE(m_rec->aborted, 0);
}

void TestHttpServer::bufferedRouteReceivesItsBody()
{
    RawClient c(m_port);
    c.send("POST /echo HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello world");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->body, QByteArray("hello world"));
}

void TestHttpServer::bufferedRouteOverLimitByContentLengthGets413()
{
    RawClient c(m_port);
    c.send("POST /small HTTP/1.1\r\nContent-Length: 100\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QCOMPARE(r->errorCode(), QByteArray(errorInfo(ErrorKind::TooLarge).registryCode));
    QCOMPARE(r->header("connection").toLower(), QByteArray("close"));
    QVERIFY(c.waitClosed());
}

void TestHttpServer::bufferedRouteOverLimitWhileChunkedGets413()
{
    RawClient c(m_port);
    c.send("POST /small HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk("0123456789")
           + chunk("0123456789"));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QVERIFY(c.waitClosed());
}

void TestHttpServer::rejectedBodyIsDrainedSoTheClientReadsTheAnswer()
{
    // The client sends its whole (too large) body without waiting; closing
    // on unread input would reset the connection and lose the 413.
    RawClient c(m_port);
    const QByteArray body(4 * 1024 * 1024, 'b');
    c.send("POST /small HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
    c.send(body);
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 413);
    QVERIFY(c.waitClosed());
}

void TestHttpServer::hugeHeadersGet431()
{
    RawClient c(m_port);
    c.send("GET /hello HTTP/1.1\r\nX-Big: " + QByteArray(20 * 1024, 'h') + "\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 431);
    QVERIFY(c.waitClosed());
}

void TestHttpServer::malformedRequestGets400AndClose()
{
    RawClient c(m_port);
    c.send("THIS IS NOT HTTP\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    QVERIFY(c.waitClosed());
}

void TestHttpServer::unknownPathGets404()
{
    RawClient c(m_port);
    c.send("GET /nowhere HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 404);
    QCOMPARE(r->errorCode(), QByteArray("UNSUPPORTED"));
    QCOMPARE(r->header("content-type"), QByteArray("application/json"));
    // A bodyless miss keeps the connection usable.
    c.send("GET /hello HTTP/1.1\r\n\r\n");
    const auto next = c.read();
    QVERIFY(next);
    QCOMPARE(next->status, 200);
}

void TestHttpServer::wrongMethodGets405()
{
    RawClient c(m_port);
    c.send("DELETE /hello HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 405);
    QCOMPARE(r->errorCode(), QByteArray("UNSUPPORTED"));
}

void TestHttpServer::fallbackHandlerAnswersUnmatchedRequests()
{
    m_server.reset();
    Recorder *rec = m_rec;
    m_server = std::make_unique<HttpServer>(testOptions(), [rec] {
        auto router = makeTestRouter(*rec);
        router->setFallback([](HttpRequest &request, HttpResponse &response) {
            response.setBody("fallback " + QByteArray::number(response.status()) + ' ' + request.path.toUtf8());
        });
        return router;
    });
    QVERIFY(m_server->listen().ok());
    RawClient c(m_server->serverPort());
    c.send("GET /nowhere HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 404);
    QCOMPARE(r->body, QByteArray("fallback 404 /nowhere"));
    c.send("DELETE /hello HTTP/1.1\r\n\r\n");
    const auto r2 = c.read();
    QVERIFY(r2);
    QCOMPARE(r2->status, 405);
}

void TestHttpServer::multiSegmentNameParamIsExtracted()
{
    RawClient c(m_port);
    c.send("GET /v2/a/b/c/manifests/latest HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->body, QByteArray("a/b/c|latest"));
}

void TestHttpServer::pathIsPercentDecoded()
{
    RawClient c(m_port);
    c.send("GET /path/caf%C3%A9/x%20y?q=a%26b HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(QString::fromUtf8(r->body), QStringLiteral(u"café/x y|a&b"));
    QMutexLocker l(&m_rec->mutex);
    QCOMPARE(m_rec->lastPath, QStringLiteral(u"/path/café/x y"));
}

void TestHttpServer::badPathIsRejected_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("encoded NUL") << QByteArray("/path/a%00b");
    QTest::newRow("truncated escape") << QByteArray("/path/a%4");
    QTest::newRow("non-hex escape") << QByteArray("/path/a%zz");
    QTest::newRow("invalid UTF-8") << QByteArray("/path/%C3%28");
}

void TestHttpServer::badPathIsRejected()
{
    QFETCH(QByteArray, target);
    RawClient c(m_port);
    c.send("GET " + target + " HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 400);
    QMutexLocker l(&m_rec->mutex);
    QVERIFY(m_rec->lastPath.isEmpty());
}

void TestHttpServer::deviceBodyStreamsLargeFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray content(5 * 1024 * 1024 + 123, '\0');
    QRandomGenerator gen(42);
    gen.fillRange(reinterpret_cast<quint32 *>(content.data()), content.size() / 4);
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();

    RawClient c(m_port);
    c.send("GET /file HTTP/1.1\r\n\r\n");
    const auto r = c.read(false, 20000);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->header("content-length"), QByteArray::number(content.size()));
    QCOMPARE(r->body.size(), content.size());
    QVERIFY(r->body == content);
    // The connection is reusable after a streamed body.
    c.send("GET /hello HTTP/1.1\r\n\r\n");
    const auto next = c.read();
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("hello"));
}

void TestHttpServer::deviceBodyHonoursOffsetAndLength()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray content;
    for (int i = 0; i < 100000; ++i)
        content.append(char('0' + i % 10));
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();

    RawClient c(m_port);
    c.send("GET /file-range/1234/5000 HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 206);
    QCOMPARE(r->body, content.mid(1234, 5000));
}

void TestHttpServer::fileBodyGoesOutWithSendfileAndKeepsAlive()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content = randomBytes(8 * 1024 * 1024 + 13, 7);
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();

    RawClient c(m_port);
    const qint64 before = sendfileBytesTotal();
    c.send("GET /file HTTP/1.1\r\n\r\n");
    const auto r = c.read(false, 20000);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->header("content-length"), QByteArray::number(content.size()));
    QVERIFY(r->body == content);
#ifdef Q_OS_LINUX
    QCOMPARE(sendfileBytesTotal() - before, qint64(content.size()));
#endif

    // A range at an odd offset, on the same connection.
    const qint64 offset = 1234567;
    const qint64 length = 3 * 1024 * 1024 + 1;
    const qint64 beforeRange = sendfileBytesTotal();
    c.send("GET /file-range/" + QByteArray::number(offset) + '/' + QByteArray::number(length)
           + " HTTP/1.1\r\n\r\n");
    const auto range = c.read(false, 20000);
    QVERIFY(range);
    QCOMPARE(range->status, 206);
    QVERIFY(range->body == content.mid(offset, length));
#ifdef Q_OS_LINUX
    QCOMPARE(sendfileBytesTotal() - beforeRange, length);
#endif

    c.send("GET /hello HTTP/1.1\r\n\r\n");
    const auto next = c.read();
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("hello"));
    QVERIFY(c.connected());
    QCOMPARE(m_rec->openFileCount(), 0);
}

void TestHttpServer::fileBodyReachesReaderThatPausesLongerInTotalThanTheTimeout()
{
    // Every byte that leaves counts as progress: a reader that pauses often,
    // each pause shorter than the slow-client timeout, is served to the end
    // however long the whole download takes.
    HttpServerOptions o = testOptions();
    o.slowClientTimeoutMs = 1000;
    startServer(o);
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content = randomBytes(4 * 1024 * 1024 + 3, 11);
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();

    QTcpSocket socket;
    // Qt stops reading from the kernel at this much, so the server's sends
    // hit a full buffer and have to wait for writability.
    socket.setReadBufferSize(256 * 1024);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    const qint64 before = sendfileBytesTotal();
    socket.write("GET /file HTTP/1.1\r\n\r\n");
    socket.flush();
    QTest::qWait(600);   // read nothing at first

    QElapsedTimer t;
    t.start();
    const QByteArray received = readSlowly(socket, content.size(), 100);   // <= 2.5 MiB/s
    QVERIFY(t.elapsed() > o.slowClientTimeoutMs);
    QVERIFY(received.startsWith("HTTP/1.1 200"));
    QVERIFY(bodyOf(received) == content);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
#ifdef Q_OS_LINUX
    QCOMPARE(sendfileBytesTotal() - before, qint64(content.size()));
#endif
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->openFileCount(), 0, 5000);
}

void TestHttpServer::fileBodyToReaderThatStopsIsCutOffAndClosesTheFile()
{
    HttpServerOptions o = testOptions();
    o.slowClientTimeoutMs = 300;
    startServer(o);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(randomBytes(32 * 1024 * 1024, 3));
    file.flush();
    m_rec->filePath = file.fileName();

    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /file HTTP/1.1\r\n\r\n");
    socket.flush();
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->openFileCount(), 1, 5000);
    // Never read again: the server gives up after the timeout.
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->openFileCount(), 0, 5000);

    RawClient c(m_port);
    c.send("GET /hello HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->body, QByteArray("hello"));
}

void TestHttpServer::clientDisconnectMidFileBodyClosesTheFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content = randomBytes(32 * 1024 * 1024, 5);
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();

    for (int round = 0; round < 3; ++round) {
        QTcpSocket socket;
        socket.setReadBufferSize(64 * 1024);
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /file HTTP/1.1\r\n\r\n");
        socket.flush();
        qint64 got = 0;
        QVERIFY(QTest::qWaitFor([&] {
            got += socket.readAll().size();
            return got > 256 * 1024;
        }, 5000));
        // Round 0 resets with unread data, round 1 closes normally, round 2
        // goes away while the server is blocked on a full buffer.
        if (round == 0)
            socket.abort();
        else if (round == 1)
            socket.close();
        else {
            QTest::qWait(200);
            socket.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_rec->openFileCount(), 0, 5000);
    }

    // The server is none the worse: a full download on a new connection.
    RawClient c(m_port);
    c.send("GET /file HTTP/1.1\r\n\r\n");
    const auto r = c.read(false, 20000);
    QVERIFY(r);
    QVERIFY(r->body == content);
}

void TestHttpServer::gracefulShutdownFinishesFileBodyInFlight()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content = randomBytes(16 * 1024 * 1024 + 1, 9);
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();

    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /file HTTP/1.1\r\n\r\n");
    socket.flush();
    // The client reads nothing until the server is shutting down.
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->openFileCount(), 1, 5000);
    QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
    m_server->shutdown(10'000);
    QTest::qWait(100);
    QCOMPARE(stopped.count(), 0);

    const QByteArray received = readSlowly(socket, content.size(), 1);
    QVERIFY(received.startsWith("HTTP/1.1 200"));
    QVERIFY(bodyOf(received) == content);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 5000);
    QCOMPARE(m_rec->openFileCount(), 0);
}

void TestHttpServer::producerBodyIsSentChunked()
{
    QByteArray expected;
    for (int i = 0; i < 50; ++i)
        expected += CountingProducer::producerPiece(i);
    RawClient c(m_port);
    c.send("GET /produce HTTP/1.1\r\n\r\n");
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->header("transfer-encoding"), QByteArray("chunked"));
    QVERIFY(!r->has("content-length"));
    QCOMPARE(r->chunkCount, 50);
    QCOMPARE(r->body, expected);
    c.send("GET /hello HTTP/1.1\r\n\r\n");
    const auto next = c.read();
    QVERIFY(next);
    QCOMPARE(next->body, QByteArray("hello"));
}

void TestHttpServer::producerBodyToHttp10IsCloseDelimited()
{
    QByteArray expected;
    for (int i = 0; i < 50; ++i)
        expected += CountingProducer::producerPiece(i);
    RawClient c(m_port);
    c.send("GET /produce HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QVERIFY(c.waitClosed());
    const auto r = c.read();
    QVERIFY(r);
    QVERIFY(!r->has("transfer-encoding"));
    QCOMPARE(r->body, expected);
}

void TestHttpServer::clientDisconnectMidBodyAbortsConsumer()
{
    RawClient c(m_port);
    c.send("PUT /upload HTTP/1.1\r\nContent-Length: 100000\r\n\r\n" + QByteArray(1000, 'x'));
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->receivedBytes(), qint64(1000), 5000);
    c.disconnect();
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->abortedCount(), 1, 5000);
    QCOMPARE(m_rec->finishedCount(), 0);
}

void TestHttpServer::slowClientMidBodyTimesOutAndAborts()
{
    HttpServerOptions o = testOptions();
    o.slowClientTimeoutMs = 300;
    startServer(o);
    RawClient c(m_port);
    c.send("PUT /upload HTTP/1.1\r\nContent-Length: 100\r\n\r\n" + QByteArray(10, 'x'));
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->receivedBytes(), qint64(10), 5000);
    QVERIFY(c.waitClosed(5000));
    QCOMPARE(m_rec->abortedCount(), 1);
    QCOMPARE(m_rec->finishedCount(), 0);
}

void TestHttpServer::slowClientMidHeadersTimesOut()
{
    HttpServerOptions o = testOptions();
    o.slowClientTimeoutMs = 300;
    startServer(o);
    RawClient c(m_port);
    QElapsedTimer t;
    t.start();
    c.send("GET /hello HTTP/1.1\r\nHost: x\r\n");
    QVERIFY(c.waitClosed(5000));
    QVERIFY(t.elapsed() >= 250);
}

void TestHttpServer::idleKeepAliveConnectionClosesSilently()
{
    HttpServerOptions o = testOptions();
    o.idleTimeoutMs = 300;
    startServer(o);
    RawClient c(m_port);
    c.send("GET /hello HTTP/1.1\r\n\r\n");
    QVERIFY(c.read());
    QVERIFY(c.waitClosed(5000));
    QVERIFY(c.leftover().isEmpty());
}

void TestHttpServer::gracefulShutdownFinishesInFlightRequest()
{
    RawClient busy(m_port);
    RawClient idle(m_port);
    idle.send("GET /hello HTTP/1.1\r\n\r\n");
    QVERIFY(idle.read());
    busy.send("PUT /upload HTTP/1.1\r\nContent-Length: 20\r\n\r\n0123456789");
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->receivedBytes(), qint64(10), 5000);

    QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
    m_server->shutdown(10'000);
    QVERIFY(idle.waitClosed(5000));
    QTest::qWait(100);
    QCOMPARE(stopped.count(), 0);
    QVERIFY(busy.connected());

    busy.send("abcdefghij");
    const auto r = busy.read();
    QVERIFY(r);
    QCOMPARE(r->status, 201);
    QVERIFY(r->body.startsWith("20 "));
    QCOMPARE(r->header("connection").toLower(), QByteArray("close"));
    QVERIFY(busy.waitClosed(5000));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 5000);
    QCOMPARE(m_rec->abortedCount(), 0);

    RawClient late(m_port);
    QVERIFY(!late.connected() || late.waitClosed(2000));
}

void TestHttpServer::gracefulShutdownStopsAtGraceTimeout()
{
    RawClient busy(m_port);
    busy.send("PUT /upload HTTP/1.1\r\nContent-Length: 20\r\n\r\n0123456789");
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->receivedBytes(), qint64(10), 5000);
    QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
    QElapsedTimer t;
    t.start();
    m_server->shutdown(300);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 5000);
    QVERIFY(t.elapsed() >= 250);
    QCOMPARE(m_rec->abortedCount(), 1);
    QVERIFY(busy.waitClosed(5000));
}

void TestHttpServer::destroyingServerAbortsOpenUploads()
{
    RawClient busy(m_port);
    busy.send("PUT /upload HTTP/1.1\r\nContent-Length: 20\r\n\r\n0123456789");
    QTRY_COMPARE_WITH_TIMEOUT(m_rec->receivedBytes(), qint64(10), 5000);
    m_server.reset();
    QCOMPARE(m_rec->abortedCount(), 1);
    QVERIFY(busy.waitClosed(5000));
}

void TestHttpServer::tlsListenerServesKeepAliveAndUploads()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    HttpServerOptions o = testOptions();
    o.tls = testTlsConfiguration();
    QVERIFY(o.tls);
    startServer(o);

    const auto c = RawClient::encrypted(m_port);
    QVERIFY(c->connected());
    c->send("GET /hello HTTP/1.1\r\n\r\n");
    const auto r = c->read();
    QVERIFY(r);
    QCOMPARE(r->body, QByteArray("hello"));

    const QByteArray body(300 * 1024, 'u');
    c->send("PUT /upload HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const auto up = c->read();
    QVERIFY(up);
    QCOMPARE(up->status, 201);
    QVERIFY(up->body.startsWith(QByteArray::number(body.size()) + ' '));

    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content(2 * 1024 * 1024 + 5, 'f');
    file.write(content);
    file.flush();
    m_rec->filePath = file.fileName();
    const qint64 before = sendfileBytesTotal();
    c->send("GET /file HTTP/1.1\r\n\r\n");
    const auto dl = c->read(false, 20000);
    QVERIFY(dl);
    QCOMPARE(dl->body.size(), content.size());
    QVERIFY(dl->body == content);
    // TLS encrypts in user space: no sendfile here.
    QCOMPARE(sendfileBytesTotal(), before);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
