#include "http/byterange.h"

#include <QTest>

using namespace kai;
using namespace kai::http;

// RFC 9110 single-range parsing as the blob endpoint uses it: a served
// range, "serve the whole blob" (nullopt), or 416 (RangeInvalid).
class TestByteRange : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

namespace {
enum class Expect { Range, Whole, Unsatisfiable };
}
Q_DECLARE_METATYPE(Expect)

void TestByteRange::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");

    QTest::newRow("closed range inside the resource") << QByteArray("bytes=0-99") << qint64(1000) << Expect::Range << qint64(0) << qint64(99);
    QTest::newRow("closed range in the middle") << QByteArray("bytes=100-199") << qint64(1000) << Expect::Range << qint64(100) << qint64(199);
    QTest::newRow("single byte") << QByteArray("bytes=5-5") << qint64(10) << Expect::Range << qint64(5) << qint64(5);
    QTest::newRow("last past the end is clamped") << QByteArray("bytes=900-5000") << qint64(1000) << Expect::Range << qint64(900) << qint64(999);
    QTest::newRow("huge last is clamped, not an overflow") << QByteArray("bytes=0-99999999999999999999999") << qint64(1000) << Expect::Range << qint64(0) << qint64(999);
    QTest::newRow("open range runs to the end") << QByteArray("bytes=500-") << qint64(1000) << Expect::Range << qint64(500) << qint64(999);
    QTest::newRow("suffix range is the last n bytes") << QByteArray("bytes=-100") << qint64(1000) << Expect::Range << qint64(900) << qint64(999);
    QTest::newRow("suffix longer than the resource is the whole resource") << QByteArray("bytes=-5000") << qint64(1000) << Expect::Range << qint64(0) << qint64(999);
    QTest::newRow("unit is case-insensitive") << QByteArray("Bytes=1-2") << qint64(10) << Expect::Range << qint64(1) << qint64(2);
    QTest::newRow("surrounding whitespace is ignored") << QByteArray("  bytes=1-2 ") << qint64(10) << Expect::Range << qint64(1) << qint64(2);

    QTest::newRow("empty header serves the whole resource") << QByteArray() << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);
    QTest::newRow("unknown unit is ignored") << QByteArray("items=0-5") << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);
    QTest::newRow("several ranges serve the whole resource") << QByteArray("bytes=0-1,5-6") << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);
    QTest::newRow("last before first is invalid and ignored") << QByteArray("bytes=10-5") << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);
    QTest::newRow("no dash is invalid and ignored") << QByteArray("bytes=10") << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);
    QTest::newRow("letters are invalid and ignored") << QByteArray("bytes=a-b") << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);
    QTest::newRow("negative numbers are invalid and ignored") << QByteArray("bytes=--5") << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);
    QTest::newRow("bare dash is invalid and ignored") << QByteArray("bytes=-") << qint64(1000) << Expect::Whole << qint64(0) << qint64(0);

    QTest::newRow("first at the size is unsatisfiable") << QByteArray("bytes=1000-") << qint64(1000) << Expect::Unsatisfiable << qint64(0) << qint64(0);
    QTest::newRow("first past the size is unsatisfiable") << QByteArray("bytes=2000-3000") << qint64(1000) << Expect::Unsatisfiable << qint64(0) << qint64(0);
    QTest::newRow("zero suffix is unsatisfiable") << QByteArray("bytes=-0") << qint64(1000) << Expect::Unsatisfiable << qint64(0) << qint64(0);
    QTest::newRow("any range of an empty resource is unsatisfiable") << QByteArray("bytes=0-") << qint64(0) << Expect::Unsatisfiable << qint64(0) << qint64(0);
    QTest::newRow("suffix of an empty resource is unsatisfiable") << QByteArray("bytes=-10") << qint64(0) << Expect::Unsatisfiable << qint64(0) << qint64(0);
}

void TestByteRange::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, size);
    QFETCH(Expect, expect);
    QFETCH(qint64, first);
    QFETCH(qint64, last);

    const Result<std::optional<ByteRange>> result = parseByteRange(header, size);
    switch (expect) {
    case Expect::Unsatisfiable:
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::RangeInvalid);
        break;
    case Expect::Whole:
        QVERIFY(result.ok());
        QVERIFY(!result.value().has_value());
        break;
    case Expect::Range:
        QVERIFY(result.ok());
        QVERIFY(result.value().has_value());
        QCOMPARE(result.value()->first, first);
        QCOMPARE(result.value()->last, last);
        QCOMPARE(result.value()->length(), last - first + 1);
        break;
    }
}

QTEST_APPLESS_MAIN(TestByteRange)
#include "tst_byterange.moc"
