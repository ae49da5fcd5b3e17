// Team invitations by e-mail (guide chapter 7, reference §2.4): with
// FEATURE_MAILING on, adding a user who is in no team of the organization
// creates a pending invite and mails its code; the invitee accepts or
// declines it with that code. A real SMTP server (python3-aiosmtpd) receives
// the mail, against a real kai-server on SQLite and PostgreSQL.
#include "serverfixture.h"
#include "support/smtpserver.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

using namespace kai::test;

class TestApiTeamInvites : public QObject
{
    Q_OBJECT

private:
    SmtpServer m_smtp;
    ServerFixture m_fixture;
    UserTokens m_tokens{QStringLiteral("invite-password-1")};

    ServerProcess::Options mailingServer() const
    {
        ServerProcess::Options options;
        options.extraConfig = {QStringLiteral("FEATURE_MAILING: true"), QStringLiteral("MAIL_SERVER: 127.0.0.1"),
                               QStringLiteral("MAIL_PORT: %1").arg(m_smtp.port()), QStringLiteral("MAIL_USE_TLS: false"),
                               QStringLiteral("MAIL_DEFAULT_SENDER: registry@example.com"),
                               QStringLiteral("REGISTRY_TITLE: Kai Test")};
        return options;
    }

    static HttpReply call(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                          const QByteArray &body = {})
    {
        return apiCall(server, token, method, path, body);
    }

    // A user made with the CLI, given an e-mail address by the superuser,
    // and its OAuth token. Addresses carry the backend so that the two
    // servers' mails never mix in the one mailbox.
    QString tokenFor(ServerProcess *server, const QString &backend, const QString &user)
    {
        const bool isNew = !m_tokens.has(backend, user);
        const QString token = m_tokens(server, backend, user);
        if (isNew && !token.isEmpty() && user != QLatin1String("admin")) {
            const HttpReply reply = call(server, tokenFor(server, backend, "admin"), "PUT", "/api/v1/superuser/users/" + user,
                                         QStringLiteral(R"({"email": "%1"})").arg(address(backend, user)).toUtf8());
            if (reply.status != 200)
                return {};
        }
        return token;
    }

    static QString address(const QString &backend, const QString &user)
    {
        return QStringLiteral("%1.%2@example.com").arg(user, backend);
    }

    std::vector<ReceivedMail> mailsTo(const QString &recipient, int atLeast)
    {
        QDeadlineTimer deadline(10'000);
        for (;;) {
            std::vector<ReceivedMail> found;
            for (const ReceivedMail &mail : m_smtp.messages())
                if (mail.envelopeRecipient == recipient)
                    found.push_back(mail);
            if (int(found.size()) >= atLeast || deadline.hasExpired())
                return found;
            QThread::msleep(50);
        }
    }

    // The code as the invitee reads it from the mail's link.
    static QString codeIn(const ReceivedMail &mail)
    {
        static const QRegularExpression link(QStringLiteral("/confirminvite\\?code=(\\S+)"));
        const auto match = link.match(mail.body);
        return match.hasMatch() ? QUrl::fromPercentEncoding(match.captured(1).toLatin1()) : QString();
    }

    static QStringList names(const QJsonArray &members)
    {
        QStringList result;
        for (const QJsonValue &v : members)
            result << (v.toObject().contains("name") ? v.toObject().value("name").toString()
                                                      : v.toObject().value("email").toString());
        return result;
    }

    void createOrganization(ServerProcess *server, const QString &admin, const QString &org)
    {
        if (call(server, admin, "GET", "/api/v1/organization/" + org).status == 200)
            return;
        QCOMPARE(call(server, admin, "POST", "/api/v1/organization/", QStringLiteral(R"({"name": "%1"})").arg(org).toUtf8()).status, 201);
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/" + org + "/team/builders", R"({"role": "member"})").status, 200);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void initTestCase()
    {
        KAI_REQUIRE_SERVICE(SmtpServer::available(), "SMTP test server (apt-get install python3-aiosmtpd)");
        const kai::Status started = m_smtp.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    }

    void adminAddsUserInvitedByMailUserAcceptsWithTheCode()
    {
        KAI_SERVER(server, m_fixture, mailingServer());
        const QString admin = tokenFor(server, backend, "admin");
        createOrganization(server, admin, "inviteorg");
        const QString invitee = tokenFor(server, backend, "invitee");
        QVERIFY(!invitee.isEmpty());

        // The user is in no team of the organization yet: invited, not added.
        HttpReply reply = call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/builders/members/invitee");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("name").toString(), QStringLiteral("invitee"));
        QCOMPARE(reply.json().value("invited").toBool(), true);
        reply = call(server, admin, "GET", "/api/v1/organization/inviteorg/team/builders/members");
        QCOMPARE(names(reply.json().value("members").toArray()), QStringList());
        reply = call(server, admin, "GET", "/api/v1/organization/inviteorg/team/builders/members?includePending=true");
        QCOMPARE(names(reply.json().value("members").toArray()), QStringList{"invitee"});
        QCOMPARE(reply.json().value("members").toArray().first().toObject().value("invited").toBool(), true);

        const auto mails = mailsTo(address(backend, "invitee"), 1);
        QCOMPARE(int(mails.size()), 1);
        const ReceivedMail &mail = mails.front();
        QCOMPARE(mail.header("Subject"), QStringLiteral("Invitation to join team"));
        QCOMPARE(mail.header("From"), QStringLiteral("registry@example.com"));
        QVERIFY2(mail.body.contains(QStringLiteral("admin has invited you to join the team builders under organization inviteorg on Kai Test")),
                 qPrintable(mail.body));
        const QString code = codeIn(mail);
        QVERIFY2(code.startsWith(QStringLiteral("urn:teaminvite:")), qPrintable(mail.body));
        QVERIFY(mail.body.contains(server->baseUrl() + QStringLiteral("/confirminvite?code=")));

        // Somebody else cannot use the code meant for this user.
        const QString outsider = tokenFor(server, backend, "outsider");
        reply = call(server, outsider, "PUT", "/api/v1/teaminvite/" + QUrl::toPercentEncoding(code));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value("message").toString(),
                 QStringLiteral("This invite is intended for user \"invitee\". Please login to that account and try again."));

        reply = call(server, invitee, "PUT", "/api/v1/teaminvite/" + QUrl::toPercentEncoding(code));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(), QJsonObject({{"org", "inviteorg"}, {"team", "builders"}}));
        reply = call(server, admin, "GET", "/api/v1/organization/inviteorg/team/builders/members?includePending=true");
        QCOMPARE(names(reply.json().value("members").toArray()), QStringList{"invitee"});
        QCOMPARE(reply.json().value("members").toArray().first().toObject().value("invited").toBool(), false);

        // The code is spent.
        reply = call(server, invitee, "PUT", "/api/v1/teaminvite/" + QUrl::toPercentEncoding(code));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json(), QJsonObject({{"message", "Invalid confirmation code."}}));

