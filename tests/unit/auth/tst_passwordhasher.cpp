#include "auth/passwordhasher.h"

#include <QTest>

using namespace kai::auth;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rightPasswordVerifies();
    void wrongPasswordIsRejected_data();
    void wrongPasswordIsRejected();
    void samePasswordHashesDifferently();
    void hashIsSelfDescribing();
    void nonAsciiPasswordsRoundTrip();
    void malformedHashesNeverVerify_data();
    void malformedHashesNeverVerify();
    void weakerHashesNeedUpgrade();

private:
    QString m_hash;   // of "correct horse battery staple"; scrypt is slow on purpose, hash once
};

void TestPasswordHasher::initTestCase()
{
    m_hash = hashPassword(u"correct horse battery staple");
    QVERIFY(!m_hash.isEmpty());
}

void TestPasswordHasher::rightPasswordVerifies()
{
    QVERIFY(verifyPassword(u"correct horse battery staple", m_hash));
}

void TestPasswordHasher::wrongPasswordIsRejected_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("different password") << QStringLiteral("Tr0ub4dor&3");
    QTest::newRow("one character off") << QStringLiteral("correct horse battery staplE");
    QTest::newRow("prefix") << QStringLiteral("correct horse battery");
    QTest::newRow("trailing space") << QStringLiteral("correct horse battery staple ");
    QTest::newRow("empty") << QString();
}

void TestPasswordHasher::wrongPasswordIsRejected()
{
    QFETCH(QString, password);
    QVERIFY(!verifyPassword(password, m_hash));
}

void TestPasswordHasher::samePasswordHashesDifferently()
{
    const QString second = hashPassword(u"correct horse battery staple");
    QVERIFY(second != m_hash);   // fresh salt each time
    QVERIFY(verifyPassword(u"correct horse battery staple", second));
}

void TestPasswordHasher::hashIsSelfDescribing()
{
    const QStringList parts = m_hash.split(u'$');
    QCOMPARE(parts.size(), 6);
    QCOMPARE(parts[0], QStringLiteral("scrypt"));
    QCOMPARE(parts[1], QStringLiteral("15"));
    QCOMPARE(parts[2], QStringLiteral("8"));
    QCOMPARE(parts[3], QStringLiteral("1"));
    QCOMPARE(QByteArray::fromBase64(parts[4].toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts[5].toLatin1()).size(), 32);
    QVERIFY(!passwordHashNeedsUpgrade(m_hash));
}

void TestPasswordHasher::nonAsciiPasswordsRoundTrip()
{
    const QString password = QStringLiteral("密码\u00e9\U0001F511");
    const QString hash = hashPassword(password);
    QVERIFY(verifyPassword(password, hash));
    QVERIFY(!verifyPassword(QStringLiteral("密码e\U0001F511"), hash));
}

void TestPasswordHasher::malformedHashesNeverVerify_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text password") << QStringLiteral("correct horse battery staple");
    QTest::newRow("other scheme") << QStringLiteral("bcrypt$15$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5");
    QTest::newRow("missing part") << QStringLiteral("scrypt$15$8$1$c2FsdA==");
    QTest::newRow("bad base64") << QStringLiteral("scrypt$15$8$1$!!$a2V5a2V5a2V5a2V5a2V5a2V5");
    // A tampered row must not make a login attempt burn gigabytes.
    QTest::newRow("cost beyond the limit") << QStringLiteral("scrypt$40$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5");
    QTest::newRow("zero cost") << QStringLiteral("scrypt$0$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5");
    QTest::newRow("key too short") << QStringLiteral("scrypt$10$8$1$c2FsdA==$a2V5");
}

void TestPasswordHasher::malformedHashesNeverVerify()
{
    QFETCH(QString, encoded);
    QVERIFY(!verifyPassword(u"correct horse battery staple", encoded));
    QVERIFY(!verifyPassword(u"", encoded));
}

void TestPasswordHasher::weakerHashesNeedUpgrade()
{
    QVERIFY(passwordHashNeedsUpgrade(u"scrypt$14$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U="));
    QVERIFY(passwordHashNeedsUpgrade(u"not a hash"));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
