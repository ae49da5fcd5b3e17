#include "registry/tokenservice.h"

#include "auth/jwt.h"
#include "logs/logscope.h"
#include "oci/names.h"
#include "registry/registryrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kai::registry {

namespace {
constexpr qint64 kTokenLifetimeSeconds = 3600;
} // namespace

Result<TokenService::ScopeRequest> TokenService::parseScope(const QString &scope) const
{
    // repository:[host/]ns/name:action[,action...]
    const QStringList parts = scope.split(':');
    if (parts.size() != 3 || parts[0] != QLatin1String("repository") || parts[1].isEmpty())
        return Error::of(ErrorKind::InvalidRequest, QStringLiteral("Unable to decode repository and actions: %1").arg(scope));
    ScopeRequest request;
    request.name = parts[1];
    request.repository = parts[1];
    const QString hostPrefix = m_context.config().hostname() + '/';
    if (request.repository.startsWith(hostPrefix))
        request.repository = request.repository.mid(hostPrefix.size());
    if (!request.repository.contains('/'))
        request.repository = QStringLiteral("library/") + request.repository;
    for (const QString &action : parts[2].split(',', Qt::SkipEmptyParts)) {
        if (action != QLatin1String("pull") && action != QLatin1String("push") && action != QLatin1String("*"))
            return Error::of(ErrorKind::InvalidRequest, QStringLiteral("Unable to decode repository and actions: %1").arg(scope));
        request.actions << action;
    }
    return request;
}

namespace {
// Push-to-create (reference §4.6) through the one repository creator.
Result<store::Repository> createOnPush(runtime::WorkerContext &context, const auth::Identity &identity,
                                       const oci::RepositoryPath &path, const http::HttpRequest &request)
{
    auto ns = context.namespaces.byName(path.namespaceName);
    if (!ns)
        return ns.error();
    if (!ns->has_value())
        return Error::of(ErrorKind::NameUnknown, QStringLiteral("repository not found"));
    const QString visibility = context.config().createPrivateRepoOnPush ? QStringLiteral("private") : QStringLiteral("public");
    {
        db::Transaction tx(*context.database);
        if (!tx.status())
            return tx.status().error();
        auto created = context.repositoryCreator.create(identity, **ns, path.repositoryName, visibility, QString(),
                                                          context.nowMs());
        if (created) {
            // Quay logs no entry here; Kai records the creation like the
            // API's, so the audit trail shows who made every repository.
            if (Status s = context.actionLog.record(QStringLiteral("create_repo"), logs::repositoryScope(*created),
                                                    logs::LogActor::of(identity, request),
                                                    {{"repo", created->name}, {"namespace", created->namespaceName}});
                !s)
                return s.error();
            if (Status s = tx.commit(); !s)
                return s.error();
            return created;
        }
        if (created.error().kind != ErrorKind::Conflict)
            return created.error();
    }
    // A concurrent push created it first: use that one, with the caller's
    // own role on it (the transaction above rolled back).
    auto existing = context.repositories.find(path.namespaceName, path.repositoryName);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return Error::of(ErrorKind::NameUnknown, QStringLiteral("repository not found"));
    return **existing;
}
} // namespace

Result<QStringList> TokenService::grantedActions(const auth::Identity &identity, const ScopeRequest &scope,
                                                 const http::HttpRequest &request)
{
    auto path = oci::splitRepositoryPath(scope.repository);
    if (!path)
        return path.error();
    auto repository = m_context.repositories.find(path->namespaceName, path->repositoryName);
    if (!repository)
        return repository.error();

    auth::Role role = auth::Role::None;
    if (repository->has_value()) {
        auto r = m_context.permissions.repositoryRole(identity, **repository);
        if (!r)
            return r.error();
        role = *r;
    } else if (scope.actions.contains(QStringLiteral("push"))) {
        auto mayCreate = m_context.permissions.mayCreateRepository(identity, path->namespaceName);
        if (!mayCreate)
            return mayCreate.error();
        if (*mayCreate) {
            auto created = createOnPush(m_context, identity, *path, request);
            if (!created)
                return created.error();
            auto r = m_context.permissions.repositoryRole(identity, *created);
            if (!r)
                return r.error();
            role = *r;
        }
    } else {
        auto r = m_context.permissions.roleInNamespace(identity, path->namespaceName);
        if (!r)
            return r.error();
        role = *r;
    }

    const bool writable = !repository->has_value() || (*repository)->state == QLatin1String("NORMAL");
    QStringList granted;
    for (const QString &action : scope.actions) {
        const bool ok = (action == QLatin1String("pull") && role >= auth::Role::Read)
                        || (action == QLatin1String("push") && role >= auth::Role::Write && writable)
                        || (action == QLatin1String("*") && role >= auth::Role::Admin && writable);
        if (ok && !granted.contains(action))
            granted << action;
    }
    return granted;
}

