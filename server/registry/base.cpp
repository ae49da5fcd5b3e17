#include "registry/base.h"

#include "oci/names.h"
#include "registry/registryrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kai::registry {

void BaseEndpoints::versionCheck(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto caller = authenticateCaller(request, m_context);
    const bool authenticated = caller && caller->hasToken;
    // As in Quay: the body is `true` either way, the status says whether
    // the credentials were good, and the challenge is always there.
    setApiVersionHeader(response);
    response.setStatus(authenticated ? 200 : 401);
    response.setHeader("WWW-Authenticate", challengeHeader(server));
    response.setHeader("X-Sparse-Manifest-Support", "false");
    response.setJson("true");
}

void BaseEndpoints::catalog(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto caller = authenticateCaller(request, m_context);
    if (!caller || !caller->hasToken)
        return writeError(response, Error::of(ErrorKind::Unauthorized), server);
    int limit = 100;
    if (request.query.hasQueryItem(QStringLiteral("n"))) {
        bool ok = false;
        limit = std::clamp(request.queryValue(QStringLiteral("n")).toInt(&ok), 0, 1000);
        if (!ok)
            return writeError(response, Error::of(ErrorKind::InvalidRequest, QStringLiteral("n must be an integer")), server);
    }
    QString last = request.queryValue(QStringLiteral("last"));

    // Only repositories the caller may read are listed, so a page is
    // filled by walking the catalog in bounded steps.
    auth::Identity identity = caller->identity;
    if (!identity.isAnonymous()) {
        auto user = m_context.namespaces.byName(identity.name);
        if (user && user->has_value())
            identity.namespaceId = (*user)->id;
    }
    QStringList visible;
    bool more = false;
    for (int round = 0; round < 50 && !more; ++round) {
        auto page = m_context.repositories.catalog(last, 200);
        if (!page)
            return writeError(response, page.error(), server);
        for (const QString &name : *page) {
            last = name;
            auto path = oci::splitRepositoryPath(name);
            if (!path)
                continue;
            auto repository = m_context.repositories.find(path->namespaceName, path->repositoryName);
            if (!repository || !repository->has_value())
                continue;
            auto role = m_context.permissions.repositoryRole(identity, **repository);
            if (!role || *role < auth::Role::Read)
                continue;
            if (visible.size() == limit) {
                more = true;
                break;
            }
            visible << name;
        }
        if (page->size() < 200)
            break;
    }
    setApiVersionHeader(response);
    if (more && !visible.isEmpty())
        response.setHeader("Link", QStringLiteral("</v2/_catalog?n=%1&last=%2>; rel=\"next\"").arg(limit).arg(visible.last()).toUtf8());
    response.setJson(QJsonDocument(QJsonObject{{"repositories", QJsonArray::fromStringList(visible)}}).toJson(QJsonDocument::Compact));
}

} // namespace kai::registry
