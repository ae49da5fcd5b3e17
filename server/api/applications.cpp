#include "api/applications.h"

#include "api/apicaller.h"
#include "api/tenancy.h"
#include "auth/secretbox.h"
#include "logs/logscope.h"
#include "store/applicationstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

constexpr qint64 kMaximumTokenLifetimeSeconds = 10LL * 365 * 24 * 3600;
const QStringList kKnownScopes{"repo:read", "repo:write", "repo:admin", "repo:create",
                               "user:read", "user:admin", "org:admin", "super:user"};

QString isoDate(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + 'Z'
                  : QString();
}

QJsonObject applicationView(const store::Application &a)
{
    return QJsonObject{{"name", a.name},
                       {"description", a.description},
                       {"application_uri", a.applicationUri},
                       {"client_id", a.clientId},
                       {"client_secret", a.clientSecret},
                       {"redirect_uri", a.redirectUri},
                       {"avatar_email", a.avatarEmail.isEmpty() ? QJsonValue() : QJsonValue(a.avatarEmail)}};
}

QJsonObject tokenView(const store::MintedToken &t)
{
    return QJsonObject{{"uuid", t.uuid},
                       {"name", t.name},
                       {"scope", t.scopes},
                       {"expires_at", t.expiresMs > 0 ? QJsonValue(isoDate(t.expiresMs)) : QJsonValue()},
                       {"created", isoDate(t.createdMs)},
                       {"created_by", t.createdBy.isEmpty() ? QJsonValue() : QJsonValue(t.createdBy)},
                       {"last_accessed", t.lastAccessedMs > 0 ? QJsonValue(isoDate(t.lastAccessedMs)) : QJsonValue()}};
}

struct Target
{
    ApiCaller caller;
    store::Organization organization;
};

// An application's entry in its organization's log (Quay's keys:
// application_name and client_id, plus what each kind adds), in the
// caller's transaction.
Status recordApplication(WorkerContext &ctx, const http::HttpRequest &request, const Target &target, const QString &kind,
                         const store::Application &app, QJsonObject metadata = {})
{
    metadata.insert("application_name", app.name);
    metadata.insert("client_id", app.clientId);
    return ctx.actionLog.record(kind, logs::namespaceScope(target.organization.id, target.organization.name, true),
                                logs::LogActor::of(target.caller.identity, request), metadata);
}

Result<Target> administered(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto org = tenancy::administeredOrganization(ctx, *caller, request.param("org"));
    if (!org)
        return org.error();
    return Target{*caller, *org};
}

Result<store::Application> application(WorkerContext &ctx, const Target &target, const http::HttpRequest &request)
{
    store::ApplicationStore apps(*ctx.database);
    auto found = apps.find(target.organization.id, request.param("client_id"));
    if (!found)
        return found.error();
    if (!found->has_value())
        return notFound();
    return **found;
}

struct AppTarget
{
    Target target;
    store::Application application;
};

// The administered organization and one of its applications: what every
// call on /applications/<client_id> checks first.
Result<AppTarget> administeredApplication(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = administered(ctx, request);
    if (!target)
        return target.error();
    auto app = application(ctx, *target, request);
    if (!app)
        return app.error();
    return AppTarget{std::move(*target), std::move(*app)};
}

Result<QString> textField(const QJsonObject &body, const QString &name, bool required)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return tenancy::requiredProperty(name);
        return QString();
    }
    if (!value.isString())
        return tenancy::notOfType(value, "string");
    return value.toString();
}

Result<Reply> listApplications(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = administered(ctx, request);
    if (!target)
        return target.error();
    auto apps = store::ApplicationStore(*ctx.database).list(target->organization.id);
    if (!apps)
        return apps.error();
    QJsonArray list;
    for (const auto &a : *apps)
        list.append(applicationView(a));
    return Reply::json(QJsonObject{{"applications", list}});
}

