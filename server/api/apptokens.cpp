#include "api/apptokens.h"

#include "api/apicaller.h"
#include "api/apiresponse.h"
#include "core/quaydate.h"
#include "logs/logscope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace kai::api {

namespace {

using http::HttpRequest;
using http::HttpResponse;

QJsonValue dateOrNull(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(formatQuayDate(*ms)) : QJsonValue();
}

// Quay's token_view; the code only where the endpoint includes it.
QJsonObject tokenView(const store::AppToken &token)
{
    return QJsonObject{{"uuid", token.uuid},
                       {"title", token.title},
                       {"last_accessed", dateOrNull(token.lastAccessedMs)},
                       {"created", formatQuayDate(token.createdMs)},
                       {"expiration", dateOrNull(token.expiresMs)}};
}

class AppTokenEndpoints final
{
public:
    explicit AppTokenEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    void list(HttpRequest &q, HttpResponse &r);
    void create(HttpRequest &q, HttpResponse &r);
    void get(HttpRequest &q, HttpResponse &r);
    void revoke(HttpRequest &q, HttpResponse &r);

private:
    // require_user_admin (and require_fresh_login where Quay has it): the
    // calling user.
    Result<auth::Identity> userAdmin(const HttpRequest &request, bool fresh);
    void fail(HttpResponse &response, const Error &error) { writeApiError(response, error, m_context.server); }
    // Quay's token entries, in the user's log and the caller's transaction.
    Status record(const HttpRequest &request, const auth::Identity &user, const QString &kind, const store::AppToken &token)
    {
        return m_context.actionLog.record(kind, logs::namespaceScope(user.namespaceId, user.name, false),
                                          logs::LogActor::of(user, request),
                                          {{"app_specific_token_title", token.title}, {"app_specific_token", token.uuid}});
    }

    runtime::WorkerContext &m_context;
};

Result<auth::Identity> AppTokenEndpoints::userAdmin(const HttpRequest &request, bool fresh)
{
    auto caller = authenticateUserAdmin(request, m_context);
    if (!caller)
        return caller.error();
    if (fresh) {
        if (Status s = requireFreshLogin(*caller); !s)
            return s.error();
    }
    return caller->identity;
}

void AppTokenEndpoints::list(HttpRequest &q, HttpResponse &r)
{
    auto user = userAdmin(q, /*fresh=*/false);
    if (!user)
        return fail(r, user.error());
    // Kai has no APP_SPECIFIC_TOKEN_EXPIRATION yet: with Quay's default
    // window base of 4w, "expiring" means within 10 % of four weeks.
    const QString expiringParam = q.queryValue(QStringLiteral("expiring"));
    const bool hasExpiring = q.query.hasQueryItem(QStringLiteral("expiring"));
    const bool expiring = hasExpiring
                          && (expiringParam.toLower() == QLatin1String("true") || expiringParam == QLatin1String("1"));
    const qint64 now = m_context.nowMs();
    constexpr qint64 kWindowMs = qint64(28) * 24 * 3600 * 1000 / 10;
    auto tokens = m_context.appTokens.list(user->namespaceId, now, expiring ? now + kWindowMs : 0);
    if (!tokens)
        return fail(r, tokens.error());
    QJsonArray out;
    for (const store::AppToken &token : *tokens)
        out.append(tokenView(token));
    writeJson(r, 200, QJsonDocument(QJsonObject{{"tokens", out},
                                                {"only_expiring", hasExpiring ? QJsonValue(expiring) : QJsonValue()}}));
}

void AppTokenEndpoints::create(HttpRequest &q, HttpResponse &r)
{
    auto user = userAdmin(q, /*fresh=*/true);
    if (!user)
        return fail(r, user.error());
    auto body = jsonBody(q);
    if (!body)
        return fail(r, body.error());
    const QJsonValue title = body->value("title");
    if (title.isUndefined())
        return fail(r, badRequest(QStringLiteral("'title' is a required property")));
    if (!title.isString())
        return fail(r, badRequest(QStringLiteral("title is not of type 'string'")));
    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return fail(r, tx.status().error());
    auto created = m_context.appTokens.create(user->namespaceId, title.toString(), /*expiresMs=*/0, m_context.nowMs());
    if (!created)
        return fail(r, created.error());
    if (Status s = record(q, *user, QStringLiteral("create_app_specific_token"), created->first); !s)
        return fail(r, s.error());
    if (Status s = tx.commit(); !s)
        return fail(r, s.error());
    QJsonObject view = tokenView(created->first);
    view.insert("token_code", created->second);
    writeJson(r, 200, QJsonDocument(QJsonObject{{"token", view}}));
}

void AppTokenEndpoints::get(HttpRequest &q, HttpResponse &r)
{
    auto user = userAdmin(q, /*fresh=*/true);
    if (!user)
        return fail(r, user.error());
    auto token = m_context.appTokens.byUuid(q.param(QStringLiteral("uuid")), user->namespaceId, m_context.nowMs());
    if (!token)
        return fail(r, token.error());
    if (!token->has_value())
        return fail(r, notFound());
    auto code = m_context.appTokens.code(**token);
    if (!code)
        return fail(r, code.error());
    QJsonObject view = tokenView(**token);
    view.insert("token_code", *code);
    writeJson(r, 200, QJsonDocument(QJsonObject{{"token", view}}));
}

void AppTokenEndpoints::revoke(HttpRequest &q, HttpResponse &r)
{
    auto user = userAdmin(q, /*fresh=*/true);
    if (!user)
        return fail(r, user.error());
    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return fail(r, tx.status().error());
    auto revoked = m_context.appTokens.revoke(q.param(QStringLiteral("uuid")), user->namespaceId);
    if (!revoked)
        return fail(r, revoked.error());
    if (!revoked->has_value())
        return fail(r, notFound());
    if (Status s = record(q, *user, QStringLiteral("revoke_app_specific_token"), **revoked); !s)
        return fail(r, s.error());
    if (Status s = tx.commit(); !s)
        return fail(r, s.error());
    r.setStatus(204);
}

} // namespace

void addAppTokenRoutes(http::Router &router, runtime::WorkerContext &context)
{
    if (!context.config().featureAppSpecificTokens)
        return;
    auto tokens = std::make_shared<AppTokenEndpoints>(context);
    router.add("GET", "/api/v1/user/apptoken", [tokens](HttpRequest &q, HttpResponse &r) { tokens->list(q, r); });
    router.add("POST", "/api/v1/user/apptoken", [tokens](HttpRequest &q, HttpResponse &r) { tokens->create(q, r); }, 64 * 1024);
    router.add("GET", "/api/v1/user/apptoken/{uuid}", [tokens](HttpRequest &q, HttpResponse &r) { tokens->get(q, r); });
    router.add("DELETE", "/api/v1/user/apptoken/{uuid}", [tokens](HttpRequest &q, HttpResponse &r) { tokens->revoke(q, r); });
}

} // namespace kai::api
