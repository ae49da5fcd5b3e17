#pragma once

#include "http/router.h"
#include "runtime/workercontext.h"

namespace kai::registry {

// GET /v2/auth: the registry token service. Basic credentials (or none)
// plus `scope` parameters in, an RS256 JWT whose `access` claims say what
// the caller may do out. Denied actions are dropped, not refused, as in
// Quay; a push into a repository that does not exist yet creates it here.
class TokenService
{
public:
    explicit TokenService(runtime::WorkerContext &context) : m_context(context) {}
    void issue(http::HttpRequest &request, http::HttpResponse &response);

private:
    struct ScopeRequest
    {
        QString name;          // as requested (may carry the host prefix)
        QString repository;    // ns/repo
        QStringList actions;
    };
    Result<ScopeRequest> parseScope(const QString &scope) const;
    Result<QStringList> grantedActions(const auth::Identity &identity, const ScopeRequest &scope,
                                       const http::HttpRequest &request);
    // login_success / login_failure when ACTION_LOG_AUDIT_LOGINS /
    // ACTION_LOG_AUDIT_LOGIN_FAILURES ask for them (reference §1.6).
    void recordLogin(const auth::Identity &identity, const http::HttpRequest &request);
    void recordLoginFailure(const QByteArray &authorization, const QString &message, const http::HttpRequest &request);

    runtime::WorkerContext &m_context;
};

} // namespace kai::registry
