#pragma once

#include "core/error.h"

#include <QByteArray>

namespace kai {

// The one table ErrorKind -> HTTP status + wire body. Registry errors use the
// OCI shape {"errors":[{code,message,detail}]}; API v1 errors use Quay's
// problem shape (reference §1.8).
struct ErrorInfo
{
    int httpStatus;
    const char *registryCode;   // OCI/Docker error code for /v2
    const char *apiErrorType;   // Quay error_type for /api/v1 (nullptr: {"message"} shape)
    const char *defaultMessage;
};

const ErrorInfo &errorInfo(ErrorKind kind);

// {"errors":[{"code":..., "message":..., "detail":{...}}]}
QByteArray registryErrorBody(const Error &error);

// Quay's API v1 body for the error: the problem shape for typed errors,
// {"message": ...} for plain business errors. `urlBase` ("https://host")
// starts the "type" URL.
QByteArray apiErrorBody(const Error &error, const QString &urlBase);

} // namespace kai
