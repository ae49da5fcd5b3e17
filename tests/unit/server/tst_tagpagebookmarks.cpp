// Where numbered tag pages start (server/store/tagpagebookmarks.h): the
// nearest remembered row at or before an offset, of the same listing only.
// Whether a bookmark still holds is TagStore's to check (tst_api_tags,
// tst_gc); this is the bookkeeping.

#include "store/tagpagebookmarks.h"

#include <QTest>

using namespace kai::store;

namespace {

TagPageBookmark at(qint64 offset, const QString &name = QStringLiteral("t"))
{
    return TagPageBookmark{offset, 1000 - offset, name, 100 - offset, 7, 5000};
}

} // namespace

class TestTagPageBookmarks : public QObject
{
    Q_OBJECT

private slots:
    void nearestIsTheGreatestOffsetNotPastTheAskedOne()
    {
        TagPageBookmarks bookmarks;
        const TagListing history{1, false, {}};
        bookmarks.remember(history, at(100));
        bookmarks.remember(history, at(200));
        QVERIFY(!bookmarks.nearest(history, 99));
        QCOMPARE(bookmarks.nearest(history, 100)->offset, 100);
        QCOMPARE(bookmarks.nearest(history, 199)->offset, 100);
        QCOMPARE(bookmarks.nearest(history, 200)->offset, 200);
        QCOMPARE(bookmarks.nearest(history, 50'000)->offset, 200);

        // The same offset again replaces the row: the newer read wins.
        bookmarks.remember(history, at(200, QStringLiteral("newer")));
        QCOMPARE(bookmarks.nearest(history, 250)->name, QStringLiteral("newer"));
    }

    void theHeadOfAListingIsNotRemembered()
    {
        TagPageBookmarks bookmarks;
        const TagListing history{1, false, {}};
        bookmarks.remember(history, at(0));
        QVERIFY(!bookmarks.nearest(history, 0));
        QVERIFY(!bookmarks.nearest(history, 10));
    }

    void listingsDoNotShareBookmarks()
    {
        TagPageBookmarks bookmarks;
        const TagListing history{1, false, {}};
        const TagListing alive{1, true, {}};
        const TagListing filtered{1, false, QStringLiteral("rc")};
        const TagListing otherRepository{2, false, {}};
        bookmarks.remember(history, at(100));
        bookmarks.remember(filtered, at(300));
        QVERIFY(!bookmarks.nearest(alive, 500));
        QVERIFY(!bookmarks.nearest(otherRepository, 500));
        QCOMPARE(bookmarks.nearest(history, 500)->offset, 100);
        QCOMPARE(bookmarks.nearest(filtered, 500)->offset, 300);

        bookmarks.forget(history);
        QVERIFY(!bookmarks.nearest(history, 500));
        QCOMPARE(bookmarks.nearest(filtered, 500)->offset, 300);
    }

    void aFullStoreStartsOver()
    {
        TagPageBookmarks bookmarks;
        const TagListing history{1, false, {}};
        for (qint64 offset = 1; offset <= qint64(TagPageBookmarks::kMostBookmarks); ++offset)
            bookmarks.remember(history, at(offset));
        QCOMPARE(bookmarks.nearest(history, 1)->offset, 1);
        bookmarks.remember(history, at(1'000'000));
        QVERIFY(!bookmarks.nearest(history, 999'999));
        QCOMPARE(bookmarks.nearest(history, 1'000'000)->offset, 1'000'000);
    }
};

QTEST_APPLESS_MAIN(TestTagPageBookmarks)
#include "tst_tagpagebookmarks.moc"
