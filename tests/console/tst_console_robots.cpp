// An organization's Robot accounts tab against a real kai-server
// (console-workflows §3.3): the org admin opens the organization, creates a
// robot in the dialog, finds it in the list and through the API, and logs
// podman in with the line the credentials dialog shows; names Quay refuses
// are refused before sending; typed `confirm` delete; regenerating changes
// the token; dialogs closed while their request is in flight.
#include "consolefixture.h"

#include "credentials/robotcredentials.h"
#include "dialogs/createrobotdialog.h"
#include "dialogs/robotcredentialsdialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/robotlistmodel.h"
#include "pages/namespacepage.h"
#include "pages/organizationspage.h"
#include "pages/robotaccountstab.h"
#include "widgets/loadstateview.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>

using namespace kai;
using namespace kai::test;

class TestConsoleRobots : public QObject
{
    Q_OBJECT

private:
    IsolatedSettings m_settings;
    ConsoleServers m_servers;
    int m_counter = 0;

    QString freshName(const char *stem) { return QStringLiteral("%1%2x").arg(QLatin1String(stem)).arg(++m_counter); }

    // An organization the admin administers, made through the API.
    QString createOrganization(ServerProcess *server, const QString &backend)
    {
        const QString name = freshName("robots");
        const HttpReply reply = apiCall(server, m_servers.adminToken(backend), "POST", "/api/v1/organization/",
                                        QStringLiteral(R"({"name": "%1"})").arg(name).toUtf8());
        if (reply.status != 201)
            qWarning("creating organization %s: %d", qPrintable(name), reply.status);
        return name;
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
        if (!signInAsAdmin(session.client, server))
            return false;
        const client::CurrentUser user = fetchCurrentUser(session.client);
        if (user.username.isEmpty())
            return false;
        session.window = std::make_unique<console::MainWindow>(session.client, user);
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

    static console::CreateRobotDialog *openCreateDialog(console::RobotAccountsTab *tab)
    {
        QTest::mouseClick(widget<QPushButton>(tab, "createRobotButton"), Qt::LeftButton);
        return tab->findChild<console::CreateRobotDialog *>();
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

    void adminCreatesARobotAndLogsPodmanInWithItsCredentials()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        KAI_REQUIRE_SERVICE(!QStandardPaths::findExecutable("podman").isEmpty(), "podman (apt-get install podman)");
        const QString org = createOrganization(server, backend);
        Session session;
        QVERIFY(open(session, server, org));
        QVERIFY(widget<QLabel>(session.window.get(), "breadcrumb")->text().contains(org));
        QCOMPARE(session.state()->state(), console::LoadStateView::State::Empty);

        console::CreateRobotDialog *dialog = openCreateDialog(session.tab);
        QVERIFY(dialog);
        QTest::keyClicks(widget<QLineEdit>(dialog, "robotNameEdit"), "builder");
        QTest::keyClicks(widget<QLineEdit>(dialog, "robotDescriptionEdit"), "pushes nightly images");
        auto *create = widget<QPushButton>(dialog, "createButton");
        QVERIFY(create->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dialog-create-robot-%1").arg(backend));
        QTest::mouseClick(create, Qt::LeftButton);

        const QString robot = org + "+builder";
        QTRY_VERIFY_WITH_TIMEOUT(session.tab->model()->rowOf(robot) >= 0, 15'000);
        QCOMPARE(session.state()->state(), console::LoadStateView::State::Content);
        QCOMPARE(session.tab->model()->robot(session.tab->model()->rowOf(robot)).description,
                 QStringLiteral("pushes nightly images"));
        QVERIFY(widget<QLabel>(session.window.get(), "toastText")->text().contains(robot));
        QVERIFY(robotsThroughApi(server, backend, org).contains(robot));

        selectRobot(session.tab, robot);
        QVERIFY(widget<QLabel>(session.tab, "robotDetails")->text().contains("pushes nightly images"));
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-robots-%1").arg(backend));

        console::RobotCredentialsDialog *credentials = openCredentials(session.tab, robot);
        QVERIFY(credentials);
        auto *podman = widget<QLineEdit>(credentials, "podmanLoginField");
        QTRY_VERIFY_WITH_TIMEOUT(!podman->text().isEmpty(), 15'000);
        const QString token = tokenThroughApi(server, backend, org, "builder");
        QCOMPARE(token.size(), 64);
        QVERIFY(podman->text().contains(robot));
        QVERIFY(podman->text().contains(token));
        QCOMPARE(widget<QLineEdit>(credentials, "robotTokenField")->text(), token);
        QVERIFY(widget<QLineEdit>(credentials, "dockerLoginField")->text().startsWith("docker login"));
        saveScreenshot(credentials, QStringLiteral("dialog-robot-credentials-%1").arg(backend));

        QTemporaryDir authDir;
        QVERIFY(authDir.isValid());
        const QString authFile = authDir.filePath("auth.json");
        int exitCode = -1;
        const QByteArray output = podmanLogin(podman->text(), authFile, &exitCode);
        QVERIFY2(exitCode == 0, output.constData());
        QFile auth(authFile);
        QVERIFY(auth.open(QIODevice::ReadOnly));
        QVERIFY(auth.readAll().contains(console::RobotCredentials::hostOf(QUrl(server->baseUrl())).toUtf8()));
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
        console::CreateRobotDialog *dialog = openCreateDialog(session.tab);
        QVERIFY(dialog);
        QTest::keyClicks(widget<QLineEdit>(dialog, "robotNameEdit"), name);
        QVERIFY(!widget<QPushButton>(dialog, "createButton")->isEnabled());
        QVERIFY(widget<QLabel>(dialog, "robotNameMessage")->text().contains("lowercase letter"));
        QTest::keyClick(widget<QLineEdit>(dialog, "robotNameEdit"), Qt::Key_Return);
        QTest::qWait(200);
        QVERIFY(dialog->isVisible());
        QVERIFY(robotsThroughApi(server, backend, org).isEmpty());
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

        QPointer<console::CreateRobotDialog> dialog = openCreateDialog(session.tab);
        bool created = false;
        connect(dialog, &console::CreateRobotDialog::created, this, [&created]() { created = true; });
        QTest::keyClicks(widget<QLineEdit>(dialog, "robotNameEdit"), "late");
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        dialog->reject();   // closes and deletes the dialog (WA_DeleteOnClose)
        QTRY_VERIFY(dialog.isNull());

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
