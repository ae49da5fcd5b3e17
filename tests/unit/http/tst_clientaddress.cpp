// Who a request came from when Kai sits behind reverse proxies
// (KAI_TRUSTED_PROXIES): X-Forwarded-For is believed only from a trusted
// peer, read from the right, and never past the first untrusted hop.
#include "http/clientaddress.h"

#include <QTest>

using namespace kai::http;

class TestClientAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientOfRequest_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QString>("client");

        // Trusted below: 127.0.0.1, 10.0.0.0/8 and fd00::/8.
        QTest::newRow("no header: the peer") << QStringLiteral("127.0.0.1") << QByteArray() << QStringLiteral("127.0.0.1");
        QTest::newRow("untrusted peer: the header is a claim") << QStringLiteral("192.0.2.5") << QByteArray("203.0.113.7") << QStringLiteral("192.0.2.5");
        QTest::newRow("trusted peer names the client") << QStringLiteral("127.0.0.1") << QByteArray("203.0.113.7") << QStringLiteral("203.0.113.7");
        QTest::newRow("chain of trusted proxies") << QStringLiteral("127.0.0.1") << QByteArray("203.0.113.7, 10.1.2.3, 10.9.9.9")
                                                  << QStringLiteral("203.0.113.7");
        QTest::newRow("what the client wrote left of its address is ignored")
            << QStringLiteral("127.0.0.1") << QByteArray("198.51.100.66, 203.0.113.7") << QStringLiteral("203.0.113.7");
        QTest::newRow("all hops trusted: the left-most") << QStringLiteral("127.0.0.1") << QByteArray("10.0.0.7, 10.0.0.8") << QStringLiteral("10.0.0.7");
        QTest::newRow("garbage stops at the last trusted hop") << QStringLiteral("127.0.0.1") << QByteArray("203.0.113.7, not-an-ip, 10.0.0.8")
                                                               << QStringLiteral("10.0.0.8");
        QTest::newRow("garbage right after the peer: the peer") << QStringLiteral("127.0.0.1") << QByteArray("unknown") << QStringLiteral("127.0.0.1");
        QTest::newRow("empty entry stops") << QStringLiteral("127.0.0.1") << QByteArray("203.0.113.7,,") << QStringLiteral("127.0.0.1");
        QTest::newRow("address with a port is not an address") << QStringLiteral("127.0.0.1") << QByteArray("203.0.113.7:4711") << QStringLiteral("127.0.0.1");
        QTest::newRow("dual-stack peer counts as IPv4") << QStringLiteral("::ffff:127.0.0.1") << QByteArray("203.0.113.7") << QStringLiteral("203.0.113.7");
        QTest::newRow("dual-stack peer without header is plain IPv4") << QStringLiteral("::ffff:192.0.2.5") << QByteArray() << QStringLiteral("192.0.2.5");
        QTest::newRow("IPv6 proxy and client") << QStringLiteral("fd00::1") << QByteArray("2001:db8::42") << QStringLiteral("2001:db8::42");
        QTest::newRow("two headers, as the HTTP core joins them") << QStringLiteral("127.0.0.1") << QByteArray("203.0.113.7,10.0.0.9") << QStringLiteral("203.0.113.7");
    }

    void clientOfRequest()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QString, client);
        const TrustedProxies trusted{{QHostAddress("127.0.0.1"), 32},
                                     QHostAddress::parseSubnet("10.0.0.0/8"),
                                     QHostAddress::parseSubnet("fd00::/8")};
        QCOMPARE(clientAddress(QHostAddress(peer), forwardedFor, trusted), QHostAddress(client));
    }

    void nothingTrustedMeansThePeer()
    {
        QCOMPARE(clientAddress(QHostAddress("127.0.0.1"), "203.0.113.7", {}), QHostAddress("127.0.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
