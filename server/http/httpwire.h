#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace kai::http {

class HttpRequest;

// Small pieces of HTTP/1.1 wire format shared by the connection code.

// The standard reason phrase of a status code ("Unknown" for others).
QByteArrayView reasonPhrase(int status);

// The current time as an IMF-fixdate ("Tue, 14 May 2024 14:48:51 GMT"),
// cached per thread for the current second.
const QByteArray &httpDate();

// Splits request.target into the percent-decoded request.path and
// request.query. False for a target that is not origin- or absolute-form,
// a bad %-escape, an encoded NUL, or a path that is not UTF-8.
bool decodeTarget(HttpRequest &request);

} // namespace kai::http
