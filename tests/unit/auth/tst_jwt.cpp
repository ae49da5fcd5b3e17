#include "auth/jwt.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include <sys/stat.h>

using namespace kai;
using namespace kai::auth;

namespace {

constexpr qint64 kNow = 1715698131;   // Tue, 14 May 2024 14:48:51 -0000
const QString kAudience = QStringLiteral("registry.example.com");
const QString kIssuer = QStringLiteral("quay");

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray part(const QJsonObject &object)
{
    return base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The claims /v2/auth issues (reference §1.6).
QJsonObject registryClaims(qint64 now = kNow)
{
    return QJsonObject{
        {"iss", kIssuer},
        {"aud", kAudience},
        {"sub", "alice"},
        {"iat", now},
        {"nbf", now},
        {"exp", now + 3600},
        {"access", QJsonArray{QJsonObject{{"type", "repository"},
                                          {"name", "alice/busybox"},
                                          {"actions", QJsonArray{"pull", "push"}}}}},
        {"context", QJsonObject{{"version", 2}, {"entity_kind", "user"}, {"kind", "user"}, {"user", "alice"}}},
    };
}

QJsonObject header(const SigningKey &key, const QString &alg = QStringLiteral("RS256"))
{
    return QJsonObject{{"alg", alg}, {"typ", "JWT"}, {"kid", key.keyId()}};
}

// A token with any header, signed by `signer` (which may differ from the key
// the header names).
QByteArray craft(const QJsonObject &headerObject, const QJsonObject &claims, const SigningKey &signer)
{
    const QByteArray input = part(headerObject) + '.' + part(claims);
    return input + '.' + base64Url(signer.sign(input));
}

QJsonObject headerOf(const QByteArray &token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').value(0), QByteArray::Base64UrlEncoding))
        .object();
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTripKeepsClaims();
    void headerNamesAlgorithmTypeAndKey();
    void rejected_data();
    void rejected();
    void leewayToleratesClockSkew();
    void audienceMayBeAnArray();
    void tokenFromAnotherKeyIsRejected();
    void tamperedClaimsAreRejected();

    void keyIdIsTheRfc7638Thumbprint();
    void publicJwkDescribesTheKey();
    void keyIdIsStableAcrossReload();
    void pemFileIsPrivateToTheOwner();
    void unreadableKeyFileIsAnError();
    void copiesShareTheKey();
    void signAndVerifyFromSeveralThreads();

private:
    SigningKey m_key;
    SigningKey m_otherKey;
};

void TestJwt::initTestCase()
{
    auto key = SigningKey::generate();
    QVERIFY(key.ok());
    m_key = *key;
    auto other = SigningKey::generate();
    QVERIFY(other.ok());
    m_otherKey = *other;
}

void TestJwt::roundTripKeepsClaims()
{
    const QByteArray token = encodeJwt(m_key, registryClaims());
    QCOMPARE(token.count('.'), 2);
    const Result<QJsonObject> claims = decodeJwt(m_key, token, kNow + 60, kAudience, kIssuer);
    QVERIFY2(claims.ok(), qPrintable(claims.ok() ? QString() : claims.error().message));
    QCOMPARE(*claims, registryClaims());
}

void TestJwt::headerNamesAlgorithmTypeAndKey()
{
    const QJsonObject h = headerOf(encodeJwt(m_key, registryClaims()));
    QCOMPARE(h.value("alg").toString(), QStringLiteral("RS256"));
    QCOMPARE(h.value("typ").toString(), QStringLiteral("JWT"));
    QCOMPARE(h.value("kid").toString(), m_key.keyId());
}

void TestJwt::rejected_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("messagePart");

    const QByteArray good = encodeJwt(m_key, registryClaims());
    auto withClaims = [this](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject claims = registryClaims();
        edit(claims);
        return encodeJwt(m_key, claims);
    };

    QTest::newRow("expired") << good << kNow + 3600 + 31 << QStringLiteral("token has expired");
    QTest::newRow("not valid yet") << good << kNow - 31 << QStringLiteral("not valid yet");
    QTest::newRow("issued in the future")
        << withClaims([](QJsonObject &c) { c.remove("nbf"); }) << kNow - 31 << QStringLiteral("issued in the future");
    QTest::newRow("wrong audience")
        << withClaims([](QJsonObject &c) { c["aud"] = "other.example.com"; }) << kNow
        << QStringLiteral("audience is not \"registry.example.com\"");
    QTest::newRow("missing audience")
        << withClaims([](QJsonObject &c) { c.remove("aud"); }) << kNow << QStringLiteral("audience");
    QTest::newRow("wrong issuer")
        << withClaims([](QJsonObject &c) { c["iss"] = "someone-else"; }) << kNow
        << QStringLiteral("issuer is not \"quay\"");
    QTest::newRow("missing subject")
        << withClaims([](QJsonObject &c) { c.remove("sub"); }) << kNow << QStringLiteral("no subject");
    QTest::newRow("empty subject")
        << withClaims([](QJsonObject &c) { c["sub"] = ""; }) << kNow << QStringLiteral("no subject");
    QTest::newRow("missing exp")
        << withClaims([](QJsonObject &c) { c.remove("exp"); }) << kNow << QStringLiteral("no expiry");
    QTest::newRow("missing iat")
        << withClaims([](QJsonObject &c) { c.remove("iat"); }) << kNow << QStringLiteral("no issue time");
    QTest::newRow("exp not a number")
        << withClaims([](QJsonObject &c) { c["exp"] = "tomorrow"; }) << kNow << QStringLiteral("exp is not a number");
    QTest::newRow("lifetime too long")
        << withClaims([](QJsonObject &c) { c["exp"] = kNow + 3661; }) << kNow
        << QStringLiteral("lifetime of 3661 seconds exceeds the maximum of 3660");

    QByteArray badSignature = good;
    badSignature[badSignature.size() - 5] = badSignature[badSignature.size() - 5] == 'A' ? 'B' : 'A';
    QTest::newRow("tampered signature") << badSignature << kNow << QStringLiteral("invalid token signature");
    QTest::newRow("signature stripped") << good.left(good.lastIndexOf('.') + 1) << kNow
        << QStringLiteral("signature is not base64url");

    // Signed correctly, but with the header saying something the server must refuse.
    QTest::newRow("alg none")
        << (part(header(m_key, QStringLiteral("none"))) + '.' + part(registryClaims()) + '.') << kNow
        << QStringLiteral("unsupported token algorithm \"none\"");
    QTest::newRow("alg HS256")
        << craft(header(m_key, QStringLiteral("HS256")), registryClaims(), m_key) << kNow
        << QStringLiteral("unsupported token algorithm \"HS256\"");
    QTest::newRow("wrong kid")
        << craft(QJsonObject{{"alg", "RS256"}, {"kid", "some-other-key"}}, registryClaims(), m_key) << kNow
        << QStringLiteral("unknown key \"some-other-key\"");
    QTest::newRow("missing kid")
        << craft(QJsonObject{{"alg", "RS256"}}, registryClaims(), m_key) << kNow << QStringLiteral("no key id");
    QTest::newRow("crit header")
        << craft(QJsonObject{{"alg", "RS256"}, {"kid", m_key.keyId()}, {"crit", QJsonArray{"exp"}}}, registryClaims(), m_key)
        << kNow << QStringLiteral("critical header");

    QTest::newRow("empty") << QByteArray() << kNow << QStringLiteral("three dot-separated parts");
    QTest::newRow("two parts") << good.left(good.lastIndexOf('.')) << kNow << QStringLiteral("three dot-separated parts");
    QTest::newRow("four parts") << (good + ".x") << kNow << QStringLiteral("three dot-separated parts");
    QTest::newRow("header not json") << (base64Url("nope") + good.mid(good.indexOf('.'))) << kNow
        << QStringLiteral("header is not base64url JSON");
    QTest::newRow("padded base64") << (part(header(m_key)) + "=" + good.mid(good.indexOf('.'))) << kNow
        << QStringLiteral("header is not base64url JSON");
}

void TestJwt::rejected()
{
    QFETCH(QByteArray, token);
    QFETCH(qint64, now);
    QFETCH(QString, messagePart);

    const Result<QJsonObject> claims = decodeJwt(m_key, token, now, kAudience, kIssuer);
    QVERIFY2(!claims.ok(), "the token was accepted");
    QCOMPARE(claims.error().kind, ErrorKind::Unauthorized);
    QVERIFY2(claims.error().message.contains(messagePart), qPrintable(claims.error().message));
}

void TestJwt::leewayToleratesClockSkew()
{
    const QByteArray token = encodeJwt(m_key, registryClaims());
    QVERIFY(decodeJwt(m_key, token, kNow + 3600 + 30, kAudience, kIssuer).ok());
    QVERIFY(decodeJwt(m_key, token, kNow - 30, kAudience, kIssuer).ok());
    QVERIFY(!decodeJwt(m_key, token, kNow + 3600 + 5, kAudience, kIssuer, 3660, 0).ok());
}

void TestJwt::audienceMayBeAnArray()
{
    QJsonObject claims = registryClaims();
    claims["aud"] = QJsonArray{"other", kAudience};
    QVERIFY(decodeJwt(m_key, encodeJwt(m_key, claims), kNow, kAudience, kIssuer).ok());
    claims["aud"] = QJsonArray{"other"};
    QVERIFY(!decodeJwt(m_key, encodeJwt(m_key, claims), kNow, kAudience, kIssuer).ok());
}

void TestJwt::tokenFromAnotherKeyIsRejected()
{
    // Its own kid: unknown here.
    const Result<QJsonObject> foreign = decodeJwt(m_key, encodeJwt(m_otherKey, registryClaims()), kNow, kAudience, kIssuer);
    QVERIFY(!foreign.ok());
    QVERIFY(foreign.error().message.contains(u"unknown key"));
    // Our kid, but not our signature.
    const Result<QJsonObject> forged = decodeJwt(m_key, craft(header(m_key), registryClaims(), m_otherKey), kNow,
                                                 kAudience, kIssuer);
    QVERIFY(!forged.ok());
    QVERIFY(forged.error().message.contains(u"invalid token signature"));
}

void TestJwt::tamperedClaimsAreRejected()
{
    const QList<QByteArray> parts = encodeJwt(m_key, registryClaims()).split('.');
    QJsonObject claims = registryClaims();
    claims["sub"] = "admin";
    const QByteArray tampered = parts[0] + '.' + part(claims) + '.' + parts[2];
    const Result<QJsonObject> decoded = decodeJwt(m_key, tampered, kNow, kAudience, kIssuer);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.error().message.contains(u"invalid token signature"));
}

