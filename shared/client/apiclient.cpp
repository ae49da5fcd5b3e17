#include "apiclient.h"

#include "apierror.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

namespace kai::client {

QString ApiRequest::segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString ApiRequest::queryValue(const QString &text)
{
    return QString(text).replace(u'+', QStringLiteral("%2B"));
}

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

ApiClient::~ApiClient() = default;

void ApiClient::setServer(const QUrl &baseUrl)
{
    m_server = baseUrl;
    if (m_server.path().endsWith(u'/'))
        m_server.setPath(m_server.path().chopped(1));
    m_trustedFingerprint.clear();
    forgetCredentials();
}

void ApiClient::setBearerToken(const QString &token)
{
    m_bearerToken = token;
    m_csrfToken.clear();
}

void ApiClient::forgetCredentials()
{
    m_bearerToken.clear();
    m_csrfToken.clear();
    m_signedIn = false;
    m_network->setCookieJar(new QNetworkCookieJar(m_network));
}

void ApiClient::send(const ApiRequest &request, ReplyBase *owner, Completion done)
{
    QUrl url = m_server;
    url.setPath(m_server.path() + request.path, QUrl::TolerantMode);
    if (!request.query.isEmpty())
        url.setQuery(request.query);

    QNetworkRequest http(url);
    http.setRawHeader("Accept", "application/json");
    http.setTransferTimeout(m_transferTimeoutMs);
    QByteArray payload;
    if (request.body) {
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = request.body->isArray() ? QJsonDocument(request.body->toArray()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(request.body->toObject()).toJson(QJsonDocument::Compact);
    }
    if (!m_bearerToken.isEmpty())
        http.setRawHeader("Authorization", "Bearer " + m_bearerToken.toUtf8());
    const bool safe = request.method == "GET" || request.method == "HEAD";
    if (m_bearerToken.isEmpty() && !safe && !m_csrfToken.isEmpty())
        http.setRawHeader("X-CSRF-Token", m_csrfToken.toLatin1());

    QNetworkReply *reply = m_network->sendCustomRequest(http, request.method, payload);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QPointer<QNetworkReply> guarded(reply);
    owner->setAbortHandler([guarded]() {
        if (guarded)
            guarded->abort();
    });
    auto rejected = std::make_shared<std::optional<UntrustedCertificate>>();
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply, rejected](const QList<QSslError> &errors) { checkCertificate(reply, errors, rejected); });
    // The owner is the context: once it is cancelled (and deleted), the
    // answer goes nowhere.
    connect(reply, &QNetworkReply::finished, owner, [this, reply, request, owner, rejected, done = std::move(done)]() {
        handleFinished(reply, request, owner, done, rejected);
    });
}

void ApiClient::checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors, const RejectedCertificate &rejected)
{
    const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
    if (leaf.isNull())
        return;
    const QByteArray sha256 = leaf.digest(QCryptographicHash::Sha256);
    if (!m_trustedFingerprint.isEmpty() && sha256 == m_trustedFingerprint) {
        reply->ignoreSslErrors(errors);
        return;
    }
    *rejected = UntrustedCertificate{m_server, sha256, leaf.subjectDisplayName(), leaf.issuerDisplayName()};
}

void ApiClient::handleFinished(QNetworkReply *reply, const ApiRequest &request, ReplyBase *owner, const Completion &done,
                               const RejectedCertificate &rejected)
{
    if (owner->isFinished())
        return;
    const QByteArray nextCsrf = reply->rawHeader("X-Next-CSRF-Token");
    if (!nextCsrf.isEmpty())
        m_csrfToken = QString::fromLatin1(nextCsrf);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        // A cancelled owner never gets here, so a cancelled transfer is the
        // transfer timeout.
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return done(timedOut(reply->url(), m_transferTimeoutMs / 1000));
        if (*rejected)
            return done(untrustedCertificate(**rejected));
        return done(unreachable(reply->url(), reply->errorString()));
    }
    if (status >= 400) {
        Error error = errorFromResponse(status, body,
                                        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        if (error.kind == ErrorKind::ApiFreshLoginRequired && m_parkOnFreshLogin && owner->asksForFreshLogin()) {
            m_parked.append(Parked{request, owner, done});
            if (m_parked.size() == 1)
                emit freshLoginRequired();
            return;
        }
        if (error.kind == ErrorKind::ApiInvalidToken && m_signedIn)
            emit authenticationLost(error.message);
        return done(error);
    }

    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return done(unexpectedAnswer(reply->url()));
        return done(document);
    }
    // Quay answers some writes with a bare JSON string ("Created") or
    // nothing; anything else (an HTML page) means this is no Quay API.
    const QString contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (trimmed.isEmpty() || contentType.contains(QLatin1String("json")))
        return done(QJsonDocument());
    done(unexpectedAnswer(reply->url()));
}

void ApiClient::resumeParkedRequests()
{
    const QList<Parked> parked = std::exchange(m_parked, {});
    for (const Parked &p : parked) {
        if (p.owner && !p.owner->isFinished())
            send(p.request, p.owner, p.done);
    }
}

void ApiClient::abandonParkedRequests(const Error &reason)
{
    const QList<Parked> parked = std::exchange(m_parked, {});
    for (const Parked &p : parked) {
        if (p.owner && !p.owner->isFinished())
            p.done(reason);
    }
}

Reply<Done> *ApiClient::callForDone(const ApiRequest &request)
{
    return call<Done>(request, [](const QJsonDocument &) -> Result<Done> { return Done{}; });
}

} // namespace kai::client
