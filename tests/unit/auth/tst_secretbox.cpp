#include "auth/secretbox.h"

#include <QSet>
#include <QTest>

using namespace kai;
using namespace kai::auth;

namespace {
QByteArray testKey(char fill = 'k')
{
    return QByteArray(SecretBox::kKeyBytes, fill);
}
} // namespace

class TestSecretBox : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void sealingTwiceGivesDifferentOutput();
    void sealedFormIsUrlSafeText();
    void tamperingIsDetected();
    void truncationIsDetected();
    void wrongKeyFails();
    void associatedDataMustMatch();
    void garbageFails_data();
    void garbageFails();
    void createRejectsWrongKeySize();
    void keyDerivedFromSecretIsStable();
    void randomBytesHaveRequestedLength();
    void randomTokensUseTheAlphabet();
};

void TestSecretBox::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::newRow("robot token") << QByteArray("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ01");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe", 4);
    QTest::newRow("large") << QByteArray(100000, 'x');
}

void TestSecretBox::roundTrip()
{
    QFETCH(QByteArray, plaintext);
    const SecretBox box(testKey());
    const QByteArray sealed = box.seal(plaintext);
    QVERIFY(!sealed.isEmpty());
    const Result<QByteArray> opened = box.open(sealed);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    QCOMPARE(*opened, plaintext);
}

void TestSecretBox::sealingTwiceGivesDifferentOutput()
{
    const SecretBox box(testKey());
    QVERIFY(box.seal("same") != box.seal("same"));   // fresh nonce each time
}

void TestSecretBox::sealedFormIsUrlSafeText()
{
    const SecretBox box(testKey());
    const QByteArray sealed = box.seal("secret");
    for (char c : sealed)
        QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_', sealed.constData());
    // nonce (12) + ciphertext (6) + tag (16) = 34 bytes -> 46 base64url characters without padding
    QCOMPARE(sealed.size(), 46);
}

void TestSecretBox::tamperingIsDetected()
{
    const SecretBox box(testKey());
    const QByteArray raw = QByteArray::fromBase64(box.seal("robot token"), QByteArray::Base64UrlEncoding);
    // Flip one bit in each region: nonce, ciphertext, tag.
    for (qsizetype at : {qsizetype(0), qsizetype(13), raw.size() - 1}) {
        QByteArray tampered = raw;
        tampered[at] = char(tampered[at] ^ 0x01);
        const Result<QByteArray> opened =
            box.open(tampered.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1").arg(at)));
        QVERIFY(opened.error().message.contains(u"authentication failed"));
    }
}

void TestSecretBox::truncationIsDetected()
{
    const SecretBox box(testKey());
    const QByteArray sealed = box.seal("robot token");
    QVERIFY(!box.open(sealed.chopped(4)).ok());
}

void TestSecretBox::wrongKeyFails()
{
    const QByteArray sealed = SecretBox(testKey('a')).seal("robot token");
    QVERIFY(!SecretBox(testKey('b')).open(sealed).ok());
}

void TestSecretBox::associatedDataMustMatch()
{
    const SecretBox box(testKey());
    const QByteArray sealed = box.seal("robot token", "org+builder");
    QCOMPARE(*box.open(sealed, "org+builder"), QByteArray("robot token"));
    QVERIFY(!box.open(sealed, "org+deployer").ok());
    QVERIFY(!box.open(sealed).ok());
}

void TestSecretBox::garbageFails_data()
{
    QTest::addColumn<QByteArray>("sealed");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not base64url") << QByteArray("***");
    QTest::newRow("shorter than nonce and tag") << QByteArray("AAAA");
    QTest::newRow("random bytes") << SecretBox::randomBytes(40).toBase64(QByteArray::Base64UrlEncoding);
}

void TestSecretBox::garbageFails()
{
    QFETCH(QByteArray, sealed);
    const Result<QByteArray> opened = SecretBox(testKey()).open(sealed);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, ErrorKind::Internal);
}

void TestSecretBox::createRejectsWrongKeySize()
{
    QVERIFY(!SecretBox::create(QByteArray(16, 'k')).ok());
    const Result<SecretBox> box = SecretBox::create(testKey());
    QVERIFY(box.ok());
    QVERIFY(box->isValid());
}

void TestSecretBox::keyDerivedFromSecretIsStable()
{
    const QByteArray sealed = SecretBox::fromSecret("configured SECRET_KEY").seal("token");
    QCOMPARE(*SecretBox::fromSecret("configured SECRET_KEY").open(sealed), QByteArray("token"));
    QVERIFY(!SecretBox::fromSecret("another secret").open(sealed).ok());
}

void TestSecretBox::randomBytesHaveRequestedLength()
{
    QCOMPARE(SecretBox::randomBytes(0).size(), 0);
    QCOMPARE(SecretBox::randomBytes(32).size(), 32);
    QVERIFY(SecretBox::randomBytes(32) != SecretBox::randomBytes(32));
}

void TestSecretBox::randomTokensUseTheAlphabet()
{
    const QString token = SecretBox::randomToken(40);
    QCOMPARE(token.size(), 40);
    for (QChar c : token)
        QVERIFY((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'));

    // Every character of a small alphabet shows up: nothing is left out by
    // the rejection sampling.
    QSet<QChar> seen;
    for (QChar c : SecretBox::randomToken(2000, u"abc"))
        seen.insert(c);
    QCOMPARE(seen, (QSet<QChar>{u'a', u'b', u'c'}));
    QVERIFY(SecretBox::randomToken(40) != SecretBox::randomToken(40));
}

QTEST_GUILESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
