#include "api/apiresponse.h"

#include "core/errorcatalogue.h"

namespace kai::api {

void writeApiError(http::HttpResponse &response, const Error &error, const runtime::ServerContext &server)
{
    response.setStatus(errorInfo(error.kind).httpStatus);
    response.setJson(apiErrorBody(error, server.config.urlBase()));
}

void writeJson(http::HttpResponse &response, int status, const QJsonDocument &body)
{
    response.setStatus(status);
    response.setJson(body.toJson(QJsonDocument::Compact));
}

} // namespace kai::api
