// quay.expires-after and config durations (reference §3.4, §4.2), and the
// labels a pushed manifest carries from its config and annotations.
#include "core/expiry.h"
#include "oci/labels.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kai;

class TestExpiry : public QObject
{
    Q_OBJECT

private slots:
    void expiresAfter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");   // -1: ignored
        QTest::newRow("seconds") << "30s" << qint64(30);
        QTest::newRow("minutes") << "5m" << qint64(300);
        QTest::newRow("hours as in the guide") << "20h" << qint64(72000);
        QTest::newRow("days") << "2d" << qint64(172800);
        QTest::newRow("weeks") << "3w" << qint64(1814400);
        QTest::newRow("years are 365 days") << "1y" << qint64(31536000);
        QTest::newRow("zero") << "0s" << qint64(0);
        QTest::newRow("never removes nothing, it is ignored") << "never" << qint64(-1);
        QTest::newRow("decimal") << "1.5h" << qint64(-1);
        QTest::newRow("no unit") << "10" << qint64(-1);
        QTest::newRow("unit only") << "h" << qint64(-1);
        QTest::newRow("upper-case unit") << "2H" << qint64(-1);
        QTest::newRow("space") << " 2h" << qint64(-1);
        QTest::newRow("negative") << "-2h" << qint64(-1);
        QTest::newRow("unknown unit") << "2x" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("absurdly large") << "999999999999y" << qint64(-1);
    }

    void expiresAfter()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(parseExpiresAfterSeconds(text).value_or(-1), seconds);
    }

    void configDurationsHaveNoYears()
    {
        QCOMPARE(parseConfigDurationSeconds(u"2w").value_or(-1), qint64(1209600));
        QCOMPARE(parseConfigDurationSeconds(u"104w").value_or(-1), qint64(104 * 7 * 86400));
        QCOMPARE(parseConfigDurationSeconds(u"0s").value_or(-1), qint64(0));
        QVERIFY(!parseConfigDurationSeconds(u"1y").has_value());
        QVERIFY(!parseConfigDurationSeconds(u"2 w").has_value());
    }

    void annotationsWinOverConfigLabels()
    {
        const QByteArray config = R"({"config":{"Labels":{"quay.expires-after":"2h","maintainer":"me","n":1}}})";
        const QByteArray manifestBody = QJsonDocument(QJsonObject{
            {"schemaVersion", 2},
            {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
            {"config", QJsonObject{{"mediaType", "application/vnd.oci.image.config.v1+json"},
                                   {"digest", "sha256:" + QString(64, u'a')}, {"size", config.size()}}},
            {"layers", QJsonArray()},
            {"annotations", QJsonObject{{"quay.expires-after", "never"}, {"meta", "{\"a\":1}"}}}}).toJson();
        auto manifest = oci::parseManifest(manifestBody, u"application/vnd.oci.image.manifest.v1+json");
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : qPrintable(manifest.error().message));
        const QList<oci::ManifestLabel> labels = oci::manifestLabels(*manifest, config);
        QCOMPARE(labels.size(), 3);   // the non-string "n" is not a label
        QCOMPARE(labels[0].key, QStringLiteral("maintainer"));
        QCOMPARE(labels[1].key, QStringLiteral("meta"));
        QCOMPARE(labels[1].mediaType, QStringLiteral("application/json"));
        QCOMPARE(labels[2].key, QStringLiteral("quay.expires-after"));
        QCOMPARE(labels[2].value, QStringLiteral("never"));
        QCOMPARE(labels[2].mediaType, QStringLiteral("text/plain"));
    }

    void artifactConfigsAreNotImageConfigs()
    {
        QVERIFY(oci::isImageConfigMediaType(u"application/vnd.docker.container.image.v1+json"));
        QVERIFY(oci::isImageConfigMediaType(u"application/vnd.oci.image.config.v1+json"));
        QVERIFY(!oci::isImageConfigMediaType(u"application/vnd.oci.empty.v1+json"));
        QVERIFY(!oci::isImageConfigMediaType(u"application/x-mlmodel"));
    }
};

QTEST_GUILESS_MAIN(TestExpiry)
#include "tst_expiry.moc"
