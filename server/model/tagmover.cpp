#include "model/tagmover.h"

#include "core/expiry.h"
#include "oci/mediatypes.h"

#include <QUuid>

#include <algorithm>

namespace kai::model {

namespace {

bool isIndex(const store::ManifestRecord &manifest)
{
    return manifest.mediaType == QLatin1String(oci::kOciIndex) || manifest.mediaType == QLatin1String(oci::kDockerManifestList);
}

} // namespace

Result<store::TagRow> TagMover::point(qint64 repositoryId, const QString &tag, const store::ManifestRecord &manifest,
                                      qint64 nowMs, bool reversion)
{
    if (Status s = m_tags.lockHistory(repositoryId); !s)
        return s.error();
    // The caller read the manifest before this transaction held it: a
    // garbage-collection pass may have taken it since. Holding it now means
    // either the pass waits and then sees the new row, or it is gone and
    // the answer is a clean 404 instead of a foreign-key failure.
    auto held = m_tags.holdManifest(manifest.id);
    if (!held)
        return held.error();
    if (!*held)
        return Error::of(ErrorKind::ManifestUnknown, QStringLiteral("manifest not found"));
    auto expiresAfter = expiresAfterSeconds(manifest);
    if (!expiresAfter)
        return expiresAfter.error();
    auto closed = m_tags.closeCurrent(repositoryId, tag, nowMs);
    if (!closed)
        return closed.error();
    store::TagRow row;
    row.repositoryId = repositoryId;
    row.name = tag;
    row.manifestId = manifest.id;
    row.startMs = nowMs;
    // No clamping on this path (reference §4.2): the label is the owner's.
    if (*expiresAfter)
        row.endMs = nowMs + **expiresAfter * 1000;
    row.reversion = reversion;
    auto id = m_tags.start(row);
    if (!id)
        return id.error();
    row.id = *id;
    return row;
}

Status TagMover::holdPushedByDigest(const store::ManifestRecord &manifest, qint64 nowMs)
{
    if (Status s = m_tags.lockHistory(manifest.repositoryId); !s)
        return s;
    const qint64 untilMs = nowMs + m_config.pushTempTagExpirationSeconds * 1000;
    auto held = m_tags.holdsManifestUntil(manifest.id, untilMs);
    if (!held)
        return held.error();
    if (*held)
        return {};
    store::TagRow row;
    row.repositoryId = manifest.repositoryId;
    // Quay's naming; '$' keeps it apart from every valid tag name.
    row.name = QStringLiteral("$temp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    row.manifestId = manifest.id;
    row.startMs = nowMs;
    row.endMs = untilMs;
    row.hidden = true;
    auto id = m_tags.start(row);
    if (!id)
        return id.error();
    return {};
}

Result<std::optional<store::TagRow>> TagMover::alive(qint64 repositoryId, const QString &tag, qint64 nowMs)
{
    auto current = m_tags.current(repositoryId, tag);
    if (!current)
        return current.error();
    if (!current->has_value() || (*current)->hidden || !(*current)->isAliveAt(nowMs))
        return std::optional<store::TagRow>{};
    return *current;
}

Result<bool> TagMover::remove(qint64 repositoryId, const QString &tag, qint64 nowMs)
{
    if (Status s = m_tags.lockHistory(repositoryId); !s)
        return s.error();
    auto row = alive(repositoryId, tag, nowMs);
    if (!row)
        return row.error();
    if (!row->has_value())
        return false;
    return m_tags.closeCurrent(repositoryId, tag, nowMs);
}

Result<bool> TagMover::changeExpiration(const store::TagRow &tag, std::optional<qint64> requestedMs)
{
    if (Status s = m_tags.lockHistory(tag.repositoryId); !s)
        return s.error();
    std::optional<qint64> endMs;
    if (requestedMs) {
        const qint64 offsetMs = std::clamp(*requestedMs - tag.startMs, m_config.labeledExpirationMinimumSeconds * 1000,
                                           m_config.labeledExpirationMaximumSeconds * 1000);
        endMs = tag.startMs + offsetMs;
    }
    return m_tags.changeEnd(tag.id, tag.endMs, endMs);
}

Result<bool> TagMover::expirePermanently(qint64 repositoryId, const QString &tag, std::optional<qint64> manifestId,
                                         bool aliveRow, bool includeSubmanifests, qint64 windowSeconds, qint64 nowMs)
{
    if (Status s = m_tags.lockHistory(repositoryId); !s)
        return s.error();
    const qint64 outsideMs = nowMs - windowSeconds * 1000;
    auto releaseChildren = [&](qint64 indexId) -> Result<bool> {
        if (includeSubmanifests) {
            if (Status s = m_tags.endChildHolds(repositoryId, indexId, outsideMs); !s)
                return s.error();
        }
        return true;
    };
    if (aliveRow) {
        auto row = alive(repositoryId, tag, nowMs);
        if (!row)
            return row.error();
        if (!row->has_value() || (manifestId && (*row)->manifestId != *manifestId))
            return false;
        if (Status s = m_tags.retire((*row)->id, outsideMs); !s)
            return s.error();
        return releaseChildren((*row)->manifestId);
    }
    auto rows = m_tags.rowsFor(repositoryId, tag, manifestId.value_or(0));
    if (!rows)
        return rows.error();
    // Distinct ends, one millisecond apart, as Quay does.
    qint64 step = 1;
    bool expired = false;
    for (const store::TagRow &row : *rows) {
        if (row.hidden || row.isAliveAt(nowMs) || *row.endMs <= outsideMs)
            continue;
        if (Status s = m_tags.retire(row.id, outsideMs - step++); !s)
            return s.error();
        expired = true;
    }
    if (!expired)
        return false;
    return releaseChildren(manifestId.value_or(0));
}

Result<std::optional<qint64>> TagMover::expiresAfterSeconds(const store::ManifestRecord &manifest)
{
    const QString key = QString::fromLatin1(kExpiresAfterLabel);
    auto own = m_labels.value(manifest.id, key);
    if (!own)
        return own.error();
    if (own->has_value())
        return parseExpiresAfterSeconds(**own);
    if (!isIndex(manifest))
        return std::optional<qint64>{};
    auto children = m_labels.childValues(manifest.repositoryId, manifest.id, key);
    if (!children)
        return children.error();
    if (children->empty() || !children->front())
        return std::optional<qint64>{};
    const QString agreed = *children->front();
    for (const std::optional<QString> &value : *children) {
        if (!value || *value != agreed)
            return std::optional<qint64>{};
    }
    return parseExpiresAfterSeconds(agreed);
}

} // namespace kai::model
