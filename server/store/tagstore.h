#pragma once

#include "core/result.h"
#include "db/database.h"
#include "store/manifeststore.h"

#include <optional>
#include <vector>

namespace kai::store {

// A live tag with the manifest it points at (the repository view's tags).
struct TagSummary
{
    QString name;
    QString manifestDigest;
    QByteArray manifestContent;
    qint64 startMs = 0;
};

// Tags with history (Quay's time machine): moving or deleting a tag ends
// the live row's lifetime and, for a move, starts a new one.
class TagStore
{
public:
    explicit TagStore(db::Database &db) : m_db(db) {}

    // The manifest a live, visible tag points at.
    Result<std::optional<ManifestRecord>> resolve(qint64 repositoryId, const QString &tag);
    // Points the tag at the manifest (no-op when it already does).
    Status set(qint64 repositoryId, const QString &tag, qint64 manifestId, qint64 nowMs);
    // Live visible tag names in byte order, after `last`, at most `limit`.
    Result<QStringList> list(qint64 repositoryId, const QString &last, int limit);
    // Ends every live tag of the manifest; returns how many.
    Result<qint64> endAllForManifest(qint64 repositoryId, qint64 manifestId, qint64 nowMs);
    // Ends one live tag; false when there was none.
    Result<bool> end(qint64 repositoryId, const QString &tag, qint64 nowMs);
    Result<bool> manifestHasLiveTag(qint64 manifestId);
    // Live visible tags in name order with their manifests, at most `limit`.
    Result<std::vector<TagSummary>> liveSummaries(qint64 repositoryId, int limit);

private:
    db::Database &m_db;
};

} // namespace kai::store
