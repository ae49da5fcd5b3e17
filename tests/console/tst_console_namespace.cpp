// A namespace's page against a real kai-server (console-workflows §3): the
// organization's Repositories tab lists only its repositories and creates
// there; default permissions are made with the entity picker, change role,
// reach repositories another member creates, and go; the general settings
// change the e-mail address and the time machine, and a bad address is
// refused before anything is sent; the signed-in user's own namespace shows
// Repositories, Robot accounts and Settings with the user's own robots.
#include "consolefixture.h"

#include "dialogs/createprototypedialog.h"
#include "dialogs/createrepositorydialog.h"
#include "dialogs/createrobotwizard.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/prototypelistmodel.h"
#include "models/repositorylistmodel.h"
#include "models/robotlistmodel.h"
#include "pages/defaultpermissionstab.h"
#include "pages/namespacepage.h"
#include "pages/namespacesettingstab.h"
#include "pages/organizationspage.h"
#include "pages/repositoriespage.h"
#include "pages/robotaccountstab.h"
#include "pages/teamstab.h"
#include "widgets/loadstateview.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>

using namespace kai;
using namespace kai::test;

class TestConsoleNamespace : public ConsoleSuite
{
    Q_OBJECT

private:
    QString createOrganization(ServerProcess *server, const QString &backend)
    {
        return ConsoleSuite::createOrganization(server, backend, "ns");
    }

    static HttpReply createRepository(ServerProcess *server, const QString &token, const QString &ns, const QString &name)
    {
        return apiCall(server, token, "POST", "/api/v1/repository",
                       QStringLiteral(R"({"namespace": "%1", "repository": "%2", "visibility": "private", "description": ""})")
                           .arg(ns, name)
                           .toUtf8());
    }

    struct Session
    {
        client::ApiClient client;
        std::unique_ptr<console::MainWindow> window;
        console::NamespacePage *page = nullptr;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;

        void watch(QAbstractItemModel *model)
        {
            testers.push_back(
                std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
    };

    bool signIn(Session &session, ServerProcess *server)
    {
        if (!signInAsAdmin(session.client, server) || !(session.window = mainWindowFor(session.client)))
            return false;
        session.window->resize(1100, 700);
        session.window->show();
        session.page = session.window->findChild<console::NamespacePage *>();
        return session.page != nullptr;
    }

    static bool settled(QWidget *tab)
    {
        auto *state = tab->findChild<console::LoadStateView *>();
        return QTest::qWaitFor([&] { return state->state() != console::LoadStateView::State::Busy; }, 15'000);
    }

    static bool tabShown(console::NamespacePage *page, QWidget *tab)
    {
        return page->tabs()->isTabVisible(page->tabs()->indexOf(tab));
    }

    static int rowNamed(QAbstractItemModel *model, int column, const QString &text)
    {
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->index(i, column).data().toString() == text)
                return i;
        }
        return -1;
    }

    QJsonArray prototypesThroughApi(ServerProcess *server, const QString &backend, const QString &org)
    {
        return admin(server, backend, "GET", QStringLiteral("/api/v1/organization/%1/prototypes").arg(org))
            .json()
            .value("prototypes")
            .toArray();
    }

    // The role `who` holds on org/repo through the repository's permission list.
    QString roleOn(ServerProcess *server, const QString &backend, const QString &org, const QString &repo,
                   const char *kind, const QString &who)
    {
        return admin(server, backend, "GET",
                     QStringLiteral("/api/v1/repository/%1/%2/permissions/%3/").arg(org, repo, QLatin1String(kind)))
            .json()
            .value("permissions")
            .toObject()
            .value(who)
            .toObject()
            .value("role")
            .toString();
    }

