#include "api/apicaller.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace kai::api {

Result<ApiCaller> authenticateApiCaller(const http::HttpRequest &request, runtime::WorkerContext &context)
{
    ApiCaller caller;
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Bearer ") || authorization.startsWith("bearer ")) {
        const QString token = QString::fromLatin1(authorization.sliced(7).trimmed());
        auto identity = context.authenticator.oauthToken(token, context.nowMs());
        if (identity) {
            caller.identity = *identity;
            caller.freshLogin = true;   // token callers are exempt from the fresh-login rule
        } else if (identity.error().kind != ErrorKind::Unauthorized) {
            return identity.error();
        }
    }
    return caller;
}

Result<QJsonObject> jsonBody(const http::HttpRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return Error::of(ErrorKind::ApiInvalidRequest, QStringLiteral("Missing JSON body"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::of(ErrorKind::ApiInvalidRequest, QStringLiteral("Invalid JSON body: %1").arg(parseError.errorString()));
    if (!document.isObject())
        return Error::of(ErrorKind::ApiInvalidRequest, QStringLiteral("Invalid JSON body: expected an object"));
    return document.object();
}

Error requiresAuthentication() { return Error::of(ErrorKind::ApiInvalidToken, QStringLiteral("Requires authentication")); }
Error unauthorized() { return Error::of(ErrorKind::ApiInsufficientScope, QStringLiteral("Unauthorized")); }
Error notFound() { return Error::of(ErrorKind::ApiNotFound, QStringLiteral("Not Found")); }
Error badRequest(const QString &message) { return Error::of(ErrorKind::ApiInvalidRequest, message); }
Error message400(const QString &message) { return Error::of(ErrorKind::ApiMessage, message); }

Status requireUser(const ApiCaller &caller)
{
    if (caller.isAnonymous() || caller.identity.isRobot())
        return requiresAuthentication();
    return {};
}

} // namespace kai::api
