#pragma once

#include "core/result.h"
#include "db/database.h"
#include "oci/labels.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace kai::store {

// A label on a manifest (reference §2.10). `id` is the uuid the API shows.
struct Label
{
    QString id;
    qint64 manifestId = 0;
    QString key;
    QString value;
    QString sourceType;   // "manifest" (from the push, immutable), "api", "internal"
    QString mediaType;    // "text/plain" or "application/json"
    qint64 createdMs = 0;
};

// Manifest labels. Statements run in the caller's transaction, if any.
class LabelStore
{
public:
    explicit LabelStore(db::Database &db) : m_db(db) {}

    // Stores the labels a push brought (source "manifest"), each with a
    // fresh uuid.
    Status addFromManifest(qint64 manifestId, const QList<oci::ManifestLabel> &labels, qint64 nowMs);
    // Every label of the manifest, oldest first.
    Result<QList<Label>> forManifest(qint64 manifestId);
    // The label `uuid` of the manifest, if it has one.
    Result<std::optional<Label>> byId(qint64 manifestId, const QString &uuid);
    // Adds a label (source "api" or "internal") with a fresh uuid.
    Result<Label> add(qint64 manifestId, const QString &key, const QString &value, const QString &sourceType,
                      const QString &mediaType, qint64 nowMs);
    // Removes the label `uuid` of the manifest; false when there was none.
    Result<bool> remove(qint64 manifestId, const QString &uuid);
    // The newest value of `key` on the manifest, if it has one.
    Result<std::optional<QString>> value(qint64 manifestId, const QString &key);
    // For each child an index names: the newest value of `key` on that
    // child in the repository (nullopt when the child or its label is
    // missing).
    Result<std::vector<std::optional<QString>>> childValues(qint64 repositoryId, qint64 indexId, const QString &key);

private:
    db::Database &m_db;
};

} // namespace kai::store
