#include "store/labelstore.h"

#include <QUuid>

namespace kai::store {

Status LabelStore::addFromManifest(qint64 manifestId, const QList<oci::ManifestLabel> &labels, qint64 nowMs)
{
    for (const oci::ManifestLabel &label : labels) {
        auto r = m_db.exec("INSERT INTO manifest_labels (uuid, manifest_id, key, value, source_type, media_type, created_ms) "
                           "VALUES (?, ?, ?, ?, 'manifest', ?, ?)",
                           {QUuid::createUuid().toString(QUuid::WithoutBraces), manifestId, label.key, label.value,
                            label.mediaType, nowMs});
        if (!r)
            return r.error();
    }
    return {};
}

Result<QList<Label>> LabelStore::forManifest(qint64 manifestId)
{
    auto result = m_db.exec("SELECT uuid, manifest_id, key, value, source_type, media_type, created_ms FROM manifest_labels "
                            "WHERE manifest_id = ? ORDER BY id",
                            {manifestId});
    if (!result)
        return result.error();
    QList<Label> labels;
    for (const auto &r : result->rows)
        labels.append(Label{r.text(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)});
    return labels;
}

Result<std::optional<Label>> LabelStore::byId(qint64 manifestId, const QString &uuid)
{
    auto result = m_db.exec("SELECT uuid, manifest_id, key, value, source_type, media_type, created_ms FROM manifest_labels "
                            "WHERE manifest_id = ? AND uuid = ?",
                            {manifestId, uuid});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<Label>{};
    const auto &r = result->first();
    return std::optional<Label>{Label{r.text(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)}};
}

Result<Label> LabelStore::add(qint64 manifestId, const QString &key, const QString &value, const QString &sourceType,
                              const QString &mediaType, qint64 nowMs)
{
    Label label{QUuid::createUuid().toString(QUuid::WithoutBraces), manifestId, key, value, sourceType, mediaType, nowMs};
    auto r = m_db.exec("INSERT INTO manifest_labels (uuid, manifest_id, key, value, source_type, media_type, created_ms) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       {label.id, manifestId, key, value, sourceType, mediaType, nowMs});
    if (!r)
        return r.error();
    return label;
}

Result<bool> LabelStore::remove(qint64 manifestId, const QString &uuid)
{
    auto r = m_db.exec("DELETE FROM manifest_labels WHERE manifest_id = ? AND uuid = ?", {manifestId, uuid});
    if (!r)
        return r.error();
    return r->rowsAffected > 0;
}

Result<std::optional<QString>> LabelStore::value(qint64 manifestId, const QString &key)
{
    auto result = m_db.exec("SELECT value FROM manifest_labels WHERE manifest_id = ? AND key = ? ORDER BY id DESC LIMIT 1",
                            {manifestId, key});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<QString>{};
    return std::optional<QString>{result->first().text(0)};
}

Result<std::vector<std::optional<QString>>> LabelStore::childValues(qint64 repositoryId, qint64 indexId, const QString &key)
{
    auto result = m_db.exec("SELECT (SELECT l.value FROM manifests m JOIN manifest_labels l ON l.manifest_id = m.id "
                            "WHERE m.repository_id = ? AND m.digest = c.child_digest AND l.key = ? ORDER BY l.id DESC LIMIT 1) "
                            "FROM manifest_children c WHERE c.manifest_id = ?",
                            {repositoryId, key, indexId});
    if (!result)
        return result.error();
    std::vector<std::optional<QString>> values;
    values.reserve(result->rows.size());
    for (const auto &r : result->rows)
        values.push_back(r.isNull(0) ? std::nullopt : std::optional<QString>{r.text(0)});
    return values;
}

} // namespace kai::store
