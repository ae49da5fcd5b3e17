#include "logs/logscope.h"

#include "http/httprequest.h"
#include "oci/names.h"

namespace kai::logs {

LogScope repositoryScope(const store::Repository &repository)
{
    LogScope scope = namespaceScope(repository.namespaceId, repository.namespaceName, repository.isOrganization());
    scope.repositoryId = repository.id;
    scope.repositoryName = repository.name;
    return scope;
}

LogScope namespaceScope(qint64 namespaceId, const QString &namespaceName, bool isOrganization)
{
    LogScope scope;
    scope.namespaceId = namespaceId;
    scope.namespaceName = namespaceName;
    scope.namespaceIsOrganization = isOrganization;
    return scope;
}

Result<LoginAccount> loginAccount(store::NamespaceStore &namespaces, const QString &username)
{
    auto found = namespaces.byName(username);
    if (!found)
        return found.error();
    if (!found->has_value() && username.contains(u'@')) {
        found = namespaces.byEmail(username);
        if (!found)
            return found.error();
    }
    LoginAccount account;
    if (!found->has_value() || (*found)->kind == QLatin1String("organization"))
        return account;
    const store::Namespace &who = **found;
    const bool robot = who.kind == QLatin1String("robot");
    account.performer.kind = robot ? auth::Identity::Kind::Robot : auth::Identity::Kind::User;
    account.performer.namespaceId = who.id;
    account.performer.name = who.name;
    if (!robot) {
        account.scope = namespaceScope(who.id, who.name, false);
        return account;
    }
    auto owner = namespaces.byName(who.name.section(u'+', 0, 0));
    if (!owner)
        return owner.error();
    if (owner->has_value())
        account.scope = namespaceScope((*owner)->id, (*owner)->name, (*owner)->kind == QLatin1String("organization"));
    return account;
}

JsonObjectText registryMetadata(const store::Repository &repository, const auth::Identity &identity,
                                const http::HttpRequest &request)
{
    JsonObjectText metadata;
    metadata.add(u"repo", repository.name)
        .add(u"namespace", repository.namespaceName)
        .add(u"user-agent", QString::fromUtf8(request.header("User-Agent")));
    if (identity.isAnonymous())
        return metadata;
    metadata.add(u"username", identity.name);
    if (identity.isRobot())
        metadata.add(u"is_robot", true);
    else if (identity.entityKind == QLatin1String("appspecifictoken"))
        metadata.add(u"app_specific_token", identity.entityReference);
    return metadata;
}

void recordPull(ActionLogger &actionLog, const store::Repository &repository, const auth::Identity &identity,
                const http::HttpRequest &request, const QString &reference, const QString &mediaType)
{
    if (!actionLog.recordsPulls())
        return;
    JsonObjectText metadata = registryMetadata(repository, identity, request);
    metadata.add(oci::looksLikeDigest(reference) ? u"manifest_digest" : u"tag", reference).add(u"mediaType", mediaType);
    actionLog.recordLater(QStringLiteral("pull_repo"), repositoryScope(repository), LogActor::of(identity, request),
                          std::move(metadata));
}

} // namespace kai::logs
