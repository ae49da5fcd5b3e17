#include "store/tagstore.h"

#include <algorithm>

namespace kai::store {

namespace {

// Columns of a TagRow, in fromRow() order, for a table aliased "t".
const char *const kRowColumns =
    "t.id, t.repository_id, t.name, t.manifest_id, t.lifetime_start_ms, t.lifetime_end_ms, t.reversion, t.hidden, t.immutable";

TagRow fromRow(const db::Row &r, int first = 0)
{
    TagRow row;
    row.id = r.integer(first);
    row.repositoryId = r.integer(first + 1);
    row.name = r.text(first + 2);
    row.manifestId = r.integer(first + 3);
    row.startMs = r.integer(first + 4);
    if (!r.isNull(first + 5))
        row.endMs = r.integer(first + 5);
    row.reversion = r.boolean(first + 6);
    row.hidden = r.boolean(first + 7);
    row.immutable = r.boolean(first + 8);
    return row;
}

QVariant optionalValue(std::optional<qint64> value) { return value ? QVariant(*value) : QVariant(); }

// The LIMIT of a history page's statement: the asked limit rounded up to
// one of a few sizes, so the statements stay few while the planner knows
// how small the page is.
int fetchedRows(int limit)
{
    for (int size : {2, 11, 26, 51, 101}) {
        if (limit <= size)
            return size;
    }
    return limit;
}

// LIKE with '!' as the escape character: the caller's text matches literally.
QString containsPattern(const QString &text)
{
    QString escaped;
    for (QChar c : text.toLower()) {
        if (c == u'%' || c == u'_' || c == u'!')
            escaped += u'!';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

} // namespace

Status TagStore::lockHistory(qint64 repositoryId)
{
    // An UPDATE is the portable way to take the repository's row lock (FOR
    // UPDATE is PostgreSQL only), held until commit or rollback; counting
    // the change tells page bookmarks of every node that the history moved
    // (012_tag_history_version.sql).
    auto result = m_db.exec("UPDATE repositories SET tag_history_version = tag_history_version + 1 WHERE id = ?",
                            {repositoryId});
    if (!result)
        return result.error();
    return {};
}

Result<bool> TagStore::holdManifest(qint64 manifestId)
{
    // A row the collector deleted while this waited for its lock is
    // skipped (READ COMMITTED re-checks it), so the answer is empty then.
    QString sql = QStringLiteral("SELECT 1 FROM manifests WHERE id = ?");
    if (m_db.driver() == db::Driver::Postgres)
        sql += QLatin1String(" FOR KEY SHARE");
    auto result = m_db.exec(sql, {manifestId});
    if (!result)
        return result.error();
    return !result->empty();
}

Result<std::optional<ManifestRecord>> TagStore::resolve(qint64 repositoryId, const QString &tag, qint64 nowMs)
{
    auto result = m_db.exec(
        "SELECT m.id, m.repository_id, m.digest, m.media_type, m.artifact_type, m.subject_digest, m.annotations, "
        "m.content, m.size, m.created_ms FROM tags t JOIN manifests m ON m.id = t.manifest_id "
        "WHERE t.repository_id = ? AND t.name = ? AND t.is_current = 1 AND t.hidden = 0 "
        "AND (t.lifetime_end_ms IS NULL OR t.lifetime_end_ms > ?)",
        {repositoryId, tag, nowMs});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<ManifestRecord>{};
    const db::Row &r = result->first();
    return std::optional<ManifestRecord>{ManifestRecord{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4),
                                                        r.text(5), r.text(6).toUtf8(), r.text(7).toUtf8(),
                                                        r.integer(8), r.integer(9)}};
}

Result<bool> TagStore::hasHistory(qint64 repositoryId, const QString &tag)
{
    auto result = m_db.exec("SELECT 1 FROM tags WHERE repository_id = ? AND name = ? AND hidden = 0 LIMIT 1",
                            {repositoryId, tag});
    if (!result)
        return result.error();
    return !result->empty();
}

Result<std::optional<TagRow>> TagStore::current(qint64 repositoryId, const QString &name)
{
    auto result = m_db.exec(QStringLiteral("SELECT %1 FROM tags t WHERE t.repository_id = ? AND t.name = ? AND t.is_current = 1")
                                .arg(QLatin1String(kRowColumns)),
                            {repositoryId, name});
    if (!result)
        return result.error();
    if (result->empty())
        return std::optional<TagRow>{};
    return std::optional<TagRow>{fromRow(result->first())};
}

Result<bool> TagStore::closeCurrent(qint64 repositoryId, const QString &name, qint64 nowMs)
{
    auto result = m_db.exec("UPDATE tags SET is_current = 0, lifetime_end_ms = CASE "
                            "WHEN lifetime_end_ms IS NULL OR lifetime_end_ms > ? THEN ? ELSE lifetime_end_ms END "
                            "WHERE repository_id = ? AND name = ? AND is_current = 1",
                            {nowMs, nowMs, repositoryId, name});
    if (!result)
        return result.error();
    return result->rowsAffected > 0;
}

Result<qint64> TagStore::start(const TagRow &row)
{
    auto result = m_db.exec("INSERT INTO tags (repository_id, name, manifest_id, lifetime_start_ms, lifetime_end_ms, hidden, "
                            "immutable, reversion, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
                            {row.repositoryId, row.name, row.manifestId, row.startMs, optionalValue(row.endMs),
                             row.hidden, row.immutable, row.reversion});
    if (!result)
        return result.error();
    return result->first().integer(0);
}

Result<bool> TagStore::changeEnd(qint64 tagId, std::optional<qint64> expectedEnd, std::optional<qint64> newEnd)
{
    Result<db::QueryResult> result =
        expectedEnd ? m_db.exec("UPDATE tags SET lifetime_end_ms = ? WHERE id = ? AND is_current = 1 AND lifetime_end_ms = ?",
                                {optionalValue(newEnd), tagId, *expectedEnd})
                    : m_db.exec("UPDATE tags SET lifetime_end_ms = ? WHERE id = ? AND is_current = 1 AND lifetime_end_ms IS NULL",
                                {optionalValue(newEnd), tagId});
    if (!result)
        return result.error();
    return result->rowsAffected == 1;
}

Status TagStore::retire(qint64 tagId, qint64 endMs)
{
    auto result = m_db.exec("UPDATE tags SET lifetime_end_ms = ?, is_current = 0 WHERE id = ?", {endMs, tagId});
    if (!result)
        return result.error();
    return {};
}

Status TagStore::endChildHolds(qint64 repositoryId, qint64 indexManifestId, qint64 endMs)
{
    auto result = m_db.exec("UPDATE tags SET lifetime_end_ms = ?, is_current = 0 "
                            "WHERE repository_id = ? AND hidden = 1 AND (lifetime_end_ms IS NULL OR lifetime_end_ms > ?) "
                            "AND manifest_id IN (SELECT m.id FROM manifest_children c CROSS JOIN manifests m "
                            "WHERE c.manifest_id = ? AND m.repository_id = ? AND m.digest = c.child_digest)",
                            {endMs, repositoryId, endMs, indexManifestId, repositoryId});
    if (!result)
        return result.error();
    return {};
}

Result<std::vector<TagRow>> TagStore::rowsFor(qint64 repositoryId, const QString &name, qint64 manifestId)
{
    auto result = m_db.exec(QStringLiteral("SELECT %1 FROM tags t WHERE t.repository_id = ? AND t.name = ? AND t.manifest_id = ? "
                                           "ORDER BY t.lifetime_start_ms DESC, t.id DESC")
                                .arg(QLatin1String(kRowColumns)),
                            {repositoryId, name, manifestId});
    if (!result)
        return result.error();
    std::vector<TagRow> rows;
    rows.reserve(result->rows.size());
    for (const auto &r : result->rows)
        rows.push_back(fromRow(r));
    return rows;
}

Result<bool> TagStore::holdsManifestUntil(qint64 manifestId, qint64 untilMs)
{
    auto result = m_db.exec("SELECT 1 FROM tags WHERE manifest_id = ? AND is_current = 1 "
                            "AND (lifetime_end_ms IS NULL OR lifetime_end_ms >= ?) LIMIT 1",
                            {manifestId, untilMs});
    if (!result)
        return result.error();
    return !result->empty();
}

Result<QStringList> TagStore::list(qint64 repositoryId, const QString &last, int limit, qint64 nowMs)
{
    auto result = m_db.exec("SELECT name FROM tags WHERE repository_id = ? AND is_current = 1 AND hidden = 0 "
                            "AND (lifetime_end_ms IS NULL OR lifetime_end_ms > ?) AND name > ? ORDER BY name LIMIT ?",
                            {repositoryId, nowMs, last, limit});
    if (!result)
        return result.error();
    QStringList names;
    names.reserve(qsizetype(result->rows.size()));
    for (const auto &row : result->rows)
        names << row.text(0);
    return names;
}

Result<std::vector<TagHistoryEntry>> TagStore::history(qint64 repositoryId, const TagHistoryQuery &query, qint64 nowMs)
{
    // An exact name lists a handful of rows: nothing to walk, nothing to remember.
    const bool bookmarked = m_bookmarks && query.exactName.isEmpty();
    const TagListing listing{repositoryId, query.onlyAlive, query.nameContains.toLower()};
    HistorySource source;
    if (!query.nameContains.isEmpty()) {
        Result<HistorySource> likeSource = likePageSource(query.nameContains);
        if (!likeSource)
            return likeSource.error();
        source = std::move(*likeSource);
    }
    if (bookmarked) {
        // A clock that went back could make ended rows alive again.
        std::optional<TagPageBookmark> bookmark = m_bookmarks->nearest(listing, query.offset);
        if (bookmark && nowMs >= bookmark->readAtMs) {
            Result<HistoryPage> page = historyPage(repositoryId, query, nowMs, source, &*bookmark);
            if (!page)
                return page.error();
            // An empty page cannot tell its version: asked again by OFFSET.
            if (page->historyVersion == bookmark->historyVersion && !page->aliveRowsEndedSince) {
                rememberEnds(listing, query.offset, *page, nowMs);
                return std::move(page->entries);
            }
        }
        if (bookmark)
            m_bookmarks->forget(listing);
    }
    Result<HistoryPage> page = historyPage(repositoryId, query, nowMs, source, nullptr);
    if (!page)
        return page.error();
    if (bookmarked)
        rememberEnds(listing, query.offset, *page, nowMs);
    return std::move(page->entries);
}

void TagStore::rememberEnds(const TagListing &listing, qint64 offset, const HistoryPage &page, qint64 nowMs)
{
    // The first row serves the same page asked again, the last one the
    // next page (the API reads one row more than it shows).
    if (page.entries.empty())
        return;
    for (size_t index : {size_t(0), page.entries.size() - 1}) {
        const TagRow &row = page.entries[index].tag;
        m_bookmarks->remember(listing, TagPageBookmark{offset + qint64(index), row.startMs, row.name, row.id,
                                                      page.historyVersion, nowMs});
    }
}

Result<TagStore::HistoryPage> TagStore::historyPage(qint64 repositoryId, const TagHistoryQuery &query, qint64 nowMs,
                                                    const HistorySource &source, const TagPageBookmark *bookmark)
{
    // The page is chosen on tags_history_page alone (008_tag_history_index.sql:
    // its order and every filtered column), so an OFFSET of 50,000 skips
    // index entries; the rows and manifests are read for the page only.
    // The inner query must name only the index's columns and keep this
    // ORDER BY. Assembled from fixed fragments only; values are parameters.
    QVariantList params = source.params;
    QString page = QStringLiteral("SELECT t.id FROM ") + source.from;
    page += QLatin1String(" WHERE t.repository_id = ? AND t.hidden = 0");
    params << repositoryId;
    if (query.onlyAlive) {
        page += QLatin1String(" AND t.is_current = 1 AND (t.lifetime_end_ms IS NULL OR t.lifetime_end_ms > ?)");
        params << nowMs;
    }
    if (!query.exactName.isEmpty()) {
        page += QLatin1String(" AND t.name = ?");
        params << query.exactName;
    }
    if (!query.nameContains.isEmpty()) {
        // Tag names are ASCII (reference §3.6), and SQLite's LIKE ignores
        // ASCII case by itself: LOWER() on every row tripled the cost of a
        // like: page there. PostgreSQL's LIKE compares case; its trigram
        // index is on LOWER(name) (tag_name_trigrams.sql).
        page += m_db.driver() == db::Driver::Postgres ? QLatin1String(" AND LOWER(t.name) LIKE ? ESCAPE '!'")
                                                      : QLatin1String(" AND t.name LIKE ? ESCAPE '!'");
        params << containsPattern(query.nameContains);
    }
    qint64 offset = query.offset;
    if (bookmark) {
        // From the bookmarked row on, in the listing's order. The bound on
        // the start alone is what the index range can use.
        page += QLatin1String(" AND t.lifetime_start_ms <= ? AND (t.lifetime_start_ms < ? OR t.name > ? "
                              "OR (t.name = ? AND t.id <= ?))");
        params << bookmark->startMs << bookmark->startMs << bookmark->name << bookmark->name << bookmark->id;
        offset -= bookmark->offset;
    }
    const QLatin1String order(" ORDER BY t.lifetime_start_ms DESC, t.name, t.id DESC");
    page += order;
    // The LIMIT is written into the statement, rounded up to one of a few
    // sizes (the rows past the asked limit are dropped below): PostgreSQL
    // plans a prepared statement once for all values after a few runs, and
    // with LIMIT as a parameter it guessed 1,852 rows and joined them by
    // reading all of tags (20-30 ms a page at 100,000 rows).
    const int fetched = fetchedRows(query.limit);
    page += QStringLiteral(" LIMIT %1 OFFSET ?").arg(fetched);
    params << offset;

    // The history's state comes from the page's own statement, so it is the
    // state the rows were read in, even while another node changes tags.
    QVariantList stateParams{repositoryId};
    QString state = QStringLiteral("(SELECT r.tag_history_version FROM repositories r WHERE r.id = ?)");
    if (bookmark && query.onlyAlive) {
        // Alive rows also leave the listing when their end passes, which
        // no write records.
        state += QLatin1String(", (SELECT COUNT(*) FROM (SELECT 1 FROM tags e WHERE e.lifetime_end_ms > ? "
                               "AND e.lifetime_end_ms <= ? AND e.repository_id = ? LIMIT 1) ended)");
        stateParams << bookmark->readAtMs << nowMs << repositoryId;
    } else {
        state += QLatin1String(", 0");
    }
    const QString sql = QStringLiteral("SELECT %1, m.digest, m.media_type, m.content, %2 FROM (%3) p "
                                       "JOIN tags t ON t.id = p.id JOIN manifests m ON m.id = t.manifest_id")
                            .arg(QLatin1String(kRowColumns), state, page)
                        + order;
    auto result = m_db.exec(sql, stateParams + params);
    if (!result)
        return result.error();
    HistoryPage history;
    const size_t kept = std::min(result->rows.size(), size_t(std::max(query.limit, 0)));
    history.entries.reserve(kept);
    for (size_t i = 0; i < kept; ++i) {
        const db::Row &r = result->rows[i];
        history.entries.push_back(TagHistoryEntry{fromRow(r), r.text(9), r.text(10), r.text(11).toUtf8()});
    }
    if (!result->empty()) {
        history.historyVersion = result->first().integer(12);
        history.aliveRowsEndedSince = result->first().integer(13) > 0;
    }
    return history;
}

Result<TagStore::HistorySource> TagStore::likePageSource(const QString &substring)
{
    // PostgreSQL's planner weighs its trigram index against the ordered
    // scan itself. SQLite has neither statistics nor a way to stop the FTS
    // table early: its hits are all read and sorted (about 6 us each),
    // while the ordered scan stops at the page's last match (about 0.2 us
    // per entry read). So the hits drive the page only when there are few;
    // a common substring finds its page early in the ordered scan anyway.
    // Below three characters, or with a LIKE wildcard in it, the trigram
    // table cannot narrow the search.
    constexpr int kMostHits = 1000;
    const HistorySource wholeHistory;
    if (m_db.driver() != db::Driver::Sqlite || substring.size() < 3 || substring.contains(u'%')
        || substring.contains(u'_'))
        return wholeHistory;
    Result<bool> trigrams = hasNameTrigrams();
    if (!trigrams)
        return trigrams.error();
    if (!*trigrams)
        return wholeHistory;
    // A superset: the outer LIKE ... ESCAPE still decides.
    const QString pattern = u'%' + substring + u'%';
    auto hits = m_db.exec("SELECT COUNT(*) FROM (SELECT 1 FROM tag_name_trigrams WHERE name LIKE ? LIMIT ?)",
                          {pattern, kMostHits + 1});
    if (!hits)
        return hits.error();
    if (hits->first().integer(0) > kMostHits)
        return wholeHistory;
    // CROSS JOIN keeps the hits as the outer loop: on its own SQLite would
    // walk the history index and test each entry against the hit list.
    return HistorySource{QStringLiteral("(SELECT rowid AS id FROM tag_name_trigrams WHERE name LIKE ?) h "
                                        "CROSS JOIN tags t ON t.id = h.id"),
                         {pattern}};
}

Result<bool> TagStore::hasNameTrigrams()
{
    if (!m_nameTrigrams) {
        auto applied = m_db.exec("SELECT 1 FROM schema_optional_migrations WHERE name = 'tag_name_trigrams'");
        if (!applied)
            return applied.error();
        m_nameTrigrams = !applied->empty();
    }
    return *m_nameTrigrams;
}

Result<QStringList> TagStore::aliveNamesFor(qint64 repositoryId, qint64 manifestId, qint64 nowMs)
{
    auto result = m_db.exec("SELECT name FROM tags WHERE manifest_id = ? AND repository_id = ? AND is_current = 1 "
                            "AND hidden = 0 AND (lifetime_end_ms IS NULL OR lifetime_end_ms > ?) ORDER BY name",
                            {manifestId, repositoryId, nowMs});
    if (!result)
        return result.error();
    QStringList names;
    names.reserve(qsizetype(result->rows.size()));
    for (const auto &row : result->rows)
        names << row.text(0);
    return names;
}

Result<std::vector<TagSummary>> TagStore::liveSummaries(qint64 repositoryId, int limit, qint64 nowMs)
{
    auto result = m_db.exec("SELECT t.name, m.digest, m.content, t.lifetime_start_ms, t.lifetime_end_ms FROM tags t "
                            "JOIN manifests m ON m.id = t.manifest_id "
                            "WHERE t.repository_id = ? AND t.is_current = 1 AND t.hidden = 0 "
                            "AND (t.lifetime_end_ms IS NULL OR t.lifetime_end_ms > ?) ORDER BY t.name LIMIT ?",
                            {repositoryId, nowMs, limit});
    if (!result)
        return result.error();
    std::vector<TagSummary> tags;
    tags.reserve(result->rows.size());
    for (const auto &row : result->rows) {
        TagSummary tag{row.text(0), row.text(1), row.text(2).toUtf8(), row.integer(3), std::nullopt};
        if (!row.isNull(4))
            tag.endMs = row.integer(4);
        tags.push_back(std::move(tag));
    }
    return tags;
}

} // namespace kai::store
