// Which layer of a manifest is its model card (reference §4.8, guide
// 8.1.1), and how a card is read and refused when it is too large.
#include "model/modelcard.h"
#include "storage/filesystemblobstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace kai;
using namespace kai::model;

namespace {

QJsonObject layer(const QString &digestSeed, const QJsonObject &annotations = {})
{
    QJsonObject l{{"mediaType", "application/octet-stream"},
                  {"digest", oci::Digest::sha256(digestSeed.toUtf8()).toString()},
                  {"size", digestSeed.size()}};
    if (!annotations.isEmpty())
        l.insert("annotations", annotations);
    return l;
}

QJsonObject titled(const QString &title) { return {{"org.opencontainers.image.title", title}}; }

QJsonObject manifest(const QJsonArray &layers, const QString &artifactType = {}, const QJsonObject &annotations = {})
{
    QJsonObject m{{"schemaVersion", 2}, {"layers", layers}};
    if (!artifactType.isEmpty())
        m.insert("artifactType", artifactType);
    if (!annotations.isEmpty())
        m.insert("annotations", annotations);
    return m;
}

ModelCardRules defaults()
{
    return ModelCardRules{QStringLiteral("application/x-mlmodel"), {}, {{"org.opencontainers.image.title", "README.md"}}, 1024};
}

} // namespace

class TestModelCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layerIsFound_data()
    {
        QTest::addColumn<QJsonObject>("manifest");
        QTest::addColumn<QString>("expected");   // digest seed of the card layer, empty: none
        const QString ml = QStringLiteral("application/x-mlmodel");
        QTest::newRow("artifact, titled layer among others")
            << manifest({layer("weights", titled("model.bin")), layer("card", titled("README.md"))}, ml) << "card";
        QTest::newRow("artifact, single untitled layer") << manifest({layer("card")}, ml) << "card";
        QTest::newRow("artifact, first titled layer wins")
            << manifest({layer("one", titled("README.md")), layer("two", titled("README.md"))}, ml) << "one";
        QTest::newRow("artifact, no titled layer") << manifest({layer("a"), layer("b", titled("x.md"))}, ml) << "";
        QTest::newRow("artifact, annotation subset")
            << manifest({layer("a"), layer("card", QJsonObject{{"org.opencontainers.image.title", "README.md"}, {"x", "y"}})}, ml)
            << "card";
        QTest::newRow("other artifact type") << manifest({layer("card", titled("README.md"))}, "application/other") << "";
        QTest::newRow("no artifact type, default UI_MODELCARD_ANNOTATION {}")
            << manifest({layer("card", titled("README.md"))}, {}, {{"org.opencontainers.image.description", "Model card metadata"}})
            << "";
        QTest::newRow("no layers") << manifest({}, ml) << "";
    }

    void layerIsFound()
    {
        QFETCH(QJsonObject, manifest);
        QFETCH(QString, expected);
        const std::optional<QJsonObject> found = modelCardLayer(manifest, defaults());
        if (expected.isEmpty()) {
            QVERIFY(!found);
        } else {
            QVERIFY(found);
            QCOMPARE(found->value("digest").toString(), oci::Digest::sha256(expected.toUtf8()).toString());
        }
    }

    void manifestAnnotationSelectsImages()
    {
        // Guide 8.1.1: UI_MODELCARD_ANNOTATION for images without artifactType.
        ModelCardRules rules = defaults();
        rules.manifestAnnotation = {{"org.opencontainers.image.description", "Model card metadata"}};
        const QJsonObject annotated = manifest({layer("weights"), layer("card", titled("README.md"))}, {},
                                               {{"org.opencontainers.image.description", "Model card metadata"}});
        QCOMPARE(modelCardLayer(annotated, rules)->value("digest").toString(), oci::Digest::sha256("card").toString());
        const QJsonObject other = manifest({layer("card", titled("README.md"))}, {}, {{"org.opencontainers.image.description", "else"}});
        QVERIFY(!modelCardLayer(other, rules));
        // Only the layer annotation picks the layer here: a single untitled layer is no card.
        const QJsonObject single = manifest({layer("card")}, {}, {{"org.opencontainers.image.description", "Model card metadata"}});
        QVERIFY(!modelCardLayer(single, rules));
    }

    void cardIsReadWithinTheLimit()
    {
        QTemporaryDir dir;
        auto opened = storage::FilesystemBlobStore::open(dir.path());
        QVERIFY(opened.ok());
        storage::BlobStore &blobs = **opened;
        auto put = [&blobs](const QByteArray &content) {
            const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            QVERIFY(blobs.createUpload(uuid).ok());
            auto writer = blobs.appendToUpload(uuid);
            QVERIFY(writer.ok());
            QVERIFY((*writer)->write(content).ok());
            QVERIFY((*writer)->close().ok());
            QVERIFY(blobs.commitUpload(uuid, oci::Digest::sha256(content)).ok());
        };
        ModelCardRules rules = defaults();
        rules.maxBytes = 16;
        const QByteArray card = "# Card 模型";
        put(card);
        auto read = readModelCard(blobs, QJsonObject{{"digest", oci::Digest::sha256(card).toString()}, {"size", card.size()}}, rules);
        QVERIFY(read.ok());
        QCOMPARE(**read, QString::fromUtf8(card));

        const QByteArray big(17, 'x');
        put(big);
        auto refused = readModelCard(blobs, QJsonObject{{"digest", oci::Digest::sha256(big).toString()}, {"size", 17}}, rules);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::ApiInvalidRequest);
        QVERIFY(refused.error().message.contains("KAI_MODELCARD_MAX_BYTES"));

        // Not stored here (e.g. a layer fetched from its urls): no card.
        auto absent = readModelCard(blobs, QJsonObject{{"digest", oci::Digest::sha256("gone").toString()}, {"size", 4}}, rules);
        QVERIFY(absent.ok());
        QVERIFY(!absent->has_value());
    }
};

QTEST_GUILESS_MAIN(TestModelCard)
#include "tst_modelcard.moc"
