// An organization's "Teams and membership" tab against a real kai-server
// (console-workflows §3.2): the org admin creates a team and, in its
// wizard, gives it write on a repository and a member; changes a team's
// role; adds a robot through the entity picker, invites by e-mail, removes
// a member; deletes a team after typing `confirm`; reads the Members and
// Collaborators views and removes a collaborator. The server's refusals
// appear with Quay's message, and dialogs closed mid-request call nobody
// back. Invites need e-mail: a real SMTP server (python3-aiosmtpd) is the
// server's mail relay.
#include "consolefixture.h"

#include "support/smtpserver.h"

#include "client/endpoints/teams.h"
#include "dialogs/createteamdialog.h"
#include "dialogs/createteamwizard.h"
#include "dialogs/teammembersdialog.h"
#include "dialogs/teampermissionsdialog.h"
#include "dialogs/teamroledialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/orgpeoplemodel.h"
#include "models/teamlistmodel.h"
#include "models/teammembermodel.h"
#include "pages/namespacepage.h"
#include "pages/teamstab.h"
#include "widgets/loadstateview.h"
#include "widgets/repositorylevelgrid.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>

using namespace kai;
using namespace kai::test;

class TestConsoleTeams : public ConsoleSuite
{
    Q_OBJECT

private:
    SmtpServer m_smtp;

    QString createOrganization(ServerProcess *server, const QString &backend)
    {
        return ConsoleSuite::createOrganization(server, backend, "teams");
    }

    void createRepository(ServerProcess *server, const QString &backend, const QString &org, const QString &repository)
    {
        const HttpReply reply = admin(server, backend, "POST", "/api/v1/repository",
                                      QStringLiteral(R"({"namespace": "%1", "repository": "%2", "visibility": "private", "description": ""})")
                                          .arg(org, repository)
                                          .toUtf8());
        if (reply.status != 201)
            qWarning("creating repository %s: %d", qPrintable(repository), reply.status);
    }

