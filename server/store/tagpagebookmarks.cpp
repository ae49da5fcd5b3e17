#include "store/tagpagebookmarks.h"

#include <iterator>
#include <limits>

namespace kai::store {

std::optional<TagPageBookmark> TagPageBookmarks::nearest(const TagListing &listing, qint64 offset) const
{
    const QMutexLocker lock(&m_mutex);
    auto after = m_bookmarks.upper_bound(Key{listing, offset});
    if (after == m_bookmarks.begin())
        return std::nullopt;
    const auto &[key, bookmark] = *std::prev(after);
    if (std::get<0>(key) != listing || bookmark.offset <= 0)
        return std::nullopt;
    return bookmark;
}

void TagPageBookmarks::remember(const TagListing &listing, TagPageBookmark bookmark)
{
    // Offset 0 is the listing's head: no walk to save.
    if (bookmark.offset <= 0)
        return;
    const QMutexLocker lock(&m_mutex);
    if (m_bookmarks.size() >= kMostBookmarks)
        m_bookmarks.clear();
    const qint64 offset = bookmark.offset;
    m_bookmarks.insert_or_assign(Key{listing, offset}, std::move(bookmark));
}

void TagPageBookmarks::forget(const TagListing &listing)
{
    const QMutexLocker lock(&m_mutex);
    m_bookmarks.erase(m_bookmarks.lower_bound(Key{listing, std::numeric_limits<qint64>::min()}),
                      m_bookmarks.upper_bound(Key{listing, std::numeric_limits<qint64>::max()}));
}

} // namespace kai::store
