#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace kai::client {

// Quay answers API v1 errors in several shapes (reference §1.8): the
// "problem" object {error_message, error_type, detail, ...}, {"message"},
// {"error"}, {"detail"} and plain text. These turn any of them into an
// Error whose message a person can read; the whole body stays in `detail`.
Error errorFromResponse(int httpStatus, const QByteArray &body, const QString &reasonPhrase);

// The server could not be reached at all (refused, DNS, TLS, timeout): the
// message names the URL.
Error unreachable(const QUrl &url, const QString &networkMessage);

// No progress for `seconds`: the message names the URL.
Error timedOut(const QUrl &url, int seconds);

// The server answered, but not like Quay's API (wrong URL, a web page).
Error unexpectedAnswer(const QUrl &url);

// The request was cancelled by the caller.
Error cancelled();

} // namespace kai::client
