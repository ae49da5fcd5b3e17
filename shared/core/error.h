#pragma once

#include <QJsonObject>
#include <QString>

namespace kai {

// Every failure Kai reports, server and console alike. The catalogue
// (errorcatalogue.h) maps a kind to its HTTP status and to the exact body
// Quay sends for it, so handlers never spell out codes themselves.
enum class ErrorKind {
    // Registry /v2 (OCI distribution + Quay's codes, reference §1.8)
    Unauthorized,
    Denied,
    NamespaceDisabled,
    NameInvalid,
    NameUnknown,
    ManifestUnknown,
    ManifestInvalid,
    ManifestBlobUnknown,
    TagInvalid,
    TagExpired,
    TagImmutable,
    BlobUnknown,
    BlobUploadUnknown,
    BlobUploadInvalid,
    DigestInvalid,
    SizeInvalid,
    RangeInvalid,        // 416 on out-of-order chunk / unsatisfiable range
    Unsupported,
    InvalidRequest,
    TooLarge,            // 413 body over the limit
    // API v1 (Quay's "problem" error types)
    ApiInvalidRequest,
    ApiInvalidToken,
    ApiInsufficientScope,
    ApiNotFound,
    ApiMessage,          // {"message": ...} 400 shape
    ApiCsrfInvalid,      // 403 {"error": "CSRF token was invalid or missing."}
    ApiFreshLoginRequired, // 401 fresh_login_required
    // Infrastructure
    Internal,
    Unavailable,
    Io,
    Database,
    Conflict,
};

struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    QJsonObject detail;

    static Error of(ErrorKind kind, QString message = {}, QJsonObject detail = {})
    {
        return Error{kind, std::move(message), std::move(detail)};
    }
};

} // namespace kai