Result<Reply> createApplication(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = administered(ctx, request);
    if (!target)
        return target.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto name = textField(*body, "name", true);
    if (!name)
        return name.error();
    if (*name == QLatin1String("__quay_bootstrap_app"))
        return badRequest(QStringLiteral("The application name '__quay_bootstrap_app' is reserved"));
    store::Application app;
    app.organizationId = target->organization.id;
    app.clientId = auth::SecretBox::randomToken(20);
    app.clientSecret = auth::SecretBox::randomToken(40);
    app.name = *name;
    for (const auto &[field, out] : {std::pair{"description", &app.description}, std::pair{"application_uri", &app.applicationUri},
                                     std::pair{"redirect_uri", &app.redirectUri}, std::pair{"avatar_email", &app.avatarEmail}}) {
        auto value = textField(*body, field, false);
        if (!value)
            return value.error();
        *out = *value;
    }
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto created = store::ApplicationStore(*ctx.database).create(app, ctx.nowMs());
    if (!created)
        return created.error();
    // Quay records the request body with the name and client id.
    if (Status s = recordApplication(ctx, request, *target, QStringLiteral("create_application"), *created, *body); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json(applicationView(*created));
}

Result<Reply> getApplication(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administeredApplication(ctx, request);
    if (!found)
        return found.error();
    const store::Application &app = found->application;
    return Reply::json(applicationView(app));
}

Result<Reply> updateApplication(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administeredApplication(ctx, request);
    if (!found)
        return found.error();
    const store::Application &app = found->application;
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    store::Application updated = app;
    for (const auto &[field, out, required] :
         {std::tuple{"name", &updated.name, true}, std::tuple{"redirect_uri", &updated.redirectUri, true},
          std::tuple{"application_uri", &updated.applicationUri, true}, std::tuple{"description", &updated.description, false},
          std::tuple{"avatar_email", &updated.avatarEmail, false}}) {
        auto value = textField(*body, field, required);
        if (!value)
            return value.error();
        if (required || body->contains(field))
            *out = *value;
    }
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = store::ApplicationStore(*ctx.database).update(updated); !s)
        return s.error();
    if (Status s = recordApplication(ctx, request, found->target, QStringLiteral("update_application"), updated, *body); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json(applicationView(updated));
}

Result<Reply> deleteApplication(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administeredApplication(ctx, request);
    if (!found)
        return found.error();
    const store::Application &app = found->application;
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = store::ApplicationStore(*ctx.database).remove(app.id); !s)
        return s.error();
    if (Status s = recordApplication(ctx, request, found->target, QStringLiteral("delete_application"), app); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

Result<Reply> resetClientSecret(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administeredApplication(ctx, request);
    if (!found)
        return found.error();
    const store::Application &app = found->application;
    store::Application updated = app;
    updated.clientSecret = auth::SecretBox::randomToken(40);
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    if (Status s = store::ApplicationStore(*ctx.database).update(updated); !s)
        return s.error();
    if (Status s = recordApplication(ctx, request, found->target, QStringLiteral("reset_application_client_secret"), app); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json(applicationView(updated));
}

Result<Reply> listTokens(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administeredApplication(ctx, request);
    if (!found)
        return found.error();
    const store::Application &app = found->application;
    auto tokens = store::ApplicationStore(*ctx.database).tokens(app.id);
    if (!tokens)
        return tokens.error();
    QJsonArray list;
    for (const auto &t : *tokens)
        list.append(tokenView(t));
    return Reply::json(QJsonObject{{"tokens", list}});
}

Result<Reply> createToken(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administeredApplication(ctx, request);
    if (!found)
        return found.error();
    const store::Application &app = found->application;
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto name = textField(*body, "name", true);
    if (!name)
        return name.error();
    if (name->isEmpty() || name->size() > 255)
        return badRequest(QStringLiteral("name must be between 1 and 255 characters"));
    auto scopeText = textField(*body, "scope", true);
    if (!scopeText)
        return scopeText.error();
    const QStringList scopes = scopeText->split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts);
    if (scopes.isEmpty())
        return badRequest(QStringLiteral("At least one scope is required"));
    const auth::Identity &identity = found->target.caller.identity;
    for (const QString &scope : scopes) {
        if (!kKnownScopes.contains(scope))
            return badRequest(QStringLiteral("Invalid scope: %1").arg(scope));
        // Nobody mints more than they hold: the caller's own token scopes,
        // and super:user only for superusers.
        if (!identity.hasScope(scope) || (scope == QLatin1String("super:user") && !identity.superuser))
            return badRequest(QStringLiteral("Cannot grant scope %1 that the caller does not hold").arg(scope));
    }
    qint64 lifetime = kMaximumTokenLifetimeSeconds;
    if (body->contains("expiration") && !body->value("expiration").isNull()) {
        if (!body->value("expiration").isDouble())
            return tenancy::notOfType(body->value("expiration"), "integer");
        lifetime = qint64(body->value("expiration").toDouble());
        if (lifetime < 1 || lifetime > kMaximumTokenLifetimeSeconds)
            return badRequest(QStringLiteral("expiration must be between 1 second and 10 years"));
    }
    const qint64 now = ctx.nowMs();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto issued = ctx.tokens.issueNamedToken(app.id, identity.namespaceId, *name, scopes.join(' '), now + lifetime * 1000, now);
    if (!issued)
        return issued.error();
    if (Status s = recordApplication(ctx, request, found->target, QStringLiteral("create_oauth_api_token"), app,
                                     {{"oauth_token_uuid", issued->uuid},
                                      {"scope", scopes.join(' ')},
                                      {"token_display_name", *name},
                                      {"auth_method", "OAuth"}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    QJsonObject view = tokenView(store::MintedToken{issued->uuid, *name, scopes.join(' '), now + lifetime * 1000, now, identity.name, 0});
    view.insert("token", issued->token);
    return Reply::json(view);
}

Result<Reply> revokeToken(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto found = administeredApplication(ctx, request);
    if (!found)
        return found.error();
    const store::Application &app = found->application;
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto revoked = store::ApplicationStore(*ctx.database).revokeToken(app.id, request.param("uuid"));
    if (!revoked)
        return revoked.error();
    if (!*revoked)
        return notFound();
    if (Status s = recordApplication(ctx, request, found->target, QStringLiteral("revoke_oauth_api_token"), app,
                                     {{"oauth_token_uuid", request.param("uuid")}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

} // namespace

void addApplicationRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;
    const QString apps = QStringLiteral("/api/v1/organization/{org}/applications");
    const QString app = apps + QStringLiteral("/{client_id}");

    router.add("GET", apps, route(listApplications));
    router.add("POST", apps, route(createApplication), kBody);
    router.add("GET", app, route(getApplication));
    router.add("PUT", app, route(updateApplication), kBody);
    router.add("DELETE", app, route(deleteApplication));
    router.add("POST", app + "/resetclientsecret", route(resetClientSecret), kBody);
    router.add("GET", app + "/tokens", route(listTokens));
    router.add("POST", app + "/tokens", route(createToken), kBody);
    router.add("DELETE", app + "/tokens/{uuid}", route(revokeToken));
}

} // namespace kai::api
