#pragma once

#include "auth/identity.h"
#include "core/result.h"
#include "http/httprequest.h"
#include "runtime/workercontext.h"

#include <QJsonObject>

namespace kai::api {

// Who calls an /api/v1 endpoint. Only two authenticators run, as in Quay:
// an OAuth bearer token (its scopes cap every role), then the session
// cookie of a UI sign-in. Basic credentials are ignored here.
struct ApiCaller
{
    auth::Identity identity;
    bool viaSession = false;
    bool freshLogin = false;    // session login within FRESH_LOGIN_TIMEOUT, or a token
    QString sessionIdHash;      // the caller's UI session, signed in or not
    QString csrfToken;

    bool isAnonymous() const { return identity.isAnonymous(); }
};

// An invalid or expired OAuth token leaves the caller anonymous (the
// endpoint then answers 401), as Quay does. A session caller's non-GET
// request without the session's X-CSRF-Token is refused (403).
Result<ApiCaller> authenticateApiCaller(const http::HttpRequest &request, runtime::WorkerContext &context);

// A yes/no query parameter as Flask-RESTful's truthy_bool reads it: any
// value but "", "false", "0", "null" and "none" (any case) is true;
// `absent` when the parameter is not there.
bool queryFlag(const http::HttpRequest &request, const QString &name, bool absent = false);

// The JSON object body: 400 "Missing JSON body" / "Invalid JSON body".
Result<QJsonObject> jsonBody(const http::HttpRequest &request);

// Quay's common refusals, in its shapes.
Error requiresAuthentication();               // 401 invalid_token
Error unauthorized();                          // 403 insufficient_scope
Error notFound();                              // 404 not_found
Error badRequest(const QString &message);      // 400 invalid_request with the message
Error message400(const QString &message);      // 400 {"message": ...}

// A signed-in user (not anonymous, not a robot) or 401.
Status requireUser(const ApiCaller &caller);
// The signed-in user acting on their own account (Quay's
// require_user_admin): 401 anonymous or robot, 403 without user:admin.
Result<ApiCaller> authenticateUserAdmin(const http::HttpRequest &request, runtime::WorkerContext &context);
// The fresh-login rule (§1.2): session callers must have entered their
// password within FRESH_LOGIN_TIMEOUT (10m); token callers are exempt.
Status requireFreshLogin(const ApiCaller &caller);

// The UI session cookie and its lookup key.
inline constexpr char kSessionCookie[] = "kai_session";
QString sessionIdHash(const QString &sessionId);
QString sessionIdFromCookies(const QByteArray &cookieHeader);

} // namespace kai::api
