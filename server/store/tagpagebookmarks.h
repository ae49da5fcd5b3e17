#pragma once

#include <QMutex>
#include <QString>

#include <QtGlobal>

#include <map>
#include <optional>
#include <tuple>

namespace kai::store {

// Which listing of a repository's tag history a bookmark belongs to: the
// filters of TagHistoryQuery that choose its rows.
struct TagListing
{
    qint64 repositoryId = 0;
    bool onlyAlive = false;
    QString nameContains; // lower-cased

    bool operator==(const TagListing &other) const
    {
        return std::tie(repositoryId, onlyAlive, nameContains) == std::tie(other.repositoryId, other.onlyAlive, other.nameContains);
    }
    bool operator<(const TagListing &other) const
    {
        return std::tie(repositoryId, onlyAlive, nameContains) < std::tie(other.repositoryId, other.onlyAlive, other.nameContains);
    }
};

// The sort key of one listing row (start time descending, name, id
// descending) at a known offset, and the state of the history it was read in.
struct TagPageBookmark
{
    qint64 offset = 0;
    qint64 startMs = 0;
    QString name;
    qint64 id = 0;
    qint64 historyVersion = 0; // repositories.tag_history_version then
    qint64 readAtMs = 0;       // the listing's "now" then (alive rows)
};

// Where numbered pages start. Quay's API numbers pages, and page n is an
// OFFSET that makes the database walk every row before it; a client paging
// through 100,000 rows makes it walk 50,000 for the middle page alone. The
// rows at the ends of earlier pages are remembered here, so the next page
// (or the same page asked again) seeks to its first row and skips only the
// rows past the nearest bookmark. TagStore checks a bookmark against the
// history's version and, for alive rows, against tags that ended since, and
// forgets the listing when it no longer holds. One per server, shared by
// its workers' TagStores (a client's next page may reach another worker);
// bounded by clearing when full.
class TagPageBookmarks
{
public:
    // The bookmark with the greatest offset in (0, offset], if any.
    std::optional<TagPageBookmark> nearest(const TagListing &listing, qint64 offset) const;
    void remember(const TagListing &listing, TagPageBookmark bookmark);
    void forget(const TagListing &listing);

    static constexpr size_t kMostBookmarks = 4096;

private:
    using Key = std::tuple<TagListing, qint64>;
    mutable QMutex m_mutex;
    std::map<Key, TagPageBookmark> m_bookmarks;
};

} // namespace kai::store
