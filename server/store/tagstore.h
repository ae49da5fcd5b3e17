#pragma once

#include "core/result.h"
#include "db/database.h"
#include "store/manifeststore.h"
#include "store/tagpagebookmarks.h"

#include <optional>
#include <vector>

namespace kai::store {

// One row of a tag's history (Quay's time machine, reference §4.1).
struct TagRow
{
    qint64 id = 0;
    qint64 repositoryId = 0;
    QString name;
    qint64 manifestId = 0;
    qint64 startMs = 0;
    std::optional<qint64> endMs;   // null: no end; may lie in the future
    bool reversion = false;
    bool hidden = false;
    bool immutable = false;

    bool isAliveAt(qint64 nowMs) const { return !endMs || *endMs > nowMs; }
};

// A history row with the manifest it points at (GET .../tag/).
struct TagHistoryEntry
{
    TagRow tag;
    QString manifestDigest;
    QString manifestMediaType;
    QByteArray manifestContent;
};

// Which rows of a repository's history to list: visible rows only, newest
// first (start time descending, then name), `limit` from `offset`.
struct TagHistoryQuery
{
    bool onlyAlive = false;
    QString exactName;      // "": any name
    QString nameContains;   // "": any; matched case-insensitively
    qint64 offset = 0;
    int limit = 50;
};

// An alive, visible tag with the manifest it points at (the repository view).
struct TagSummary
{
    QString name;
    QString manifestDigest;
    QByteArray manifestContent;
    qint64 startMs = 0;
    std::optional<qint64> endMs;
};

// Tag rows with lifetimes. A row is alive while its end is null or after
// `nowMs`; every (repository, name) has at most one current row (the
// newest one no operation replaced yet; see 006_tag_lifecycle.sql), and an
// alive row is always the current one.
//
// Nothing here opens a transaction: the operations that change tags
// (model::TagMover) run these statements inside the caller's transaction,
// after lockHistory().
class TagStore
{
public:
    // `bookmarks`: where numbered pages start, shared by the server's
    // stores; null (tools) pages by OFFSET alone.
    explicit TagStore(db::Database &db, TagPageBookmarks *bookmarks = nullptr) : m_db(db), m_bookmarks(bookmarks) {}

    // Serialises writers of one repository's tags until the transaction
    // ends (a row lock on the repository on PostgreSQL; SQLite transactions
    // are serial already). Two pushes of one tag then queue.
    Status lockHistory(qint64 repositoryId);

    // Locks the manifest a new row will point at against garbage
    // collection until the transaction ends (PostgreSQL: FOR KEY SHARE,
    // which conflicts with the collector's FOR UPDATE; SQLite transactions
    // are serial already). False when the manifest is gone: a pass took it
    // after the caller read it.
    Result<bool> holdManifest(qint64 manifestId);

    // The manifest an alive, visible tag points at.
    Result<std::optional<ManifestRecord>> resolve(qint64 repositoryId, const QString &tag, qint64 nowMs);
    // Did a visible tag of this name ever exist (deleted or expired now)?
    Result<bool> hasHistory(qint64 repositoryId, const QString &tag);
    // The current row of the name, alive or not.
    Result<std::optional<TagRow>> current(qint64 repositoryId, const QString &name);
    // Retires the current row: no longer current, and ended at `nowMs`
    // unless it had already ended. False when there was none.
    Result<bool> closeCurrent(qint64 repositoryId, const QString &name, qint64 nowMs);
    // Inserts `row` as the name's current row; returns its id. The name must
    // have no current row (closeCurrent() first).
    Result<qint64> start(const TagRow &row);
    // Changes the end of a current row if it still has `expectedEnd`; false
    // when the row changed in between.
    Result<bool> changeEnd(qint64 tagId, std::optional<qint64> expectedEnd, std::optional<qint64> newEnd);
    // Sets the end of any row and makes it non-current (permanent expiry).
    Status retire(qint64 tagId, qint64 endMs);
    // Ends (at `endMs`, unless they end earlier) the hidden temporary tags
    // that hold the children of index `indexManifestId` in its repository.
    Status endChildHolds(qint64 repositoryId, qint64 indexManifestId, qint64 endMs);
    // Rows of one name pointing at one manifest, newest first.
    Result<std::vector<TagRow>> rowsFor(qint64 repositoryId, const QString &name, qint64 manifestId);
    // Does any tag (hidden ones included) keep the manifest alive until at
    // least `untilMs`?
    Result<bool> holdsManifestUntil(qint64 manifestId, qint64 untilMs);

    // Alive visible tag names in byte order, after `last`, at most `limit`.
    Result<QStringList> list(qint64 repositoryId, const QString &last, int limit, qint64 nowMs);
    // History rows as the tag API lists them. A page after the first seeks
    // from the nearest row this store remembers from earlier pages of the
    // same listing, when the history has not changed since (TagPageBookmarks).
    Result<std::vector<TagHistoryEntry>> history(qint64 repositoryId, const TagHistoryQuery &query, qint64 nowMs);
    // Alive visible tags in name order with their manifests, at most `limit`.
    // The names of the visible alive tags that point at `manifestId` in the
    // repository, by name.
    Result<QStringList> aliveNamesFor(qint64 repositoryId, qint64 manifestId, qint64 nowMs);
    Result<std::vector<TagSummary>> liveSummaries(qint64 repositoryId, int limit, qint64 nowMs);

private:
    // One page of history and the state it was read in (one statement).
    struct HistoryPage
    {
        std::vector<TagHistoryEntry> entries;
        qint64 historyVersion = -1;    // -1: no row to read it from
        bool aliveRowsEndedSince = false; // since the bookmark's read
    };
    // The FROM clause a page's rows come from (table alias "t"), with its
    // parameters: the whole history unless a like: filter narrows it.
    struct HistorySource
    {
        QString from = QStringLiteral("tags t");
        QVariantList params;
    };
    void rememberEnds(const TagListing &listing, qint64 offset, const HistoryPage &page, qint64 nowMs);
    Result<HistoryPage> historyPage(qint64 repositoryId, const TagHistoryQuery &query, qint64 nowMs,
                                    const HistorySource &source, const TagPageBookmark *bookmark);
    // The source of a like: page: the trigram table's hits when it has them
    // and they are few (tag_name_trigrams.sql), else the whole history.
    Result<HistorySource> likePageSource(const QString &substring);
    Result<bool> hasNameTrigrams();

    db::Database &m_db;
    std::optional<bool> m_nameTrigrams; // SQLite: asked once per store
    TagPageBookmarks *m_bookmarks;
};

} // namespace kai::store
