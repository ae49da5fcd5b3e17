#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

namespace kai::test {

struct HttpReply
{
    int status = 0;                 // 0: no answer (connection error / timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString error;

    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // The first OCI error code of a registry error body.
    QString errorCode() const;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// A small blocking HTTP client for tests only (product code never waits):
// each call runs a local event loop bounded by a timeout.
class HttpClient
{
public:
    explicit HttpClient(QString baseUrl) : m_baseUrl(std::move(baseUrl)) {}

    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const Headers &headers = {}, int timeoutMs = 60'000);
    HttpReply get(const QString &path, const Headers &headers = {}) { return send("GET", path, {}, headers); }

    // The registry token dance: /v2/auth with Basic credentials (or none)
    // and the scopes; the token is then sent on every request.
    QString login(const QString &user, const QString &password, const QStringList &scopes);
    void setBearer(const QString &token) { m_bearer = token; }
    void clearBearer() { m_bearer.clear(); }

    // Helpers that assume the bearer allows push; they return empty on failure.
    QString pushBlob(const QString &repository, const QByteArray &data);
    HttpReply putManifest(const QString &repository, const QString &reference, const QByteArray &manifest,
                          const QByteArray &mediaType);

private:
    QString m_baseUrl;
    QString m_bearer;
    QNetworkAccessManager m_network;
};

} // namespace kai::test
