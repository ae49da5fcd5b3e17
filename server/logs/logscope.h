#pragma once

#include "auth/identity.h"
#include "core/jsontext.h"
#include "logs/actionlogger.h"
#include "store/namespacestore.h"
#include "store/repositorystore.h"

#include <QJsonObject>

namespace kai::http { class HttpRequest; }

namespace kai::logs {

// The scope of an action on one repository: its namespace and itself.
LogScope repositoryScope(const store::Repository &repository);

// The scope of an action on a namespace (a user's account or an
// organization) as a whole.
LogScope namespaceScope(qint64 namespaceId, const QString &namespaceName, bool isOrganization);

// The account a login names (a user by name or e-mail, a robot by
// "<owner>+<short>"): where its login entries go (a robot's owner's
// namespace) and who attempted it. Unknown names give an empty scope and an
// anonymous performer (the entry then belongs to no namespace).
struct LoginAccount
{
    LogScope scope;
    auth::Identity performer;
};
Result<LoginAccount> loginAccount(store::NamespaceStore &namespaces, const QString &username);

// Quay's track_and_log metadata for registry actions (push_repo, pull_repo,
// delete_tag at /v2): repo, namespace and user-agent, then who acted as the
// auth context shows it publicly (username, is_robot for robots,
// app_specific_token for an app-specific token). Callers add tag or
// manifest_digest.
// Written as text: a pull logs these on every manifest GET.
JsonObjectText registryMetadata(const store::Repository &repository, const auth::Identity &identity,
                                const http::HttpRequest &request);

// A pull's pull_repo entry (the manifest GET that hands out `reference`),
// handed to the batch writer; nothing is built when pulls are not logged.
// kai-bench-log-writer measures this function.
void recordPull(ActionLogger &actionLog, const store::Repository &repository, const auth::Identity &identity,
                const http::HttpRequest &request, const QString &reference, const QString &mediaType);

} // namespace kai::logs
