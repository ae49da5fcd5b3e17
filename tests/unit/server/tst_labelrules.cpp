// The rules for labels added through API v1 (reference §2.10): Quay's key
// pattern and its reserved prefixes, plain string prefixes included.
#include "model/labelrules.h"

#include <QTest>

using namespace kai::model;

class TestLabelRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyPattern_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("valid");
        QTest::newRow("single character") << "a" << true;
        QTest::newRow("dotted") << "com.example.release-date" << true;
        QTest::newRow("digits") << "0.1-2" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("upper case") << "Example" << false;
        QTest::newRow("double dot") << "a..b" << false;
        QTest::newRow("double dash") << "a--b" << false;
        QTest::newRow("dot then dash") << "a.-b" << false;
        QTest::newRow("dash then dot") << "a-.b" << false;
        QTest::newRow("leading dot") << ".a" << false;
        QTest::newRow("trailing dash") << "a-" << false;
        QTest::newRow("underscore") << "a_b" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("255 characters") << QString(255, QLatin1Char('a')) << true;
        QTest::newRow("256 characters") << QString(256, QLatin1Char('a')) << false;
    }

    void keyPattern()
    {
        QFETCH(QString, key);
        QFETCH(bool, valid);
        QCOMPARE(isValidLabelKey(key), valid);
    }

    void reservedPrefixes_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("reserved");
        QTest::newRow("quay.expires-after") << "quay.expires-after" << true;
        QTest::newRow("quay without dot") << "quayfoo" << true;
        QTest::newRow("io.quay") << "io.quay.x" << true;
        QTest::newRow("com.coreos") << "com.coreosx" << true;
        QTest::newRow("internal") << "internal" << true;
        QTest::newRow("opencontainers") << "org.opencontainers.image.url" << true;
        QTest::newRow("io.k8s.") << "io.k8s.a" << true;
        QTest::newRow("io.k8s without dot") << "io.k8sa" << false;
        QTest::newRow("configured") << "com.example.reserved.a" << true;
        QTest::newRow("free") << "com.example.release" << false;
        QTest::newRow("quay inside") << "my.quay" << false;
    }

    void reservedPrefixes()
    {
        QFETCH(QString, key);
        QFETCH(bool, reserved);
        QCOMPARE(hasReservedLabelPrefix(key, {QStringLiteral("com.example.reserved.")}), reserved);
    }

    void mediaTypes()
    {
        QVERIFY(isAllowedLabelMediaType(QStringLiteral("text/plain")));
        QVERIFY(isAllowedLabelMediaType(QStringLiteral("application/json")));
        QVERIFY(!isAllowedLabelMediaType(QStringLiteral("text/html")));
        QVERIFY(!isAllowedLabelMediaType(QStringLiteral("Text/Plain")));
    }
};

QTEST_GUILESS_MAIN(TestLabelRules)
#include "tst_labelrules.moc"
