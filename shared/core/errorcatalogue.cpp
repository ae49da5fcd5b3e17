#include "core/errorcatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kai {

const ErrorInfo &errorInfo(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Unauthorized: { static const ErrorInfo i{401, "UNAUTHORIZED", "invalid_token", "access to the requested resource is not authorized"}; return i; }
    case ErrorKind::Denied: { static const ErrorInfo i{403, "DENIED", "insufficient_scope", "requested access to the resource is denied"}; return i; }
    case ErrorKind::NamespaceDisabled: { static const ErrorInfo i{405, "DENIED", "insufficient_scope", "Namespace has been disabled"}; return i; }
    case ErrorKind::NameInvalid: { static const ErrorInfo i{400, "NAME_INVALID", "invalid_request", "invalid repository name"}; return i; }
    case ErrorKind::NameUnknown: { static const ErrorInfo i{404, "NAME_UNKNOWN", "not_found", "repository not found"}; return i; }
    case ErrorKind::ManifestUnknown: { static const ErrorInfo i{404, "MANIFEST_UNKNOWN", "not_found", "manifest unknown"}; return i; }
    case ErrorKind::ManifestInvalid: { static const ErrorInfo i{400, "MANIFEST_INVALID", "invalid_request", "manifest invalid"}; return i; }
    case ErrorKind::ManifestBlobUnknown: { static const ErrorInfo i{400, "MANIFEST_BLOB_UNKNOWN", "invalid_request", "blob unknown to registry"}; return i; }
    case ErrorKind::TagInvalid: { static const ErrorInfo i{400, "TAG_INVALID", "invalid_request", "manifest tag did not match URI"}; return i; }
    case ErrorKind::TagExpired: { static const ErrorInfo i{404, "TAG_EXPIRED", "not_found", "Tag has expired"}; return i; }
    case ErrorKind::TagImmutable: { static const ErrorInfo i{409, "TAG_IMMUTABLE", "tag_immutable", "tag is immutable"}; return i; }
    case ErrorKind::BlobUnknown: { static const ErrorInfo i{404, "BLOB_UNKNOWN", "not_found", "blob unknown to registry"}; return i; }
    case ErrorKind::BlobUploadUnknown: { static const ErrorInfo i{404, "BLOB_UPLOAD_UNKNOWN", "not_found", "blob upload unknown to registry"}; return i; }
    case ErrorKind::BlobUploadInvalid: { static const ErrorInfo i{400, "BLOB_UPLOAD_INVALID", "invalid_request", "blob upload invalid"}; return i; }
    case ErrorKind::DigestInvalid: { static const ErrorInfo i{400, "DIGEST_INVALID", "invalid_request", "provided digest did not match uploaded content"}; return i; }
    case ErrorKind::SizeInvalid: { static const ErrorInfo i{400, "SIZE_INVALID", "invalid_request", "provided length did not match content length"}; return i; }
    case ErrorKind::RangeInvalid: { static const ErrorInfo i{416, "BLOB_UPLOAD_INVALID", "invalid_request", "requested range not satisfiable"}; return i; }
    case ErrorKind::Unsupported: { static const ErrorInfo i{405, "UNSUPPORTED", "invalid_request", "The operation is unsupported."}; return i; }
    case ErrorKind::InvalidRequest: { static const ErrorInfo i{400, "INVALID_REQUEST", "invalid_request", "Request error."}; return i; }
    case ErrorKind::TooLarge: { static const ErrorInfo i{413, "SIZE_INVALID", "invalid_request", "request body too large"}; return i; }
    case ErrorKind::ApiInvalidRequest: { static const ErrorInfo i{400, "INVALID_REQUEST", "invalid_request", "Request error."}; return i; }
    case ErrorKind::ApiInvalidToken: { static const ErrorInfo i{401, "UNAUTHORIZED", "invalid_token", "Requires authentication"}; return i; }
    case ErrorKind::ApiInsufficientScope: { static const ErrorInfo i{403, "DENIED", "insufficient_scope", "Unauthorized"}; return i; }
    case ErrorKind::ApiNotFound: { static const ErrorInfo i{404, "NAME_UNKNOWN", "not_found", "Not Found"}; return i; }
    case ErrorKind::ApiMessage: { static const ErrorInfo i{400, "INVALID_REQUEST", nullptr, "Request error."}; return i; }
    case ErrorKind::ApiCsrfInvalid: { static const ErrorInfo i{403, "DENIED", nullptr, "CSRF token was invalid or missing."}; return i; }
    case ErrorKind::ApiFreshLoginRequired: { static const ErrorInfo i{401, "UNAUTHORIZED", "fresh_login_required", "Requires fresh login"}; return i; }
    case ErrorKind::Unavailable: { static const ErrorInfo i{503, "UNAVAILABLE", nullptr, "service unavailable"}; return i; }
    case ErrorKind::Conflict: { static const ErrorInfo i{409, "CONFLICT", nullptr, "conflict"}; return i; }
    case ErrorKind::Io:
    case ErrorKind::Database:
    case ErrorKind::Internal:
        break;
    }
    static const ErrorInfo internal{500, "UNKNOWN", nullptr, "internal server error"};
    return internal;
}

static QString messageOf(const Error &error)
{
    return error.message.isEmpty() ? QString::fromLatin1(errorInfo(error.kind).defaultMessage) : error.message;
}

QByteArray registryErrorBody(const Error &error)
{
    const ErrorInfo &info = errorInfo(error.kind);
    QJsonObject entry{{"code", QString::fromLatin1(info.registryCode)},
                      {"message", messageOf(error)},
                      {"detail", error.detail}};
    return QJsonDocument(QJsonObject{{"errors", QJsonArray{entry}}}).toJson(QJsonDocument::Compact);
}

QByteArray apiErrorBody(const Error &error, const QString &urlBase)
{
    const ErrorInfo &info = errorInfo(error.kind);
    QJsonObject body;
    if (error.kind == ErrorKind::ApiCsrfInvalid) {
        body.insert("error", messageOf(error));
    } else if (!info.apiErrorType) {
        body.insert("message", messageOf(error));
    } else {
        const QString type = QString::fromLatin1(info.apiErrorType);
        body = QJsonObject{{"detail", messageOf(error)},
                           {"error_message", messageOf(error)},
                           {"error_type", type},
                           {"title", type},
                           {"type", QStringLiteral("%1/api/v1/error/%2").arg(urlBase, type)},
                           {"status", info.httpStatus}};
    }
    for (auto it = error.detail.begin(); it != error.detail.end(); ++it)
        body.insert(it.key(), it.value());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace kai
