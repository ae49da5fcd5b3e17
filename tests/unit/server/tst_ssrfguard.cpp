// The server-side request forgery guard for URLs users give the server to
// call (log export callbacks): which addresses count as public, what the
// check refuses and why, the SSRF_ALLOWED_HOSTS allow-list, and that a
// request goes only to the addresses that were checked.
#include "logs/ssrfguard.h"
#include "support/callbackserver.h"

#include <QTest>

#include <future>

using kai::logs::CheckedUrl;
using kai::logs::SsrfGuard;

namespace {

// A resolver that knows a few made-up names, so no test depends on DNS.
SsrfGuard::Resolver fakeDns()
{
    return [](const QString &host) -> kai::Result<QList<QHostAddress>> {
        static const QHash<QString, QStringList> names{
            {"public.test", {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"}},
            {"internal.test", {"10.1.2.3"}},
            {"mixed.test", {"93.184.216.34", "192.168.0.10"}},
            {"metadata.test", {"169.254.169.254"}},
            {"localhost", {"127.0.0.1", "::1"}},
            {"callback.test", {"127.0.0.1"}}};
        if (!names.contains(host))
            return kai::Error::of(kai::ErrorKind::InvalidRequest, QStringLiteral("host %1 cannot be resolved").arg(host));
        QList<QHostAddress> addresses;
        for (const QString &text : names.value(host))
            addresses << QHostAddress(text);
        return addresses;
    };
}

} // namespace

class TestSsrfGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addressesArePublicOrNot_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("isPublic");
        QTest::newRow("public IPv4") << "93.184.216.34" << true;
        QTest::newRow("public IPv4 next to RFC 1918") << "172.32.0.1" << true;
        QTest::newRow("this network") << "0.0.0.0" << false;
        QTest::newRow("RFC 1918 10/8") << "10.0.0.1" << false;
        QTest::newRow("RFC 1918 172.16/12") << "172.31.255.254" << false;
        QTest::newRow("RFC 1918 192.168/16") << "192.168.1.1" << false;
        QTest::newRow("carrier-grade NAT") << "100.64.0.1" << false;
        QTest::newRow("loopback") << "127.0.0.1" << false;
        QTest::newRow("loopback, not .1") << "127.45.6.7" << false;
        QTest::newRow("link-local, cloud metadata") << "169.254.169.254" << false;
        QTest::newRow("documentation") << "203.0.113.9" << false;
        QTest::newRow("benchmarking") << "198.18.0.1" << false;
        QTest::newRow("multicast") << "224.0.0.1" << false;
        QTest::newRow("broadcast") << "255.255.255.255" << false;
        QTest::newRow("public IPv6") << "2606:2800:220:1:248:1893:25c8:1946" << true;
        QTest::newRow("IPv6 unspecified") << "::" << false;
        QTest::newRow("IPv6 loopback") << "::1" << false;
        QTest::newRow("IPv6 unique local") << "fd12:3456::1" << false;
        QTest::newRow("IPv6 link-local") << "fe80::1" << false;
        QTest::newRow("IPv6 multicast") << "ff02::1" << false;
        QTest::newRow("IPv6 documentation") << "2001:db8::1" << false;
        QTest::newRow("Teredo") << "2001:0:4136:e378::1" << false;
        QTest::newRow("IPv4-mapped loopback") << "::ffff:127.0.0.1" << false;
        QTest::newRow("IPv4-mapped public") << "::ffff:93.184.216.34" << true;
        QTest::newRow("NAT64 of a private address") << "64:ff9b::a00:1" << false;
        QTest::newRow("NAT64 of a public address") << "64:ff9b::5db8:d822" << true;
        QTest::newRow("6to4 of a private address") << "2002:c0a8:101::1" << false;
        QTest::newRow("6to4 of a public address") << "2002:5db8:d822::1" << true;
    }
    void addressesArePublicOrNot()
    {
        QFETCH(QString, address);
        QFETCH(bool, isPublic);
        QCOMPARE(SsrfGuard::isPublicAddress(QHostAddress(address)), isPublic);
    }

