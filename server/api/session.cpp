#include "api/session.h"

#include "api/apicaller.h"
#include "api/apiresponse.h"
#include "auth/secretbox.h"
#include "logs/logscope.h"

#include <QJsonObject>

namespace kai::api {

namespace {

constexpr qint64 kSessionLifetimeMs = 14LL * 24 * 3600 * 1000;

QString randomUrlSafe(int bytes)
{
    return QString::fromLatin1(auth::SecretBox::randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

class SessionEndpoints
{
public:
    explicit SessionEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    void csrfToken(http::HttpRequest &request, http::HttpResponse &response)
    {
        const runtime::ServerContext &server = m_context.server;
        auto caller = authenticateApiCaller(request, m_context);
        if (caller && !caller->sessionIdHash.isEmpty())
            return writeJson(response, 200, QJsonDocument(QJsonObject{{"csrf_token", caller->csrfToken}}));
        const QString sessionId = randomUrlSafe(32);
        const QString csrf = randomUrlSafe(48);
        const qint64 now = m_context.nowMs();
        if (Status s = m_context.sessions.create(sessionIdHash(sessionId), csrf, now, now + kSessionLifetimeMs); !s)
            return writeApiError(response, s.error(), server);
        response.setHeader("Set-Cookie", QStringLiteral("%1=%2; Path=/; HttpOnly; SameSite=Lax%3")
                                             .arg(QLatin1String(kSessionCookie), sessionId,
                                                  server.config.preferredUrlScheme == "https" ? "; Secure" : "")
                                             .toLatin1());
        writeJson(response, 200, QJsonDocument(QJsonObject{{"csrf_token", csrf}}));
    }

    void signIn(http::HttpRequest &request, http::HttpResponse &response)
    {
        const runtime::ServerContext &server = m_context.server;
        auto caller = authenticateApiCaller(request, m_context);
        if (!caller)
            return writeApiError(response, caller.error(), server);
        if (caller->sessionIdHash.isEmpty() || request.header("X-CSRF-Token") != caller->csrfToken.toLatin1())
            return writeApiError(response, Error::of(ErrorKind::ApiCsrfInvalid), server);
        auto body = jsonBody(request);
        if (!body)
            return writeApiError(response, body.error(), server);
        const QString username = body->value("username").toString();
        auto identity = m_context.authenticator.password(username, body->value("password").toString(), m_context.nowMs());
        if (!identity) {
            recordLoginFailure(request, username, identity.error().message);
            return writeJson(response, 403,
                             QJsonDocument(QJsonObject{{"needsEmailVerification", false},
                                                       {"invalidCredentials", true},
                                                       {"message", identity.error().message}}));
        }
        const QString csrf = randomUrlSafe(48);
        if (Status s = m_context.sessions.signIn(caller->sessionIdHash, identity->namespaceId, csrf, m_context.nowMs()); !s)
            return writeApiError(response, s.error(), server);
        if (server.config.actionLogAuditLogins) {
            m_context.actionLog.recordLater(QStringLiteral("login_success"), ownScope(*identity),
                                            logs::LogActor::of(*identity, request),
                                            {{"type", "quayauth"}, {"useragent", userAgent(request)}});
        }
        response.setHeader("X-Next-CSRF-Token", csrf.toLatin1());
        writeJson(response, 200, QJsonDocument(QJsonObject{{"success", true}}));
    }

    void verify(http::HttpRequest &request, http::HttpResponse &response)
    {
        const runtime::ServerContext &server = m_context.server;
        auto caller = authenticateApiCaller(request, m_context);
        if (!caller)
            return writeApiError(response, caller.error(), server);
        if (!caller->viaSession)
            return writeApiError(response, requiresAuthentication(), server);
        auto body = jsonBody(request);
        if (!body)
            return writeApiError(response, body.error(), server);
        auto identity = m_context.authenticator.password(caller->identity.name, body->value("password").toString(),
                                                         m_context.nowMs());
        if (!identity) {
            return writeJson(response, 403, QJsonDocument(QJsonObject{{"message", identity.error().message},
                                                                      {"invalidCredentials", true}}));
        }
        const QString csrf = randomUrlSafe(48);
        if (Status s = m_context.sessions.signIn(caller->sessionIdHash, identity->namespaceId, csrf, m_context.nowMs()); !s)
            return writeApiError(response, s.error(), server);
        response.setHeader("X-Next-CSRF-Token", csrf.toLatin1());
        writeJson(response, 200, QJsonDocument(QJsonObject{{"success", true}}));
    }

    void signOut(http::HttpRequest &request, http::HttpResponse &response)
    {
        const runtime::ServerContext &server = m_context.server;
        auto caller = authenticateApiCaller(request, m_context);
        if (!caller)
            return writeApiError(response, caller.error(), server);
        if (!caller->isAnonymous()) {
            if (Status s = m_context.sessions.endAllOf(caller->identity.namespaceId); !s)
                return writeApiError(response, s.error(), server);
            if (server.config.actionLogAuditLogins) {
                m_context.actionLog.recordLater(QStringLiteral("logout_success"), ownScope(caller->identity),
                                                logs::LogActor::of(caller->identity, request),
                                                {{"type", "quayauth"}, {"useragent", userAgent(request)}});
            }
        }
        writeJson(response, 200, QJsonDocument(QJsonObject{{"success", true}}));
    }

private:
    static QString userAgent(const http::HttpRequest &request) { return QString::fromUtf8(request.header("User-Agent")); }
    static logs::LogScope ownScope(const auth::Identity &user)
    {
        return logs::namespaceScope(user.namespaceId, user.name, false);
    }

    // Quay's login_failure (with ACTION_LOG_AUDIT_LOGIN_FAILURES): in the
    // log of the account the name points at, if any, with that account as
    // performer. Asynchronous: it never fails the answer.
    void recordLoginFailure(const http::HttpRequest &request, const QString &username, const QString &message)
    {
        if (!m_context.config().actionLogAuditLoginFailures)
            return;
        auto account = logs::loginAccount(m_context.namespaces, username);
        if (!account)
            return;
        m_context.actionLog.recordLater(QStringLiteral("login_failure"), account->scope,
                                        logs::LogActor::of(account->performer, request),
                                        {{"type", "quayauth"},
                                         {"kind", "user"},
                                         {"useragent", userAgent(request)},
                                         {"username", username},
                                         {"message", message}});
    }

    runtime::WorkerContext &m_context;
};

} // namespace

void addSessionRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto sessions = std::make_shared<SessionEndpoints>(context);
    using http::HttpRequest;
    using http::HttpResponse;
    router.add("GET", "/csrf_token", [sessions](HttpRequest &q, HttpResponse &r) { sessions->csrfToken(q, r); });
    router.add("POST", "/api/v1/signin", [sessions](HttpRequest &q, HttpResponse &r) { sessions->signIn(q, r); }, 64 * 1024);
    router.add("POST", "/api/v1/signin/verify", [sessions](HttpRequest &q, HttpResponse &r) { sessions->verify(q, r); }, 64 * 1024);
    router.add("POST", "/api/v1/signout", [sessions](HttpRequest &q, HttpResponse &r) { sessions->signOut(q, r); }, 64 * 1024);
}

} // namespace kai::api
