// Rows that stand for several entries (013_log_repeats.sql) on both
// databases: the batch writer stores a burst of identical pulls as one
// row, and the pages, the aggregates and retention see exactly the entries
// it replaced. A page may end inside such a row and the next one goes on
// from there. The HTTP view of the same (next_page tokens, exports):
// tst_api_logs, tst_api_exportlogs.

#include "db/database.h"
#include "logs/logbatchwriter.h"
#include "logs/logpage.h"
#include "samplelogentry.h"
#include "store/logstore.h"
#include "support/pgcluster.h"
#include "support/testenv.h"
#include "support/verifyok.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace kai;
using store::LogCursor;
using store::LogEntry;
using store::LogQuery;

namespace {

constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kDay = 20'400 * kDayMs;     // 00:00 UTC of a day in 2025
constexpr qint64 kNoon = kDay + kDayMs / 2;

LogEntry pull(qint64 datetimeMs, const QString &ip = QStringLiteral("127.0.0.1"))
{
    return test::samplePull(datetimeMs, ip);
}

LogQuery wholeDay()
{
    LogQuery query;
    query.repositoryId = 70;
    query.startMs = kDay;
    query.endMs = kDay + kDayMs;
    return query;
}

} // namespace

class TestLogPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("driver");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void initTestCase()
    {
        Q_INIT_RESOURCE(migrations);
        QVERIFY(m_tmp.isValid());
        if (test::PgCluster::available()) {
            QElapsedTimer timer;
            timer.start();
            m_pgStarted = m_pg.start();
            if (m_pgStarted.ok())
                qInfo("PostgreSQL test cluster on port %d ready in %lld ms", m_pg.port(), timer.elapsed());
        }
    }

    void init()
    {
        QFETCH_GLOBAL(QString, driver);
        if (driver == QLatin1String("postgresql")) {
            KAI_REQUIRE_SERVICE(test::PgCluster::available(), "PostgreSQL server binaries (apt-get install postgresql-15)");
            QVERIFY2(m_pgStarted.ok(), qPrintable(m_pgStarted.error().message));
            QVERIFY_OK(m_pg.resetDatabase(QStringLiteral("kai")));
            m_uri = m_pg.uri(QStringLiteral("kai"));
        } else {
            m_uri = QStringLiteral("sqlite://") + m_tmp.filePath(QStringLiteral("logs%1.db").arg(++m_counter));
        }
        auto db = db::openDatabase(m_uri);
        QVERIFY_OK(db);
        m_db = std::move(*db);
        QVERIFY_OK(m_db->migrate(QStringLiteral(":/migrations")));
    }

    void cleanup() { m_db.reset(); }

    // 45 pulls by one client within a second, 3 by another, and a push
    // after them: three rows, 49 entries, in pages of 20, 20 and 9.
    void aBurstOfPullsIsOneRowAndPagesShowEveryPull()
    {
        QVERIFY(writeThroughBatchWriter(burst()));
        store::LogStore logs(*m_db);
        LogEntry push = pull(kNoon + 2000);
        push.kind = QStringLiteral("push_repo");
        QVERIFY_OK(logs.insert(push));

        auto rows = logs.page(wholeDay(), std::nullopt, 100);
        QVERIFY_OK(rows);
        QCOMPARE(rows->size(), size_t(3));
        QCOMPARE(rows->at(0).kind, QStringLiteral("push_repo"));
        QCOMPARE(rows->at(0).occurrences, qint64(1));
        QCOMPARE(rows->at(1).ip, QStringLiteral("127.0.0.2"));
        QCOMPARE(rows->at(1).occurrences, qint64(3));
        QCOMPARE(rows->at(2).ip, QStringLiteral("127.0.0.1"));
        QCOMPARE(rows->at(2).occurrences, qint64(45));
        QCOMPARE(rows->at(2).datetimeMs, kNoon + 440);   // the newest of its pulls

        std::vector<LogEntry> shown;
        std::vector<size_t> pageSizes;
        std::optional<LogCursor> after;
        for (int page = 0; page < 10; ++page) {
            auto read = logs::readLogPage(logs, wholeDay(), after, 20);
            QVERIFY_OK(read);
            pageSizes.push_back(read->entries.size());
            shown.insert(shown.end(), read->entries.begin(), read->entries.end());
            if (!read->next)
                break;
            after = read->next;
        }
        QCOMPARE(pageSizes, (std::vector<size_t>{20, 20, 9}));
        QCOMPARE(shown.front().kind, QStringLiteral("push_repo"));
        QCOMPARE(std::count_if(shown.begin(), shown.end(), [](const LogEntry &e) { return e.ip == "127.0.0.2"; }), 3);
        QCOMPARE(std::count_if(shown.begin(), shown.end(), [](const LogEntry &e) { return e.ip == "127.0.0.1"; }), 46);
        for (const LogEntry &e : shown)
            QCOMPARE(e.occurrences, qint64(1));

        // The aggregates count entries, from the per-day counts (a whole
        // day) and from the rows (a partial day, a performer).
        QCOMPARE(countsOf(wholeDay()), (QMap<QString, qint64>{{"pull_repo", 48}, {"push_repo", 1}}));
        LogQuery partial = wholeDay();
        partial.endMs = kNoon + 1000;
        QCOMPARE(countsOf(partial), (QMap<QString, qint64>{{"pull_repo", 48}}));
        LogQuery byPerformer = wholeDay();
        byPerformer.performerId = 3;
        QCOMPARE(countsOf(byPerformer), (QMap<QString, qint64>{{"pull_repo", 48}, {"push_repo", 1}}));
    }

    // A page that ended inside a row goes on inside it; the row is shown
    // as many times as it has entries left, then the next rows follow.
    void aCursorInsideARowShowsWhatIsLeftOfIt()
    {
        QVERIFY(writeThroughBatchWriter(burst()));
        store::LogStore logs(*m_db);
        auto rows = logs.page(wholeDay(), std::nullopt, 100);
        QVERIFY_OK(rows);
        QCOMPARE(rows->size(), size_t(2));
        const LogEntry &big = rows->at(1);

        auto read = logs::readLogPage(logs, wholeDay(), LogCursor{big.datetimeMs, big.id, 7}, 20);
        QVERIFY_OK(read);
        QCOMPARE(read->entries.size(), size_t(7));
        QVERIFY(!read->next);

        // After the small row (3 entries) of the first page of 2: one left of it.
        const LogEntry &small = rows->at(0);
        read = logs::readLogPage(logs, wholeDay(), std::nullopt, 2);
        QVERIFY_OK(read);
        QVERIFY(read->next);
        QCOMPARE(read->next->id, small.id);
        QCOMPARE(read->next->repeatsLeft, qint64(1));
        read = logs::readLogPage(logs, wholeDay(), read->next, 2);
        QVERIFY_OK(read);
        QCOMPARE(read->entries.at(0).id, small.id);
        QCOMPARE(read->entries.at(1).id, big.id);
        QCOMPARE(read->next->repeatsLeft, qint64(44));

        // A cursor whose row retention deleted meanwhile goes on with the
        // rows after it.
        QVERIFY_OK(m_db->exec("DELETE FROM log_entries WHERE id = ?", {small.id}));
        read = logs::readLogPage(logs, wholeDay(), LogCursor{small.datetimeMs, small.id, 2}, 20);
        QVERIFY_OK(read);
        QCOMPARE(read->entries.size(), size_t(20));
        QCOMPARE(read->entries.front().id, big.id);
    }

    // Retention deletes rows and takes every entry they stood for off the
    // counts.
    void retentionTakesEveryEntryOfARowOffTheCounts()
    {
        QVERIFY(writeThroughBatchWriter(burst()));
        store::LogStore logs(*m_db);
        QCOMPARE(countsOf(wholeDay()), (QMap<QString, qint64>{{"pull_repo", 48}}));
        db::Transaction transaction(*m_db);
        QVERIFY_OK(transaction.status());
        auto deleted = logs.deleteOlderThan(kDay + kDayMs, 100);
        QVERIFY_OK(deleted);
        QCOMPARE(*deleted, qint64(2));
        QVERIFY_OK(transaction.commit());
        QCOMPARE(countsOf(wholeDay()), (QMap<QString, qint64>{}));
        auto left = m_db->exec("SELECT COUNT(*) FROM log_counts");
        QVERIFY_OK(left);
        QCOMPARE(left->first().integer(0), qint64(0));
    }

    // A full queue drops a new entry but still counts a repeat of the
    // last one: that costs no room.
    void aFullQueueStillCountsARepeat()
    {
        logs::LogBatchWriter::Options options = writerOptions();
        options.capacity = 1;
        logs::LogBatchWriter writer(options);
        writer.start();
        QVERIFY(writer.enqueue(pull(kNoon)));
        QVERIFY(writer.enqueue(pull(kNoon + 5)));
        QVERIFY(!writer.enqueue(pull(kNoon + 6, QStringLiteral("127.0.0.2"))));
        writer.stop();
        QCOMPARE(writer.written(), qint64(2));
        QCOMPARE(writer.dropped(), qint64(1));
        store::LogStore logs(*m_db);
        auto rows = logs.page(wholeDay(), std::nullopt, 10);
        QVERIFY_OK(rows);
        QCOMPARE(rows->size(), size_t(1));
        QCOMPARE(rows->front().occurrences, qint64(2));
    }