    void urlsAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("ftp") << "ftp://public.test/x" << "must use http or https";
        QTest::newRow("file") << "file:///etc/passwd" << "must use http or https";
        QTest::newRow("no scheme") << "public.test/callback" << "not a valid URL";
        QTest::newRow("no host") << "http:///callback" << "has no host";
        QTest::newRow("private literal") << "http://10.0.0.1/callback" << "10.0.0.1, a private";
        QTest::newRow("loopback literal") << "http://127.0.0.1:8080/" << "127.0.0.1, a private";
        QTest::newRow("IPv6 loopback literal") << "http://[::1]/" << "::1, a private";
        QTest::newRow("localhost") << "http://localhost/callback" << "127.0.0.1, a private";
        QTest::newRow("name of a private address") << "https://internal.test/" << "10.1.2.3";
        QTest::newRow("one private address among public ones") << "https://mixed.test/" << "192.168.0.10";
        QTest::newRow("cloud metadata by name") << "http://metadata.test/latest" << "169.254.169.254";
        QTest::newRow("unknown host") << "https://nowhere.test/" << "cannot be resolved";
    }
    void urlsAreRefusedWithAReason()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        const SsrfGuard guard({}, fakeDns());
        const auto checked = guard.check(url);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().kind, kai::ErrorKind::InvalidRequest);
        QVERIFY2(checked.error().message.contains(reason), qPrintable(checked.error().message));
    }

    void publicUrlPassesWithEveryAddressChecked()
    {
        const SsrfGuard guard({}, fakeDns());
        const auto checked = guard.check(QStringLiteral("https://public.test/hook?x=1"));
        QVERIFY2(checked.ok(), checked.ok() ? "" : qPrintable(checked.error().message));
        QCOMPARE(checked->host, QStringLiteral("public.test"));
        QCOMPARE(checked->port, 443);
        QCOMPARE(checked->addresses.size(), 2);
    }

    void allowListedHostsMayBePrivate()
    {
        const SsrfGuard guard({QStringLiteral("127.0.0.1"), QStringLiteral("Internal.Test"), QStringLiteral("localhost:9000")},
                              fakeDns());
        QVERIFY(guard.check(QStringLiteral("http://127.0.0.1:5555/callback")).ok());
        QVERIFY(guard.check(QStringLiteral("https://internal.test/")).ok());
        // host:port allows that port only.
        QVERIFY(guard.check(QStringLiteral("http://localhost:9000/")).ok());
        QVERIFY(!guard.check(QStringLiteral("http://localhost:9001/")).ok());
        // Listing one loopback address does not open the others.
        QVERIFY(!guard.check(QStringLiteral("http://127.0.0.2/")).ok());
        QVERIFY(!guard.check(QStringLiteral("http://10.0.0.1/")).ok());
    }

    void numericHostSpellingsAreJudgedByTheirAddress()
    {
        // getaddrinfo reads 2130706433 and 0x7f.1 as 127.0.0.1.
        const SsrfGuard guard({}, SsrfGuard::systemResolver());
        for (const char *url : {"http://2130706433/", "http://0x7f.1/", "http://127.1/"}) {
            const auto checked = guard.check(QString::fromLatin1(url));
            QVERIFY2(!checked.ok(), url);
        }
    }

    void postGoesOnlyToTheCheckedAddressAndFollowsNoRedirect()
    {
        kai::test::CallbackServer receiver;
        QVERIFY(receiver.start().ok());
        receiver.setStatus(QStringLiteral("/moved"), 302);
        // "callback.test" exists only in the fake resolver: the request can
        // reach the receiver only through the pinned, checked address.
        const SsrfGuard guard({QStringLiteral("callback.test")}, fakeDns());
        for (const auto &[path, expected] : {std::pair{QStringLiteral("/hook"), 200}, std::pair{QStringLiteral("/moved"), 302}}) {
            const auto checked = guard.check(QStringLiteral("http://callback.test:%1%2").arg(receiver.port()).arg(path));
            QVERIFY(checked.ok());
            auto answer = std::async(std::launch::async, [&] { return kai::logs::postJson(*checked, R"({"a":1})", 5000); });
            const auto received = receiver.waitForRequests(path, 1);
            QCOMPARE(int(received.size()), 1);
            QCOMPARE(received.front().method, QByteArray("POST"));
            QCOMPARE(received.front().headers.value("content-type"), QByteArray("application/json"));
            QCOMPARE(received.front().json().value("a").toInt(), 1);
            const auto status = answer.get();
            QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message));
            QCOMPARE(*status, expected);
        }
    }

    void postToNothingListeningIsAnError()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const SsrfGuard guard({QStringLiteral("127.0.0.1")}, fakeDns());
        const auto checked = guard.check(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        QVERIFY(checked.ok());
        const auto status = kai::logs::postJson(*checked, "{}", 5000);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, kai::ErrorKind::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestSsrfGuard)
#include "tst_ssrfguard.moc"
