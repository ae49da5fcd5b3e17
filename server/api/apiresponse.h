#pragma once

#include "core/error.h"
#include "http/httpresponse.h"
#include "runtime/servercontext.h"

#include <QJsonDocument>

namespace kai::api {

// API v1 answers: JSON bodies and Quay's error shapes from the catalogue.
void writeApiError(http::HttpResponse &response, const Error &error, const runtime::ServerContext &server);
void writeJson(http::HttpResponse &response, int status, const QJsonDocument &body);

} // namespace kai::api