void TokenService::issue(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    response.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
    auth::Identity identity;
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.isEmpty()) {
        auto authenticated = m_context.authenticator.basic(authorization, m_context.nowMs());
        if (!authenticated) {
            recordLoginFailure(authorization, authenticated.error().message, request);
            return writeError(response, authenticated.error(), server);
        }
        identity = *authenticated;
    }
    const QStringList scopes = request.query.allQueryItemValues(QStringLiteral("scope"), QUrl::FullyDecoded);
    if (identity.isAnonymous() && scopes.isEmpty())
        return writeError(response, Error::of(ErrorKind::Unauthorized, QStringLiteral("Invalid Username or Password")), server);
    // A credentials-only request is a `docker login`.
    if (!identity.isAnonymous() && scopes.isEmpty())
        recordLogin(identity, request);

    QJsonArray access;
    for (const QString &scopeText : scopes) {
        // Several scopes may come space-separated in one parameter.
        for (const QString &single : scopeText.split(' ', Qt::SkipEmptyParts)) {
            auto scope = parseScope(single);
            if (!scope)
                return writeError(response, scope.error(), server);
            auto granted = grantedActions(identity, *scope, request);
            if (!granted)
                return writeError(response, granted.error(), server);
            access.append(QJsonObject{{"type", "repository"}, {"name", scope->name},
                                      {"actions", QJsonArray::fromStringList(*granted)}});
        }
    }

    const qint64 now = m_context.nowMs() / 1000;
    const QString service = request.queryValue(QStringLiteral("service"));
    const QJsonObject context{{"version", 2},
                              {"entity_kind", identity.entityKind},
                              {"entity_reference", identity.isAnonymous() ? QJsonValue() : QJsonValue(identity.entityReference)},
                              {"kind", identity.isAnonymous() ? "anonymous" : identity.entityKind == QLatin1String("oauthtoken") ? "oauth" : "user"},
                              {"user", identity.isAnonymous() ? QJsonValue() : QJsonValue(identity.name)}};
    const QJsonObject claims{{"iss", m_context.config().instanceServiceName},
                             {"aud", service.isEmpty() ? m_context.config().hostname() : service},
                             {"sub", identity.subject()},
                             {"iat", now},
                             {"nbf", now},
                             {"exp", now + kTokenLifetimeSeconds},
                             {"access", access},
                             {"context", context}};
    const QByteArray token = auth::encodeJwt(server.signingKey, claims);
    setApiVersionHeader(response);
    response.setJson(QJsonDocument(QJsonObject{{"token", QString::fromLatin1(token)}}).toJson(QJsonDocument::Compact));
}

namespace {
// The `kind` of Quay's v2auth login entries.
QString loginKind(const QString &entityKind)
{
    if (entityKind == QLatin1String("appspecifictoken"))
        return QStringLiteral("app_specific_token");
    if (entityKind == QLatin1String("oauthtoken"))
        return QStringLiteral("oauth");
    return entityKind;
}
} // namespace

// Asynchronous (the batch writer): a login never waits on, nor fails for,
// its entry.
void TokenService::recordLogin(const auth::Identity &identity, const http::HttpRequest &request)
{
    if (!m_context.config().actionLogAuditLogins)
        return;
    auto account = logs::loginAccount(m_context.namespaces, identity.name);
    if (!account)
        return;
    QJsonObject metadata{{"type", "v2auth"},
                         {"kind", loginKind(identity.entityKind)},
                         {"useragent", QString::fromUtf8(request.header("User-Agent"))}};
    if (identity.isRobot())
        metadata.insert("robot", identity.name);
    if (identity.entityKind == QLatin1String("appspecifictoken")) {
        auto token = m_context.appTokens.byUuid(identity.entityReference, identity.namespaceId, m_context.nowMs());
        if (token && token->has_value())
            metadata.insert("app_specific_token_title", (*token)->title);
    }
    m_context.actionLog.recordLater(QStringLiteral("login_success"), account->scope, logs::LogActor::of(identity, request),
                                    metadata);
}

void TokenService::recordLoginFailure(const QByteArray &authorization, const QString &message,
                                      const http::HttpRequest &request)
{
    if (!m_context.config().actionLogAuditLoginFailures)
        return;
    // The name the client sent: "Basic base64(name:secret)".
    QString username;
    if (authorization.startsWith("Basic "))
        username = QString::fromUtf8(QByteArray::fromBase64(authorization.mid(6).trimmed())).section(u':', 0, 0);
    auto account = logs::loginAccount(m_context.namespaces, username);
    if (!account)
        return;
    QString kind = QStringLiteral("user");
    if (username == QLatin1String("$app"))
        kind = QStringLiteral("app_specific_token");
    else if (username == QLatin1String("$oauthtoken"))
        kind = QStringLiteral("oauth");
    else if (username.contains(u'+'))
        kind = QStringLiteral("robot");
    m_context.actionLog.recordLater(QStringLiteral("login_failure"), account->scope,
                                    logs::LogActor::of(account->performer, request),
                                    {{"type", "v2auth"},
                                     {"kind", kind},
                                     {"useragent", QString::fromUtf8(request.header("User-Agent"))},
                                     {"username", username},
                                     {"message", message}});
}

} // namespace kai::registry
