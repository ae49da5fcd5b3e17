#include "support/callbackserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QThread>

#include <optional>

namespace kai::test {

namespace {

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 302: return "Found";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// The request in `buffer` once complete (head and Content-Length body).
std::optional<CallbackServer::Request> parseRequest(const QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    CallbackServer::Request request;
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    request.path = QString::fromUtf8(target.left(target.contains('?') ? target.indexOf('?') : target.size()));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() - headEnd - 4 < length)
        return std::nullopt;
    request.body = buffer.mid(headEnd + 4, length);
    return request;
}

} // namespace

QJsonObject CallbackServer::Request::json() const { return QJsonDocument::fromJson(body).object(); }

CallbackServer::CallbackServer() = default;

CallbackServer::~CallbackServer() { m_server.close(); }

Status CallbackServer::start()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return Error::of(ErrorKind::Io, QStringLiteral("callback server cannot listen: %1").arg(m_server.errorString()));
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    return {};
}

QString CallbackServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void CallbackServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            socket->setProperty("buffer", buffer);
            auto request = parseRequest(buffer);
            if (!request)
                return;
            const int status = m_statuses.value(request->path, 200);
            m_requests.push_back(std::move(*request));
            socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonFor(status)
                          + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
    }
}

std::vector<CallbackServer::Request> CallbackServer::requests(const QString &path) const
{
    std::vector<Request> found;
    for (const Request &request : m_requests)
        if (request.path == path)
            found.push_back(request);
    return found;
}

std::vector<CallbackServer::Request> CallbackServer::waitForRequests(const QString &path, int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        auto found = requests(path);
        if (int(found.size()) >= count || deadline.hasExpired())
            return found;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

} // namespace kai::test
