#pragma once

#include "apierror.h"
#include "reply.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

namespace kai::client {

// One call of Quay's API v1 as data.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;                     // "/api/v1/...", segments already percent-encoded (see segment())
    QUrlQuery query;
    std::optional<QJsonValue> body;   // sent as application/json

    // A path segment percent-encoded for ApiRequest::path.
    static QString segment(const QString &text);
    // A value for QUrlQuery: it keeps '+' literal, which servers read as a
    // space, so that one is encoded here (next_page tokens may hold it).
    static QString queryValue(const QString &text);
};

// The transport of the typed client: one QNetworkAccessManager, the server's
// base URL, and the credentials of one sign-in: either an OAuth bearer token
// or Quay's browser session (cookie jar + CSRF token, rotated on every
// X-Next-CSRF-Token). Everything is asynchronous; nothing here ever waits.
//
// The endpoint families (endpoints/*.h) build ApiRequests and parse the
// answers into the value types (types/*.h) with call<T>().
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;
    Q_DISABLE_COPY_MOVE(ApiClient)

    // "https://quay.example.com" (a path prefix is kept). Forgets the
    // credentials and the trusted certificate of the previous server.
    void setServer(const QUrl &baseUrl);
    QUrl server() const { return m_server; }

    // The SHA-256 digest of the one leaf certificate the user trusts for
    // this server although the system does not (self-signed). Its TLS
    // errors are ignored only while the server presents exactly that
    // certificate; any other fails the call with untrustedCertificate().
    void setTrustedCertificateFingerprint(const QByteArray &sha256) { m_trustedFingerprint = sha256; }
    QByteArray trustedCertificateFingerprint() const { return m_trustedFingerprint; }

    // Bearer mode: every call carries "Authorization: Bearer <token>".
    void setBearerToken(const QString &token);
    bool usesBearerToken() const { return !m_bearerToken.isEmpty(); }
    // Session mode: the CSRF token Quay expects on every non-GET call.
    void setCsrfToken(const QString &token) { m_csrfToken = token; }
    QString csrfToken() const { return m_csrfToken; }
    // Drops token, cookies and CSRF token.
    void forgetCredentials();
    // Set by the sign-in flow; a 401 while signed in emits authenticationLost().
    void setSignedIn(bool signedIn) { m_signedIn = signedIn; }
    bool isSignedIn() const { return m_signedIn; }

    // Bounded waits: a transfer that makes no progress for this long fails
    // with a message naming the URL (default 30 s).
    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }

    // When on, a 401 fresh_login_required parks the request and emits
    // freshLoginRequired(); resumeParkedRequests() replays the parked ones
    // after POST /api/v1/signin/verify succeeded, abandonParkedRequests()
    // fails them. Off (the default), the error is returned as is; so it is
    // for a reply whose asksForFreshLogin() is off.
    void setParkOnFreshLogin(bool park) { m_parkOnFreshLogin = park; }
    void resumeParkedRequests();
    void abandonParkedRequests(const Error &reason);
    int parkedRequestCount() const { return int(m_parked.size()); }

    using Completion = std::function<void(Result<QJsonDocument>)>;

    // Sends `request`; `done` gets the JSON answer (empty for no body) or
    // the error, unless `owner` was cancelled or destroyed first.
    void send(const ApiRequest &request, ReplyBase *owner, Completion done);

    // A typed call: `parse(const QJsonDocument &) -> Result<T>` turns the
    // answer into the value.
    template <typename T, typename Parse>
    Reply<T> *call(const ApiRequest &request, Parse parse)
    {
        auto *reply = new Reply<T>(this);
        send(request, reply, [reply, parse = std::move(parse)](Result<QJsonDocument> answer) {
            if (!answer)
                reply->complete(answer.error());
            else
                reply->complete(parse(*answer));
        });
        return reply;
    }

    // A call whose answer carries nothing needed.
    Reply<Done> *callForDone(const ApiRequest &request);

signals:
    // A request waits for the user's password (see setParkOnFreshLogin).
    void freshLoginRequired();
    // The server refused the credentials of a signed-in client (expired
    // token or session): the console goes back to sign-in.
    void authenticationLost(const QString &message);

private:
    struct Parked
    {
        ApiRequest request;
        QPointer<ReplyBase> owner;
        Completion done;
    };

    // The certificate a reply's TLS errors were about, kept for its error.
    using RejectedCertificate = std::shared_ptr<std::optional<UntrustedCertificate>>;

    void checkCertificate(QNetworkReply *reply, const QList<QSslError> &errors, const RejectedCertificate &rejected);
    void handleFinished(QNetworkReply *reply, const ApiRequest &request, ReplyBase *owner, const Completion &done,
                        const RejectedCertificate &rejected);

    QNetworkAccessManager *m_network;
    QUrl m_server;
    QByteArray m_trustedFingerprint;
    QString m_bearerToken;
    QString m_csrfToken;
    bool m_signedIn = false;
    bool m_parkOnFreshLogin = false;
    int m_transferTimeoutMs = 30'000;
    QList<Parked> m_parked;
};

} // namespace kai::client
