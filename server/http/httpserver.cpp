#include "http/httpserver.h"

#include "http/httplog.h"
#include "http/httpworker.h"

#include <QPointer>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <mutex>
#include <vector>

namespace kai::http {

namespace {

// Accepts on the caller's thread and passes the bare descriptor on: no
// QTcpSocket is created here, so the socket is born on its worker thread.
class Acceptor final : public QTcpServer
{
public:
    std::function<void(qintptr)> dispatch;

protected:
    void incomingConnection(qintptr descriptor) override { dispatch(descriptor); }
};

} // namespace

class HttpServer::Private
{
public:
    enum class State { Idle, Running, Draining, Stopped };

    struct Slot
    {
        QThread *thread = nullptr;
        HttpWorker *worker = nullptr;
    };

    Private(HttpServer *q, HttpServerOptions options, RouterFactory factory)
        : q(q), options(std::move(options)), factory(std::move(factory))
    {
        graceTimer.setSingleShot(true);
    }

    void startWorkers();
    void stopWorkers();
    void onWorkerDrained();
    void finishShutdown();

    HttpServer *q;
    HttpServerOptions options;
    RouterFactory factory;
    std::mutex factoryMutex;
    Acceptor acceptor;
    std::vector<Slot> workers;
    std::size_t next = 0;
    int drainedWorkers = 0;
    QTimer graceTimer;
    State state = State::Idle;
};

void HttpServer::Private::startWorkers()
{
    const int count = options.workerThreads > 0 ? options.workerThreads
                                                : std::max(1, QThread::idealThreadCount());
    workers.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        // Factories run on the worker threads; serializing them spares every
        // factory from having to be thread-safe itself.
        auto makeRouter = [this] {
            std::lock_guard lock(factoryMutex);
            return factory ? factory() : nullptr;
        };
        Slot slot;
        slot.thread = new QThread;
        slot.thread->setObjectName(QStringLiteral("kai-http-%1").arg(i));
        slot.worker = new HttpWorker(makeRouter, options);
        slot.worker->moveToThread(slot.thread);
        QObject::connect(slot.worker, &HttpWorker::drained, q, [this] { onWorkerDrained(); });
        slot.thread->start();
        QMetaObject::invokeMethod(slot.worker, &HttpWorker::start, Qt::QueuedConnection);
        workers.push_back(slot);
    }
}

void HttpServer::Private::stopWorkers()
{
    for (Slot &slot : workers) {
        // Deleted on its own thread: its connections, consumers and router
        // (and whatever per-thread resources the handlers hold) are torn down
        // where they were made.
        HttpWorker *worker = slot.worker;
        QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        slot.thread->quit();
        slot.thread->wait();
        delete slot.thread;
    }
    workers.clear();
}

void HttpServer::Private::onWorkerDrained()
{
    if (state != State::Draining)
        return;
    if (++drainedWorkers >= int(workers.size()))
        finishShutdown();
}

void HttpServer::Private::finishShutdown()
{
    if (state != State::Draining)
        return;
    state = State::Stopped;
    graceTimer.stop();
    stopWorkers();
    Q_EMIT q->stopped();
}

HttpServer::HttpServer(HttpServerOptions options, RouterFactory routerFactory, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options), std::move(routerFactory)))
{
    d->acceptor.dispatch = [this](qintptr descriptor) {
        if (d->workers.empty())
            return;
        HttpWorker *worker = d->workers[d->next].worker;
        d->next = (d->next + 1) % d->workers.size();
        QMetaObject::invokeMethod(worker, [worker, descriptor] { worker->addConnection(descriptor); },
                                  Qt::QueuedConnection);
    };
    QObject::connect(&d->graceTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcHttp) << "shutdown grace period over; closing the remaining connections";
        d->finishShutdown();
    });
}

HttpServer::~HttpServer()
{
    d->acceptor.close();
    d->stopWorkers();
}

Status HttpServer::listen()
{
    if (d->state != Private::State::Idle)
        return Error::of(ErrorKind::Internal, QStringLiteral("HttpServer::listen() called twice"));
    d->startWorkers();
    // Qt's default backlog (50) drops connections under a burst of clients
    // (a CI farm pulling one image); the kernel caps it at somaxconn anyway.
    d->acceptor.setListenBacklogSize(1024);
    if (!d->acceptor.listen(d->options.address, d->options.port)) {
        const QString reason = d->acceptor.errorString();
        d->stopWorkers();
        return Error::of(ErrorKind::Unavailable,
                         QStringLiteral("cannot listen on %1:%2: %3")
                             .arg(d->options.address.toString())
                             .arg(d->options.port)
                             .arg(reason));
    }
    d->state = Private::State::Running;
    qCInfo(lcHttp).noquote().nospace()
        << "listening on " << d->options.address.toString() << ':' << d->acceptor.serverPort()
        << " with " << d->workers.size() << " worker threads" << (d->options.tls ? " (TLS)" : "");
    return {};
}

quint16 HttpServer::serverPort() const
{
    return d->acceptor.serverPort();
}

void HttpServer::shutdown(int graceMs)
{
    if (d->state == Private::State::Draining || d->state == Private::State::Stopped)
        return;
    const bool wasRunning = d->state == Private::State::Running;
    d->state = Private::State::Draining;
    d->acceptor.close();
    if (!wasRunning || d->workers.empty()) {
        QTimer::singleShot(0, this, [this] { d->finishShutdown(); });
        return;
    }
    d->drainedWorkers = 0;
    for (const Private::Slot &slot : d->workers)
        QMetaObject::invokeMethod(slot.worker, &HttpWorker::drain, Qt::QueuedConnection);
    d->graceTimer.start(std::max(0, graceMs));
}

} // namespace kai::http