void TestJwt::keyIdIsTheRfc7638Thumbprint()
{
    // RFC 7638 section 3.1.
    const QJsonObject rfcKey{
        {"kty", "RSA"},
        {"n", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRX"
              "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSq"
              "zs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHa"
              "Q-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"},
        {"e", "AQAB"},
        {"alg", "RS256"},
        {"kid", "2011-04-29"},
    };
    QCOMPARE(rsaJwkThumbprint(rfcKey), QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    QCOMPARE(rsaJwkThumbprint(QJsonObject{{"kty", "RSA"}}), QString());

    QCOMPARE(m_key.keyId(), rsaJwkThumbprint(m_key.publicJwk()));
    QCOMPARE(m_key.keyId().size(), 43);   // 32 bytes, base64url without padding
    QVERIFY(m_key.keyId() != m_otherKey.keyId());
}

void TestJwt::publicJwkDescribesTheKey()
{
    const QJsonObject jwk = m_key.publicJwk();
    QCOMPARE(jwk.value("kty").toString(), QStringLiteral("RSA"));
    QCOMPARE(jwk.value("alg").toString(), QStringLiteral("RS256"));
    QCOMPARE(jwk.value("use").toString(), QStringLiteral("sig"));
    QCOMPARE(jwk.value("e").toString(), QStringLiteral("AQAB"));   // 65537
    QCOMPARE(QByteArray::fromBase64(jwk.value("n").toString().toLatin1(), QByteArray::Base64UrlEncoding).size(), 256);
    QCOMPARE(jwk.value("kid").toString(), m_key.keyId());
    QVERIFY(!jwk.contains("d"));   // nothing private
}

void TestJwt::keyIdIsStableAcrossReload()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("keys/service.pem"));   // directory created on demand

    const Result<SigningKey> created = SigningKey::loadOrCreate(path);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    QVERIFY(QFile::exists(path));
    const QByteArray token = encodeJwt(*created, registryClaims());

    const Result<SigningKey> reloaded = SigningKey::loadOrCreate(path);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->keyId(), created->keyId());
    QCOMPARE(reloaded->publicJwk(), created->publicJwk());
    // A token issued before a restart still verifies after it.
    QVERIFY(decodeJwt(*reloaded, token, kNow, kAudience, kIssuer).ok());
    // No temporary files left behind.
    QCOMPARE(QDir(dir.filePath(QStringLiteral("keys"))).entryList(QDir::Files), QStringList{"service.pem"});
}

