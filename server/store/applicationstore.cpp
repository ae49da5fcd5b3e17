#include "store/applicationstore.h"

namespace kai::store {

namespace {
const char *const kColumns = "id, namespace_id, client_id, client_secret, name, description, application_uri, "
                             "redirect_uri, avatar_email";

Application fromRow(const db::Row &r)
{
    return Application{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4),
                       r.text(5),    r.text(6),    r.text(7), r.text(8)};
}
} // namespace

Result<QList<Application>> ApplicationStore::list(qint64 organizationId)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM oauth_applications WHERE namespace_id = ? ORDER BY id").arg(QLatin1String(kColumns)),
                       {organizationId});
    if (!r)
        return r.error();
    QList<Application> apps;
    for (const auto &row : r->rows)
        apps << fromRow(row);
    return apps;
}

Result<std::optional<Application>> ApplicationStore::find(qint64 organizationId, const QString &clientId)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM oauth_applications WHERE namespace_id = ? AND client_id = ?").arg(QLatin1String(kColumns)),
                       {organizationId, clientId});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<Application>{};
    return std::optional<Application>{fromRow(r->first())};
}

Result<Application> ApplicationStore::create(const Application &a, qint64 nowMs)
{
    auto r = m_db.exec("INSERT INTO oauth_applications (namespace_id, client_id, client_secret, name, description, "
                       "application_uri, redirect_uri, avatar_email, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {a.organizationId, a.clientId, a.clientSecret, a.name, a.description, a.applicationUri, a.redirectUri,
                        a.avatarEmail.isEmpty() ? QVariant() : QVariant(a.avatarEmail), nowMs});
    if (!r)
        return r.error();
    Application created = a;
    created.id = r->first().integer(0);
    return created;
}

Status ApplicationStore::update(const Application &a)
{
    auto r = m_db.exec("UPDATE oauth_applications SET client_secret = ?, name = ?, description = ?, application_uri = ?, "
                       "redirect_uri = ?, avatar_email = ? WHERE id = ?",
                       {a.clientSecret, a.name, a.description, a.applicationUri, a.redirectUri,
                        a.avatarEmail.isEmpty() ? QVariant() : QVariant(a.avatarEmail), a.id});
    if (!r)
        return r.error();
    return {};
}

Status ApplicationStore::remove(qint64 applicationId)
{
    auto r = m_db.exec("DELETE FROM oauth_applications WHERE id = ?", {applicationId});
    if (!r)
        return r.error();
    return {};
}

Result<QList<MintedToken>> ApplicationStore::tokens(qint64 applicationId)
{
    auto r = m_db.exec("SELECT t.uuid, t.name, t.scopes, t.expires_ms, t.created_ms, n.name, t.last_accessed_ms "
                       "FROM oauth_tokens t LEFT JOIN namespaces n ON n.id = t.created_by "
                       "WHERE t.application_id = ? ORDER BY t.id",
                       {applicationId});
    if (!r)
        return r.error();
    QList<MintedToken> list;
    for (const auto &row : r->rows)
        list << MintedToken{row.text(0), row.text(1), row.text(2), row.isNull(3) ? 0 : row.integer(3),
                            row.integer(4), row.text(5), row.isNull(6) ? 0 : row.integer(6)};
    return list;
}

Result<qint64> ApplicationStore::tokenCount(qint64 applicationId)
{
    auto r = m_db.exec("SELECT COUNT(*) FROM oauth_tokens WHERE application_id = ?", {applicationId});
    if (!r)
        return r.error();
    return r->first().integer(0);
}

Result<bool> ApplicationStore::revokeToken(qint64 applicationId, const QString &uuid)
{
    auto r = m_db.exec("DELETE FROM oauth_tokens WHERE application_id = ? AND uuid = ?", {applicationId, uuid});
    if (!r)
        return r.error();
    return r->rowsAffected > 0;
}

} // namespace kai::store
