#pragma once

#include "config/config.h"
#include "core/result.h"
#include "store/labelstore.h"
#include "store/manifeststore.h"
#include "store/tagstore.h"

#include <optional>

namespace kai::model {

// The one way tags change (reference §4.1), for /v2 pushes and deletes and
// for the tag API alike. Every operation that replaces or ends a tag
// retires its current row and, where the tag lives on, starts a new row;
// nothing is deleted, so the history stays for the time machine.
//
// Each method runs several statements and opens no transaction itself: the
// caller holds a db::Transaction and commits only on success. Each takes
// the repository's tag lock first (TagStore::lockHistory), so concurrent
// writers of one repository queue.
class TagMover
{
public:
    // The label whose value ("2h", "7d", ...) schedules a new tag's end.
    static constexpr char kExpiresAfterLabel[] = "quay.expires-after";

    TagMover(store::TagStore &tags, store::LabelStore &labels, const config::Config &config)
        : m_tags(tags), m_labels(labels), m_config(config) {}

    // Creates or moves `tag` to `manifest`: the alive row (if any) ends at
    // `nowMs` and a new row starts there, ending at nowMs + the manifest's
    // quay.expires-after when it has a valid one (expiresAfterSeconds()).
    // Pointing a tag at the manifest it already has also makes a new row,
    // as in Quay. `reversion` marks a restore.
    Result<store::TagRow> point(qint64 repositoryId, const QString &tag, const store::ManifestRecord &manifest,
                                qint64 nowMs, bool reversion = false);

    // A manifest pushed by digest only: a hidden temporary tag keeps it for
    // PUSH_TEMP_TAG_EXPIRATION_SEC, unless some tag keeps it that long.
    Status holdPushedByDigest(const store::ManifestRecord &manifest, qint64 nowMs);

    // The alive, visible row of `tag`.
    Result<std::optional<store::TagRow>> alive(qint64 repositoryId, const QString &tag, qint64 nowMs);

    // Ends the alive visible tag at `nowMs`; false when there is none.
    Result<bool> remove(qint64 repositoryId, const QString &tag, qint64 nowMs);

    // Sets (or with nullopt clears) the end of the alive row `tag`:
    // end = start + clamp(requested - start, LABELED_EXPIRATION_MINIMUM,
    // LABELED_EXPIRATION_MAXIMUM). The caller has checked that the
    // requested time is in the future. False when the row changed since it
    // was read.
    Result<bool> changeExpiration(const store::TagRow &tag, std::optional<qint64> requestedMs);

    // Permanent delete (POST .../expire): moves the end of the matching
    // rows to just outside the namespace's time-machine window, so garbage
    // collection takes them. With `aliveRow`, the alive row of `tag`
    // (pointing at `manifestId` when given); otherwise the ended rows of
    // `tag` at `manifestId` still inside the window. False when none
    // matched. With `includeSubmanifests` (Quay's include_submanifests),
    // when rows were expired and their manifest is an index, the hidden
    // temporary tags holding its children end at the same time, so the
    // next pass can take the children too (unless something else keeps
    // them).
    Result<bool> expirePermanently(qint64 repositoryId, const QString &tag, std::optional<qint64> manifestId,
                                   bool aliveRow, bool includeSubmanifests, qint64 windowSeconds, qint64 nowMs);

    // The manifest's quay.expires-after in seconds (reference §4.2): its
    // own label (from config labels and annotations); for an index without
    // one, the value all its children carry alike. An invalid value counts
    // as none.
    Result<std::optional<qint64>> expiresAfterSeconds(const store::ManifestRecord &manifest);

private:
    store::TagStore &m_tags;
    store::LabelStore &m_labels;
    const config::Config &m_config;
};

} // namespace kai::model
