#include "store/manifeststore.h"

namespace kai::store {

namespace {
const char *const kColumns =
    "id, repository_id, digest, media_type, artifact_type, subject_digest, annotations, content, size, created_ms";

ManifestRecord fromRow(const db::Row &r)
{
    return ManifestRecord{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5),
                          r.text(6).toUtf8(), r.text(7).toUtf8(), r.integer(8), r.integer(9)};
}

QVariant nullIfEmpty(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }
} // namespace

Result<std::optional<ManifestRecord>> ManifestStore::byDigest(qint64 repositoryId, const QString &digest)
{
    auto result = m_db.exec(QStringLiteral("SELECT %1 FROM manifests WHERE repository_id = ? AND digest = ?").arg(QLatin1String(kColumns)),
                            {repositoryId, digest});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<ManifestRecord>{};
    return std::optional<ManifestRecord>{fromRow(result->first())};
}

Result<std::optional<ManifestRecord>> ManifestStore::taggedByDigest(qint64 repositoryId, const QString &digest,
                                                                    qint64 nowMs)
{
    auto result = m_db.exec(
        QStringLiteral("SELECT %1 FROM manifests m WHERE m.repository_id = ? AND m.digest = ? AND ("
                       "EXISTS (SELECT 1 FROM tags t WHERE t.manifest_id = m.id AND t.hidden = 0 AND t.is_current = 1 "
                       "AND (t.lifetime_end_ms IS NULL OR t.lifetime_end_ms > ?)) "
                       "OR EXISTS (SELECT 1 FROM manifests p JOIN manifest_children c ON c.manifest_id = p.id "
                       "JOIN tags t ON t.manifest_id = p.id WHERE p.repository_id = m.repository_id "
                       "AND c.child_digest = m.digest AND t.hidden = 0 AND t.is_current = 1 "
                       "AND (t.lifetime_end_ms IS NULL OR t.lifetime_end_ms > ?)))")
            .arg(QLatin1String(kColumns)),
        {repositoryId, digest, nowMs, nowMs});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<ManifestRecord>{};
    return std::optional<ManifestRecord>{fromRow(result->first())};
}

Result<StoredManifest> ManifestStore::store(const ManifestRecord &m, const QStringList &blobDigests,
                                            const QStringList &childDigests)
{
    auto existing = byDigest(m.repositoryId, m.digest);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return StoredManifest{**existing, false};
    auto inserted = m_db.exec(
        "INSERT INTO manifests (repository_id, digest, media_type, artifact_type, subject_digest, annotations, content, size, created_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {m.repositoryId, m.digest, m.mediaType, nullIfEmpty(m.artifactType), nullIfEmpty(m.subjectDigest),
         m.annotations.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(m.annotations)),
         QString::fromUtf8(m.content), m.size, m.createdMs});
    if (!inserted)
        return inserted.error();
    ManifestRecord record = m;
    record.id = inserted->first().integer(0);
    for (const QString &digest : blobDigests) {
        auto r = m_db.exec("INSERT INTO manifest_blobs (manifest_id, digest) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           {record.id, digest});
        if (!r)
            return r.error();
    }
    for (const QString &digest : childDigests) {
        auto r = m_db.exec("INSERT INTO manifest_children (manifest_id, child_digest) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           {record.id, digest});
        if (!r)
            return r.error();
    }
    return StoredManifest{record, true};
}

Result<std::vector<ChildPresence>> ManifestStore::children(qint64 repositoryId, qint64 manifestId)
{
    auto result = m_db.exec("SELECT c.child_digest, (SELECT COUNT(*) FROM manifests m WHERE m.repository_id = ? "
                            "AND m.digest = c.child_digest) FROM manifest_children c WHERE c.manifest_id = ? "
                            "ORDER BY c.child_digest",
                            {repositoryId, manifestId});
    if (!result)
        return result.error();
    std::vector<ChildPresence> children;
    children.reserve(result->rows.size());
    for (const auto &row : result->rows)
        children.push_back(ChildPresence{row.text(0), row.integer(1) > 0});
    return children;
}

Result<QList<ManifestRecord>> ManifestStore::referrers(qint64 repositoryId, const QString &subjectDigest)
{
    auto result = m_db.exec(QStringLiteral("SELECT %1 FROM manifests WHERE repository_id = ? AND subject_digest = ? ORDER BY id")
                                .arg(QLatin1String(kColumns)),
                            {repositoryId, subjectDigest});
    if (!result)
        return result.error();
    QList<ManifestRecord> records;
    for (const auto &row : result->rows)
        records << fromRow(row);
    return records;
}

Status ManifestStore::remove(qint64 manifestId)
{
    auto result = m_db.exec("DELETE FROM manifests WHERE id = ?", {manifestId});
    if (!result)
        return result.error();
    return {};
}

Result<bool> ManifestStore::isReferencedByIndex(qint64 repositoryId, const QString &digest)
{
    auto result = m_db.exec("SELECT 1 FROM manifest_children c JOIN manifests m ON m.id = c.manifest_id "
                            "WHERE m.repository_id = ? AND c.child_digest = ? LIMIT 1",
                            {repositoryId, digest});
    if (!result)
        return result.error();
    return !result->empty();
}

} // namespace kai::store
