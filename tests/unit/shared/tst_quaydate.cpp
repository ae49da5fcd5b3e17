// Quay's date format both ways: what formatQuayDate() writes,
// parseQuayDate() reads back to the same second, across leap days, the
// turn of centuries and before 1970; QLocale agrees with both; and text
// that is not that format, or names the wrong weekday, is refused.
#include "core/quaydate.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace kai;

class TestQuayDate : public QObject
{
    Q_OBJECT

private:
    static QString byQLocale(qint64 ms)
    {
        return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()),
                                     QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               + QStringLiteral(" -0000");
    }

private slots:
    void guideExampleReadsBack()
    {
        const qint64 ms = parseQuayDate(QStringLiteral("Tue, 14 May 2024 14:48:51 -0000"));
        QCOMPARE(ms, QDateTime(QDate(2024, 5, 14), QTime(14, 48, 51), QTimeZone::utc()).toMSecsSinceEpoch());
        QCOMPARE(formatQuayDate(ms), QStringLiteral("Tue, 14 May 2024 14:48:51 -0000"));
    }

    void roundTripsAgreeWithQLocale_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::newRow("epoch") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc());
        QTest::newRow("before 1970") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59), QTimeZone::utc());
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(12, 0, 1), QTimeZone::utc());
        QTest::newRow("2000 is a leap year") << QDateTime(QDate(2000, 2, 29), QTime(1, 2, 3), QTimeZone::utc());
        QTest::newRow("end of a year") << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), QTimeZone::utc());
        QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), QTimeZone::utc());
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), QTimeZone::utc());
    }

    void roundTripsAgreeWithQLocale()
    {
        QFETCH(QDateTime, when);
        const qint64 ms = when.toMSecsSinceEpoch();
        QCOMPARE(formatQuayDate(ms), byQLocale(ms));
        QCOMPARE(parseQuayDate(byQLocale(ms)), ms);
    }

    void everyDayOfFourHundredYearsRoundTrips()
    {
        // 1900-03-01 .. 2300-03-01 at an odd time of day: every calendar rule.
        const qint64 day = 86'400'000;
        const qint64 first = QDateTime(QDate(1900, 3, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        for (qint64 ms = first + 45'296'000; ms < first + 146'097 * day; ms += day) {
            const QString text = formatQuayDate(ms);
            if (parseQuayDate(text) != ms)
                QFAIL(qPrintable(QStringLiteral("%1 read back as %2").arg(text).arg(parseQuayDate(text))));
        }
    }

    void otherTextIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("no zone") << QStringLiteral("Tue, 14 May 2024 14:48:51");
        QTest::newRow("other zone") << QStringLiteral("Tue, 14 May 2024 14:48:51 +0200");
        QTest::newRow("wrong weekday") << QStringLiteral("Wed, 14 May 2024 14:48:51 -0000");
        QTest::newRow("no such month") << QStringLiteral("Tue, 14 Mai 2024 14:48:51 -0000");
        QTest::newRow("30 February") << QStringLiteral("Fri, 30 Feb 2024 14:48:51 -0000");
        QTest::newRow("29 February 2023") << QStringLiteral("Wed, 29 Feb 2023 14:48:51 -0000");
        QTest::newRow("hour 24") << QStringLiteral("Tue, 14 May 2024 24:48:51 -0000");
        QTest::newRow("letters in digits") << QStringLiteral("Tue, 14 May 2O24 14:48:51 -0000");
        QTest::newRow("ISO 8601") << QStringLiteral("2024-05-14T14:48:51Z");
    }

    void otherTextIsRefused()
    {
        QFETCH(QString, text);
        QCOMPARE(parseQuayDate(text), -1);
    }
};

QTEST_GUILESS_MAIN(TestQuayDate)
#include "tst_quaydate.moc"
