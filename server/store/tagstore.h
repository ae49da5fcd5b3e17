#pragma once

#include "core/result.h"
#include "db/database.h"
#include "store/manifeststore.h"

#include <optional>

namespace kai::store {

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

private:
    db::Database &m_db;
};

} // namespace kai::store