        // Now a member of the organization: the next team adds directly.
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/readers", R"({"role": "member"})").status, 200);
        reply = call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/readers/members/invitee");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("invited").toBool(), false);
        // No second mail: the queue delivers in order, so once a later
        // invite's mail is in, an earlier one would be too.
        const QString marker = address(backend, "marker");
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/readers/invite/" + marker).status, 200);
        QCOMPARE(int(mailsTo(marker, 1).size()), 1);
        QCOMPARE(int(mailsTo(address(backend, "invitee"), 1).size()), 1);
    }

    void inviteByEmailAddressIsMailedAndCanBeDeclined()
    {
        KAI_SERVER(server, m_fixture, mailingServer());
        const QString admin = tokenFor(server, backend, "admin");
        createOrganization(server, admin, "inviteorg");
        const QString friendAddress = address(backend, "friend");
        HttpReply reply = call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/builders/invite/" + friendAddress);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("email").toString(), friendAddress);
        QCOMPARE(reply.json().value("kind").toString(), QStringLiteral("invite"));
        QCOMPARE(reply.json().value("invited").toBool(), true);

        const auto mails = mailsTo(friendAddress, 1);
        QCOMPARE(int(mails.size()), 1);
        const QString code = codeIn(mails.front());
        QVERIFY(!code.isEmpty());

        // Whoever holds an e-mail invite's code may decline it; then it is gone.
        const QString decliner = tokenFor(server, backend, "decliner");
        QCOMPARE(call(server, decliner, "DELETE", "/api/v1/teaminvite/" + QUrl::toPercentEncoding(code)).status, 204);
        reply = call(server, admin, "GET", "/api/v1/organization/inviteorg/team/builders/members?includePending=true");
        QVERIFY(!names(reply.json().value("members").toArray()).contains(friendAddress));
        QCOMPARE(call(server, decliner, "PUT", "/api/v1/teaminvite/" + QUrl::toPercentEncoding(code)).status, 400);

        // Inviting the same address twice keeps one invite (one code).
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/builders/invite/" + friendAddress).status, 200);
        QCOMPARE(call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/builders/invite/" + friendAddress).status, 200);
        const auto again = mailsTo(friendAddress, 3);
        QCOMPARE(int(again.size()), 3);
        QCOMPARE(codeIn(again[1]), codeIn(again[2]));
        reply = call(server, admin, "GET", "/api/v1/organization/inviteorg/team/builders/members?includePending=true");
        QCOMPARE(names(reply.json().value("members").toArray()).count(friendAddress), 1);
    }

    void badInvitesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<int>("status");
        QTest::newRow("no at sign") << QStringLiteral("not-an-address") << 400;
        QTest::newRow("header injection") << QStringLiteral("a@b.c%0D%0ABcc:%20victim@example.com") << 400;
    }
    void badInvitesAreRefusedAndChangeNothing()
    {
        KAI_SERVER(server, m_fixture, mailingServer());
        QFETCH(QString, email);
        QFETCH(int, status);
        const QString admin = tokenFor(server, backend, "admin");
        createOrganization(server, admin, "inviteorg");
        const HttpReply before = call(server, admin, "GET", "/api/v1/organization/inviteorg/team/builders/members?includePending=true");
        const HttpReply reply = call(server, admin, "PUT", "/api/v1/organization/inviteorg/team/builders/invite/" + email);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.json().value("message").toString(), QStringLiteral("Invalid email address"));
        QCOMPARE(call(server, admin, "GET", "/api/v1/organization/inviteorg/team/builders/members?includePending=true").json(),
                 before.json());
        // Only organization admins invite.
        const QString outsider = tokenFor(server, backend, "outsider");
        QCOMPARE(call(server, outsider, "PUT", "/api/v1/organization/inviteorg/team/builders/invite/x@example.com").status, 403);
    }
};

QTEST_GUILESS_MAIN(TestApiTeamInvites)
#include "tst_api_team_invites.moc"
