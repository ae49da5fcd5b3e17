// An organization's Robot accounts tab against a real kai-server
// (console-workflows §3.3): the org admin opens the organization, creates a
// robot in the wizard (§3.3.2) with a team and a repository level, finds it
// in the list and through the API, logs podman in with the line the
// credentials dialog shows and pushes as the robot; sets repository
// permissions for one robot and for several at once (§3.3.1); names Quay
// refuses are refused before sending and Quay's refusals are shown; typed
// `confirm` delete; regenerating changes the token; dialogs closed while
// their request is in flight.
#include "consolefixture.h"

#include "credentials/robotcredentials.h"
#include "dialogs/createrobotwizard.h"
#include "dialogs/robotpermissionsdialog.h"
#include "dialogs/robotcredentialsdialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "e2e/clienttools.h"
#include "e2e/ocilayout.h"
#include "models/repositorylevelmodel.h"
#include "models/robotlistmodel.h"
#include "models/teamchoicemodel.h"
#include "pages/namespacepage.h"
#include "pages/organizationspage.h"
#include "pages/robotaccountstab.h"
#include "widgets/loadstateview.h"
#include "widgets/repositorylevelgrid.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QWizard>

using namespace kai;
using namespace kai::test;

class TestConsoleRobots : public ConsoleSuite
{
    Q_OBJECT

private:
    QString createOrganization(ServerProcess *server, const QString &backend)
    {
        return ConsoleSuite::createOrganization(server, backend, "robots");
    }

    QString createRobotThroughApi(ServerProcess *server, const QString &backend, const QString &org, const QString &shortName)
    {
        const HttpReply reply = apiCall(server, m_servers.adminToken(backend), "PUT",
                                        QStringLiteral("/api/v1/organization/%1/robots/%2").arg(org, shortName), "{}");
        if (reply.status != 201)
            qWarning("creating robot %s: %d", qPrintable(shortName), reply.status);
        return reply.json().value("token").toString();
    }

    QStringList robotsThroughApi(ServerProcess *server, const QString &backend, const QString &org)
    {
        const HttpReply reply = apiCall(server, m_servers.adminToken(backend), "GET",
                                        QStringLiteral("/api/v1/organization/%1/robots").arg(org));
        QStringList names;
        for (const QJsonValue &robot : reply.json().value("robots").toArray())
            names << robot.toObject().value("name").toString();
        return names;
    }

    QString tokenThroughApi(ServerProcess *server, const QString &backend, const QString &org, const QString &shortName)
    {
        return apiCall(server, m_servers.adminToken(backend), "GET",
                       QStringLiteral("/api/v1/organization/%1/robots/%2").arg(org, shortName))
            .json()
            .value("token")
            .toString();
    }

    // The main window of a session sign-in, with `org` opened from the
    // Organizations list and its robots loaded; testers watch the model.
    struct Session
    {
        client::ApiClient client;
        std::unique_ptr<console::MainWindow> window;
        console::RobotAccountsTab *tab = nullptr;
        std::unique_ptr<QAbstractItemModelTester> modelTester;
        std::unique_ptr<QAbstractItemModelTester> proxyTester;

        console::LoadStateView *state() const { return tab->findChild<console::LoadStateView *>(); }
    };

