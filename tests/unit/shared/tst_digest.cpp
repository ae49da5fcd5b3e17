#include "oci/digest.h"

#include <QSet>
#include <QTest>

using namespace kai;
using namespace kai::oci;

// Known answers: FIPS 180-2 examples for "abc", and the hashes of "".
namespace {
const QString kSha256Empty = QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
const QString kSha256Abc = QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
const QString kSha512Abc = QStringLiteral(
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
const QString kSha512Empty = QStringLiteral(
    "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
    "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
} // namespace

class TestDigest : public QObject
{
    Q_OBJECT

private slots:
    void hashesMatchKnownVectors_data();
    void hashesMatchKnownVectors();
    void parseAcceptsWellFormedDigests_data();
    void parseAcceptsWellFormedDigests();
    void parseRejectsMalformedDigests_data();
    void parseRejectsMalformedDigests();
    void defaultConstructedIsInvalid();
    void equalDigestsHashEqual();
    void incrementalHashingEqualsOneShot();
    void hasherCountsBytes();
    void hasherIsMovable();
    void matchesChecksContent();
};

void TestDigest::hashesMatchKnownVectors_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");

    QTest::newRow("sha256 of empty") << int(DigestAlgorithm::Sha256) << QByteArray() << kSha256Empty;
    QTest::newRow("sha256 of abc") << int(DigestAlgorithm::Sha256) << QByteArray("abc") << kSha256Abc;
    QTest::newRow("sha512 of empty") << int(DigestAlgorithm::Sha512) << QByteArray() << kSha512Empty;
    QTest::newRow("sha512 of abc") << int(DigestAlgorithm::Sha512) << QByteArray("abc") << kSha512Abc;
}

void TestDigest::hashesMatchKnownVectors()
{
    QFETCH(int, algorithm);
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);

    const Digest digest = Digest::of(DigestAlgorithm(algorithm), data);
    QVERIFY(digest.isValid());
    QCOMPARE(digest.hex(), expected);
    QCOMPARE(digest.algorithm(), DigestAlgorithm(algorithm));
    QCOMPARE(digest.toString(), digest.algorithmName() + u':' + expected);
}

void TestDigest::parseAcceptsWellFormedDigests_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("algorithmName");

    QTest::newRow("sha256") << (QStringLiteral("sha256:") + kSha256Abc) << QStringLiteral("sha256");
    QTest::newRow("sha512") << (QStringLiteral("sha512:") + kSha512Abc) << QStringLiteral("sha512");
}

void TestDigest::parseAcceptsWellFormedDigests()
{
    QFETCH(QString, text);
    QFETCH(QString, algorithmName);

    const Result<Digest> digest = Digest::parse(text);
    QVERIFY2(digest.ok(), qPrintable(digest.ok() ? QString() : digest.error().message));
    QCOMPARE(digest->algorithmName(), algorithmName);
    QCOMPARE(digest->toString(), text);
    // A parsed digest and a computed one are the same value.
    QCOMPARE(*digest, Digest::of(digest->algorithm(), "abc"));
}

void TestDigest::parseRejectsMalformedDigests_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << QString() << QStringLiteral("expected <algorithm>:<hex>");
    QTest::newRow("no algorithm separator") << kSha256Abc << QStringLiteral("expected <algorithm>:<hex>");
    QTest::newRow("unsupported algorithm") << (QStringLiteral("md5:") + kSha256Abc.left(32)) << QStringLiteral("unsupported algorithm");
    QTest::newRow("algorithm upper case") << (QStringLiteral("SHA256:") + kSha256Abc) << QStringLiteral("unsupported algorithm");
    QTest::newRow("hex too short") << (QStringLiteral("sha256:") + kSha256Abc.chopped(1)) << QStringLiteral("needs 64 hex characters");
    QTest::newRow("hex too long") << (QStringLiteral("sha256:") + kSha256Abc + u'0') << QStringLiteral("needs 64 hex characters");
    QTest::newRow("sha512 with sha256 length") << (QStringLiteral("sha512:") + kSha256Abc) << QStringLiteral("needs 128 hex characters");
    QTest::newRow("upper-case hex") << (QStringLiteral("sha256:") + kSha256Abc.toUpper()) << QStringLiteral("lower-case hex");
    QTest::newRow("non-hex character") << (QStringLiteral("sha256:") + kSha256Abc.chopped(1) + u'g') << QStringLiteral("lower-case hex");
    QTest::newRow("empty hex") << QStringLiteral("sha256:") << QStringLiteral("needs 64 hex characters");
}

void TestDigest::parseRejectsMalformedDigests()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);

    const Result<Digest> digest = Digest::parse(text);
    QVERIFY(!digest.ok());
    QCOMPARE(digest.error().kind, ErrorKind::DigestInvalid);
    QVERIFY2(digest.error().message.startsWith(u"invalid digest"), qPrintable(digest.error().message));
    QVERIFY2(digest.error().message.contains(messagePart), qPrintable(digest.error().message));
}

void TestDigest::defaultConstructedIsInvalid()
{
    const Digest digest;
    QVERIFY(!digest.isValid());
    QVERIFY(digest.toString().isEmpty());
    QVERIFY(digest != Digest::sha256(""));
    QVERIFY(!digest.matches(""));
}

void TestDigest::equalDigestsHashEqual()
{
    const Digest a = Digest::sha256("abc");
    const Digest b = *Digest::parse(QStringLiteral("sha256:") + kSha256Abc);
    QCOMPARE(a, b);
    QCOMPARE(qHash(a), qHash(b));
    QCOMPARE(qHash(a, 42), qHash(b, 42));

    QSet<Digest> set{a, b, Digest::sha256(""), Digest::of(DigestAlgorithm::Sha512, "abc")};
    QCOMPARE(set.size(), 3);
}

void TestDigest::incrementalHashingEqualsOneShot()
{
    QByteArray data;
    for (int i = 0; i < 100000; ++i)
        data.append(char(i * 7));

    for (DigestAlgorithm algorithm : {DigestAlgorithm::Sha256, DigestAlgorithm::Sha512}) {
        DigestHasher hasher(algorithm);
        // Uneven chunks, as a network body arrives.
        qsizetype offset = 0;
        for (qsizetype chunk = 1; offset < data.size(); chunk = chunk * 3 + 1) {
            const qsizetype n = qMin(chunk, data.size() - offset);
            hasher.update(QByteArrayView(data).sliced(offset, n));
            offset += n;
        }
        QCOMPARE(hasher.finish(), Digest::of(algorithm, data));
    }
}

void TestDigest::hasherCountsBytes()
{
    DigestHasher hasher;
    QCOMPARE(hasher.bytes(), 0);
    hasher.update("ab");
    hasher.update("");
    hasher.update("c");
    QCOMPARE(hasher.bytes(), 3);
    QCOMPARE(hasher.finish().hex(), kSha256Abc);
}

void TestDigest::hasherIsMovable()
{
    static_assert(!std::is_copy_constructible_v<DigestHasher>);
    static_assert(std::is_nothrow_move_constructible_v<DigestHasher>);

    DigestHasher first;
    first.update("a");
    DigestHasher second = std::move(first);
    second.update("bc");
    QCOMPARE(second.bytes(), 3);
    QCOMPARE(second.finish().hex(), kSha256Abc);
}

void TestDigest::matchesChecksContent()
{
    const Digest digest = Digest::sha256("abc");
    QVERIFY(digest.matches("abc"));
    QVERIFY(!digest.matches("abd"));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
