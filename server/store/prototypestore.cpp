#include "store/prototypestore.h"

#include <QUuid>

namespace kai::store {

namespace {
std::optional<PrototypeUser> userAt(const db::Row &row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return PrototypeUser{row.integer(column), row.text(column + 1), row.text(column + 2),
                         row.text(column + 3) == QLatin1String("robot")};
}
} // namespace

Result<std::vector<Prototype>> PrototypeStore::query(const QString &where, const QVariantList &params)
{
    auto result = m_db.exec(
        QStringLiteral("SELECT p.id, p.organization_id, p.uuid, p.role, "
                       "a.id, a.name, a.email, a.kind, d.id, d.name, d.email, d.kind, t.id, t.name "
                       "FROM permission_prototypes p "
                       "LEFT JOIN namespaces a ON a.id = p.activating_user_id "
                       "LEFT JOIN namespaces d ON d.id = p.delegate_user_id "
                       "LEFT JOIN teams t ON t.id = p.delegate_team_id "
                       "WHERE %1 ORDER BY p.id")
            .arg(where),
        params);
    if (!result)
        return result.error();
    std::vector<Prototype> prototypes;
    prototypes.reserve(result->rows.size());
    for (const auto &row : result->rows) {
        Prototype p;
        p.id = row.integer(0);
        p.organizationId = row.integer(1);
        p.uuid = row.text(2);
        p.role = row.text(3);
        p.activatingUser = userAt(row, 4);
        p.delegateUser = userAt(row, 8);
        if (!row.isNull(12)) {
            p.delegateTeamId = row.integer(12);
            p.delegateTeamName = row.text(13);
        }
        prototypes.push_back(std::move(p));
    }
    return prototypes;
}

Result<std::vector<Prototype>> PrototypeStore::list(qint64 organizationId)
{
    return query(QStringLiteral("p.organization_id = ?"), {organizationId});
}

Result<std::optional<Prototype>> PrototypeStore::find(qint64 organizationId, const QString &uuid)
{
    auto found = query(QStringLiteral("p.organization_id = ? AND p.uuid = ?"), {organizationId, uuid});
    if (!found)
        return found.error();
    if (found->empty())
        return std::optional<Prototype>{};
    return std::optional<Prototype>{found->front()};
}

Result<std::vector<Prototype>> PrototypeStore::applicable(qint64 organizationId, qint64 creatorId)
{
    return query(QStringLiteral("p.organization_id = ? AND (p.activating_user_id IS NULL OR p.activating_user_id = ?)"),
                 {organizationId, creatorId});
}

Result<QString> PrototypeStore::create(qint64 organizationId, qint64 activatingUserId, qint64 delegateUserId,
                                       qint64 delegateTeamId, const QString &role)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto nullable = [](qint64 id) { return id > 0 ? QVariant(id) : QVariant(); };
    auto result = m_db.exec("INSERT INTO permission_prototypes "
                            "(organization_id, uuid, activating_user_id, delegate_user_id, delegate_team_id, role) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            {organizationId, uuid, nullable(activatingUserId), nullable(delegateUserId),
                             nullable(delegateTeamId), role});
    if (!result)
        return result.error();
    return uuid;
}

Result<bool> PrototypeStore::setRole(qint64 organizationId, const QString &uuid, const QString &role)
{
    auto result = m_db.exec("UPDATE permission_prototypes SET role = ? WHERE organization_id = ? AND uuid = ?",
                            {role, organizationId, uuid});
    if (!result)
        return result.error();
    return result->rowsAffected > 0;
}

Result<bool> PrototypeStore::remove(qint64 organizationId, const QString &uuid)
{
    auto result = m_db.exec("DELETE FROM permission_prototypes WHERE organization_id = ? AND uuid = ?",
                            {organizationId, uuid});
    if (!result)
        return result.error();
    return result->rowsAffected > 0;
}

} // namespace kai::store
