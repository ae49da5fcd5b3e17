// The entity picker (console-workflows §0 "Entity picker"), the chooser of
// every user, robot and team field, against a real kai-server on SQLite
// and PostgreSQL: a person types part of a name, the matches appear under
// the field (name + kind), and one is taken with the keyboard or the
// mouse; editing the text drops the choice; "No results found" offers
// nothing; the server's refusal is shown as text. A stand-in server that
// answers when the test says so shows that a picker closed mid-request
// gets nothing and that an older answer never replaces a newer one.
// With its create shortcuts on, an empty field offers the organization's
// teams and robots and "Create team" / "Create robot account", which open
// the create dialogs and choose what they made; so it is in the "Add
// Permission" dialog of an organization's repository.
#include "consolefixture.h"

#include "client/apiclient.h"
#include "dialogs/addpermissiondialog.h"
#include "dialogs/createrobotwizard.h"
#include "dialogs/createteamdialog.h"
#include "dialogs/createteamwizard.h"
#include "models/entitylistmodel.h"
#include "widgets/entitypicker.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonObject>
#include <QPushButton>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QVBoxLayout>

using namespace kai;
using namespace kai::test;

namespace {

// An HTTP server on loopback that holds every request until the test
// answers it: the slow server of the in-flight cases.
class HeldRequests final : public QObject
{
public:
    HeldRequests()
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    const QByteArray &buffer = m_buffers[socket];
                    if (buffer.contains("\r\n\r\n") && !m_requests.contains(socket))
                        m_requests.append(socket);
                });
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int count() const { return int(m_requests.size()); }
    // The request line of request `i` ("GET /api/v1/entities/x?... HTTP/1.1").
    QByteArray requestLine(int i) const { return m_buffers.value(m_requests.at(i)).split('\r').first(); }
    bool isOpen(int i) const { return m_requests.at(i)->state() == QAbstractSocket::ConnectedState; }

    // Answers request `i` with one user named `name`.
    void answer(int i, const QString &name)
    {
        QTcpSocket *socket = m_requests.at(i);
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        const QByteArray body = QStringLiteral(R"({"results": [{"name": "%1", "kind": "user", "is_robot": false}]})")
                                    .arg(name)
                                    .toUtf8();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->flush();
    }

private:
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// A window holding one picker, as a dialog's form does; with a namespace,
// it offers that organization's robots and teams.
struct PickerWindow
{
    explicit PickerWindow(client::ApiClient &client, const QString &namespaceName = {}, bool shortcuts = false)
    {
        auto *layout = new QVBoxLayout(&window);
        picker = new console::EntityPicker(client, &window);
        if (!namespaceName.isEmpty()) {
            picker->setNamespace(namespaceName);
            picker->setIncludeTeams(true);
        }
        picker->setCreateShortcuts(shortcuts);
        layout->addWidget(picker);
        window.resize(400, 80);
        edit = widget<QLineEdit>(picker, "entityPickerEdit");
        results = widget<QListView>(picker, "entityPickerResults");
        tester = std::make_unique<QAbstractItemModelTester>(results->model(),
                                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        changes = std::make_unique<QSignalSpy>(picker, &console::EntityPicker::entityChanged);
        window.show();
    }

    // Highlights the row reading `text` and presses Enter in the list, as a
    // person does; false when there is no such row.
    bool activate(const QString &text) const
    {
        for (int i = 0; i < results->model()->rowCount(); ++i) {
            if (results->model()->index(i, 0).data().toString() == text) {
                results->setCurrentIndex(results->model()->index(i, 0));
                QTest::keyClick(results, Qt::Key_Return);
                return true;
            }
        }
        return false;
    }

    QStringList rows() const
    {
        QStringList texts;
        for (int i = 0; i < results->model()->rowCount(); ++i)
            texts << results->model()->index(i, 0).data().toString();
        return texts;
    }

    void clickRow(int row, bool twice = false) const
    {
        const QPoint centre = results->visualRect(results->model()->index(row, 0)).center();
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, centre);
        // A double click arrives as a click, then a double-click event and a
        // release (QTest::mouseDClick sends only the middle one).
        if (twice) {
            QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, centre);
            QTest::mouseRelease(results->viewport(), Qt::LeftButton, {}, centre);
        }
    }

    QWidget window;
    console::EntityPicker *picker = nullptr;
    QLineEdit *edit = nullptr;
    QListView *results = nullptr;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<QSignalSpy> changes;
};

} // namespace