private:
    // 45 pulls by 127.0.0.1 and 3 by 127.0.0.2 among them, all within one
    // second: the writer's queue counts a pull into the one before it, and
    // the batch brings the four runs of 127.0.0.1 together.
    static std::vector<LogEntry> burst()
    {
        std::vector<LogEntry> entries;
        for (int i = 0; i < 45; ++i) {
            entries.push_back(pull(kNoon + 10 * i));
            if (i % 15 == 9)
                entries.push_back(pull(kNoon + 500 + i / 15, QStringLiteral("127.0.0.2")));
        }
        return entries;
    }

    // A writer into this test's database that writes only at stop(), in
    // one batch, so a test knows what one batch held.
    logs::LogBatchWriter::Options writerOptions() const
    {
        logs::LogBatchWriter::Options options;
        options.dbUri = m_uri;
        options.batchSize = 1000;
        options.flushIntervalMs = 600'000;
        return options;
    }

    // Through the real writer, written in one batch at stop().
    bool writeThroughBatchWriter(const std::vector<LogEntry> &entries)
    {
        logs::LogBatchWriter writer(writerOptions());
        writer.start();
        for (const LogEntry &e : entries) {
            if (!writer.enqueue(e))
                return false;
        }
        writer.stop();
        if (writer.written() != qint64(entries.size()) || writer.dropped() != 0) {
            qWarning("written %lld, dropped %lld", writer.written(), writer.dropped());
            return false;
        }
        return true;
    }

    QMap<QString, qint64> countsOf(const LogQuery &query)
    {
        QMap<QString, qint64> counts;
        store::LogStore logs(*m_db);
        auto aggregates = logs.aggregate(query);
        if (!aggregates) {
            qWarning("aggregate: %s", qPrintable(aggregates.error().message));
            return {{"error", -1}};
        }
        for (const store::LogAggregate &a : *aggregates)
            counts[a.kind] += a.count;
        return counts;
    }

    QTemporaryDir m_tmp;
    test::PgCluster m_pg;
    Status m_pgStarted = Error::of(ErrorKind::Unavailable, QStringLiteral("not started"));
    int m_counter = 0;
    QString m_uri;
    std::unique_ptr<db::Database> m_db;
};

QTEST_GUILESS_MAIN(TestLogPage)
#include "tst_logpage.moc"