    void createTeam(ServerProcess *server, const QString &backend, const QString &org, const QString &team)
    {
        if (admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/%2").arg(org, team),
                  R"({"role": "member"})").status != 200)
            qWarning("creating team %s failed", qPrintable(team));
    }

    // A user made with the server's CLI (once per backend).
    QString createUser(ServerProcess *server, const char *stem)
    {
        const QString name = freshName(stem);
        if (!server->createUser(name, QStringLiteral("team-user-pw1")).ok())
            qWarning("creating user %s failed", qPrintable(name));
        return name;
    }

    QJsonObject teamThroughApi(ServerProcess *server, const QString &backend, const QString &org, const QString &team)
    {
        return admin(server, backend, "GET", QStringLiteral("/api/v1/organization/%1").arg(org))
            .json()
            .value("teams")
            .toObject()
            .value(team)
            .toObject();
    }

    // Names (e-mail for e-mail invites) with "(invited)" after pending ones.
    QStringList membersThroughApi(ServerProcess *server, const QString &backend, const QString &org, const QString &team)
    {
        QStringList names;
        const QJsonArray members =
            admin(server, backend, "GET",
                  QStringLiteral("/api/v1/organization/%1/team/%2/members?includePending=true").arg(org, team))
                .json()
                .value("members")
                .toArray();
        for (const QJsonValue &value : members) {
            const QJsonObject member = value.toObject();
            const QString name = member.contains("name") ? member.value("name").toString() : member.value("email").toString();
            names << (member.value("invited").toBool() ? name + QStringLiteral(" (invited)") : name);
        }
        return names;
    }

    QString teamRoleOnRepository(ServerProcess *server, const QString &backend, const QString &org,
                                 const QString &repository, const QString &team)
    {
        return admin(server, backend, "GET",
                     QStringLiteral("/api/v1/repository/%1/%2/permissions/team/%3").arg(org, repository, team))
            .json()
            .value("role")
            .toString();
    }

    struct Session
    {
        client::ApiClient client;
        std::unique_ptr<console::MainWindow> window;
        console::TeamsTab *tab = nullptr;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    };

    static void watch(Session &session, QAbstractItemModel *model)
    {
        session.testers.push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

    // The admin's main window with `org` open on its Teams tab, the teams
    // loaded; every model of the tab is watched.
    bool open(Session &session, ServerProcess *server, const QString &org)
    {
        if (!signInAsAdmin(session.client, server) || !(session.window = mainWindowFor(session.client)))
            return false;
        session.window->show();
        session.window->openOrganization(org);
        auto *page = session.window->findChild<console::NamespacePage *>();
        session.tab = page->teams();
        auto *tabs = page->findChild<QTabWidget *>("namespaceTabs");
        tabs->setCurrentWidget(session.tab);
        watch(session, session.tab->teamModel());
        watch(session, session.tab->memberModel());
        watch(session, session.tab->collaboratorModel());
        for (const char *proxy : {"teamProxy", "memberProxy", "collaboratorProxy"})
            watch(session, session.tab->findChild<QSortFilterProxyModel *>(proxy));
        return QTest::qWaitFor([&] { return session.tab->teamModel()->rowOf("owners") >= 0; }, 15'000);
    }

    // The main window of `user` (signed in with the session flow) with
    // `org` open; nullptr when sign-in failed.
    static console::TeamsTab *openAs(Session &session, ServerProcess *server, const QString &user, const QString &org)
    {
        if (!signInAs(session.client, server, user, QStringLiteral("team-user-pw1"))
            || !(session.window = mainWindowFor(session.client)))
            return nullptr;
        session.window->show();
        session.window->openOrganization(org);
        session.tab = session.window->findChild<console::NamespacePage *>()->teams();
        watch(session, session.tab->teamModel());
        return session.tab;
    }

    static void selectTeam(console::TeamsTab *tab, const QString &team)
    {
        auto *table = tab->findChild<QTableView *>("teamTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        table->clearSelection();
        table->selectRow(proxy->mapFromSource(tab->teamModel()->index(tab->teamModel()->rowOf(team), 0)).row());
    }

    template <typename Dialog>
    static Dialog *click(QWidget *parent, const char *button)
    {
        QTest::mouseClick(widget<QPushButton>(parent, button), Qt::LeftButton);
        return parent->findChild<Dialog *>();
    }

    // What the grid's level editor commits when a level is picked.
    static void pickLevel(console::RepositoryLevelModel *model, const QString &repository, console::RepositoryLevel level)
    {
        const QModelIndex cell = model->index(model->rowOf(repository), console::RepositoryLevelModel::PermissionColumn);
        QVERIFY(model->setData(cell, int(level), console::RepositoryLevelModel::LevelRole));
    }

    // Answers the open question called `name` (an earlier, answered one
    // may not be deleted yet).
    static QMessageBox *answerYes(QWidget *parent, const char *name)
    {
        for (QMessageBox *box : parent->findChildren<QMessageBox *>(QLatin1String(name))) {
            if (box->isVisible()) {
                QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
                return box;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }

    void initTestCase()
    {
        KAI_REQUIRE_SERVICE(SmtpServer::available(), "SMTP test server (apt-get install python3-aiosmtpd)");
        const kai::Status started = m_smtp.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
        // E-mail invites need a mailer; users are still added directly.
        m_servers.setExtraConfig({QStringLiteral("FEATURE_MAILING: true"), QStringLiteral("FEATURE_REQUIRE_TEAM_INVITE: false"),
                                  QStringLiteral("MAIL_SERVER: 127.0.0.1"), QStringLiteral("MAIL_PORT: %1").arg(m_smtp.port()),
                                  QStringLiteral("MAIL_USE_TLS: false"),
                                  QStringLiteral("MAIL_DEFAULT_SENDER: registry@example.com")});
    }

    void init() { m_settings.clear(); }

    void adminCreatesATeamWithRepositoryAndMemberInTheWizard()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createRepository(server, backend, org, "app");
        const QString alice = createUser(server, "alice");
        Session session;
        QVERIFY(open(session, server, org));
        auto *tabs = session.window->findChild<QTabWidget *>("namespaceTabs");
        QCOMPARE(tabs->tabText(tabs->indexOf(session.tab)), QStringLiteral("Teams and membership"));
        QVERIFY(tabs->indexOf(session.tab) < tabs->indexOf(session.window->findChild<QWidget *>("robotAccountsTab")));
        QVERIFY(session.tab->isAdmin());

        auto *dialog = click<console::CreateTeamDialog>(session.tab, "createTeamButton");
        QVERIFY(dialog);
        auto *name = widget<QLineEdit>(dialog, "teamNameEdit");
        auto *proceed = widget<QPushButton>(dialog, "createButton");
        // Quay's rule and the existing teams are checked before sending.
        QTest::keyClicks(name, "Builders");
        QVERIFY(!proceed->isEnabled());
        name->clear();
        QTest::keyClicks(name, "owners");
        QVERIFY(!proceed->isEnabled());
        QVERIFY(widget<QLabel>(dialog, "teamNameMessage")->text().contains("already exists"));
        name->clear();
        QTest::keyClicks(name, "builders");
        QTest::keyClicks(widget<QLineEdit>(dialog, "teamDescriptionEdit"), "build robots and people");
        QVERIFY(proceed->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dialog-create-team-%1").arg(backend));
        QTest::mouseClick(proceed, Qt::LeftButton);

        // The team exists as soon as "Proceed" answered; the wizard follows.
        console::CreateTeamWizard *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((wizard = session.tab->findChild<console::CreateTeamWizard *>()) != nullptr, 15'000);
        QCOMPARE(teamThroughApi(server, backend, org, "builders").value("role").toString(), QStringLiteral("member"));
        QCOMPARE(widget<QLabel>(wizard, "wizardTeamName")->text(), QStringLiteral("builders"));
        wizard->next();
        auto *grid = wizard->findChild<console::RepositoryLevelGrid *>();
        QVERIFY(grid);
        QTRY_VERIFY_WITH_TIMEOUT(grid->model()->rowOf("app") >= 0, 15'000);
        pickLevel(grid->model(), "app", console::RepositoryLevel::Write);
        saveScreenshot(wizard, QStringLiteral("dialog-create-team-wizard-repositories-%1").arg(backend));
        wizard->next();
        QVERIFY(chooseEntity(widget<QWidget>(wizard, "wizardMemberPicker"), alice, alice));
        QTRY_VERIFY(widget<QPushButton>(wizard, "wizardAddMemberButton")->isEnabled());
        QTest::mouseClick(widget<QPushButton>(wizard, "wizardAddMemberButton"), Qt::LeftButton);
        QCOMPARE(widget<QListWidget>(wizard, "wizardMemberList")->count(), 1);
        saveScreenshot(wizard, QStringLiteral("dialog-create-team-wizard-members-%1").arg(backend));
        wizard->next();
        const QString review = widget<QLabel>(wizard, "wizardReview")->text();
        QVERIFY2(review.contains("app (Write)") && review.contains(alice) && review.contains("build robots and people"),
                 qPrintable(review));
        saveScreenshot(wizard, QStringLiteral("dialog-create-team-wizard-review-%1").arg(backend));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(membersThroughApi(server, backend, org, "builders"), QStringList{alice}, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(teamRoleOnRepository(server, backend, org, "app", "builders"), QStringLiteral("write"), 15'000);
        const QJsonObject team = teamThroughApi(server, backend, org, "builders");
        QCOMPARE(team.value("role").toString(), QStringLiteral("member"));
        QCOMPARE(team.value("description").toString(), QStringLiteral("build robots and people"));

        // The list shows the counts once the calls are in.
        console::TeamListModel *model = session.tab->teamModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf("builders") >= 0 && model->team(model->rowOf("builders")).memberCount == 1
                                     && model->team(model->rowOf("builders")).repositoryCount == 1,
                                 15'000);
        QCOMPARE(model->index(model->rowOf("builders"), console::TeamListModel::RoleColumn).data().toString(),
                 QStringLiteral("Member"));
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLabel>(session.window.get(), "toastText")->text().contains("Successfully added members"),
                                 15'000);
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-teams-%1").arg(backend));
    }

    void adminChangesATeamRoleAndSeesQuayRefuseDemotingTheOnlyAdminTeam()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "creators");
        Session session;
        QVERIFY(open(session, server, org));
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->teamModel()->rowOf("creators") >= 0, 15'000);

        selectTeam(session.tab, "creators");
        auto *dialog = click<console::TeamRoleDialog>(session.tab, "teamRoleButton");
        QVERIFY(dialog);
        auto *combo = widget<QComboBox>(dialog, "teamRoleCombo");
        QCOMPARE(combo->currentData().toString(), QStringLiteral("member"));
        QVERIFY(!widget<QPushButton>(dialog, "createButton")->isEnabled());
        combo->setCurrentIndex(combo->findData("creator"));
        saveScreenshot(dialog, QStringLiteral("dialog-team-role-%1").arg(backend));
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(teamThroughApi(server, backend, org, "creators").value("role").toString(),
                                  QStringLiteral("creator"), 15'000);
        console::TeamListModel *model = session.tab->teamModel();
        QTRY_COMPARE_WITH_TIMEOUT(
            model->index(model->rowOf("creators"), console::TeamListModel::RoleColumn).data().toString(),
            QStringLiteral("Creator"), 15'000);

        // The admin's only admin team stays admin: the dialog shows why.
        selectTeam(session.tab, "owners");
        QPointer<console::TeamRoleDialog> refused = click<console::TeamRoleDialog>(session.tab, "teamRoleButton");
        QVERIFY(refused);
        auto *ownersRole = widget<QComboBox>(refused, "teamRoleCombo");
        ownersRole->setCurrentIndex(ownersRole->findData("member"));
        QTest::mouseClick(widget<QPushButton>(refused, "createButton"), Qt::LeftButton);
        auto *error = widget<QLabel>(refused, "createError");
        QTRY_VERIFY_WITH_TIMEOUT(!error->isHidden(), 15'000);
        QVERIFY2(error->text().contains(QStringLiteral("Cannot remove admin from team 'owners' because calling user would "
                                                       "no longer have admin on org '%1'").arg(org)),
                 qPrintable(error->text()));
        QVERIFY(refused->isVisible());
        QCOMPARE(teamThroughApi(server, backend, org, "owners").value("role").toString(), QStringLiteral("admin"));
    }

    void quayErrorMessageComesBackForAnInvalidTeamName()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, server));
        QObject guard;
        std::optional<Result<client::Team>> answer;
        // Sent directly: the create dialog never lets this name through.
        client::teams::put(client, org, "Bad Name", client::TeamRole::Member)->then(&guard, [&](const Result<client::Team> &r) {
            answer = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15'000);
        QVERIFY(!answer->ok());
        const HttpReply direct = admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/Bad%20Name").arg(org),
                                       R"({"role": "member"})");
        QCOMPARE(direct.status, 400);
        const QString quayMessage = direct.json().contains("error_message") ? direct.json().value("error_message").toString()
                                                                            : direct.json().value("message").toString();
        QVERIFY(!quayMessage.isEmpty());
        QCOMPARE(answer->error().message, quayMessage);
        QVERIFY(teamThroughApi(server, backend, org, "Bad Name").isEmpty());
    }

    void robotIsAddedThroughThePickerInvitedByMailAndRemoved()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "deployers");
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/robots/shipper").arg(org), "{}").status,
                 201);
        const QString robot = org + "+shipper";
        Session session;
        QVERIFY(open(session, server, org));
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->teamModel()->rowOf("deployers") >= 0, 15'000);

        selectTeam(session.tab, "deployers");
        auto *dialog = click<console::TeamMembersDialog>(session.tab, "manageMembersButton");
        QVERIFY(dialog);
        watch(session, dialog->model());
        console::TeamMemberModel *members = dialog->model();
        QVERIFY(!widget<QPushButton>(dialog, "addMemberButton")->isEnabled());
        QVERIFY(chooseEntity(widget<QWidget>(dialog, "teamMemberPicker"), "ship", robot));
        QTRY_VERIFY(widget<QPushButton>(dialog, "addMemberButton")->isEnabled());
        QTest::mouseClick(widget<QPushButton>(dialog, "addMemberButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(members->rowOf(robot) >= 0, 15'000);
        QCOMPARE(members->index(members->rowOf(robot), console::TeamMemberModel::AccountColumn).data().toString(),
                 QStringLiteral("Robot account"));
        QCOMPARE(membersThroughApi(server, backend, org, "deployers"), QStringList{robot});

        // An e-mail invite is pending until the invitee answers.
        const QString address = QStringLiteral("friend.%1@example.com").arg(backend);
        QVERIFY(!widget<QPushButton>(dialog, "inviteButton")->isEnabled());
        QTest::keyClicks(widget<QLineEdit>(dialog, "inviteEmailEdit"), address);
        QVERIFY(widget<QPushButton>(dialog, "inviteButton")->isEnabled());
        QTest::mouseClick(widget<QPushButton>(dialog, "inviteButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(members->rowOf(address) >= 0, 15'000);
        QCOMPARE(members->index(members->rowOf(address), console::TeamMemberModel::AccountColumn).data().toString(),
                 QStringLiteral("(Invited)"));
        QCOMPARE(membersThroughApi(server, backend, org, "deployers"), (QStringList{robot, address + " (invited)"}));
        saveScreenshot(dialog, QStringLiteral("dialog-team-members-%1").arg(backend));

        // Removing asks first; Cancel keeps the member.
        auto *table = widget<QTableView>(dialog, "teamMemberTable");
        table->selectRow(members->rowOf(robot));
        QTest::mouseClick(widget<QPushButton>(dialog, "removeMemberButton"), Qt::LeftButton);
        auto *ask = dialog->findChild<QMessageBox *>("removeMemberConfirm");
        QVERIFY(ask);
        QVERIFY(ask->text().contains(QStringLiteral("Are you sure you want to delete %1 ?").arg(robot)));
        QTest::mouseClick(ask->button(QMessageBox::Cancel), Qt::LeftButton);
        QTest::qWait(200);
        QCOMPARE(membersThroughApi(server, backend, org, "deployers").size(), 2);
        QTest::mouseClick(widget<QPushButton>(dialog, "removeMemberButton"), Qt::LeftButton);
        QVERIFY(answerYes(dialog, "removeMemberConfirm"));
        QTRY_COMPARE_WITH_TIMEOUT(membersThroughApi(server, backend, org, "deployers"), QStringList{address + " (invited)"},
                                  15'000);
        QTRY_VERIFY_WITH_TIMEOUT(members->rowOf(robot) < 0 && members->rowCount() == 1, 15'000);

        // The e-mail invite is withdrawn the same way.
        table->selectRow(members->rowOf(address));
        QTest::mouseClick(widget<QPushButton>(dialog, "removeMemberButton"), Qt::LeftButton);
        QVERIFY(answerYes(dialog, "removeMemberConfirm"));
        QTRY_VERIFY2_WITH_TIMEOUT(membersThroughApi(server, backend, org, "deployers").isEmpty(),
                                  qPrintable(widget<QLabel>(dialog, "teamMembersMessage")->text()), 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(members->rowCount(), 0, 15'000);
    }

    void teamRepositoryPermissionsAreSetAndCleared()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "readers");
        createRepository(server, backend, org, "docs");
        createRepository(server, backend, org, "site");
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/repository/%1/site/permissions/team/readers").arg(org),
                       R"({"role": "admin"})").status, 200);
        Session session;
        QVERIFY(open(session, server, org));
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->teamModel()->rowOf("readers") >= 0, 15'000);

        selectTeam(session.tab, "readers");
        auto *dialog = click<console::TeamPermissionsDialog>(session.tab, "teamPermissionsButton");
        QVERIFY(dialog);
        console::RepositoryLevelModel *levels = dialog->findChild<console::RepositoryLevelGrid *>()->model();
        watch(session, levels);
        QTRY_VERIFY_WITH_TIMEOUT(levels->rowOf("site") >= 0 && levels->rowOf("docs") >= 0, 15'000);
        QCOMPARE(levels->chosen(levels->rowOf("site")), console::RepositoryLevel::Admin);
        QCOMPARE(levels->chosen(levels->rowOf("docs")), console::RepositoryLevel::None);
        auto *update = widget<QPushButton>(dialog, "updatePermissionsButton");
        QTRY_VERIFY(!update->isEnabled());
        pickLevel(levels, "docs", console::RepositoryLevel::Read);
        pickLevel(levels, "site", console::RepositoryLevel::None);
        QVERIFY(update->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dialog-team-permissions-%1").arg(backend));
        QTest::mouseClick(update, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(teamRoleOnRepository(server, backend, org, "docs", "readers"), QStringLiteral("read"), 15'000);
        QCOMPARE(teamRoleOnRepository(server, backend, org, "site", "readers"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLabel>(session.window.get(), "toastText")->text().contains("readers"), 15'000);
    }

    void deletingATeamNeedsTheTypedConfirmation()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "doomed");
        createTeam(server, backend, org, "keepers");
        Session session;
        QVERIFY(open(session, server, org));
        QTRY_COMPARE_WITH_TIMEOUT(session.tab->teamModel()->rowCount(), 3, 15'000);

        selectTeam(session.tab, "doomed");
        auto *confirm = click<console::TypedConfirmDialog>(session.tab, "deleteTeamsButton");
        QVERIFY(confirm);
        auto *deleteButton = widget<QPushButton>(confirm, "confirmDeleteButton");
        QVERIFY(!deleteButton->isEnabled());
        QTest::keyClicks(widget<QLineEdit>(confirm, "confirmEdit"), "confirm");
        QVERIFY(deleteButton->isEnabled());
        QTest::mouseClick(deleteButton, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(teamThroughApi(server, backend, org, "doomed").isEmpty(), 15'000);
        QVERIFY(!teamThroughApi(server, backend, org, "keepers").isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->teamModel()->rowOf("doomed") < 0 && session.tab->teamModel()->rowCount() == 2,
                                 15'000);
        QVERIFY(widget<QLabel>(session.window.get(), "toastText")->text().contains("Successfully deleted teams"));
    }

    void membersAndCollaboratorsViewsListTheRightPeople()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "builders");
        createRepository(server, backend, org, "app");
        const QString member = createUser(server, "member");
        const QString outsider = createUser(server, "outside");
        QCOMPARE(admin(server, backend, "PUT",
                       QStringLiteral("/api/v1/organization/%1/team/builders/members/%2").arg(org, member)).status, 200);
        QCOMPARE(admin(server, backend, "PUT",
                       QStringLiteral("/api/v1/repository/%1/app/permissions/user/%2").arg(org, outsider),
                       R"({"role": "read"})").status, 200);
        Session session;
        QVERIFY(open(session, server, org));

        QTest::mouseClick(widget<QPushButton>(session.tab, "memberViewButton"), Qt::LeftButton);
        QCOMPARE(session.tab->view(), console::TeamsTab::View::Members);
        console::OrganizationPeopleModel *members = session.tab->memberModel();
        QTRY_VERIFY_WITH_TIMEOUT(members->rowOf(member) >= 0, 15'000);
        QVERIFY(members->rowOf("admin") >= 0);
        QVERIFY(members->rowOf(outsider) < 0);
        QCOMPARE(members->person(members->rowOf(member)).teams, QStringList{"builders"});
        QCOMPARE(members->index(members->rowOf(member), members->teamsColumn()).data().toString(), QStringLiteral("builders"));
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-teams-members-%1").arg(backend));

        QTest::mouseClick(widget<QPushButton>(session.tab, "collaboratorViewButton"), Qt::LeftButton);
        console::OrganizationPeopleModel *collaborators = session.tab->collaboratorModel();
        QTRY_COMPARE_WITH_TIMEOUT(collaborators->rowCount(), 1, 15'000);
        QCOMPARE(collaborators->person(0).name, outsider);
        QCOMPARE(collaborators->index(0, collaborators->repositoriesColumn()).data().toString(),
                 QStringLiteral("Direct permissions on 1 repository(ies) under this organization"));
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-teams-collaborators-%1").arg(backend));

        // Removing a collaborator takes away their repository permissions.
        auto *table = widget<QTableView>(session.tab, "collaboratorTable");
        table->selectRow(0);
        QTest::mouseClick(widget<QPushButton>(session.tab, "removeCollaboratorButton"), Qt::LeftButton);
        QVERIFY(answerYes(session.tab, "removeCollaboratorConfirm"));
        QTRY_VERIFY_WITH_TIMEOUT(admin(server, backend, "GET", QStringLiteral("/api/v1/organization/%1/collaborators").arg(org))
                                     .json()
                                     .value("collaborators")
                                     .toArray()
                                     .isEmpty(),
                                 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(collaborators->rowCount(), 0, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLabel>(session.window.get(), "toastText")->text().contains("Successfully deleted collaborator"),
                                 15'000);
    }

    void aMemberWhoIsNotAdminSeesOnlyTheTeamViewAndQuaysRefusal()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "readers");
        const QString reader = createUser(server, "reader");
        const QString stranger = createUser(server, "stranger");
        QCOMPARE(admin(server, backend, "PUT",
                       QStringLiteral("/api/v1/organization/%1/team/readers/members/%2").arg(org, reader)).status, 200);

        Session session;
        console::TeamsTab *tab = openAs(session, server, reader, org);
        QVERIFY(tab);
        // A member sees the teams, but neither the admin views nor the
        // admin actions.
        QTRY_VERIFY_WITH_TIMEOUT(tab->teamModel()->rowOf("readers") >= 0, 15'000);
        auto *tabs = session.window->findChild<QTabWidget *>("namespaceTabs");
        QVERIFY(tabs->isTabVisible(tabs->indexOf(tab)));
        QVERIFY(!tab->isAdmin());
        QVERIFY(!widget<QPushButton>(tab, "memberViewButton")->isEnabled());
        QVERIFY(!widget<QPushButton>(tab, "collaboratorViewButton")->isEnabled());
        selectTeam(tab, "readers");
        QVERIFY(!widget<QPushButton>(tab, "teamRoleButton")->isEnabled());
        QVERIFY(!widget<QPushButton>(tab, "deleteTeamsButton")->isEnabled());

        // Creating is offered, and the server's refusal is shown as it is.
        auto *dialog = click<console::CreateTeamDialog>(tab, "createTeamButton");
        QVERIFY(dialog);
        QTest::keyClicks(widget<QLineEdit>(dialog, "teamNameEdit"), "sneaky");
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        auto *error = widget<QLabel>(dialog, "createError");
        QTRY_VERIFY_WITH_TIMEOUT(!error->isHidden(), 15'000);
        const HttpReply direct = apiCall(server, server->createToken(reader), "PUT",
                                         QStringLiteral("/api/v1/organization/%1/team/sneaky").arg(org), R"({"role": "member"})");
        QCOMPARE(direct.status, 403);
        const QString quayMessage = direct.json().value("error_message").toString();
        QVERIFY(!quayMessage.isEmpty());
        QVERIFY2(error->text().contains(quayMessage), qPrintable(error->text() + " / " + quayMessage));
        QVERIFY(teamThroughApi(server, backend, org, "sneaky").isEmpty());
        dialog->reject();

        // Somebody in no team of the organization has no Teams tab.
        Session outsider;
        console::TeamsTab *hidden = openAs(outsider, server, stranger, org);
        QVERIFY(hidden);
        auto *outsiderTabs = outsider.window->findChild<QTabWidget *>("namespaceTabs");
        QTRY_VERIFY_WITH_TIMEOUT(!outsiderTabs->isTabVisible(outsiderTabs->indexOf(hidden)), 15'000);
    }

    void dialogsClosedWhileTheirRequestIsInFlightCallNobodyBack()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "present");
        Session session;
        QVERIFY(open(session, server, org));
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->teamModel()->rowOf("present") >= 0, 15'000);

        QPointer<console::CreateTeamDialog> create = click<console::CreateTeamDialog>(session.tab, "createTeamButton");
        QVERIFY(create);
        bool created = false;
        connect(create, &console::CreateTeamDialog::created, this, [&created]() { created = true; });
        QTest::keyClicks(widget<QLineEdit>(create, "teamNameEdit"), "late");
        QTest::mouseClick(widget<QPushButton>(create, "createButton"), Qt::LeftButton);
        create->reject();
        QTRY_VERIFY(create.isNull());

        selectTeam(session.tab, "present");
        QPointer<console::TeamMembersDialog> members = click<console::TeamMembersDialog>(session.tab, "manageMembersButton");
        QVERIFY(members);
        members->reject();
        QTRY_VERIFY(members.isNull());
        // Closing the members dialog reloads the list (the counts may have
        // changed); the selection stays.
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->teamModel()->rowOf("present") >= 0, 15'000);
        QTRY_VERIFY(widget<QPushButton>(session.tab, "teamPermissionsButton")->isEnabled());
        QPointer<console::TeamPermissionsDialog> permissions =
            click<console::TeamPermissionsDialog>(session.tab, "teamPermissionsButton");
        QVERIFY(permissions);
        permissions->reject();
        QTRY_VERIFY(permissions.isNull());
        QPointer<console::TeamRoleDialog> role = click<console::TeamRoleDialog>(session.tab, "teamRoleButton");
        QVERIFY(role);
        auto *combo = widget<QComboBox>(role, "teamRoleCombo");
        combo->setCurrentIndex(combo->findData("admin"));
        QTest::mouseClick(widget<QPushButton>(role, "createButton"), Qt::LeftButton);
        role->reject();
        QTRY_VERIFY(role.isNull());

        QTest::qWait(500);
        QVERIFY(!created);
        QVERIFY(session.tab->findChild<console::CreateTeamWizard *>() == nullptr);
    }
};

QTEST_MAIN(TestConsoleTeams)
#include "tst_console_teams.moc"