class TestConsoleEntityPicker : public ConsoleSuite
{
    Q_OBJECT

private:
    QSet<QString> m_made;   // "<backend>/<what>" already made on that server
    ConsoleServers m_noRobotServers;   // ROBOTS_DISALLOW: true

    // Users "pickalice", "pickalbert" and the organization "pickorg" with
    // the robot "pickorg+pickbot" and the team "pickers", once per server.
    bool makeEntities(ServerProcess *server, const QString &backend)
    {
        if (m_made.contains(backend))
            return true;
        for (const char *user : {"pickalice", "pickalbert"}) {
            if (!server->createUser(QLatin1String(user), QStringLiteral("picker-password-1")).ok())
                return false;
        }
        if (admin(server, backend, "POST", "/api/v1/organization/", R"({"name": "pickorg"})").status != 201
            || admin(server, backend, "PUT", "/api/v1/organization/pickorg/robots/pickbot", "{}").status != 201
            || admin(server, backend, "PUT", "/api/v1/organization/pickorg/team/pickers", R"({"role": "member"})").status != 200)
            return false;
        m_made.insert(backend);
        return true;
    }

    // The entities made, `client` signed in as the admin, and a new
    // organization with the team "crew" and the robot "<org>+bot"; its name,
    // or empty when a step failed.
    QString signInWithOrganization(ServerProcess *server, const QString &backend, client::ApiClient &client)
    {
        if (!signIn(server, backend, client))
            return QString();
        const QString org = createOrganization(server, backend, "shortcuts");
        if (admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/robots/bot").arg(org), "{}").status != 201
            || admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/crew").arg(org), R"({"role": "member"})")
                       .status
                   != 200)
            return QString();
        return org;
    }

    int statusOf(ServerProcess *server, const QString &backend, const QString &path)
    {
        return admin(server, backend, "GET", path).status;
    }

    // Chooses "Create team" in the picker's defaults, names the team in the
    // dialog and proceeds; the wizard that follows, or none.
    static console::CreateTeamWizard *createTeamThroughPicker(console::EntityPicker *picker, const QString &team)
    {
        auto *edit = widget<QLineEdit>(picker, "entityPickerEdit");
        auto *results = widget<QListView>(picker, "entityPickerResults");
        QTest::mouseClick(edit, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return results->isVisible(); }, 15'000))
            return nullptr;
        for (int i = 0; i < results->model()->rowCount(); ++i) {
            if (results->model()->index(i, 0).data().toString() == QLatin1String("Create team")) {
                results->setCurrentIndex(results->model()->index(i, 0));
                QTest::keyClick(results, Qt::Key_Return);
                break;
            }
        }
        auto *dialog = picker->findChild<console::CreateTeamDialog *>();
        if (!dialog || !dialog->isVisible())
            return nullptr;
        QTest::keyClicks(widget<QLineEdit>(dialog, "teamNameEdit"), team);
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        console::CreateTeamWizard *wizard = nullptr;
        const bool opened =
            QTest::qWaitFor([&] { return (wizard = picker->findChild<console::CreateTeamWizard *>()) != nullptr; }, 15'000);
        return opened ? wizard : nullptr;
    }

    // The entities made and `client` signed in as the admin.
    bool signIn(ServerProcess *server, const QString &backend, client::ApiClient &client)
    {
        return makeEntities(server, backend) && signInAsAdmin(client, server);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void typedPrefixShowsMatchesAndTheKeyboardChoosesOne()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        QVERIFY(signIn(server, backend, client));
        PickerWindow w(client, "pickorg");

        QTest::keyClicks(w.edit, "pickal");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"pickalbert (user)", "pickalice (user)"}), 15'000);
        QVERIFY(w.results->isVisible());
        saveScreenshot(&w.window, "entity-picker");
        saveScreenshot(w.results, "entity-picker-results");

        // Down moves into the list, again to the second row; Enter takes it.
        QTest::keyClick(w.edit, Qt::Key_Down);
        QTest::keyClick(w.edit, Qt::Key_Down);
        QCOMPARE(w.results->currentIndex().row(), 1);
        QTest::keyClick(w.edit, Qt::Key_Return);
        QVERIFY(w.picker->entity().has_value());
        QCOMPARE(w.picker->entity()->name, QStringLiteral("pickalice"));
        QCOMPARE(w.picker->entity()->kind, client::Entity::Kind::User);
        QCOMPARE(w.changes->count(), 1);
        QCOMPARE(w.edit->text(), QStringLiteral("pickalice"));
        QVERIFY(!w.results->isVisible());

