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

Result<ManifestRecord> ManifestStore::store(const ManifestRecord &m, const QStringList &blobDigests,
                                            const QStringList &childDigests)
{
    db::Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    auto existing = byDigest(m.repositoryId, m.digest);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
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
    if (Status s = tx.commit(); !s)
        return s.error();
    return record;
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