    console::CreatePrototypeDialog *openCreatePrototype(console::DefaultPermissionsTab *tab)
    {
        QTest::mouseClick(widget<QPushButton>(tab, "createPrototypeButton"), Qt::LeftButton);
        return tab->findChild<console::CreatePrototypeDialog *>();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void init() { m_settings.clear(); }

    void repositoriesTabListsOnlyThatOrganizationAndCreatesThere()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString token = m_servers.adminToken(backend);
        const QString org = createOrganization(server, backend);
        const QString other = createOrganization(server, backend);
        QCOMPARE(createRepository(server, token, org, "mine").status, 201);
        QCOMPARE(createRepository(server, token, other, "theirs").status, 201);

        Session session;
        QVERIFY(signIn(session, server));
        session.window->openOrganization(org);
        console::RepositoriesPage *tab = session.page->repositories();
        QCOMPARE(session.page->tabs()->currentWidget(), tab);
        QCOMPARE(session.page->tabs()->tabText(0), QStringLiteral("Repositories"));
        session.watch(tab->model());
        session.watch(tab->findChild<QSortFilterProxyModel *>("repositoryProxy"));
        QTRY_VERIFY_WITH_TIMEOUT(tab->model()->isComplete(), 15'000);
        QCOMPARE(tab->model()->rowCount(), 1);
        // Inside the namespace, bare names.
        QCOMPARE(tab->model()->index(0, console::RepositoryListModel::NameColumn).data().toString(), QStringLiteral("mine"));
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-repositories-%1").arg(backend));

        QTest::mouseClick(widget<QPushButton>(tab, "createRepositoryButton"), Qt::LeftButton);
        auto *dialog = tab->findChild<console::CreateRepositoryDialog *>();
        QVERIFY(dialog);
        auto *namespaces = widget<QComboBox>(dialog, "namespaceCombo");
        QCOMPARE(namespaces->count(), 1);
        QCOMPARE(namespaces->currentText(), org);
        QTest::keyClicks(widget<QLineEdit>(dialog, "repositoryNameEdit"), "fromtab");
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(tab->model(), console::RepositoryListModel::NameColumn, "fromtab") >= 0, 15'000);
        QCOMPARE(admin(server, backend, "GET", QStringLiteral("/api/v1/repository/%1/fromtab").arg(org)).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(tab->model()->isComplete(), 15'000);
        QCOMPARE(tab->model()->rowCount(), 2);
        QCOMPARE(rowNamed(tab->model(), console::RepositoryListModel::NameColumn, "theirs"), -1);
    }

    void defaultPermissionsAreCreatedChangedAppliedAndDeleted()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        // A team that should get write on every new repository, a robot for
        // the repositories one member creates, and that member (a creator).
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/builders").arg(org),
                       R"({"role": "member"})").status, 200);
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/makers").arg(org),
                       R"({"role": "creator"})").status, 200);
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/robots/deployer").arg(org), "{}").status,
                 201);
        const QString member = freshName("member");
        QVERIFY(server->createUser(member, QStringLiteral("member-pw-123")).ok());
        QCOMPARE(admin(server, backend, "PUT",
                       QStringLiteral("/api/v1/organization/%1/team/makers/members/%2").arg(org, member)).status, 200);

        Session session;
        QVERIFY(signIn(session, server));
        session.window->openOrganization(org);
        console::DefaultPermissionsTab *tab = session.page->defaultPermissions();
        QTRY_VERIFY_WITH_TIMEOUT(tabShown(session.page, tab), 15'000);
        session.page->tabs()->setCurrentWidget(tab);
        session.watch(tab->model());
        session.watch(tab->findChild<QSortFilterProxyModel *>("prototypeProxy"));
        QVERIFY(settled(tab));
        QCOMPARE(tab->findChild<console::LoadStateView *>()->state(), console::LoadStateView::State::Empty);

        // Anyone → write for the team.
        console::CreatePrototypeDialog *dialog = openCreatePrototype(tab);
        QVERIFY(dialog);
        auto *create = widget<QPushButton>(dialog, "createButton");
        QVERIFY(widget<QRadioButton>(dialog, "specificUserRadio")->isChecked());
        QVERIFY(!create->isEnabled());
        QTest::mouseClick(widget<QRadioButton>(dialog, "anyoneRadio"), Qt::LeftButton);
        QVERIFY(chooseEntity(widget<QWidget>(dialog, "delegatePicker"), "build", "builders"));
        auto *permission = widget<QComboBox>(dialog, "permissionCombo");
        QCOMPARE(permission->currentText(), QStringLiteral("Read"));
        permission->setCurrentIndex(permission->findText("Write"));
        QTRY_VERIFY(create->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dialog-create-default-permission-%1").arg(backend));
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 1, 15'000);
        QVERIFY(widget<QLabel>(session.window.get(), "toastText")->text().contains("builders"));
        QJsonArray stored = prototypesThroughApi(server, backend, org);
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.at(0).toObject().value("activating_user").isNull());
        QCOMPARE(stored.at(0).toObject().value("delegate").toObject().value("name").toString(), QStringLiteral("builders"));
        QCOMPARE(stored.at(0).toObject().value("role").toString(), QStringLiteral("write"));
        QCOMPARE(tab->model()->index(0, console::PrototypeListModel::CreatorColumn).data().toString(),
                 QStringLiteral("organization default"));

        // The member's repositories → read for the robot, both chosen with the picker.
        dialog = openCreatePrototype(tab);
        QVERIFY(dialog);
        QVERIFY(chooseEntity(widget<QWidget>(dialog, "creatorPicker"), member.left(4), member));
        QVERIFY(chooseEntity(widget<QWidget>(dialog, "delegatePicker"), "deploy", org + "+deployer"));
        QTRY_VERIFY(widget<QPushButton>(dialog, "createButton")->isEnabled());
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 2, 15'000);
        QCOMPARE(prototypesThroughApi(server, backend, org).size(), 2);

        // Write → Admin in the Permission column, as a person picks it.
        const QString teamId = stored.at(0).toObject().value("id").toString();
        auto *table = widget<QTableView>(tab, "prototypeTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        const QModelIndex cell = proxy->mapFromSource(
            tab->model()->index(tab->model()->rowOf(teamId), console::PrototypeListModel::PermissionColumn));
        table->setCurrentIndex(cell);
        table->edit(cell);
        auto *editor = table->findChild<QComboBox *>("prototypeRoleEditor");
        QVERIFY(editor);
        QCOMPARE(editor->currentText(), QStringLiteral("Write"));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_End);
        const auto teamRole = [&] {
            for (const QJsonValue &p : prototypesThroughApi(server, backend, org)) {
                if (p.toObject().value("id").toString() == teamId)
                    return p.toObject().value("role").toString();
            }
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(teamRole(), QStringLiteral("admin"), 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            tab->model()->index(tab->model()->rowOf(teamId), console::PrototypeListModel::PermissionColumn).data().toString(),
            QStringLiteral("Admin"), 15'000);
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-default-permissions-%1").arg(backend));

        // A repository the member creates gets both; one the admin creates only the team's.
        const QString memberToken = server->createToken(member);
        QCOMPARE(createRepository(server, memberToken, org, "bymember").status, 201);
        QCOMPARE(roleOn(server, backend, org, "bymember", "team", "builders"), QStringLiteral("admin"));
        QCOMPARE(roleOn(server, backend, org, "bymember", "user", org + "+deployer"), QStringLiteral("read"));
        QCOMPARE(createRepository(server, m_servers.adminToken(backend), org, "byadmin").status, 201);
        QCOMPARE(roleOn(server, backend, org, "byadmin", "team", "builders"), QStringLiteral("admin"));
        QCOMPARE(roleOn(server, backend, org, "byadmin", "user", org + "+deployer"), QString());

        // Filter by creator, then delete both after typing confirm.
        QTest::keyClicks(widget<QLineEdit>(tab, "prototypeFilter"), member);
        QCOMPARE(proxy->rowCount(), 1);
        widget<QLineEdit>(tab, "prototypeFilter")->clear();
        table->selectAll();
        QTest::mouseClick(widget<QPushButton>(tab, "deletePrototypesButton"), Qt::LeftButton);
        auto *confirm = tab->findChild<console::TypedConfirmDialog *>();
        QVERIFY(confirm);
        QTest::keyClicks(widget<QLineEdit>(confirm, "confirmEdit"), "confirm");
        QTest::mouseClick(widget<QPushButton>(confirm, "confirmDeleteButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(prototypesThroughApi(server, backend, org).size(), 0, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 0, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(tab->findChild<console::LoadStateView *>()->state(), console::LoadStateView::State::Empty,
                                  15'000);
    }

    void deletePermissionFromTheRowMenuIsImmediate()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/readers").arg(org),
                       R"({"role": "member"})").status, 200);
        const HttpReply made = admin(server, backend, "POST", QStringLiteral("/api/v1/organization/%1/prototypes").arg(org),
                                     R"({"delegate": {"name": "readers", "kind": "team"}, "role": "read"})");
        QCOMPARE(made.status, 200);
        const QString id = made.json().value("id").toString();

        Session session;
        QVERIFY(signIn(session, server));
        session.window->openOrganization(org);
        console::DefaultPermissionsTab *tab = session.page->defaultPermissions();
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 1, 15'000);
        QCOMPARE(tab->model()->prototype(0).id, id);
        // Right-click on the row, "Delete Permission": no confirmation.
        session.page->tabs()->setCurrentWidget(tab);
        auto *table = widget<QTableView>(tab, "prototypeTable");
        const QPoint onRow = table->visualRect(table->model()->index(0, 0)).center();
        emit table->customContextMenuRequested(onRow);
        auto *menu = tab->findChild<QMenu *>();
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 1);
        QCOMPARE(menu->actions().first()->text(), QStringLiteral("Delete Permission"));
        menu->actions().first()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(prototypesThroughApi(server, backend, org).size(), 0, 15'000);
        QCOMPARE(tab->model()->rowCount(), 0);
        QVERIFY(widget<QLabel>(session.window.get(), "toastText")->text().contains("organization default"));
    }

    void settingsChangeTheEmailAndTheTimeMachine()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        Session session;
        QVERIFY(signIn(session, server));
        session.window->openOrganization(org);
        console::NamespaceSettingsTab *tab = session.page->settings();
        session.page->tabs()->setCurrentWidget(tab);
        QVERIFY(settled(tab));
        QCOMPARE(widget<QLineEdit>(tab, "namespaceNameField")->text(), org);
        auto *email = widget<QLineEdit>(tab, "settingsEmailEdit");
        auto *timeMachine = widget<QComboBox>(tab, "timeMachineCombo");
        auto *save = widget<QPushButton>(tab, "saveSettingsButton");
        QVERIFY(!save->isEnabled());
        QVERIFY(timeMachine->isVisible());
        // The configured options (Quay's default 0s 1d 1w 2w 4w), humanized.
        QCOMPARE(timeMachine->count(), 5);
        QCOMPARE(timeMachine->itemText(2), QStringLiteral("1 week(s)"));

        // A bad address: Save stays off, the form says why, nothing is sent.
        email->setFocus();
        QTest::keyClicks(email, "not-an-address");
        QVERIFY(!save->isEnabled());
        QTest::keyClick(email, Qt::Key_Return);
        QTest::mouseClick(save, Qt::LeftButton);
        auto *message = widget<QLabel>(tab, "settingsEmailMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("Please enter a valid email address"));
        QTest::qWait(200);
        QVERIFY(admin(server, backend, "GET", QStringLiteral("/api/v1/organization/%1").arg(org))
                    .json()
                    .value("email")
                    .toString()
                    .isEmpty());

        const QString address = org + "@example.com";
        email->setText(address);
        QVERIFY(!message->isVisible());
        timeMachine->setCurrentIndex(timeMachine->findData(qint64(86400)));
        QCOMPARE(timeMachine->currentText(), QStringLiteral("1 day(s)"));
        QVERIFY(save->isEnabled());
        saveScreenshot(session.window.get(), QStringLiteral("page-namespace-settings-%1").arg(backend));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(session.window.get(), "toastText")->text(),
                                  QStringLiteral("Successfully updated settings"), 15'000);
        const QJsonObject stored = admin(server, backend, "GET", QStringLiteral("/api/v1/organization/%1").arg(org)).json();
        QCOMPARE(stored.value("email").toString(), address);
        QCOMPARE(stored.value("tag_expiration_s").toInteger(), 86400);
        QVERIFY(!save->isEnabled());
    }

    void ownNamespaceShowsRepositoriesRobotsAndSettings()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString token = m_servers.adminToken(backend);
        const QString repo = freshName("own");
        QCOMPARE(createRepository(server, token, "admin", repo).status, 201);
        const QString robot = freshName("helper");
        QCOMPARE(apiCall(server, token, "PUT", QStringLiteral("/api/v1/user/robots/%1").arg(robot), "{}").status, 201);

        Session session;
        QVERIFY(signIn(session, server));
        // The admin's own row of the Organizations list opens the namespace.
        auto *organizations = session.window->findChild<console::OrganizationsPage *>();
        auto *list = organizations->findChild<QTableView *>("organizationTable");
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(list->model(), 0, "admin") >= 0, 15'000);
        list->setFocus();
        list->setCurrentIndex(list->model()->index(rowNamed(list->model(), 0, "admin"), 0));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(session.window->currentPage(), int(console::MainWindow::NamespacePageIndex));
        console::NamespacePage *page = session.page;
        QVERIFY(page->isUserNamespace());
        QCOMPARE(widget<QLabel>(page, "namespaceTitle")->text(), QStringLiteral("admin"));
        QVERIFY(tabShown(page, page->repositories()));
        QVERIFY(tabShown(page, page->robotAccounts()));
        QVERIFY(tabShown(page, page->settings()));
        QVERIFY(!tabShown(page, page->defaultPermissions()));
        QTest::qWait(100);
        QVERIFY(!tabShown(page, page->teams()));

        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(page->repositories()->model(), console::RepositoryListModel::NameColumn, repo) >= 0,
                                 15'000);
        console::RobotAccountsTab *robots = page->robotAccounts();
        QTRY_VERIFY_WITH_TIMEOUT(robots->model()->rowOf("admin+" + robot) >= 0, 15'000);

        // A robot made from the tab is the user's (/api/v1/user/robots).
        page->tabs()->setCurrentWidget(robots);
        QTest::mouseClick(widget<QPushButton>(robots, "createRobotButton"), Qt::LeftButton);
        auto *wizard = robots->findChild<console::CreateRobotWizard *>();
        QVERIFY(wizard);
        QTest::keyClicks(widget<QLineEdit>(wizard, "robotNameEdit"), "fromconsole");
        QTest::mouseClick(widget<QAbstractButton>(wizard, "reviewAndFinishButton"), Qt::LeftButton);
        QTest::mouseClick(widget<QAbstractButton>(wizard, "finishButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(robots->model()->rowOf("admin+fromconsole") >= 0, 15'000);
        QStringList stored;
        for (const QJsonValue &r : apiCall(server, token, "GET", "/api/v1/user/robots").json().value("robots").toArray())
            stored << r.toObject().value("name").toString();
        QVERIFY(stored.contains("admin+fromconsole"));
        saveScreenshot(session.window.get(), QStringLiteral("page-user-namespace-robots-%1").arg(backend));

        // File › Account Settings: the Settings tab of the own namespace.
        page->tabs()->setCurrentWidget(page->repositories());
        session.window->findChild<QAction *>("accountSettingsAction")->trigger();
        QCOMPARE(page->tabs()->currentWidget(), page->settings());
        console::NamespaceSettingsTab *settings = page->settings();
        QVERIFY(settled(settings));
        QCOMPARE(widget<QLineEdit>(settings, "namespaceNameField")->text(), QStringLiteral("admin"));
        QCOMPARE(widget<QLineEdit>(settings, "settingsEmailEdit")->text(), QStringLiteral("admin@example.com"));
        auto *timeMachine = widget<QComboBox>(settings, "timeMachineCombo");
        timeMachine->setCurrentIndex(timeMachine->findData(qint64(4 * 604800)));
        QTest::mouseClick(widget<QPushButton>(settings, "saveSettingsButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>(session.window.get(), "toastText")->text(),
                                  QStringLiteral("Successfully updated settings"), 15'000);
        QCOMPARE(apiCall(server, token, "GET", "/api/v1/user/").json().value("tag_expiration_s").toInteger(), 4 * 604800);
        saveScreenshot(session.window.get(), QStringLiteral("page-user-namespace-settings-%1").arg(backend));
        // Put the window back, so the rows of other backends start alike.
        QCOMPARE(apiCall(server, token, "PUT", "/api/v1/user/", R"({"tag_expiration_s": 1209600})").status, 200);
    }

    void aMemberWhoIsNoAdminSeesNoAdminTabs()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString org = createOrganization(server, backend);
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/readers").arg(org),
                       R"({"role": "member"})").status, 200);
        const QString member = freshName("reader");
        const QString password = QStringLiteral("reader-pw-123");
        QVERIFY(server->createUser(member, password).ok());
        QCOMPARE(admin(server, backend, "PUT",
                       QStringLiteral("/api/v1/organization/%1/team/readers/members/%2").arg(org, member)).status, 200);

        Session session;
        session.client.setServer(QUrl(server->baseUrl()));
        QObject guard;
        std::optional<client::CurrentUser> user;
        client::session::signIn(session.client, member, password)->then(&guard, [&](const Result<client::CurrentUser> &answer) {
            user = answer ? *answer : client::CurrentUser{};
        });
        QTRY_VERIFY_WITH_TIMEOUT(user.has_value(), 15'000);
        QCOMPARE(user->username, member);
        session.window = std::make_unique<console::MainWindow>(session.client, *user);
        session.window->show();
        session.page = session.window->findChild<console::NamespacePage *>();
        session.window->openOrganization(org);
        console::NamespacePage *page = session.page;
        QTRY_VERIFY_WITH_TIMEOUT(!tabShown(page, page->defaultPermissions()), 15'000);
        QVERIFY(!tabShown(page, page->robotAccounts()));
        QVERIFY(!tabShown(page, page->settings()));
        QVERIFY(tabShown(page, page->repositories()));
        QTRY_VERIFY_WITH_TIMEOUT(tabShown(page, page->teams()), 15'000);
    }

    void humanizedTimeMachineChoices_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << qint64(0) << "None (deleted tags cannot be restored)";
        QTest::newRow("one day") << qint64(86400) << "1 day(s)";
        QTest::newRow("two weeks") << qint64(1209600) << "2 week(s)";
        QTest::newRow("three hours") << qint64(10800) << "3 hour(s)";
        QTest::newRow("ninety seconds") << qint64(90) << "90 second(s)";
    }

    // Back and forward return to the namespace and the repository that were
    // shown, with their tab, not just to the page: org A on its Robot
    // accounts tab, repository A/r1, back to A, org B, back to A...
    void backAndForwardReturnToTheNamespaceAndRepositoryShown()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString token = m_servers.adminToken(backend);
        const QString orgA = createOrganization(server, backend);
        const QString orgB = createOrganization(server, backend);
        QCOMPARE(createRepository(server, token, orgA, "r1").status, 201);
        QCOMPARE(createRepository(server, token, orgB, "r2").status, 201);
        Session session;
        QVERIFY(signIn(session, server));
        console::MainWindow *window = session.window.get();
        console::NamespacePage *page = session.page;
        auto *title = widget<QLabel>(page, "namespaceTitle");
        auto *repositoryTitle = widget<QLabel>(window, "repositoryTitle");
        auto *breadcrumb = widget<QLabel>(window, "breadcrumb");
        QAction *back = window->findChild<QAction *>("backAction");
        QAction *forward = window->findChild<QAction *>("forwardAction");
        const auto showsNamespace = [&](const QString &org) {
            return window->currentPage() == console::MainWindow::NamespacePageIndex && title->text() == org
                   && breadcrumb->text() == QStringLiteral("Organizations › %1").arg(org);
        };
        const auto showsRepository = [&](const QString &fullName) {
            return window->currentPage() == console::MainWindow::RepositoryPageIndex && repositoryTitle->text() == fullName
                   && breadcrumb->text() == QStringLiteral("Repositories › %1").arg(fullName);
        };

        window->openOrganization(orgA);
        QVERIFY(showsNamespace(orgA));
        page->tabs()->setCurrentWidget(page->robotAccounts());
        window->openRepository(orgA, QStringLiteral("r1"));
        QVERIFY(showsRepository(orgA + "/r1"));

        back->trigger();
        QVERIFY(showsNamespace(orgA));
        QCOMPARE(page->tabs()->currentWidget(), page->robotAccounts());
        forward->trigger();
        QVERIFY(showsRepository(orgA + "/r1"));
        back->trigger();

        // Another organization; back shows A again on its tab.
        window->openOrganization(orgB);
        QVERIFY(showsNamespace(orgB));
        page->tabs()->setCurrentWidget(page->repositories());
        QVERIFY(!forward->isEnabled());
        back->trigger();
        QVERIFY(showsNamespace(orgA));
        QCOMPARE(page->tabs()->currentWidget(), page->robotAccounts());
        back->trigger();
        QCOMPARE(window->currentPage(), int(console::MainWindow::OrganizationsPageIndex));
        QCOMPARE(breadcrumb->text(), QStringLiteral("Organizations"));
        QVERIFY(!back->isEnabled());
        forward->trigger();
        QVERIFY(showsNamespace(orgA));
        forward->trigger();
        QVERIFY(showsNamespace(orgB));
        QCOMPARE(page->tabs()->currentWidget(), page->repositories());
        QVERIFY(!forward->isEnabled());

        // Two repositories in a row: back opens the first one again, and
        // its information loads.
        window->openRepository(orgA, QStringLiteral("r1"));
        window->openRepository(orgB, QStringLiteral("r2"));
        QVERIFY(showsRepository(orgB + "/r2"));
        back->trigger();
        QVERIFY(showsRepository(orgA + "/r1"));
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLineEdit>(window, "podmanPullField")->text().endsWith(orgA + "/r1"), 15'000);
        back->trigger();
        QVERIFY(showsNamespace(orgB));
        forward->trigger();
        forward->trigger();
        QVERIFY(showsRepository(orgB + "/r2"));
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLineEdit>(window, "podmanPullField")->text().endsWith(orgB + "/r2"), 15'000);
    }

    void humanizedTimeMachineChoices()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(console::NamespaceSettingsTab::humanized(seconds), text);
    }
};

QTEST_MAIN(TestConsoleNamespace)
#include "tst_console_namespace.moc"