        // Editing the chosen name drops the choice.
        QTest::keyClick(w.edit, Qt::Key_Backspace);
        QVERIFY(!w.picker->entity().has_value());
        QCOMPARE(w.changes->count(), 2);

        // The popup has the keyboard while it is open: typing there goes
        // on in the field, Down and Enter in the list take the row.
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"pickalice (user)"}), 15'000);
        w.edit->clear();
        QTest::keyClicks(w.edit, "pickorg");
        QTRY_VERIFY_WITH_TIMEOUT(w.results->isVisible(), 15'000);
        QTest::keyClicks(w.results, "+pi");
        QCOMPARE(w.edit->text(), QStringLiteral("pickorg+pi"));
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"pickorg+pickbot (robot)"}), 15'000);
        QTest::keyClick(w.results, Qt::Key_Down);
        QTest::keyClick(w.results, Qt::Key_Return);
        QVERIFY(w.picker->entity().has_value());
        QCOMPARE(w.picker->entity()->name, QStringLiteral("pickorg+pickbot"));
        QVERIFY(w.picker->entity()->isRobot);

        // Escape closes the list and chooses nothing.
        w.picker->clear();
        QVERIFY(!w.picker->entity().has_value());
        QTest::keyClicks(w.edit, "pickal");
        QTRY_VERIFY_WITH_TIMEOUT(w.results->isVisible() && w.rows().size() == 2, 15'000);
        QTest::keyClick(w.edit, Qt::Key_Escape);
        QVERIFY(!w.results->isVisible());
        QVERIFY(!w.picker->entity().has_value());
    }

    void aClickChoosesRobotsAndTeams()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        QVERIFY(signIn(server, backend, client));
        PickerWindow w(client, "pickorg");

        // "pickorg+x" sends only "x"; the robot comes back by its full name.
        QTest::keyClicks(w.edit, "pickorg+pickb");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"pickorg+pickbot (robot)"}), 15'000);
        // "pickorg+" alone lists the organization's robots.
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(w.edit, Qt::Key_Backspace);
        QCOMPARE(w.edit->text(), QStringLiteral("pickorg+"));
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"pickorg+pickbot (robot)"}), 15'000);
        w.clickRow(0);
        QVERIFY(w.picker->entity().has_value());
        QCOMPARE(w.picker->entity()->name, QStringLiteral("pickorg+pickbot"));
        QVERIFY(w.picker->entity()->isRobot);
        QCOMPARE(w.changes->count(), 1);

        w.picker->clear();
        QCOMPARE(w.changes->count(), 2);
        QTest::keyClicks(w.edit, "picker");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"pickers (team)"}), 15'000);
        w.clickRow(0, /*twice=*/true);
        QVERIFY(w.picker->entity().has_value());
        QCOMPARE(w.picker->entity()->name, QStringLiteral("pickers"));
        QCOMPARE(w.picker->entity()->kind, client::Entity::Kind::Team);
        QCOMPARE(w.changes->count(), 3);

        // Without includeTeams the team is not offered.
        w.picker->clear();
        w.picker->setIncludeTeams(false);
        QTest::keyClicks(w.edit, "picker");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"No results found"}), 15'000);
    }

    void noMatchSaysSoAndOffersNothing()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        QVERIFY(signIn(server, backend, client));
        PickerWindow w(client);

        QTest::keyClicks(w.edit, "picknobody");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"No results found"}), 15'000);
        QVERIFY(w.results->isVisible());
        QVERIFY(!(w.results->model()->flags(w.results->model()->index(0, 0)) & Qt::ItemIsSelectable));
        w.clickRow(0);
        QTest::keyClick(w.edit, Qt::Key_Down);
        QTest::keyClick(w.edit, Qt::Key_Return);
        QVERIFY(!w.picker->entity().has_value());
        QCOMPARE(w.changes->count(), 0);
    }

    void refusedSearchIsShownAsText()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        // Not signed in: the server answers 401.
        client::ApiClient client;
        client.setServer(QUrl(server->baseUrl()));
        PickerWindow w(client);

        QTest::keyClicks(w.edit, "adm");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows().size(), 1, 15'000);
        QVERIFY2(w.rows().first().contains("Requires authentication"), qPrintable(w.rows().first()));
        QTest::keyClick(w.edit, Qt::Key_Down);
        QTest::keyClick(w.edit, Qt::Key_Return);
        QVERIFY(!w.picker->entity().has_value());
    }

    void answersAreReadAsQuayWritesThem()
    {
        const auto parse = [](const char *json) { return client::EntityList::fromJson(QJsonDocument::fromJson(json)); };
        const Result<client::EntityList> list = parse(R"({"results": [
            {"name": "acme+ci", "kind": "user", "is_robot": true, "is_org_member": true},
            {"name": "owners", "kind": "team", "is_org_member": true},
            {"name": "acme", "kind": "org"},
            {"name": "someone", "kind": "invite"},
            {"kind": "user"}]})");
        QVERIFY(list.ok());
        // Entries of an unknown kind or without a name cannot be chosen.
        QCOMPARE(list->results.size(), 3);
        QCOMPARE(list->results.at(0).name, QStringLiteral("acme+ci"));
        QVERIFY(list->results.at(0).isRobot);
        QVERIFY(list->results.at(0).isOrgMember);
        QCOMPARE(list->results.at(1).kind, client::Entity::Kind::Team);
        QCOMPARE(list->results.at(2).kind, client::Entity::Kind::Organization);
        QCOMPARE(client::Entity::kindName(client::Entity::Kind::External), QStringLiteral("external"));

        QVERIFY(!parse(R"({"robots": []})").ok());
        QVERIFY(!parse("not json").ok());
        QVERIFY(parse(R"({"results": []})")->results.isEmpty());
    }

    void pickerClosedMidRequestGetsNothing()
    {
        HeldRequests held;
        client::ApiClient client;
        client.setServer(held.url());
        auto w = std::make_unique<PickerWindow>(client);

        QTest::keyClicks(w->edit, "slow");
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, 15'000);
        QVERIFY(held.requestLine(0).startsWith("GET /api/v1/entities/slow?"));
        w.reset();
        // The request was abandoned; answering it now reaches nobody.
        QTRY_VERIFY_WITH_TIMEOUT(!held.isOpen(0), 15'000);
        held.answer(0, "late");
        QTest::qWait(50);
    }

    void pickerClosedWithItsListOpen()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        QVERIFY(signIn(server, backend, client));
        PickerWindow w(client, "pickorg");
        QTest::keyClicks(w.edit, "pickal");
        QTRY_VERIFY_WITH_TIMEOUT(w.results->isVisible() && w.rows().size() == 2, 15'000);
        QPointer<QListView> results = w.results;
        w.tester.reset();
        delete w.picker;
        QVERIFY(results.isNull());
    }

    void emptyFieldOffersTeamsRobotsAndCreateActions()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        const QString org = signInWithOrganization(server, backend, client);
        QVERIFY(!org.isEmpty());
        PickerWindow w(client, org);

        // Off (the default), an empty field offers nothing.
        QTest::keyClick(w.edit, Qt::Key_Down);
        QTest::qWait(100);
        QCOMPARE(w.results->model()->rowCount(), 0);

        // On: a click into the empty field lists the defaults.
        w.picker->setCreateShortcuts(true);
        QTest::mouseClick(w.edit, Qt::LeftButton);
        // Every organization has its "owners" team.
        const QStringList defaults{"Teams",        "crew (team)",          "owners (team)",        "Robot accounts",
                                   org + "+bot (robot)", "Create team", "Create robot account"};
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), defaults, 15'000);
        QVERIFY(w.results->isVisible());
        saveScreenshot(w.results, "entity-picker-defaults");
        // Headings are no choice; Down passes over them.
        QVERIFY(!w.results->model()->flags(w.results->model()->index(0, 0)).testFlag(Qt::ItemIsSelectable));
        QTest::keyClick(w.edit, Qt::Key_Down);
        QCOMPARE(w.results->currentIndex().row(), 1);
        QTest::keyClick(w.edit, Qt::Key_Down);
        QCOMPARE(w.results->currentIndex().row(), 2);
        QTest::keyClick(w.edit, Qt::Key_Down);
        QCOMPARE(w.results->currentIndex().row(), 4);
        QTest::keyClick(w.edit, Qt::Key_Return);
        QVERIFY(w.picker->entity().has_value());
        QCOMPARE(w.picker->entity()->name, org + "+bot");
        QVERIFY(w.picker->entity()->isRobot);

        // Erasing the text offers the defaults again; without teams there is
        // no team group and no "Create team".
        w.picker->setIncludeTeams(false);
        w.edit->selectAll();
        QTest::keyClick(w.edit, Qt::Key_Backspace);
        QVERIFY(!w.picker->entity().has_value());
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"Robot accounts", org + "+bot (robot)", "Create robot account"}),
                                  15'000);
        // Typing searches as before.
        QTest::keyClicks(w.edit, "pickal");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"pickalbert (user)", "pickalice (user)"}), 15'000);
    }

    void serverWithoutRobotsOffersNoCreateRobotAccount()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgresql"))
            KAI_REQUIRE_SERVICE(PgCluster::available(), "PostgreSQL (apt-get install postgresql)");
        m_noRobotServers.setExtraConfig({QStringLiteral("ROBOTS_DISALLOW: true")});
        ServerProcess *server = m_noRobotServers.server(backend);
        QVERIFY2(server, "kai-server did not start");
        const QString org = freshName("norobots");
        QCOMPARE(apiCall(server, m_noRobotServers.adminToken(backend), "POST", "/api/v1/organization/",
                         QStringLiteral(R"({"name": "%1"})").arg(org).toUtf8())
                     .status,
                 201);
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, server));
        PickerWindow w(client, org, true);
        QTest::mouseClick(w.edit, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.rows().contains("Create team"), 15'000);
        QVERIFY2(!w.rows().contains("Create robot account"), qPrintable(w.rows().join(", ")));
        QVERIFY(w.rows().contains("owners (team)"));
    }

    void createTeamOpensTheDialogAndWizardAndChoosesTheTeam()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        const QString org = signInWithOrganization(server, backend, client);
        QVERIFY(!org.isEmpty());
        PickerWindow w(client, org, /*shortcuts=*/true);

        console::CreateTeamWizard *wizard = createTeamThroughPicker(w.picker, "fresh");
        QVERIFY(wizard);
        QCOMPARE(statusOf(server, backend, QStringLiteral("/api/v1/organization/%1/team/fresh/members").arg(org)), 200);
        // The team is the choice as soon as it exists.
        QVERIFY(w.picker->entity().has_value());
        QCOMPARE(w.picker->entity()->name, QStringLiteral("fresh"));
        QCOMPARE(w.picker->entity()->kind, client::Entity::Kind::Team);
        QCOMPARE(w.edit->text(), QStringLiteral("fresh"));
        QCOMPARE(w.changes->count(), 1);

        // The wizard's plan is sent: the robot becomes a member.
        wizard->next();
        wizard->next();
        QVERIFY(chooseEntity(widget<QWidget>(wizard, "wizardMemberPicker"), org + "+b", org + "+bot"));
        QTRY_VERIFY(widget<QPushButton>(wizard, "wizardAddMemberButton")->isEnabled());
        QTest::mouseClick(widget<QPushButton>(wizard, "wizardAddMemberButton"), Qt::LeftButton);
        wizard->next();
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            admin(server, backend, "GET",
                    QStringLiteral("/api/v1/organization/%1/team/fresh/members").arg(org))
                .body.contains(QStringLiteral("\"%1+bot\"").arg(org).toUtf8()),
            15'000);
        QCOMPARE(w.picker->entity()->name, QStringLiteral("fresh"));
    }

    void createRobotOpensTheWizardAndChoosesTheRobot()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        const QString org = signInWithOrganization(server, backend, client);
        QVERIFY(!org.isEmpty());
        PickerWindow w(client, org, /*shortcuts=*/true);

        QTest::keyClick(w.edit, Qt::Key_Down);
        QTRY_VERIFY_WITH_TIMEOUT(w.rows().contains("Create robot account"), 15'000);
        QVERIFY(w.activate("Create robot account"));
        auto *wizard = w.picker->findChild<console::CreateRobotWizard *>();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        // One dialog at a time: the list offers nothing while it is open.
        QVERIFY(!w.results->isVisible());
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), "maker");
        QTest::mouseClick(widget<QAbstractButton>(wizard, "reviewAndFinishButton"), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::ReviewStep));
        QTest::mouseClick(widget<QAbstractButton>(wizard, "finishButton"), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(w.picker->entity().has_value(), 15'000);
        QCOMPARE(w.picker->entity()->name, org + "+maker");
        QVERIFY(w.picker->entity()->isRobot);
        QCOMPARE(w.edit->text(), org + "+maker");
        QCOMPARE(statusOf(server, backend, QStringLiteral("/api/v1/organization/%1/robots/maker").arg(org)), 200);
    }

    void pickerDeletedWithACreateDialogOrDefaultsInFlight()
    {
        // The defaults' three requests (teams, robots, /config) are
        // abandoned with the picker.
        {
            HeldRequests held;
            client::ApiClient client;
            client.setServer(held.url());
            auto w = std::make_unique<PickerWindow>(client, "acme");
            w->picker->setCreateShortcuts(true);
            QTest::keyClick(w->edit, Qt::Key_Down);
            QTRY_COMPARE_WITH_TIMEOUT(held.count(), 3, 15'000);
            QStringList lines;
            for (int i = 0; i < 3; ++i)
                lines << QString::fromLatin1(held.requestLine(i));
            QCOMPARE(lines.filter(QStringLiteral("/organization/acme")).size(), 2);
            QCOMPARE(lines.filter(QStringLiteral("GET /config ")).size(), 1);
            w.reset();
            QTRY_VERIFY_WITH_TIMEOUT(!held.isOpen(0) && !held.isOpen(1) && !held.isOpen(2), 15'000);
        }
        // The create dialog goes with the picker.
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        const QString org = signInWithOrganization(server, backend, client);
        QVERIFY(!org.isEmpty());
        PickerWindow w(client, org, /*shortcuts=*/true);
        QTest::mouseClick(w.edit, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.rows().contains("Create team"), 15'000);
        QVERIFY(w.activate("Create team"));
        QPointer<console::CreateTeamDialog> dialog = w.picker->findChild<console::CreateTeamDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(widget<QLineEdit>(dialog, "teamNameEdit"), "gone");
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        w.tester.reset();
        w.changes.reset();
        delete w.picker;
        QVERIFY(dialog.isNull());
        QTest::qWait(200);   // a late answer reaches nobody
    }

    // The "Add Permission" dialog of an organization's repository: "Create
    // team" there, then Submit grants the new team Admin.
    void addPermissionCreatesATeamAndGrantsIt()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        const QString org = signInWithOrganization(server, backend, client);
        QVERIFY(!org.isEmpty());
        QCOMPARE(admin(server, backend, "POST", "/api/v1/repository",
                         QStringLiteral(R"({"namespace": "%1", "repository": "app", "visibility": "private", "description": ""})")
                             .arg(org)
                             .toUtf8())
                     .status,
                 201);
        console::AddPermissionDialog dialog(client, org, QStringLiteral("app"), /*teams=*/true);
        dialog.show();
        auto *picker = widget<console::EntityPicker>(&dialog, "permissionEntityPicker");
        console::CreateTeamWizard *wizard = createTeamThroughPicker(picker, "deployers");
        QVERIFY(wizard);
        wizard->reject();
        QVERIFY(picker->entity().has_value());
        QCOMPARE(widget<QComboBox>(&dialog, "permissionRoleCombo")->currentData().toString(), QStringLiteral("admin"));
        QTRY_VERIFY(widget<QPushButton>(&dialog, "createButton")->isEnabled());
        QTest::mouseClick(widget<QPushButton>(&dialog, "createButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 15'000);
        const HttpReply granted = admin(server, backend, "GET",
                                          QStringLiteral("/api/v1/repository/%1/app/permissions/team/deployers").arg(org));
        QCOMPARE(granted.status, 200);
        QCOMPARE(granted.json().value("role").toString(), QStringLiteral("admin"));
    }

    void anOlderAnswerNeverReplacesANewerOne()
    {
        HeldRequests held;
        client::ApiClient client;
        client.setServer(held.url());
        PickerWindow w(client);
        w.picker->setNamespace("acme");

        QTest::keyClicks(w.edit, "fir");
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, 15'000);
        QTest::keyClicks(w.edit, "st");
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 2, 15'000);
        QVERIFY(held.requestLine(0).startsWith("GET /api/v1/entities/fir?namespace=acme "));
        QVERIFY(held.requestLine(1).startsWith("GET /api/v1/entities/first?namespace=acme "));

        // Typing on abandoned the older search; should its answer still
        // come after the newer one's, it is not shown.
        QTRY_VERIFY_WITH_TIMEOUT(!held.isOpen(0), 15'000);
        held.answer(1, "newer");
        QTRY_COMPARE_WITH_TIMEOUT(w.rows(), QStringList({"newer (user)"}), 15'000);
        held.answer(0, "older");
        QTest::qWait(100);
        QCOMPARE(w.rows(), QStringList({"newer (user)"}));
    }
};

QTEST_MAIN(TestConsoleEntityPicker)
#include "tst_console_entitypicker.moc"
