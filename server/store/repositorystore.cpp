#include "store/repositorystore.h"

namespace kai::store {

namespace {
Repository fromRow(const db::Row &r)
{
    return Repository{r.integer(0), r.integer(1), r.text(2), r.text(8), r.text(3), r.text(4), r.text(5), r.text(6), r.integer(7)};
}
} // namespace

Result<std::optional<Repository>> RepositoryStore::find(const QString &namespaceName, const QString &name)
{
    auto result = m_db.exec(
        "SELECT r.id, r.namespace_id, n.name, r.name, r.visibility, r.kind, r.state, r.created_ms, n.kind "
        "FROM repositories r JOIN namespaces n ON n.id = r.namespace_id WHERE n.name = ? AND r.name = ? AND r.deleted = 0",
        {namespaceName, name});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<Repository>{};
    return std::optional<Repository>{fromRow(result->first())};
}

Result<Repository> RepositoryStore::create(qint64 namespaceId, const QString &namespaceName, const QString &name,
                                           const QString &visibility, qint64 nowMs)
{
    auto result = m_db.exec("INSERT INTO repositories (namespace_id, name, visibility, description, kind, state, created_ms) "
                            "VALUES (?, ?, ?, '', 'image', 'NORMAL', ?) RETURNING id",
                            {namespaceId, name, visibility, nowMs});
    if (!result) {
        if (result.error().kind == ErrorKind::Conflict)
            return Error::of(ErrorKind::Conflict, QStringLiteral("Repository already exists"));
        return result.error();
    }
    return Repository{result->first().integer(0), namespaceId, namespaceName, QString(), name, visibility, "image", "NORMAL", nowMs};
}

Status RepositoryStore::setVisibility(qint64 repositoryId, const QString &visibility)
{
    auto result = m_db.exec("UPDATE repositories SET visibility = ? WHERE id = ?", {visibility, repositoryId});
    if (!result)
        return result.error();
    return {};
}

Result<std::optional<QString>> RepositoryStore::explicitRole(qint64 repositoryId, qint64 namespaceId)
{
    auto result = m_db.exec("SELECT role FROM repository_permissions WHERE repository_id = ? AND namespace_id = ?",
                            {repositoryId, namespaceId});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<QString>{};
    return std::optional<QString>{result->first().text(0)};
}

Status RepositoryStore::grant(qint64 repositoryId, qint64 namespaceId, const QString &role)
{
    auto result = m_db.exec("INSERT INTO repository_permissions (repository_id, namespace_id, role) VALUES (?, ?, ?) "
                            "ON CONFLICT (repository_id, namespace_id) DO UPDATE SET role = excluded.role",
                            {repositoryId, namespaceId, role});
    if (!result)
        return result.error();
    return {};
}

Result<QStringList> RepositoryStore::catalog(const QString &last, int limit)
{
    // A namespace name never contains '/', so the cursor splits unambiguously
    // and the listing order is (namespace, repository) on both drivers.
    const int slash = last.indexOf('/');
    const QString lastNamespace = slash < 0 ? last : last.left(slash);
    const QString lastName = slash < 0 ? QString() : last.mid(slash + 1);
    auto result = m_db.exec("SELECT n.name, r.name FROM repositories r JOIN namespaces n ON n.id = r.namespace_id "
                            "WHERE r.deleted = 0 AND (n.name > ? OR (n.name = ? AND r.name > ?)) ORDER BY n.name, r.name LIMIT ?",
                            {lastNamespace, lastNamespace, lastName, limit});
    if (!result)
        return result.error();
    QStringList names;
    for (const auto &row : result->rows)
        names << row.text(0) + '/' + row.text(1);
    return names;
}

} // namespace kai::store
