#include "mail/mailer.h"
#include "mail/mailmessage.h"
#include "mail/smtpsender.h"
#include "mail/templates.h"
#include "support/smtpserver.h"
#include "support/testenv.h"

#include <QTest>

#include <atomic>

using namespace kai;
using namespace kai::mail;
using kai::test::SmtpServer;

class TestMailer : public QObject
{
    Q_OBJECT

    static Mailer::Options fastOptions()
    {
        Mailer::Options options;
        options.firstRetryDelay = std::chrono::milliseconds(10);
        return options;
    }

    static bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5'000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!condition()) {
            if (deadline.hasExpired())
                return false;
            QThread::msleep(5);
        }
        return true;
    }

    SmtpSettings settingsFor(const SmtpServer &server)
    {
        SmtpSettings settings;
        settings.server = QStringLiteral("127.0.0.1");
        settings.port = server.port();
        settings.useTls = false;
        settings.sender = QStringLiteral("registry@example.com");
        settings.timeoutMs = 10'000;
        return settings;
    }

private Q_SLOTS:
    void addressesThatCouldInjectHeadersAreRefused_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("deliverable");
        QTest::newRow("plain") << "friend@example.com" << true;
        QTest::newRow("plus") << "a.b+tag@sub.example.org" << true;
        QTest::newRow("no at") << "friend.example.com" << false;
        QTest::newRow("two ats") << "a@b@c" << false;
        QTest::newRow("empty local") << "@example.com" << false;
        QTest::newRow("empty domain") << "friend@" << false;
        QTest::newRow("crlf") << "a@b.c\r\nBcc: victim@x.y" << false;
        QTest::newRow("angle") << "<a@b.c>" << false;
        QTest::newRow("list") << "a@b.c,d@e.f" << false;
        QTest::newRow("space") << "a b@c.d" << false;
    }
    void addressesThatCouldInjectHeadersAreRefused()
    {
        QFETCH(QString, address);
        QFETCH(bool, deliverable);
        QCOMPARE(isDeliverableAddress(address), deliverable);
        MailMessage message{address, QStringLiteral("s"), QStringLiteral("b")};
        QCOMPARE(renderMessage(message, QStringLiteral("me@example.com"), QDateTime::currentDateTimeUtc(), "kai").ok(),
                 deliverable);
    }

    void renderedMessageRoundTrips()
    {
        MailMessage message;
        message.to = QStringLiteral("friend@example.com");
        message.subject = QStringLiteral("邀请加入团队 — invitation\r\nBcc: victim@example.com");
        message.text = QStringLiteral("Line one with = sign and trailing space \n.\n") + QString(200, QLatin1Char('x')) +
                       QStringLiteral("\n中文正文\n");
        auto rendered = renderMessage(message, QStringLiteral("me@example.com"),
                                      QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC), QStringLiteral("kai.test"));
        QVERIFY(rendered.ok());
        for (const QByteArray &line : rendered->split('\n')) {
            QVERIFY2(line.size() <= 78, line.constData());
            QVERIFY2(line != ".\r" && line != ".", "a lone dot line would end SMTP DATA");
            QVERIFY2(!line.startsWith("Bcc:"), "header injection through the subject");
        }
        kai::test::ReceivedMail mail = SmtpServer::parse(*rendered);
        QCOMPARE(mail.header("Date"), QStringLiteral("Fri, 27 Nov 2026 10:00:00 +0000"));
        QCOMPARE(mail.header("To"), QStringLiteral("friend@example.com"));
        QCOMPARE(mail.header("Subject"), QStringLiteral("邀请加入团队 — invitation  Bcc: victim@example.com"));
        QVERIFY(mail.header("Message-ID").endsWith(QStringLiteral("@kai.test>")));
        QCOMPARE(QString(mail.body).replace(QStringLiteral("\r\n"), QStringLiteral("\n")), message.text);
    }

    void teamInviteMailCarriesTheCode()
    {
        const MailMessage message = teamInviteMail(
            TeamInvite{"friend@example.com", "alice", "acme", "builders", "urn:teaminvite:1234"},
            QStringLiteral("https://registry.example.com"), QStringLiteral("Kai"));
        QCOMPARE(message.to, QStringLiteral("friend@example.com"));
        QCOMPARE(message.subject, QStringLiteral("Invitation to join team"));
        QVERIFY(message.text.contains(QStringLiteral("alice has invited you to join the team builders under organization acme")));
        QVERIFY(message.text.contains(QStringLiteral("https://registry.example.com/confirminvite?code=urn%3Ateaminvite%3A1234")));
        QVERIFY(message.text.contains(QStringLiteral("PUT https://registry.example.com/api/v1/teaminvite/urn%3Ateaminvite%3A1234")));
    }

    void failedDeliveryIsRetriedThenSucceeds()
    {
        std::atomic<int> calls = 0;
        Mailer mailer(QStringLiteral("me@example.com"),
                      [&](const QString &, const QByteArray &) -> Status {
                          if (++calls < 3)
                              return Error::of(ErrorKind::Unavailable, QStringLiteral("451 try later"));
                          return {};
                      },
                      fastOptions());
        QVERIFY(mailer.enqueue({"friend@example.com", "s", "b"}).ok());
        QVERIFY(waitFor([&] { return mailer.counters().delivered == 1; }));
        QCOMPARE(calls.load(), 3);
        QCOMPARE(mailer.counters().failed, 0);
    }

    void deliveryGivesUpAfterTheLastAttempt()
    {
        std::atomic<int> calls = 0;
        Mailer mailer(QStringLiteral("me@example.com"),
                      [&](const QString &, const QByteArray &) -> Status {
                          ++calls;
                          return Error::of(ErrorKind::Unavailable, QStringLiteral("550 no such user"));
                      },
                      fastOptions());
        QVERIFY(mailer.enqueue({"a@example.com", "s", "b"}).ok());
        QVERIFY(mailer.enqueue({"b@example.com", "s", "b"}).ok());
        QVERIFY(waitFor([&] { return mailer.counters().failed == 2; }));
        QCOMPARE(calls.load(), 6);   // 3 attempts each, no retry storm
        QCOMPARE(mailer.counters().delivered, 0);
    }

    void fullQueueRefusesInsteadOfGrowing()
    {
        std::atomic<bool> release = false;
        Mailer::Options options = fastOptions();
        options.queueLimit = 2;
        Mailer mailer(QStringLiteral("me@example.com"),
                      [&](const QString &, const QByteArray &) -> Status {
                          while (!release)
                              QThread::msleep(1);
                          return {};
                      },
                      options);
        QVERIFY(mailer.enqueue({"a@example.com", "s", "b"}).ok());   // taken by the sender thread
        QVERIFY(waitFor([&] { return mailer.counters().pending == 0; }));
        QVERIFY(mailer.enqueue({"b@example.com", "s", "b"}).ok());
        QVERIFY(mailer.enqueue({"c@example.com", "s", "b"}).ok());
        const Status refused = mailer.enqueue({"d@example.com", "s", "b"});
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("queue is full")));
        QVERIFY(!mailer.enqueue({"not an address", "s", "b"}).ok());
        release = true;
        mailer.shutdown(std::chrono::seconds(5));   // drains what was queued
        QCOMPARE(mailer.counters().delivered, 3);
        QVERIFY(!mailer.enqueue({"e@example.com", "s", "b"}).ok());
    }

    void deliversThroughARealSmtpServer()
    {
        KAI_REQUIRE_SERVICE(SmtpServer::available(), "SMTP test server (apt-get install python3-aiosmtpd)");
        SmtpServer smtp;
        const Status started = smtp.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        {
            Mailer mailer(settingsFor(smtp), fastOptions());
            QVERIFY(mailer.enqueue({"friend@example.com", QStringLiteral("团队邀请"), QStringLiteral("Hello\n.\nBye\n")}).ok());
            QVERIFY(mailer.enqueue({"other@example.com", QStringLiteral("second"), QStringLiteral("2\n")}).ok());
            mailer.shutdown(std::chrono::seconds(20));
            QCOMPARE(mailer.counters().delivered, 2);
        }
        const auto mails = smtp.waitForMessages(2);
        QCOMPARE(int(mails.size()), 2);
        QCOMPARE(mails[0].envelopeRecipient, QStringLiteral("friend@example.com"));
        QCOMPARE(mails[0].header("From"), QStringLiteral("registry@example.com"));
        QCOMPARE(mails[0].header("Subject"), QStringLiteral("团队邀请"));
        QCOMPARE(QString(mails[0].body).replace(QStringLiteral("\r\n"), QStringLiteral("\n")), QStringLiteral("Hello\n.\nBye\n"));
        QCOMPARE(mails[1].envelopeRecipient, QStringLiteral("other@example.com"));
    }

    void unreachableOrPlainServerFailsClearly()
    {
        KAI_REQUIRE_SERVICE(SmtpServer::available(), "SMTP test server (apt-get install python3-aiosmtpd)");
        SmtpServer smtp;
        QVERIFY(smtp.start().ok());
        SmtpSettings settings = settingsFor(smtp);
        auto rendered = renderMessage({"friend@example.com", "s", "b"}, settings.sender, QDateTime::currentDateTimeUtc(), "kai");
        QVERIFY(rendered.ok());

        // MAIL_USE_TLS demands STARTTLS, which this server does not offer:
        // nothing may go out in the clear.
        settings.useTls = true;
        Status sent = sendSmtp(settings, QStringLiteral("friend@example.com"), *rendered);
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(smtp.port())), qPrintable(sent.error().message));
        QCOMPARE(int(smtp.messages().size()), 0);

        smtp.stop();
        settings.useTls = false;
        sent = sendSmtp(settings, QStringLiteral("friend@example.com"), *rendered);
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().kind, ErrorKind::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestMailer)
#include "tst_mailer.moc"
