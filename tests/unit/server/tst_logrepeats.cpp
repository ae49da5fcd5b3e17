// Repeated entries stored once (server/logs/logrepeats.h): which entries
// of a batch count as the same action, what the row that stands for them
// carries, and that everything else is left alone and in order. What the
// database and the listings make of such rows: tst_logpage.

#include "logs/logrepeats.h"
#include "samplelogentry.h"

#include <QTest>

using namespace kai;
using store::LogEntry;

namespace {

constexpr qint64 kSecond = 1'790'000'000'000;   // a whole second, in ms

LogEntry pull(qint64 ms = 0)
{
    return test::samplePull(kSecond + ms);
}

using Change = void (*)(LogEntry &);

} // namespace

Q_DECLARE_METATYPE(Change)

class TestLogRepeats : public QObject
{
    Q_OBJECT

private slots:
    void identicalEntriesOfOneSecondBecomeOneRow()
    {
        std::vector<LogEntry> batch{pull(10), pull(500), pull(999), pull(20)};
        logs::coalesceRepeats(batch);
        QCOMPARE(batch.size(), size_t(1));
        QCOMPARE(batch[0].occurrences, qint64(4));
        // The newest time of the four: the row sorts where the last one would.
        QCOMPARE(batch[0].datetimeMs, kSecond + 999);
        QCOMPARE(batch[0].metadataJson, pull().metadataJson);
    }

    void theNextSecondStartsANewRow()
    {
        std::vector<LogEntry> batch{pull(0), pull(999), pull(1000), pull(1500)};
        logs::coalesceRepeats(batch);
        QCOMPARE(batch.size(), size_t(2));
        QCOMPARE(batch[0].occurrences, qint64(2));
        QCOMPARE(batch[0].datetimeMs, kSecond + 999);
        QCOMPARE(batch[1].occurrences, qint64(2));
        QCOMPARE(batch[1].datetimeMs, kSecond + 1500);
    }

    void entriesThatDifferInAnythingShownStayApart_data()
    {
        QTest::addColumn<Change>("change");
        QTest::newRow("kind") << Change([](LogEntry &e) { e.kind = QStringLiteral("login_success"); });
        QTest::newRow("namespace id") << Change([](LogEntry &e) { e.namespaceId = 8; });
        QTest::newRow("namespace name") << Change([](LogEntry &e) { e.namespaceName = QStringLiteral("renamed"); });
        QTest::newRow("namespace kind") << Change([](LogEntry &e) { e.namespaceIsOrganization = false; });
        QTest::newRow("repository id") << Change([](LogEntry &e) { e.repositoryId = 71; });
        QTest::newRow("repository name") << Change([](LogEntry &e) { e.repositoryName = QStringLiteral("other"); });
        QTest::newRow("performer id") << Change([](LogEntry &e) { e.performerId = 0; });
        QTest::newRow("performer name") << Change([](LogEntry &e) { e.performerName = QStringLiteral("org+bot"); });
        QTest::newRow("performer e-mail") << Change([](LogEntry &e) { e.performerEmail.clear(); });
        QTest::newRow("robot") << Change([](LogEntry &e) { e.performerIsRobot = true; });
        QTest::newRow("ip") << Change([](LogEntry &e) { e.ip = QStringLiteral("127.0.0.2"); });
        QTest::newRow("metadata") << Change([](LogEntry &e) { e.metadataJson.replace("v1", "v2"); });
        QTest::newRow("second") << Change([](LogEntry &e) { e.datetimeMs -= 1000; });
    }

    void entriesThatDifferInAnythingShownStayApart()
    {
        QFETCH(Change, change);
        LogEntry other = pull(300);
        change(other);
        std::vector<LogEntry> batch{pull(100), other, pull(200)};
        logs::coalesceRepeats(batch);
        QCOMPARE(batch.size(), size_t(2));
        QCOMPARE(batch[0].occurrences, qint64(2));
        QCOMPARE(batch[0].datetimeMs, kSecond + 200);
        QCOMPARE(batch[1].occurrences, qint64(1));
        QCOMPARE(batch[1].datetimeMs, other.datetimeMs);
        QCOMPARE(batch[1].ip, other.ip);
    }

    // A batch the writer put back after a failed write holds rows that
    // already stand for several entries; they add up.
    void rowsThatAlreadyStandForSeveralAddUp()
    {
        LogEntry earlier = pull(100);
        earlier.occurrences = 40;
        std::vector<LogEntry> batch{earlier, pull(900)};
        batch[1].occurrences = 2;
        logs::coalesceRepeats(batch);
        QCOMPARE(batch.size(), size_t(1));
        QCOMPARE(batch[0].occurrences, qint64(42));
    }

    void distinctEntriesKeepTheirOrder()
    {
        std::vector<LogEntry> batch;
        for (int i = 0; i < 300; ++i) {
            batch.push_back(pull(i % 1000));
            batch.back().ip = QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256);
        }
        LogEntry again = batch.front();
        again.datetimeMs += 5;
        batch.push_back(again);
        logs::coalesceRepeats(batch);
        QCOMPARE(batch.size(), size_t(300));
        QCOMPARE(batch[0].occurrences, qint64(2));
        for (int i = 0; i < 300; ++i)
            QCOMPARE(batch[size_t(i)].ip, QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256));
    }
};

QTEST_APPLESS_MAIN(TestLogRepeats)
#include "tst_logrepeats.moc"