void TestJwt::pemFileIsPrivateToTheOwner()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("service.pem"));
    QVERIFY(SigningKey::loadOrCreate(path).ok());
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("-----BEGIN PRIVATE KEY-----"));
}

void TestJwt::unreadableKeyFileIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("service.pem"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
    file.close();

    // An existing but broken key is reported, never silently replaced: tokens
    // other nodes verify with it would all break.
    const Result<SigningKey> key = SigningKey::loadOrCreate(path);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().message.contains(path), qPrintable(key.error().message));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("not a key"));
}

void TestJwt::copiesShareTheKey()
{
    SigningKey copy = m_key;
    QCOMPARE(copy.keyId(), m_key.keyId());
    const QByteArray token = encodeJwt(copy, registryClaims());
    QVERIFY(decodeJwt(m_key, token, kNow, kAudience, kIssuer).ok());

    SigningKey moved = std::move(copy);
    QVERIFY(moved.isValid());
    QVERIFY(decodeJwt(moved, token, kNow, kAudience, kIssuer).ok());

    const SigningKey invalid;
    QVERIFY(!invalid.isValid());
    QVERIFY(invalid.sign("x").isEmpty());
    QVERIFY(!decodeJwt(invalid, token, kNow, kAudience, kIssuer).ok());
}

void TestJwt::signAndVerifyFromSeveralThreads()
{
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                QJsonObject claims = registryClaims();
                claims["sub"] = QStringLiteral("user-%1-%2").arg(t).arg(i);
                const QByteArray token = encodeJwt(m_key, claims);
                const Result<QJsonObject> decoded = decodeJwt(m_key, token, kNow, kAudience, kIssuer);
                if (!decoded.ok() || decoded->value("sub") != claims["sub"])
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
