#include "httpclient.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace kai::test {

QByteArray HttpReply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpReply::errorCode() const
{
    return json().value("errors").toArray().first().toObject().value("code").toString();
}

HttpReply HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                           const Headers &headers, int timeoutMs)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearer.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    // HEAD must go through head(): as a custom verb QNetworkAccessManager
    // would wait for the body that Content-Length announces.
    QNetworkReply *reply = method == "HEAD" ? m_network.head(request) : m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpReply result;
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QStringLiteral("timeout");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers << pair;
    if (result.error.isEmpty() && reply->error() != QNetworkReply::NoError && result.status == 0)
        result.error = reply->errorString();
    reply->deleteLater();
    return result;
}

QString HttpClient::login(const QString &user, const QString &password, const QStringList &scopes)
{
    QUrlQuery query;
    query.addQueryItem("service", QUrl(m_baseUrl).authority());
    for (const QString &scope : scopes)
        query.addQueryItem("scope", scope);
    Headers headers;
    if (!user.isEmpty())
        headers << qMakePair(QByteArray("Authorization"), "Basic " + (user + ':' + password).toUtf8().toBase64());
    const QString saved = m_bearer;
    m_bearer.clear();
    const HttpReply reply = send("GET", "/v2/auth?" + query.toString(QUrl::FullyEncoded), {}, headers);
    m_bearer = saved;
    if (reply.status != 200)
        return {};
    m_bearer = reply.json().value("token").toString();
    return m_bearer;
}

QString HttpClient::pushBlob(const QString &repository, const QByteArray &data)
{
    const QString digest = "sha256:" + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    const HttpReply reply = send("POST", QStringLiteral("/v2/%1/blobs/uploads/?digest=%2").arg(repository, digest), data,
                                 {{"Content-Type", "application/octet-stream"}});
    return reply.status == 201 ? digest : QString();
}

HttpReply HttpClient::putManifest(const QString &repository, const QString &reference, const QByteArray &manifest,
                                  const QByteArray &mediaType)
{
    return send("PUT", QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference), manifest,
                {{"Content-Type", mediaType}});
}

} // namespace kai::test
