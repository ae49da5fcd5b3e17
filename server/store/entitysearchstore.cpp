#include "store/entitysearchstore.h"

namespace kai::store {

namespace {

// A LIKE pattern matching names that start with `prefix`, '\' escaping the
// wildcards so "a%" does not match every name starting with "a".
QString startsWithPattern(const QString &prefix)
{
    QString pattern;
    pattern.reserve(prefix.size() + 2);
    for (const QChar c : prefix) {
        if (c == u'%' || c == u'_' || c == u'\\')
            pattern += u'\\';
        pattern += c;
    }
    pattern += u'%';
    return pattern;
}

// LOWER() on both sides of LIKE: SQLite's LIKE ignores ASCII case and
// PostgreSQL's does not; this way both behave as Quay's ILIKE.
const char *const kStartsWith = "LOWER(name) LIKE ? ESCAPE '\\'";

// Rows of (name, email, kind, is org member).
Result<std::vector<MatchedAccount>> accountsFrom(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    std::vector<MatchedAccount> found;
    found.reserve(result->rows.size());
    for (const db::Row &row : result->rows)
        found.push_back(MatchedAccount{row.text(0), row.text(1), row.text(2) == QLatin1String("robot"), row.boolean(3)});
    return found;
}

} // namespace

Result<std::vector<MatchedAccount>> EntitySearchStore::accounts(const QString &prefix, qint64 robotOwnerId,
                                                                const QString &robotPrefix, qint64 organizationId,
                                                                int limit)
{
    // Robot names always contain '+', user names never do, so the two
    // groups cannot both match one exact name.
    const QString sql = QStringLiteral(
        "SELECT name, COALESCE(email, ''), kind, "
        " CASE WHEN EXISTS (SELECT 1 FROM team_members m JOIN teams t ON t.id = m.team_id "
        "                   WHERE m.member_id = namespaces.id AND t.organization_id = CAST(? AS BIGINT)) "
        " THEN 1 ELSE 0 END "
        "FROM namespaces "
        "WHERE (kind = 'user' AND %1) OR (kind = 'robot' AND owner_id = CAST(? AS BIGINT) AND %1) "
        "ORDER BY CASE WHEN LOWER(name) = ? OR LOWER(name) = ? THEN 0 ELSE 1 END, name "
        "LIMIT ?")
                            .arg(QLatin1String(kStartsWith));
    return accountsFrom(m_db.exec(sql, {organizationId, startsWithPattern(prefix), robotOwnerId,
                                        startsWithPattern(robotPrefix), prefix, robotPrefix, limit}));
}

Result<std::vector<MatchedAccount>> EntitySearchStore::robots(qint64 robotOwnerId, const QString &robotPrefix, int limit)
{
    return accountsFrom(m_db.exec(QStringLiteral("SELECT name, COALESCE(email, ''), kind, 1 FROM namespaces "
                                                 "WHERE kind = 'robot' AND owner_id = ? AND %1 ORDER BY name LIMIT ?")
                                      .arg(QLatin1String(kStartsWith)),
                                  {robotOwnerId, startsWithPattern(robotPrefix), limit}));
}

Result<QStringList> EntitySearchStore::teams(qint64 organizationId, const QString &prefix, int limit)
{
    auto r = m_db.exec(QStringLiteral("SELECT name FROM teams WHERE organization_id = ? AND %1 ORDER BY name LIMIT ?")
                           .arg(QLatin1String(kStartsWith)),
                       {organizationId, startsWithPattern(prefix), limit});
    if (!r)
        return r.error();
    QStringList names;
    for (const db::Row &row : r->rows)
        names << row.text(0);
    return names;
}

} // namespace kai::store
