// The blob store's contract: an upload is invisible until committed under
// its verified digest; commit is durable then visible; nothing outside the
// store's root is ever touched.
#include "storage/filesystemblobstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kai;
using namespace kai::storage;

class TestFilesystemBlobStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FilesystemBlobStore> m_store;

private Q_SLOTS:
    void init()
    {
        auto store = FilesystemBlobStore::open(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction())));
        QVERIFY(store.ok());
        m_store = std::move(*store);
    }

    void uploadIsInvisibleUntilCommitted()
    {
        const QByteArray data = "hello blob";
        const oci::Digest digest = oci::Digest::sha256(data);
        QVERIFY(m_store->createUpload("upload-0001").ok());
        auto writer = m_store->appendToUpload("upload-0001");
        QVERIFY(writer.ok());
        QVERIFY((*writer)->write(data).ok());
        QVERIFY((*writer)->close().ok());
        QVERIFY(!m_store->contains(digest));
        QCOMPARE(*m_store->uploadSize("upload-0001"), qint64(data.size()));
        QCOMPARE(*m_store->hashUpload("upload-0001", oci::DigestAlgorithm::Sha256), digest);

        QVERIFY(m_store->commitUpload("upload-0001", digest).ok());
        QVERIFY(m_store->contains(digest));
        QCOMPARE(*m_store->blobSize(digest), qint64(data.size()));
        QCOMPARE(m_store->blobPath(digest),
                 m_dir.filePath("uploadIsInvisibleUntilCommitted/blobs/sha256/" + digest.hex().left(2) + "/" + digest.hex()));
        auto file = m_store->openBlob(digest);
        QVERIFY(file.ok());
        QCOMPARE((*file)->readAll(), data);
        QVERIFY(!m_store->uploadSize("upload-0001").ok());
    }

    void appendingAcrossWritersKeepsOrder()
    {
        QVERIFY(m_store->createUpload("upload-0002").ok());
        for (const QByteArray &piece : {QByteArray("first "), QByteArray("second")}) {
            auto writer = m_store->appendToUpload("upload-0002");
            QVERIFY(writer.ok());
            QVERIFY((*writer)->write(piece).ok());
            QVERIFY((*writer)->close().ok());
        }
        QCOMPARE(*m_store->hashUpload("upload-0002", oci::DigestAlgorithm::Sha512),
                 oci::Digest::of(oci::DigestAlgorithm::Sha512, "first second"));
    }

    void committingAnExistingBlobDropsTheUpload()
    {
        const QByteArray data = "twice";
        const oci::Digest digest = oci::Digest::sha256(data);
        for (const char *uuid : {"upload-0003", "upload-0004"}) {
            QVERIFY(m_store->createUpload(uuid).ok());
            auto writer = m_store->appendToUpload(uuid);
            QVERIFY((*writer)->write(data).ok());
            QVERIFY((*writer)->close().ok());
            QVERIFY(m_store->commitUpload(uuid, digest).ok());
            QVERIFY(!m_store->uploadSize(uuid).ok());
        }
        QVERIFY(m_store->contains(digest));
    }

    void discardedUploadLeavesNothing()
    {
        QVERIFY(m_store->createUpload("upload-0005").ok());
        QVERIFY(m_store->discardUpload("upload-0005").ok());
        QVERIFY(!m_store->uploadSize("upload-0005").ok());
        QVERIFY(!m_store->appendToUpload("upload-0005").ok());
    }

    void forgedUploadIdsNeverLeaveTheRoot_data()
    {
        QTest::addColumn<QString>("uuid");
        QTest::newRow("parent directory") << "../../etc/passwd";
        QTest::newRow("slash") << "a/b-cdefgh";
        QTest::newRow("too short") << "abc";
        QTest::newRow("empty") << "";
    }

    void forgedUploadIdsNeverLeaveTheRoot()
    {
        QFETCH(QString, uuid);
        QCOMPARE(m_store->createUpload(uuid).ok(), false);
        QCOMPARE(m_store->appendToUpload(uuid).ok(), false);
        QCOMPARE(m_store->uploadSize(uuid).ok(), false);
        QCOMPARE(m_store->commitUpload(uuid, oci::Digest::sha256("x")).ok(), false);
    }

    void staleUploadsAreFoundByAge()
    {
        QVERIFY(m_store->createUpload("upload-0006").ok());
        QVERIFY(m_store->staleUploads(QDateTime::currentMSecsSinceEpoch() - 60'000).isEmpty());
        QCOMPARE(m_store->staleUploads(QDateTime::currentMSecsSinceEpoch() + 60'000), QStringList{"upload-0006"});
    }
};

QTEST_GUILESS_MAIN(TestFilesystemBlobStore)
#include "tst_filesystemblobstore.moc"
