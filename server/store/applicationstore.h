#pragma once

#include "core/result.h"
#include "db/database.h"

#include <optional>

namespace kai::store {

struct Application
{
    qint64 id = 0;
    qint64 organizationId = 0;
    QString clientId;
    QString clientSecret;
    QString name;
    QString description;
    QString applicationUri;
    QString redirectUri;
    QString avatarEmail;
};

struct MintedToken
{
    QString uuid;
    QString name;
    QString scopes;
    qint64 expiresMs = 0;
    qint64 createdMs = 0;
    QString createdBy;           // username, empty when its creator is gone
    qint64 lastAccessedMs = 0;   // 0: never
};

// OAuth applications of an organization and the API tokens minted for
// them (reference §1.5). The token secrets themselves live in TokenStore.
class ApplicationStore
{
public:
    explicit ApplicationStore(db::Database &db) : m_db(db) {}

    Result<QList<Application>> list(qint64 organizationId);
    Result<std::optional<Application>> find(qint64 organizationId, const QString &clientId);
    Result<Application> create(const Application &application, qint64 nowMs);
    Status update(const Application &application);
    Status remove(qint64 applicationId);

    Result<QList<MintedToken>> tokens(qint64 applicationId);
    Result<qint64> tokenCount(qint64 applicationId);
    // false when the application has no token with that uuid.
    Result<bool> revokeToken(qint64 applicationId, const QString &uuid);

private:
    db::Database &m_db;
};

} // namespace kai::store
