#include "api/apicaller.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace kai::api {

QString sessionIdHash(const QString &sessionId)
{
    return QString::fromLatin1(QCryptographicHash::hash(sessionId.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString sessionIdFromCookies(const QByteArray &cookieHeader)
{
    for (const QByteArray &part : cookieHeader.split(';')) {
        const QByteArray cookie = part.trimmed();
        if (cookie.startsWith(QByteArray(kSessionCookie) + '='))
            return QString::fromLatin1(cookie.mid(qsizetype(sizeof(kSessionCookie))));
    }
    return {};
}

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
            return caller;
        }
        if (identity.error().kind != ErrorKind::Unauthorized)
            return identity.error();
    }

    const QString sessionId = sessionIdFromCookies(request.header("Cookie"));
    if (sessionId.isEmpty())
        return caller;
    const qint64 now = context.nowMs();
    auto session = context.sessions.find(sessionIdHash(sessionId), now);
    if (!session)
        return session.error();
    if (!session->has_value())
        return caller;
    caller.sessionIdHash = (*session)->idHash;
    caller.csrfToken = (*session)->csrfToken;
    const bool safeMethod = request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS";
    if ((*session)->userId != 0) {
        if (!safeMethod && request.header("X-CSRF-Token") != caller.csrfToken.toLatin1())
            return Error::of(ErrorKind::ApiCsrfInvalid);
        auto user = context.namespaces.byId((*session)->userId);
        if (!user)
            return user.error();
        if (user->has_value() && (*user)->enabled) {
            caller.identity = context.authenticator.identityOf(**user);
            caller.viaSession = true;
            caller.freshLogin = now - (*session)->loginMs < context.config().freshLoginTimeoutSeconds * 1000;
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

bool queryFlag(const http::HttpRequest &request, const QString &name, bool absent)
{
    if (!request.query.hasQueryItem(name))
        return absent;
    const QString value = request.queryValue(name).trimmed().toLower();
    return !(value.isEmpty() || value == QLatin1String("false") || value == QLatin1String("0")
             || value == QLatin1String("null") || value == QLatin1String("none"));
}

Result<ApiCaller> authenticateUserAdmin(const http::HttpRequest &request, runtime::WorkerContext &context)
{
    auto caller = authenticateApiCaller(request, context);
    if (!caller)
        return caller.error();
    if (Status s = requireUser(*caller); !s)
        return s.error();
    if (!caller->identity.hasScope(QStringLiteral("user:admin")))
        return unauthorized();
    return caller;
}

Status requireFreshLogin(const ApiCaller &caller)
{
    if (caller.viaSession && !caller.freshLogin)
        return Error::of(ErrorKind::ApiFreshLoginRequired, QStringLiteral("Requires fresh login"));
    return {};
}

} // namespace kai::api
