#include "apierror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace kai::client {

namespace {

ErrorKind kindOf(int httpStatus, const QJsonObject &body)
{
    const QString type = body.value("error_type").toString();
    if (type == QLatin1String("fresh_login_required"))
        return ErrorKind::ApiFreshLoginRequired;
    if (type == QLatin1String("invalid_token") || type == QLatin1String("expired_token"))
        return ErrorKind::ApiInvalidToken;
    if (type == QLatin1String("insufficient_scope"))
        return ErrorKind::ApiInsufficientScope;
    if (type == QLatin1String("not_found"))
        return ErrorKind::ApiNotFound;
    if (type == QLatin1String("invalid_request"))
        return ErrorKind::ApiInvalidRequest;
    if (httpStatus == 403 && body.value("error").toString().contains(QLatin1String("CSRF")))
        return ErrorKind::ApiCsrfInvalid;
    switch (httpStatus) {
    case 400: return ErrorKind::ApiMessage;
    case 401: return ErrorKind::ApiInvalidToken;
    case 403: return ErrorKind::ApiInsufficientScope;
    case 404: return ErrorKind::ApiNotFound;
    case 409: return ErrorKind::Conflict;
    case 503: return ErrorKind::Unavailable;
    default: return ErrorKind::Internal;
    }
}

// The first readable text among the fields Quay uses, most specific first.
QString messageOf(const QJsonObject &body)
{
    for (const char *field : {"error_message", "message", "detail", "error", "error_description"}) {
        const QJsonValue value = body.value(QLatin1String(field));
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return value.toString().trimmed();
    }
    return {};
}

} // namespace

Error errorFromResponse(int httpStatus, const QByteArray &body, const QString &reasonPhrase)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject object = document.object();
    QString message = messageOf(object);
    if (message.isEmpty() && !document.isObject()) {
        // Plain-text answers (429 throttling, proxies): short ones are
        // meant for people, long ones are pages.
        const QString text = QString::fromUtf8(body).trimmed();
        if (!text.isEmpty() && text.size() <= 200 && !text.startsWith(u'<'))
            message = text;
    }
    if (message.isEmpty()) {
        message = QCoreApplication::translate("kai::client::ApiError", "The server answered %1 %2.")
                      .arg(httpStatus)
                      .arg(reasonPhrase);
    }
    return Error::of(kindOf(httpStatus, object), message.trimmed(), object);
}

Error unreachable(const QUrl &url, const QString &networkMessage)
{
    return Error::of(ErrorKind::Unavailable,
                     QCoreApplication::translate("kai::client::ApiError", "Cannot reach %1: %2")
                         .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), networkMessage));
}

Error timedOut(const QUrl &url, int seconds)
{
    return Error::of(ErrorKind::Unavailable,
                     QCoreApplication::translate("kai::client::ApiError", "%1 did not answer within %n second(s).", nullptr, seconds)
                         .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
}

Error unexpectedAnswer(const QUrl &url)
{
    return Error::of(ErrorKind::Unavailable,
                     QCoreApplication::translate("kai::client::ApiError",
                                                 "%1 did not answer like a Quay registry. Check the server address.")
                         .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
}

Error cancelled()
{
    return Error::of(ErrorKind::Unavailable, QCoreApplication::translate("kai::client::ApiError", "Cancelled."));
}

QString UntrustedCertificate::fingerprintText() const
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

namespace {
const QLatin1String kUntrustedCertificateType("untrusted_certificate");
}

Error untrustedCertificate(const UntrustedCertificate &certificate)
{
    const QString server = certificate.server.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
    return Error::of(ErrorKind::Unavailable,
                     QCoreApplication::translate("kai::client::ApiError",
                                                 "The certificate of %1 is not trusted (SHA-256 fingerprint %2).")
                         .arg(server, certificate.fingerprintText()),
                     QJsonObject{{"error_type", kUntrustedCertificateType},
                                 {"server", certificate.server.toString()},
                                 {"fingerprint_sha256", QString::fromLatin1(certificate.sha256.toHex())},
                                 {"subject", certificate.subject},
                                 {"issuer", certificate.issuer}});
}

std::optional<UntrustedCertificate> untrustedCertificateOf(const Error &error)
{
    if (error.detail.value("error_type").toString() != kUntrustedCertificateType)
        return std::nullopt;
    return UntrustedCertificate{QUrl(error.detail.value("server").toString()),
                                QByteArray::fromHex(error.detail.value("fingerprint_sha256").toString().toLatin1()),
                                error.detail.value("subject").toString(), error.detail.value("issuer").toString()};
}

} // namespace kai::client
