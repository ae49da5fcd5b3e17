#include "registry/registryrequest.h"

#include "auth/jwt.h"
#include "core/errorcatalogue.h"
#include "oci/names.h"

#include <QJsonArray>

namespace kai::registry {

namespace {

QString actionName(Action action)
{
    return action == Action::Pull ? QStringLiteral("pull") : QStringLiteral("push");
}

// Routes that write ask for "pull,push", as registry clients do.
Action actionOfMethod(const QByteArray &method)
{
    return (method == "GET" || method == "HEAD") ? Action::Pull : Action::Push;
}

} // namespace

bool Caller::tokenAllows(const QString &repository, Action action) const
{
    const auto it = grants.constFind(repository);
    if (it == grants.constEnd())
        return false;
    const QSet<QString> &actions = it.value();
    if (actions.contains(QStringLiteral("*")))
        return true;
    return actions.contains(actionName(action));
}

QString scopeFor(const QString &repository, Action action)
{
    return QStringLiteral("repository:%1:%2").arg(repository, action == Action::Pull ? QStringLiteral("pull")
                                                                                       : QStringLiteral("pull,push"));
}

Result<Caller> authenticateCaller(const http::HttpRequest &request, runtime::WorkerContext &context)
{
    Caller caller;
    const QByteArray header = request.header("Authorization");
    if (header.isEmpty())
        return caller;
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid bearer token: only tokens from /v2/auth are accepted"));
    const config::Config &config = context.config();
    const QByteArray token = header.sliced(7).trimmed();
    const qint64 nowSeconds = context.nowMs() / 1000;
    Result<QJsonObject> claims = QJsonObject{};
    if (auto cached = context.verifiedTokens.find(token, nowSeconds)) {
        claims = *cached;
    } else {
        claims = auth::decodeJwt(context.server.signingKey, token, nowSeconds, config.hostname(),
                                 config.instanceServiceName, config.registryJwtMaxFreshSeconds);
        if (!claims)
            return claims.error();
        // The subject's id, looked up once per token (not per request): the
        // performer of the usage-log entries this token's requests write.
        if (const QString sub = claims->value("sub").toString(); sub != QLatin1String("(anonymous)")) {
            auto who = context.namespaces.byName(sub);
            if (!who)
                return who.error();
            claims->insert(QStringLiteral("kai.subject_id"), who->has_value() ? (*who)->id : 0);
        }
        // The OAuth token it was exchanged for, which the usage-log entries
        // of its requests name.
        const QJsonObject tokenContext = claims->value("context").toObject();
        if (tokenContext.value("entity_kind").toString() == QLatin1String("oauthtoken")) {
            auto oauth = context.tokens.byUuid(tokenContext.value("entity_reference").toString());
            if (!oauth)
                return oauth.error();
            if (oauth->has_value()) {
                claims->insert(QStringLiteral("kai.oauth_token_id"), (*oauth)->id);
                claims->insert(QStringLiteral("kai.oauth_application_client_id"), (*oauth)->applicationClientId);
                claims->insert(QStringLiteral("kai.oauth_application_name"), (*oauth)->applicationName);
            }
        }
        context.verifiedTokens.insert(token, *claims, claims->value("exp").toInteger());
    }
    caller.hasToken = true;
    const QJsonObject ctx = claims->value("context").toObject();
    const QString subject = claims->value("sub").toString();
    if (subject != QLatin1String("(anonymous)")) {
        caller.identity.entityKind = ctx.value("entity_kind").toString();
        caller.identity.kind = caller.identity.entityKind == QLatin1String("robot") ? auth::Identity::Kind::Robot
                                                                                   : auth::Identity::Kind::User;
        caller.identity.name = subject;
        caller.identity.namespaceId = claims->value("kai.subject_id").toInteger();
        caller.identity.entityReference = ctx.value("entity_reference").toString();
        if (claims->contains(QLatin1String("kai.oauth_token_id")))
            caller.identity.oauthToken = auth::OAuthTokenUse{claims->value("kai.oauth_token_id").toInteger(),
                                                             claims->value("kai.oauth_application_client_id").toString(),
                                                             claims->value("kai.oauth_application_name").toString()};
    }
    const QString hostPrefix = config.hostname() + '/';
    for (const QJsonValue &entry : claims->value("access").toArray()) {
        const QJsonObject access = entry.toObject();
        if (access.value("type").toString() != QLatin1String("repository"))
            continue;
        QString name = access.value("name").toString();
        if (name.startsWith(hostPrefix))
            name = name.mid(hostPrefix.size());
        QSet<QString> &actions = caller.grants[name];
        for (const QJsonValue &a : access.value("actions").toArray())
            actions.insert(a.toString());
    }
    return caller;
}

Result<RepositoryTarget> openRepository(const http::HttpRequest &request, runtime::WorkerContext &context, Action action)
{
    const QString fullName = request.param(QStringLiteral("name"));
    auto path = oci::splitRepositoryPath(fullName);
    if (!path)
        return path.error();
    auto caller = authenticateCaller(request, context);
    if (!caller)
        return caller.error();

    auto repository = context.repositories.find(path->namespaceName, path->repositoryName);
    if (!repository)
        return repository.error();

    bool allowed = caller->tokenAllows(fullName, action);
    if (!allowed && !caller->hasToken && action == Action::Pull && repository->has_value()
        && context.config().featureAnonymousAccess) {
        auto role = context.permissions.repositoryRole(caller->identity, **repository);
        if (!role)
            return role.error();
        allowed = *role >= auth::Role::Read;
    }
    if (!allowed)
        return Error::of(ErrorKind::Unauthorized, QString(), QJsonObject{});
    if (!repository->has_value())
        return Error::of(ErrorKind::NameUnknown, QStringLiteral("repository not found"),
                         QJsonObject{{"name", fullName}});
    return RepositoryTarget{std::move(*caller), std::move(**repository)};
}

void setApiVersionHeader(http::HttpResponse &response)
{
    response.setHeader("Docker-Distribution-API-Version", "registry/2.0");
}

QByteArray challengeHeader(const runtime::ServerContext &server, const QString &scope)
{
    QString value = QStringLiteral("Bearer realm=\"%1\",service=\"%2\"").arg(server.config.realm(), server.config.hostname());
    if (!scope.isEmpty())
        value += QStringLiteral(",scope=\"%1\"").arg(scope);
    return value.toUtf8();
}

void writeError(http::HttpResponse &response, const Error &error, const runtime::ServerContext &server,
                const http::HttpRequest *request)
{
    response.setStatus(errorInfo(error.kind).httpStatus);
    response.setJson(registryErrorBody(error));
    setApiVersionHeader(response);
    if (error.kind == ErrorKind::Unauthorized) {
        QString scope;
        if (request && request->params.contains(QStringLiteral("name")))
            scope = scopeFor(request->param(QStringLiteral("name")), actionOfMethod(request->method));
        response.setHeader("WWW-Authenticate", challengeHeader(server, scope));
    }
}

} // namespace kai::registry