    static bool waitForState(console::RobotAccountsTab *tab, console::LoadStateView::State state)
    {
        auto *view = tab->findChild<console::LoadStateView *>();
        return QTest::qWaitFor([&] { return view->state() == state; }, 15'000);
    }

    bool open(Session &session, ServerProcess *server, const QString &org)
    {
        if (!signInAsAdmin(session.client, server) || !(session.window = mainWindowFor(session.client)))
            return false;
        session.window->show();
        auto *organizations = session.window->findChild<console::OrganizationsPage *>();
        auto *table = organizations->findChild<QTableView *>("organizationTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        const auto rowOfOrg = [&] {
            for (int i = 0; i < proxy->rowCount(); ++i) {
                if (proxy->index(i, 0).data().toString() == org)
                    return i;
            }
            return -1;
        };
        if (!QTest::qWaitFor([&] { return rowOfOrg() >= 0; }, 15'000))
            return false;
        // Enter on the row opens the organization, as a double-click does.
        table->setFocus();
        table->setCurrentIndex(proxy->index(rowOfOrg(), 0));
        QTest::keyClick(table, Qt::Key_Return);
        if (session.window->currentPage() != console::MainWindow::NamespacePageIndex)
            return false;
        session.tab = session.window->findChild<console::RobotAccountsTab *>();
        // A person clicks the "Robot accounts" tab.
        for (QWidget *page = session.tab; page && page->parentWidget(); page = page->parentWidget()) {
            if (auto *tabs = qobject_cast<QTabWidget *>(page->parentWidget()->parentWidget()); tabs && tabs->indexOf(page) >= 0) {
                tabs->setCurrentWidget(page);
                break;
            }
        }
        session.modelTester = std::make_unique<QAbstractItemModelTester>(
            session.tab->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.proxyTester = std::make_unique<QAbstractItemModelTester>(
            session.tab->findChild<QSortFilterProxyModel *>("robotProxy"), QAbstractItemModelTester::FailureReportingMode::QtTest);
        return QTest::qWaitFor([&] { return session.state()->state() != console::LoadStateView::State::Busy; }, 15'000);
    }

    static void selectRobot(console::RobotAccountsTab *tab, const QString &name)
    {
        auto *table = tab->findChild<QTableView *>("robotTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        table->selectRow(proxy->mapFromSource(tab->model()->index(tab->model()->rowOf(name), 0)).row());
    }

    static console::CreateRobotWizard *openWizard(console::RobotAccountsTab *tab)
    {
        QTest::mouseClick(widget<QPushButton>(tab, "createRobotButton"), Qt::LeftButton);
        return tab->findChild<console::CreateRobotWizard *>();
    }

    static QAbstractButton *wizardButton(console::CreateRobotWizard *wizard, const char *name)
    {
        return widget<QAbstractButton>(wizard, name);
    }

    // "Review and Finish" from the first step, then Finish on the review.
    static void reviewAndFinish(console::CreateRobotWizard *wizard)
    {
        QTest::mouseClick(wizardButton(wizard, "reviewAndFinishButton"), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::ReviewStep));
        QTest::mouseClick(wizardButton(wizard, "finishButton"), Qt::LeftButton);
    }

    // Ticks the select box of the row whose `column` reads `text`, with the
    // keyboard as a person does (Space on the box).
    static bool tickRow(QTableView *table, int column, const QString &text)
    {
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, column).data().toString() != text)
                continue;
            table->setFocus();
            table->setCurrentIndex(model->index(row, 0));
            QTest::keyClick(table, Qt::Key_Space);
            return model->index(row, 0).data(Qt::CheckStateRole).toInt() == Qt::Checked;
        }
        qWarning("no row %s", qPrintable(text));
        return false;
    }

    // Opens the level editor of `repository`'s row and types the level's
    // first letter, which picks it.
    static bool pickLevel(QTableView *table, const QString &repository, const char *letter)
    {
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, console::RepositoryLevelModel::RepositoryColumn).data().toString() != repository)
                continue;
            const QModelIndex cell = model->index(row, console::RepositoryLevelModel::PermissionColumn);
            table->setFocus();
            table->setCurrentIndex(cell);   // opens the editor (every trigger edits)
            if (!table->indexWidget(cell))
                table->edit(cell);
            auto *editor = qobject_cast<QComboBox *>(table->indexWidget(cell));
            if (!editor || editor->objectName() != QLatin1String("levelEditor"))
                return false;
            QTest::keyClicks(editor, letter);
            return true;
        }
        qWarning("no repository row %s", qPrintable(repository));
        return false;
    }

    void createTeam(ServerProcess *server, const QString &backend, const QString &org, const QString &team)
    {
        const HttpReply reply = apiCall(server, m_servers.adminToken(backend), "PUT",
                                        QStringLiteral("/api/v1/organization/%1/team/%2").arg(org, team),
                                        R"({"role": "member"})");
        if (reply.status != 200)
            qWarning("creating team %s: %d", qPrintable(team), reply.status);
    }

    void createRepository(ServerProcess *server, const QString &backend, const QString &org, const QString &name)
    {
        const HttpReply reply =
            apiCall(server, m_servers.adminToken(backend), "POST", "/api/v1/repository",
                    QStringLiteral(R"({"namespace": "%1", "repository": "%2", "visibility": "private", "description": ""})")
                        .arg(org, name)
                        .toUtf8());
        if (reply.status != 201)
            qWarning("creating repository %s: %d", qPrintable(name), reply.status);
    }

    // The direct role of `user` on org/repo through the API; empty for none.
    QString roleThroughApi(ServerProcess *server, const QString &backend, const QString &org, const QString &repo,
                           const QString &user)
    {
        const HttpReply reply =
            apiCall(server, m_servers.adminToken(backend), "GET",
                    QStringLiteral("/api/v1/repository/%1/%2/permissions/user/%3").arg(org, repo, user));
        return reply.status == 200 ? reply.json().value("role").toString() : QString();
    }

    QStringList teamMembersThroughApi(ServerProcess *server, const QString &backend, const QString &org,
                                      const QString &team)
    {
        const HttpReply reply = apiCall(server, m_servers.adminToken(backend), "GET",
                                        QStringLiteral("/api/v1/organization/%1/team/%2/members").arg(org, team));
        QStringList names;
        for (const QJsonValue &member : reply.json().value("members").toArray())
            names << member.toObject().value("name").toString();
        return names;
    }

    static console::RobotCredentialsDialog *openCredentials(console::RobotAccountsTab *tab, const QString &name)
    {
        selectRobot(tab, name);
        QTest::mouseClick(widget<QPushButton>(tab, "robotCredentialsButton"), Qt::LeftButton);
        return tab->findChild<console::RobotCredentialsDialog *>();
    }

    // Runs `podman login` with the dialog's line (plus --tls-verify=false:
    // the test server speaks plain HTTP) and a private auth file.
    static QByteArray podmanLogin(const QString &line, const QString &authFile, int *exitCode)
    {
        QString command = line;
        command.replace(QStringLiteral("podman login "), QStringLiteral("podman login --tls-verify=false "));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *proxy : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            environment.remove(QString::fromLatin1(proxy));
        environment.insert("REGISTRY_AUTH_FILE", authFile);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start("sh", {"-c", command});
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished(5'000);
            *exitCode = -1;
            return "podman login did not finish within 60 s";
        }
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return process.readAll();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void init() { m_settings.clear(); }

    void adminCreatesARobotInTheWizardThatJoinsATeamAndPushes()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        KAI_REQUIRE_SERVICE(toolAvailable("podman"), "podman (apt-get install podman)");
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "builders");
        createRepository(server, backend, org, "app");
        createRepository(server, backend, org, "docs");
        Session session;
        QVERIFY(open(session, server, org));
        QVERIFY(widget<QLabel>(session.window.get(), "breadcrumb")->text().contains(org));
        QCOMPARE(session.state()->state(), console::LoadStateView::State::Empty);

        // Step 1: name and description.
        console::CreateRobotWizard *wizard = openWizard(session.tab);
        QVERIFY(wizard);
        QAbstractItemModelTester teamTester(wizard->teamModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester levelTester(wizard->repositoryGrid()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!wizardButton(wizard, "nextButton")->isEnabled());
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), "deployer");
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotDescriptionEdit"), "deploys the app");
        QVERIFY(wizardButton(wizard, "nextButton")->isEnabled());
        QVERIFY(wizardButton(wizard, "reviewAndFinishButton")->isEnabled());
        saveScreenshot(wizard, QStringLiteral("wizard-create-robot-1-name-%1").arg(backend));
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);

        // Step 2: add to team "builders" (the organization also has "owners").
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::TeamsStep));
        auto *teamTable = widget<QTableView>(wizard, "robotTeamTable");
        QTRY_COMPARE_WITH_TIMEOUT(teamTable->model()->rowCount(), 2, 15'000);
        QVERIFY(tickRow(teamTable, console::TeamChoiceModel::NameColumn, "builders"));
        widget<QComboBox>(wizard, "robotTeamShow")->setCurrentIndex(1);   // "Selected"
        QCOMPARE(teamTable->model()->rowCount(), 1);
        saveScreenshot(wizard, QStringLiteral("wizard-create-robot-2-teams-%1").arg(backend));
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);

        // Step 3: write on "app"; picking a level selects the row.
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::RepositoriesStep));
        auto *levels = widget<QTableView>(wizard, "repositoryLevelTable");
        QTRY_COMPARE_WITH_TIMEOUT(levels->model()->rowCount(), 2, 15'000);
        QVERIFY(pickLevel(levels, "app", "w"));
        console::RepositoryLevelModel *levelModel = wizard->repositoryGrid()->model();
        const int appRow = levelModel->rowOf("app");
        QCOMPARE(levelModel->chosen(appRow), console::RepositoryLevel::Write);
        QCOMPARE(levelModel->index(appRow, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(levelModel->chosen(levelModel->rowOf("docs")), console::RepositoryLevel::None);
        saveScreenshot(wizard, QStringLiteral("wizard-create-robot-3-repositories-%1").arg(backend));
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);

        // Step 4: read on every repository created from now on; step 5: the
        // review names it all.
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::DefaultPermissionStep));
        const QString robot = org + "+deployer";
        QCOMPARE(widget<QLineEdit>(wizard, "defaultPermissionAppliedTo")->text(), robot);
        auto *defaultLevel = widget<QComboBox>(wizard, "defaultPermissionCombo");
        defaultLevel->setFocus();
        QTest::keyClicks(defaultLevel, "r");
        QCOMPARE(defaultLevel->currentText(), QStringLiteral("Read"));
        saveScreenshot(wizard, QStringLiteral("wizard-create-robot-4-defaults-%1").arg(backend));
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::ReviewStep));
        const QString summary = widget<QLabel>(wizard, "robotReviewSummary")->text();
        QVERIFY2(summary.contains(robot) && summary.contains("builders") && summary.contains("app (Write)")
                     && !summary.contains("docs") && summary.contains("Default permission:</b> Read"),
                 qPrintable(summary));
        saveScreenshot(wizard, QStringLiteral("wizard-create-robot-5-review-%1").arg(backend));
        QTest::mouseClick(wizardButton(wizard, "finishButton"), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(session.tab->model()->rowOf(robot) >= 0, 15'000);
        QVERIFY(widget<QLabel>(session.window.get(), "toastText")->text().contains(robot));
        QVERIFY(robotsThroughApi(server, backend, org).contains(robot));
        QVERIFY(teamMembersThroughApi(server, backend, org, "builders").contains(robot));
        QCOMPARE(roleThroughApi(server, backend, org, "app", robot), QStringLiteral("write"));
        QCOMPARE(roleThroughApi(server, backend, org, "docs", robot), QString());
        const QJsonArray prototypes = apiCall(server, m_servers.adminToken(backend), "GET",
                                              QStringLiteral("/api/v1/organization/%1/prototypes").arg(org))
                                          .json()
                                          .value("prototypes")
                                          .toArray();
        QCOMPARE(prototypes.size(), 1);
        QCOMPARE(prototypes.first().toObject().value("delegate").toObject().value("name").toString(), robot);
        QCOMPARE(prototypes.first().toObject().value("role").toString(), QStringLiteral("read"));
        const client::Robot &listed = session.tab->model()->robot(session.tab->model()->rowOf(robot));
        QCOMPARE(listed.description, QStringLiteral("deploys the app"));
        QCOMPARE(listed.teams, QStringList{"builders"});
        QCOMPARE(listed.repositories, QStringList{"app"});

        selectRobot(session.tab, robot);
        QVERIFY(widget<QLabel>(session.tab, "robotDetails")->text().contains("deploys the app"));
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-robots-%1").arg(backend));

        // The credentials dialog's podman line logs in, and the robot pushes
        // to the repository it may write.
        console::RobotCredentialsDialog *credentials = openCredentials(session.tab, robot);
        QVERIFY(credentials);
        auto *podmanLine = widget<QLineEdit>(credentials, "podmanLoginField");
        QTRY_VERIFY_WITH_TIMEOUT(!podmanLine->text().isEmpty(), 15'000);
        const QString token = tokenThroughApi(server, backend, org, "deployer");
        QCOMPARE(token.size(), 64);
        QVERIFY(podmanLine->text().contains(robot));
        QVERIFY(podmanLine->text().contains(token));
        QCOMPARE(widget<QLineEdit>(credentials, "robotTokenField")->text(), token);
        QVERIFY(widget<QLineEdit>(credentials, "dockerLoginField")->text().startsWith("docker login"));
        saveScreenshot(credentials, QStringLiteral("dialog-robot-credentials-%1").arg(backend));

        Podman podman;
        QVERIFY(podman.isValid());
        int exitCode = -1;
        const QByteArray output = podmanLogin(podmanLine->text(), podman.authFile(), &exitCode);
        QVERIFY2(exitCode == 0, output.constData());
        QFile auth(podman.authFile());
        QVERIFY(auth.open(QIODevice::ReadOnly));
        QVERIFY(auth.readAll().contains(console::RobotCredentials::hostOf(QUrl(server->baseUrl())).toUtf8()));

        ScratchDir scratch;
        QVERIFY(scratch.isValid());
        OciLayout layout(scratch.path() + "/image");
        layout.tag("v1", layout.addImage("amd64", "pushed by the deployer robot\n"));
        QVERIFY2(layout.ok(), qPrintable(layout.error()));
        const ToolRun load = podman.run({"pull", layout.reference("v1")});
        QVERIFY2(load.succeeded(), load.report());
        const QString imageId = QString::fromUtf8(load.standardOutput).trimmed();
        const QString appTarget = server->host() + '/' + org + "/app:v1";
        const ToolRun tag = podman.run({"tag", imageId, appTarget});
        QVERIFY2(tag.succeeded(), tag.report());
        const ToolRun push = podman.run({"push", "--tls-verify=false", appTarget});
        QVERIFY2(push.succeeded(), push.report());
        // Only write on "app": "docs" stays closed to it.
        const QString docsTarget = server->host() + '/' + org + "/docs:v1";
        QVERIFY(podman.run({"tag", imageId, docsTarget}).succeeded());
        const ToolRun denied = podman.run({"push", "--tls-verify=false", docsTarget});
        QVERIFY2(denied.finished && denied.exitCode != 0, denied.report());
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "GET",
                         QStringLiteral("/api/v1/repository/%1/app/tag/").arg(org))
                     .json()
                     .value("tags")
                     .toArray()
                     .size(),
                 1);
    }

    void invalidRobotNamesAreRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("one character") << "b";
        QTest::newRow("leading digit") << "1bot";
        QTest::newRow("upper case") << "Bot";
        QTest::newRow("dash") << "build-bot";
        QTest::newRow("dot") << "build.bot";
    }

    void invalidRobotNamesAreRefusedBeforeSending()
    {
        QFETCH(QString, name);
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        Session session;
        QVERIFY(open(session, server, org));
        console::CreateRobotWizard *wizard = openWizard(session.tab);
        QVERIFY(wizard);
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), name);
        QVERIFY(!wizardButton(wizard, "nextButton")->isEnabled());
        QVERIFY(!wizardButton(wizard, "reviewAndFinishButton")->isEnabled());
        QVERIFY(widget<QLabel>(wizard, "robotNameMessage")->text().contains("lowercase letter"));
        QTest::keyClick(widget<QLineEdit>(wizard, "robotNameEdit"), Qt::Key_Return);
        QTest::mouseClick(wizardButton(wizard, "reviewAndFinishButton"), Qt::LeftButton);
        QTest::qWait(200);
        QVERIFY(wizard->isVisible());
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::NameStep));
        QVERIFY(robotsThroughApi(server, backend, org).isEmpty());
    }

    void aRefusedRobotShowsQuaysMessageAndKeepsTheWizard()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createRobotThroughApi(server, backend, org, "taken");
        Session session;
        QVERIFY(open(session, server, org));
        console::CreateRobotWizard *wizard = openWizard(session.tab);
        QVERIFY(wizard);
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), "taken");
        reviewAndFinish(wizard);
        auto *error = widget<QLabel>(wizard, "createError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15'000);
        QVERIFY2(error->text().contains(QStringLiteral("Existing robot with name: %1+taken").arg(org)),
                 qPrintable(error->text()));
        QVERIFY(wizard->isVisible());
        QVERIFY(wizardButton(wizard, "finishButton")->isEnabled());
        saveScreenshot(wizard, QStringLiteral("wizard-create-robot-refused-%1").arg(backend));
        QCOMPARE(robotsThroughApi(server, backend, org), QStringList{org + "+taken"});
    }

    void aTeamCreatedInTheWizardIsSelectedAndJoined()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        Session session;
        QVERIFY(open(session, server, org));
        console::CreateRobotWizard *wizard = openWizard(session.tab);
        QVERIFY(wizard);
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), "joiner");
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        auto *teamTable = widget<QTableView>(wizard, "robotTeamTable");
        QTRY_COMPARE_WITH_TIMEOUT(teamTable->model()->rowCount(), 1, 15'000);   // owners

        QTest::mouseClick(widget<QPushButton>(wizard, "newTeamButton"), Qt::LeftButton);
        auto *name = widget<QLineEdit>(wizard, "newTeamNameEdit");
        auto *add = widget<QPushButton>(wizard, "addTeamButton");
        QVERIFY(name->isVisible());
        QTest::keyClicks(name, "Night-Shift");
        QVERIFY(!add->isEnabled());
        QVERIFY(widget<QLabel>(wizard, "newTeamMessage")->text().contains("lowercase letter"));
        name->clear();
        QTest::keyClicks(name, "night_shift");
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        console::TeamChoiceModel *teams = wizard->teamModel();
        QTRY_VERIFY_WITH_TIMEOUT(teams->rowOf("night_shift") >= 0, 15'000);
        QCOMPARE(teams->chosenTeams(), QStringList{"night_shift"});

        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        QTest::mouseClick(wizardButton(wizard, "finishButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(teamMembersThroughApi(server, backend, org, "night_shift").contains(org + "+joiner"),
                                 15'000);
    }

    void aGrantRefusedAfterCreationIsListedAndTheRobotStays()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createTeam(server, backend, org, "vanishing");
        Session session;
        QVERIFY(open(session, server, org));
        console::CreateRobotWizard *wizard = openWizard(session.tab);
        QVERIFY(wizard);
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), "orphan");
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        auto *teamTable = widget<QTableView>(wizard, "robotTeamTable");
        QTRY_COMPARE_WITH_TIMEOUT(teamTable->model()->rowCount(), 2, 15'000);
        QVERIFY(tickRow(teamTable, console::TeamChoiceModel::NameColumn, "vanishing"));
        // Someone deletes the team while the wizard is open.
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "DELETE",
                         QStringLiteral("/api/v1/organization/%1/team/vanishing").arg(org)).status, 204);
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        QTest::mouseClick(wizardButton(wizard, "nextButton"), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(console::CreateRobotWizard::ReviewStep));
        QTest::mouseClick(wizardButton(wizard, "finishButton"), Qt::LeftButton);

        QMessageBox *failures = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((failures = session.tab->findChild<QMessageBox *>("robotGrantFailures")) != nullptr, 15'000);
        QVERIFY2(failures->text().contains("Error updating teams for the robot account")
                     && failures->text().contains("vanishing"),
                 qPrintable(failures->text()));
        QVERIFY(!failures->text().contains("repository permissions"));
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->model()->rowOf(org + "+orphan") >= 0, 15'000);
        QVERIFY(robotsThroughApi(server, backend, org).contains(org + "+orphan"));
        failures->accept();
    }

    void setRepositoryPermissionsForOneRobot()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        const QString token = m_servers.adminToken(backend);
        createRobotThroughApi(server, backend, org, "reader");
        const QString robot = org + "+reader";
        createRepository(server, backend, org, "app");
        createRepository(server, backend, org, "web");
        QCOMPARE(apiCall(server, token, "PUT", QStringLiteral("/api/v1/repository/%1/app/permissions/user/%2").arg(org, robot),
                         R"({"role": "read"})").status, 200);
        Session session;
        QVERIFY(open(session, server, org));
        // Enter on the robot's "1 repository" cell opens its permissions.
        auto *robotTable = widget<QTableView>(session.tab, "robotTable");
        const QModelIndex repositoriesCell = static_cast<QSortFilterProxyModel *>(robotTable->model())->mapFromSource(
            session.tab->model()->index(session.tab->model()->rowOf(robot), console::RobotListModel::RepositoriesColumn));
        robotTable->setFocus();
        robotTable->setCurrentIndex(repositoriesCell);
        QTest::keyClick(robotTable, Qt::Key_Return);
        auto *dialog = session.tab->findChild<console::RobotPermissionsDialog *>();
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->grid()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *levels = widget<QTableView>(dialog, "repositoryLevelTable");
        QTRY_COMPARE_WITH_TIMEOUT(levels->model()->rowCount(), 2, 15'000);
        console::RepositoryLevelModel *model = dialog->grid()->model();
        QCOMPARE(model->chosen(model->rowOf("app")), console::RepositoryLevel::Read);
        QCOMPARE(model->chosen(model->rowOf("web")), console::RepositoryLevel::None);
        auto *save = widget<QPushButton>(dialog, "savePermissionsButton");
        QVERIFY(!save->isVisible());

        // Read on app becomes None (a DELETE), web gets Admin.
        QVERIFY(pickLevel(levels, "app", "n"));
        QVERIFY(pickLevel(levels, "web", "a"));
        QCOMPARE(model->changes().size(), 2);
        QVERIFY(save->isVisible() && save->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dialog-robot-permissions-%1").arg(backend));
        QTest::mouseClick(save, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(roleThroughApi(server, backend, org, "web", robot), QStringLiteral("admin"), 15'000);
        QCOMPARE(roleThroughApi(server, backend, org, "app", robot), QString());
        QTRY_VERIFY(session.tab->findChild<console::RobotPermissionsDialog *>() == nullptr);
        QVERIFY(widget<QLabel>(session.window.get(), "toastText")->text().contains("Successfully updated repository permission"));
    }

    void bulkSetRepositoryPermissionsForTwoRobots()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        const QString token = m_servers.adminToken(backend);
        createRobotThroughApi(server, backend, org, "first");
        createRobotThroughApi(server, backend, org, "second");
        createRobotThroughApi(server, backend, org, "bystander");
        createRepository(server, backend, org, "app");
        createRepository(server, backend, org, "web");
        QCOMPARE(apiCall(server, token, "PUT",
                         QStringLiteral("/api/v1/repository/%1/web/permissions/user/%2+first").arg(org, org),
                         R"({"role": "read"})").status, 200);
        Session session;
        QVERIFY(open(session, server, org));
        auto *table = session.tab->findChild<QTableView *>("robotTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        table->clearSelection();
        for (const QString &name : {org + "+first", org + "+second"}) {
            const QModelIndex index = proxy->mapFromSource(session.tab->model()->index(session.tab->model()->rowOf(name), 0));
            table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QTest::mouseClick(widget<QPushButton>(session.tab, "robotPermissionsButton"), Qt::LeftButton);
        auto *dialog = session.tab->findChild<console::RobotPermissionsDialog *>();
        QVERIFY(dialog);
        QVERIFY2(dialog->windowTitle().contains("2 robot account"), qPrintable(dialog->windowTitle()));
        auto *levels = widget<QTableView>(dialog, "repositoryLevelTable");
        QTRY_COMPARE_WITH_TIMEOUT(levels->model()->rowCount(), 2, 15'000);
        console::RepositoryLevelModel *model = dialog->grid()->model();
        // The two differ on web: it starts Mixed.
        QCOMPARE(model->chosen(model->rowOf("web")), console::RepositoryLevel::Mixed);
        QCOMPARE(model->chosen(model->rowOf("app")), console::RepositoryLevel::None);

        // Select both rows, then "Write" from the bulk menu.
        QVERIFY(!widget<QToolButton>(dialog, "repositoryLevelBulkButton")->isEnabled());
        QVERIFY(tickRow(levels, console::RepositoryLevelModel::RepositoryColumn, "app"));
        QVERIFY(tickRow(levels, console::RepositoryLevelModel::RepositoryColumn, "web"));
        auto *bulk = widget<QToolButton>(dialog, "repositoryLevelBulkButton");
        QVERIFY(bulk->isEnabled());
        bulk->menu()->findChild<QAction *>("bulkLevelWrite")->trigger();
        QCOMPARE(model->chosen(model->rowOf("app")), console::RepositoryLevel::Write);
        QCOMPARE(model->chosen(model->rowOf("web")), console::RepositoryLevel::Write);
        saveScreenshot(dialog, QStringLiteral("dialog-robot-permissions-bulk-%1").arg(backend));
        QTest::mouseClick(widget<QPushButton>(dialog, "savePermissionsButton"), Qt::LeftButton);

        for (const QString &robot : {org + "+first", org + "+second"}) {
            QTRY_COMPARE_WITH_TIMEOUT(roleThroughApi(server, backend, org, "app", robot), QStringLiteral("write"), 15'000);
            QCOMPARE(roleThroughApi(server, backend, org, "web", robot), QStringLiteral("write"));
        }
        QCOMPARE(roleThroughApi(server, backend, org, "app", org + "+bystander"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->model()->rowCount() == 3
                                     && session.tab->model()->robot(session.tab->model()->rowOf(org + "+second"))
                                            .repositories.size() == 2,
                                 15'000);
    }

    void deleteNeedsTheTypedConfirmation()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createRobotThroughApi(server, backend, org, "doomed");
        createRobotThroughApi(server, backend, org, "keeper");
        Session session;
        QVERIFY(open(session, server, org));
        QCOMPARE(session.tab->model()->rowCount(), 2);

        selectRobot(session.tab, org + "+doomed");
        QTest::mouseClick(widget<QPushButton>(session.tab, "deleteRobotsButton"), Qt::LeftButton);
        auto *confirm = session.tab->findChild<console::TypedConfirmDialog *>();
        QVERIFY(confirm);
        auto *deleteButton = widget<QPushButton>(confirm, "confirmDeleteButton");
        QVERIFY(!deleteButton->isEnabled());
        QTest::keyClicks(widget<QLineEdit>(confirm, "confirmEdit"), "confirm");
        QVERIFY(deleteButton->isEnabled());
        QTest::mouseClick(deleteButton, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(robotsThroughApi(server, backend, org), QStringList{org + "+keeper"}, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->model()->rowOf(org + "+doomed") < 0 && session.tab->model()->rowCount() == 1,
                                 15'000);
    }

    void regenerateChangesTheToken()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        const QString oldToken = createRobotThroughApi(server, backend, org, "rotator");
        QVERIFY(!oldToken.isEmpty());
        Session session;
        QVERIFY(open(session, server, org));
        console::RobotCredentialsDialog *credentials = openCredentials(session.tab, org + "+rotator");
        QVERIFY(credentials);
        auto *token = widget<QLineEdit>(credentials, "robotTokenField");
        QTRY_COMPARE_WITH_TIMEOUT(token->text(), oldToken, 15'000);

        QTest::mouseClick(widget<QPushButton>(credentials, "regenerateTokenButton"), Qt::LeftButton);
        auto *confirm = credentials->findChild<QMessageBox *>("regenerateConfirm");
        QVERIFY(confirm);
        QTest::mouseClick(widget<QPushButton>(confirm, "confirmRegenerateButton"), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(token->text() != oldToken, 15'000);
        const QString newToken = tokenThroughApi(server, backend, org, "rotator");
        QCOMPARE(token->text(), newToken);
        QVERIFY(newToken != oldToken);
        QVERIFY(widget<QLineEdit>(credentials, "podmanLoginField")->text().contains(newToken));
        QTest::mouseClick(widget<QPushButton>(credentials, "copyTokenButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), newToken);
    }

    void dialogsClosedWhileTheirRequestIsInFlightCallNobodyBack()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createRobotThroughApi(server, backend, org, "present");
        Session session;
        QVERIFY(open(session, server, org));

        QPointer<console::CreateRobotWizard> wizard = openWizard(session.tab);
        bool created = false;
        connect(wizard, &console::CreateRobotWizard::created, this, [&created]() { created = true; });
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), "late");
        reviewAndFinish(wizard);
        wizard->reject();   // closes and deletes the wizard (WA_DeleteOnClose)
        QTRY_VERIFY(wizard.isNull());

        selectRobot(session.tab, org + "+present");
        QTest::mouseClick(widget<QPushButton>(session.tab, "robotPermissionsButton"), Qt::LeftButton);
        QPointer<console::RobotPermissionsDialog> permissions = session.tab->findChild<console::RobotPermissionsDialog *>();
        QVERIFY(permissions);
        permissions->reject();
        QTRY_VERIFY(permissions.isNull());

        QPointer<console::RobotCredentialsDialog> credentials = openCredentials(session.tab, org + "+present");
        QVERIFY(credentials);
        credentials->reject();
        QTRY_VERIFY(credentials.isNull());

        QTest::qWait(500);
        QVERIFY(!created);
        QVERIFY(!session.window->findChild<QLabel *>("toastText")->text().contains(org + "+late"));
    }

    void aFailedLoadOffersRetry()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        Session session;
        QVERIFY(open(session, server, org));
        // An organization that does not exist yet: the list fails, Retry
        // loads it once it does.
        const QString later = freshName("later");
        session.window->openOrganization(later);
        QVERIFY(waitForState(session.tab, console::LoadStateView::State::Error));
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "POST", "/api/v1/organization/",
                         QStringLiteral(R"({"name": "%1"})").arg(later).toUtf8()).status, 201);
        QTest::mouseClick(widget<QPushButton>(session.tab, "retryButton"), Qt::LeftButton);
        QVERIFY(waitForState(session.tab, console::LoadStateView::State::Empty));

        createRobotThroughApi(server, backend, later, "arrived");
        QTest::mouseClick(widget<QPushButton>(session.tab, "refreshButton"), Qt::LeftButton);
        QVERIFY(waitForState(session.tab, console::LoadStateView::State::Content));
        QCOMPARE(session.tab->model()->robot(0).name, later + "+arrived");
        QTest::keyClicks(widget<QLineEdit>(session.tab, "robotFilter"), "nomatch");
        QCOMPARE(session.tab->findChild<QSortFilterProxyModel *>("robotProxy")->rowCount(), 0);
        widget<QLineEdit>(session.tab, "robotFilter")->setText("arr");
        QCOMPARE(session.tab->findChild<QSortFilterProxyModel *>("robotProxy")->rowCount(), 1);
    }

    void teamsAndRepositoriesOfARobotShowInTheListAndDetails()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        const QString token = m_servers.adminToken(backend);
        createRobotThroughApi(server, backend, org, "deployer");
        const QString robot = org + "+deployer";
        QCOMPARE(apiCall(server, token, "PUT", QStringLiteral("/api/v1/organization/%1/team/deployers").arg(org),
                         R"({"role": "member"})").status, 200);
        QCOMPARE(apiCall(server, token, "PUT",
                         QStringLiteral("/api/v1/organization/%1/team/deployers/members/%2").arg(org, robot)).status, 200);
        QCOMPARE(apiCall(server, token, "POST", "/api/v1/repository",
                         QStringLiteral(R"({"namespace": "%1", "repository": "app", "visibility": "private", "description": ""})")
                             .arg(org).toUtf8()).status, 201);
        QCOMPARE(apiCall(server, token, "PUT", QStringLiteral("/api/v1/repository/%1/app/permissions/user/%2").arg(org, robot),
                         R"({"role": "read"})").status, 200);

        Session session;
        QVERIFY(open(session, server, org));
        console::RobotListModel *model = session.tab->model();
        const int row = model->rowOf(robot);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, console::RobotListModel::TeamsColumn).data(console::RobotListModel::SortRole).toInt(), 1);
        QCOMPARE(model->index(row, console::RobotListModel::TeamsColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("deployers"));
        QCOMPARE(model->index(row, console::RobotListModel::RepositoriesColumn).data(console::RobotListModel::SortRole).toInt(), 1);
        selectRobot(session.tab, robot);
        const QString details = widget<QLabel>(session.tab, "robotDetails")->text();
        QVERIFY2(details.contains("deployers") && details.contains("app"), qPrintable(details));
    }

    void expandShowsEveryListedRobotAndCollapseOnlyTheSelection()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        createRobotThroughApi(server, backend, org, "alpha");
        createRobotThroughApi(server, backend, org, "beta");
        Session session;
        QVERIFY(open(session, server, org));
        auto *details = widget<QLabel>(session.tab, "robotDetails");
        auto *expand = widget<QPushButton>(session.tab, "expandRobotsButton");
        QVERIFY(!details->text().contains(org + "+alpha"));
        QTest::mouseClick(expand, Qt::LeftButton);
        QCOMPARE(expand->text(), QStringLiteral("Collapse"));
        QVERIFY2(details->text().contains(org + "+alpha") && details->text().contains(org + "+beta"),
                 qPrintable(details->text()));
        QTest::keyClicks(widget<QLineEdit>(session.tab, "robotFilter"), "bet");
        QVERIFY(!details->text().contains(org + "+alpha") && details->text().contains(org + "+beta"));
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-robots-expanded-%1").arg(backend));
        QTest::mouseClick(expand, Qt::LeftButton);
        QCOMPARE(expand->text(), QStringLiteral("Expand"));
        QVERIFY(!details->text().contains(org + "+beta"));
    }

    void backLeavesTheOrganizationAndForwardReturns()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        Session session;
        QVERIFY(open(session, server, org));
        auto *breadcrumb = widget<QLabel>(session.window.get(), "breadcrumb");
        QCOMPARE(breadcrumb->text(), QStringLiteral("Organizations › %1").arg(org));
        session.window->findChild<QAction *>("backAction")->trigger();
        QCOMPARE(session.window->currentPage(), int(console::MainWindow::OrganizationsPageIndex));
        QCOMPARE(breadcrumb->text(), QStringLiteral("Organizations"));
        session.window->findChild<QAction *>("forwardAction")->trigger();
        QCOMPARE(session.window->currentPage(), int(console::MainWindow::NamespacePageIndex));
        QCOMPARE(widget<QLabel>(session.window.get(), "namespaceTitle")->text(), org);
    }
};

QTEST_MAIN(TestConsoleRobots)
#include "tst_console_robots.moc"
