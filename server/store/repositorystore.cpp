#include "store/repositorystore.h"

namespace kai::store {

namespace {
// The columns fromRow() reads, in its order.
const char *const kColumns = "r.id, r.namespace_id, n.name, r.name, r.visibility, r.kind, r.state, r.created_ms, "
                             "n.kind, r.description";

Repository fromRow(const db::Row &r)
{
    Repository repository;
    repository.id = r.integer(0);
    repository.namespaceId = r.integer(1);
    repository.namespaceName = r.text(2);
    repository.name = r.text(3);
    repository.visibility = r.text(4);
    repository.kind = r.text(5);
    repository.state = r.text(6);
    repository.createdMs = r.integer(7);
    repository.namespaceKind = r.text(8);
    repository.description = r.text(9);
    return repository;
}

Status done(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    return {};
}

Result<bool> changedAny(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    return result->rowsAffected > 0;
}

Result<std::optional<QString>> optionalText(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<QString>{};
    return std::optional<QString>{result->first().text(0)};
}
} // namespace

Result<std::optional<Repository>> RepositoryStore::find(const QString &namespaceName, const QString &name)
{
    auto result = m_db.exec(QStringLiteral("SELECT %1 FROM repositories r JOIN namespaces n ON n.id = r.namespace_id "
                                           "WHERE n.name = ? AND r.name = ? AND r.deleted = 0")
                                .arg(QLatin1String(kColumns)),
                            {namespaceName, name});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<Repository>{};
    return std::optional<Repository>{fromRow(result->first())};
}

Result<Repository> RepositoryStore::create(qint64 namespaceId, const QString &namespaceName, const QString &namespaceKind,
                                           const QString &name, const QString &visibility, const QString &description,
                                           qint64 nowMs)
{
    // DO NOTHING rather than a unique violation: a violation would abort
    // the caller's transaction on PostgreSQL.
    auto result = m_db.exec("INSERT INTO repositories (namespace_id, name, visibility, description, kind, state, created_ms) "
                            "VALUES (?, ?, ?, ?, 'image', 'NORMAL', ?) ON CONFLICT (namespace_id, name) DO NOTHING RETURNING id",
                            {namespaceId, name, visibility, description, nowMs});
    if (!result)
        return result.error();
    if (result->empty())
        return Error::of(ErrorKind::Conflict, QStringLiteral("Repository already exists"));
    Repository repository;
    repository.id = result->first().integer(0);
    repository.namespaceId = namespaceId;
    repository.namespaceName = namespaceName;
    repository.namespaceKind = namespaceKind;
    repository.name = name;
    repository.visibility = visibility;
    repository.kind = QStringLiteral("image");
    repository.state = QStringLiteral("NORMAL");
    repository.createdMs = nowMs;
    repository.description = description;
    return repository;
}

Status RepositoryStore::setVisibility(qint64 repositoryId, const QString &visibility)
{
    return done(m_db.exec("UPDATE repositories SET visibility = ? WHERE id = ?", {visibility, repositoryId}));
}

Status RepositoryStore::setDescription(qint64 repositoryId, const QString &description)
{
    return done(m_db.exec("UPDATE repositories SET description = ? WHERE id = ?", {description, repositoryId}));
}

Status RepositoryStore::markDeleted(qint64 repositoryId, const QString &tombstoneName)
{
    if (Status s = done(m_db.exec("UPDATE repositories SET deleted = 1, state = 'MARKED_FOR_DELETION', name = ? WHERE id = ?",
                                  {tombstoneName, repositoryId}));
        !s)
        return s;
    return done(m_db.exec("DELETE FROM stars WHERE repository_id = ?", {repositoryId}));
}

Result<std::vector<RepositoryListEntry>> RepositoryStore::list(const RepositoryFilter &filter,
                                                               const RepositoryCursor &after, int limit,
                                                               std::optional<qint64> lastModifiedAtMs)
{
    const bool withLastModified = lastModifiedAtMs.has_value();
    // One namespace (the common case, and the big one: an organization
    // with thousands of repositories): resolve it first, with whether the
    // viewer sees all of it (owner of the user namespace, or member of an
    // admin team of the organization). The page is then a walk of the
    // index repositories_listing (migration 005) from the cursor that stops
    // after `limit` rows: no join, no sort, and no per-row visibility check
    // for such viewers. PostgreSQL picks that walk even before it has
    // statistics (right after a bulk import), where a join or an index
    // that leaves `deleted`/`kind` to a filter made it sort the whole
    // namespace.
    struct Namespace
    {
        qint64 id = 0;
        QString kind;
    };
    std::optional<Namespace> single;
    bool seesAll = false;
    if (!filter.namespaceName.isEmpty()) {
        auto ns = m_db.exec("SELECT n.id, n.kind, EXISTS (SELECT 1 FROM teams ot JOIN team_members om ON om.team_id = ot.id "
                            "WHERE ot.organization_id = n.id AND ot.role = 'admin' AND om.member_id = ?) "
                            "FROM namespaces n WHERE n.name = ?",
                            {filter.viewerId, filter.namespaceName});
        if (!ns)
            return ns.error();
        if (ns->empty())
            return std::vector<RepositoryListEntry>{};
        single = Namespace{ns->first().integer(0), ns->first().text(1)};
        seesAll = filter.viewerId > 0
                  && (ns->first().boolean(2) || (filter.viewerIsUser && single->id == filter.viewerId));
        // The cursor, narrowed to this namespace: (n.name, r.name) > (after)
        // with n.name fixed (compared bytewise, as the databases do).
        if (!after.atStart() && after.namespaceName.toUtf8() > filter.namespaceName.toUtf8())
            return std::vector<RepositoryListEntry>{};
    }
    const bool afterName = !after.atStart() && after.namespaceName == filter.namespaceName;

    // The SQL is assembled from fixed fragments only (values are always
    // parameters), so each filter combination is one cached statement.
    // Columns: 0-7 the repository, 8 starred, [9 last modified], then the
    // namespace's name and kind when the listing spans namespaces.
    QString sql = QStringLiteral("SELECT r.id, r.namespace_id, r.name, r.visibility, r.kind, r.state, r.created_ms, "
                                 "r.description, (SELECT COUNT(*) FROM stars s WHERE s.repository_id = r.id AND s.user_id = ?)");
    QVariantList params{filter.viewerId};
    if (withLastModified) {
        // Alive rows are current ones (006_tag_lifecycle.sql): tags_current.
        sql += QLatin1String(", (SELECT MAX(t.lifetime_start_ms) FROM tags t WHERE t.repository_id = r.id "
                             "AND t.is_current = 1 AND t.hidden = 0 "
                             "AND (t.lifetime_end_ms IS NULL OR t.lifetime_end_ms > ?))");
        params << *lastModifiedAtMs;
    }
    if (single) {
        sql += QLatin1String(" FROM repositories r WHERE r.namespace_id = ? AND r.kind = ? AND r.deleted = 0");
        params << single->id << filter.kind;
        if (afterName) {
            sql += QLatin1String(" AND r.name > ?");
            params << after.name;
        }
    } else {
        sql += QLatin1String(", n.name, n.kind FROM repositories r JOIN namespaces n ON n.id = r.namespace_id "
                             "WHERE r.kind = ? AND r.deleted = 0");
        params << filter.kind;
        if (!after.atStart()) {
            sql += QLatin1String(" AND (n.name > ? OR (n.name = ? AND r.name > ?))");
            params << after.namespaceName << after.namespaceName << after.name;
        }
    }
    if (filter.starredOnly) {
        sql += QLatin1String(" AND EXISTS (SELECT 1 FROM stars s2 WHERE s2.repository_id = r.id AND s2.user_id = ?)");
        params << filter.viewerId;
    }
    if (!seesAll) {
        // The viewer's grants, row by row; the per-namespace ones are
        // already decided above when there is a single namespace.
        QStringList visible;
        if (filter.includePublic)
            visible << QStringLiteral("r.visibility = 'public'");
        if (filter.viewerId > 0) {
            visible << QStringLiteral("EXISTS (SELECT 1 FROM repository_permissions p WHERE p.repository_id = r.id AND p.namespace_id = ?)")
                    << QStringLiteral("EXISTS (SELECT 1 FROM team_repository_permissions tp JOIN team_members tm ON tm.team_id = tp.team_id "
                                      "WHERE tp.repository_id = r.id AND tm.member_id = ?)");
            params << filter.viewerId << filter.viewerId;
            if (!single) {
                visible << QStringLiteral("EXISTS (SELECT 1 FROM teams ot JOIN team_members om ON om.team_id = ot.id "
                                          "WHERE ot.organization_id = r.namespace_id AND ot.role = 'admin' AND om.member_id = ?)");
                params << filter.viewerId;
                if (filter.viewerIsUser) {
                    visible << QStringLiteral("r.namespace_id = ?");
                    params << filter.viewerId;
                }
            }
        }
        if (visible.isEmpty())
            visible << QStringLiteral("1 = 0");
        sql += QLatin1String(" AND (") + visible.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    sql += single ? QLatin1String(" ORDER BY r.name LIMIT ?") : QLatin1String(" ORDER BY n.name, r.name LIMIT ?");
    params << limit;

    auto result = m_db.exec(sql, params);
    if (!result)
        return result.error();
    const int namespaceColumn = withLastModified ? 10 : 9;
    std::vector<RepositoryListEntry> entries;
    entries.reserve(result->rows.size());
    for (const auto &row : result->rows) {
        RepositoryListEntry entry;
        Repository &repository = entry.repository;
        repository.id = row.integer(0);
        repository.namespaceId = row.integer(1);
        repository.name = row.text(2);
        repository.visibility = row.text(3);
        repository.kind = row.text(4);
        repository.state = row.text(5);
        repository.createdMs = row.integer(6);
        repository.description = row.text(7);
        repository.namespaceName = single ? filter.namespaceName : row.text(namespaceColumn);
        repository.namespaceKind = single ? single->kind : row.text(namespaceColumn + 1);
        entry.starred = row.integer(8) > 0;
        if (withLastModified && !row.isNull(9))
            entry.lastModifiedMs = row.integer(9);
        entries.push_back(std::move(entry));
    }
    return entries;
}

Result<std::optional<QString>> RepositoryStore::explicitRole(qint64 repositoryId, qint64 namespaceId)
{
    return optionalText(m_db.exec("SELECT role FROM repository_permissions WHERE repository_id = ? AND namespace_id = ?",
                                  {repositoryId, namespaceId}));
}

Status RepositoryStore::grant(qint64 repositoryId, qint64 namespaceId, const QString &role)
{
    return done(m_db.exec("INSERT INTO repository_permissions (repository_id, namespace_id, role) VALUES (?, ?, ?) "
                          "ON CONFLICT (repository_id, namespace_id) DO UPDATE SET role = excluded.role",
                          {repositoryId, namespaceId, role}));
}

Result<bool> RepositoryStore::revoke(qint64 repositoryId, qint64 namespaceId)
{
    return changedAny(m_db.exec("DELETE FROM repository_permissions WHERE repository_id = ? AND namespace_id = ?",
                                {repositoryId, namespaceId}));
}

Result<std::vector<UserGrant>> RepositoryStore::userGrants(qint64 repositoryId)
{
    auto result = m_db.exec("SELECT n.id, n.name, n.email, n.kind, p.role FROM repository_permissions p "
                            "JOIN namespaces n ON n.id = p.namespace_id WHERE p.repository_id = ? ORDER BY n.name",
                            {repositoryId});
    if (!result)
        return result.error();
    std::vector<UserGrant> grants;
    grants.reserve(result->rows.size());
    for (const auto &row : result->rows)
        grants.push_back(UserGrant{row.integer(0), row.text(1), row.text(2), row.text(3) == QLatin1String("robot"), row.text(4)});
    return grants;
}

Result<std::optional<QString>> RepositoryStore::teamRole(qint64 repositoryId, qint64 teamId)
{
    return optionalText(m_db.exec("SELECT role FROM team_repository_permissions WHERE repository_id = ? AND team_id = ?",
                                  {repositoryId, teamId}));
}

Status RepositoryStore::grantTeam(qint64 repositoryId, qint64 teamId, const QString &role)
{
    return done(m_db.exec("INSERT INTO team_repository_permissions (repository_id, team_id, role) VALUES (?, ?, ?) "
                          "ON CONFLICT (repository_id, team_id) DO UPDATE SET role = excluded.role",
                          {repositoryId, teamId, role}));
}

Result<bool> RepositoryStore::revokeTeam(qint64 repositoryId, qint64 teamId)
{
    return changedAny(m_db.exec("DELETE FROM team_repository_permissions WHERE repository_id = ? AND team_id = ?",
                                {repositoryId, teamId}));
}

Result<std::vector<TeamGrant>> RepositoryStore::teamGrants(qint64 repositoryId)
{
    auto result = m_db.exec("SELECT t.id, t.name, p.role FROM team_repository_permissions p JOIN teams t ON t.id = p.team_id "
                            "WHERE p.repository_id = ? ORDER BY t.name",
                            {repositoryId});
    if (!result)
        return result.error();
    std::vector<TeamGrant> grants;
    grants.reserve(result->rows.size());
    for (const auto &row : result->rows)
        grants.push_back(TeamGrant{row.integer(0), row.text(1), row.text(2)});
    return grants;
}

Status RepositoryStore::star(qint64 userId, qint64 repositoryId, qint64 nowMs)
{
    return done(m_db.exec("INSERT INTO stars (user_id, repository_id, created_ms) VALUES (?, ?, ?) "
                          "ON CONFLICT (user_id, repository_id) DO NOTHING",
                          {userId, repositoryId, nowMs}));
}

Status RepositoryStore::unstar(qint64 userId, qint64 repositoryId)
{
    return done(m_db.exec("DELETE FROM stars WHERE user_id = ? AND repository_id = ?", {userId, repositoryId}));
}

Result<bool> RepositoryStore::isStarred(qint64 userId, qint64 repositoryId)
{
    auto result = m_db.exec("SELECT 1 FROM stars WHERE user_id = ? AND repository_id = ?", {userId, repositoryId});
    if (!result)
        return result.error();
    return !result->empty();
}

Result<qint64> RepositoryStore::tagExpirationSeconds(qint64 namespaceId)
{
    auto result = m_db.exec("SELECT tag_expiration_s FROM namespaces WHERE id = ?", {namespaceId});
    if (!result)
        return result.error();
    return result->empty() ? qint64(1209600) : result->first().integer(0);
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
