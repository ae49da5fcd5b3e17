#include "store/tagstore.h"

namespace kai::store {

Result<std::optional<ManifestRecord>> TagStore::resolve(qint64 repositoryId, const QString &tag)
{
    auto result = m_db.exec(
        "SELECT m.id, m.repository_id, m.digest, m.media_type, m.artifact_type, m.subject_digest, m.annotations, "
        "m.content, m.size, m.created_ms FROM tags t JOIN manifests m ON m.id = t.manifest_id "
        "WHERE t.repository_id = ? AND t.name = ? AND t.lifetime_end_ms IS NULL AND t.hidden = 0",
        {repositoryId, tag});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<ManifestRecord>{};
    const db::Row &r = result->first();
    return std::optional<ManifestRecord>{ManifestRecord{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4),
                                                        r.text(5), r.text(6).toUtf8(), r.text(7).toUtf8(),
                                                        r.integer(8), r.integer(9)}};
}

Status TagStore::set(qint64 repositoryId, const QString &tag, qint64 manifestId, qint64 nowMs)
{
    db::Transaction tx(m_db);
    if (!tx.status())
        return tx.status();
    auto live = m_db.exec("SELECT id, manifest_id FROM tags WHERE repository_id = ? AND name = ? AND lifetime_end_ms IS NULL",
                          {repositoryId, tag});
    if (!live)
        return live.error();
    if (!live->empty()) {
        if (live->first().integer(1) == manifestId)
            return tx.commit();
        // A tag's lifetime must not be empty: start the new one strictly after.
        auto ended = m_db.exec("UPDATE tags SET lifetime_end_ms = ? WHERE id = ?", {nowMs, live->first().integer(0)});
        if (!ended)
            return ended.error();
    }
    auto inserted = m_db.exec("INSERT INTO tags (repository_id, name, manifest_id, lifetime_start_ms, lifetime_end_ms, hidden, immutable) "
                              "VALUES (?, ?, ?, ?, NULL, 0, 0)",
                              {repositoryId, tag, manifestId, nowMs});
    if (!inserted)
        return inserted.error();
    return tx.commit();
}

Result<QStringList> TagStore::list(qint64 repositoryId, const QString &last, int limit)
{
    auto result = m_db.exec("SELECT name FROM tags WHERE repository_id = ? AND lifetime_end_ms IS NULL AND hidden = 0 "
                            "AND name > ? ORDER BY name LIMIT ?",
                            {repositoryId, last, limit});
    if (!result)
        return result.error();
    QStringList names;
    names.reserve(qsizetype(result->rows.size()));
    for (const auto &row : result->rows)
        names << row.text(0);
    return names;
}

Result<qint64> TagStore::endAllForManifest(qint64 repositoryId, qint64 manifestId, qint64 nowMs)
{
    auto result = m_db.exec("UPDATE tags SET lifetime_end_ms = ? WHERE repository_id = ? AND manifest_id = ? "
                            "AND lifetime_end_ms IS NULL",
                            {nowMs, repositoryId, manifestId});
    if (!result)
        return result.error();
    return result->rowsAffected;
}

Result<bool> TagStore::end(qint64 repositoryId, const QString &tag, qint64 nowMs)
{
    auto result = m_db.exec("UPDATE tags SET lifetime_end_ms = ? WHERE repository_id = ? AND name = ? "
                            "AND lifetime_end_ms IS NULL AND hidden = 0",
                            {nowMs, repositoryId, tag});
    if (!result)
        return result.error();
    return result->rowsAffected > 0;
}

Result<bool> TagStore::manifestHasLiveTag(qint64 manifestId)
{
    auto result = m_db.exec("SELECT 1 FROM tags WHERE manifest_id = ? AND lifetime_end_ms IS NULL LIMIT 1", {manifestId});
    if (!result)
        return result.error();
    return !result->empty();
}

Result<std::vector<TagSummary>> TagStore::liveSummaries(qint64 repositoryId, int limit)
{
    auto result = m_db.exec("SELECT t.name, m.digest, m.content, t.lifetime_start_ms FROM tags t "
                            "JOIN manifests m ON m.id = t.manifest_id "
                            "WHERE t.repository_id = ? AND t.lifetime_end_ms IS NULL AND t.hidden = 0 ORDER BY t.name LIMIT ?",
                            {repositoryId, limit});
    if (!result)
        return result.error();
    std::vector<TagSummary> tags;
    tags.reserve(result->rows.size());
    for (const auto &row : result->rows)
        tags.push_back(TagSummary{row.text(0), row.text(1), row.text(2).toUtf8(), row.integer(3)});
    return tags;
}

} // namespace kai::store
