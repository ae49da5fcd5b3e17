#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTcpServer>

#include <memory>
#include <vector>

namespace kai::test {

// A tiny HTTP server on a free 127.0.0.1 port for callbacks and webhooks
// that the server under test sends: it records every request and answers
// each path with the status set for it (200 by default), with an empty
// body, then closes the connection. It runs on the test's event loop:
// waitForRequests() (and the tests' blocking HTTP client) keep it
// answering.
class CallbackServer
{
public:
    struct Request
    {
        QByteArray method;
        QString path;                          // without the query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QJsonObject json() const;
    };

    CallbackServer();
    ~CallbackServer();
    CallbackServer(const CallbackServer &) = delete;
    CallbackServer &operator=(const CallbackServer &) = delete;

    Status start();
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const;

    // The status every later request to `path` gets.
    void setStatus(const QString &path, int status) { m_statuses.insert(path, status); }

    // Requests received so far for `path`, oldest first.
    std::vector<Request> requests(const QString &path) const;
    // Waits (running the event loop) up to timeoutMs for at least `count`
    // requests to `path`, and returns those received.
    std::vector<Request> waitForRequests(const QString &path, int count, int timeoutMs = 10'000) const;

private:
    void accept();

    QTcpServer m_server;
    QHash<QString, int> m_statuses;
    std::vector<Request> m_requests;
};

} // namespace kai::test
