// A repository's page against a real kai-server (console-workflows §5,
// §5.6): opened from the Repositories list; in its Settings the admin grants
// a user, a team and a robot a role with the entity picker, changes the role
// inline and in bulk, removes it, and the API agrees each time; visibility
// changes; the typed "ns/repo" delete goes back to the list; a user without
// admin sees no Settings, and one who lost it sees Quay's error_message; a
// page or dialog closed while its request is in flight calls nobody back.
#include "consolefixture.h"
#include "e2e/clienttools.h"
#include "e2e/ocilayout.h"

#include "client/endpoints/session.h"
#include "dialogs/addpermissiondialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/repositorypermissionmodel.h"
#include "pages/repositoryinformationtab.h"
#include "pages/repositorypage.h"
#include "pages/repositorypermissionstab.h"
#include "pages/repositorysettingstab.h"
#include "widgets/loadstateview.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>

using namespace kai;
using namespace kai::test;

namespace {

constexpr const char *kUserPassword = "console-user-pw1";

} // namespace

class TestConsoleRepository : public ConsoleSuite
{
    Q_OBJECT

private:
    // An organization with one private repository "shop" in it, made
    // through the API; returns "org/shop".
    QString createRepository(ServerProcess *server, const QString &backend, const QString &description = {})
    {
        const QString org = createOrganization(server, backend, "repopage");
        const QJsonObject body{{"namespace", org}, {"repository", "shop"}, {"visibility", "private"}, {"description", description}};
        if (admin(server, backend, "POST", "/api/v1/repository", QJsonDocument(body).toJson()).status != 201)
            qWarning("creating %s/shop failed", qPrintable(org));
        return org + QStringLiteral("/shop");
    }

    // The role `name` holds directly on `repository` per the API ("none").
    QString roleThroughApi(ServerProcess *server, const QString &backend, const QString &repository, const QString &kind,
                           const QString &name)
    {
        const HttpReply reply =
            admin(server, backend, "GET", QStringLiteral("/api/v1/repository/%1/permissions/%2/").arg(repository, kind));
        const QJsonObject permissions = reply.json().value("permissions").toObject();
        return permissions.contains(name) ? permissions.value(name).toObject().value("role").toString()
                                          : QStringLiteral("none");
    }

    QString createUser(ServerProcess *server)
    {
        const QString name = freshName("person");
        if (!server->createUser(name, QString::fromLatin1(kUserPassword)).ok())
            qWarning("creating user %s failed", qPrintable(name));
        return name;
    }

    // The main window of one signed-in person, the repository page and its
    // permissions; testers watch the permission model and its proxy.
    struct Session
    {
        client::ApiClient client;
        std::unique_ptr<console::MainWindow> window;
        console::RepositoryPage *page = nullptr;
        console::RepositoryPermissionsTab *permissions = nullptr;
        std::unique_ptr<QAbstractItemModelTester> modelTester;
        std::unique_ptr<QAbstractItemModelTester> proxyTester;

        QTableView *table() const { return permissions->findChild<QTableView *>("permissionTable"); }
        QSortFilterProxyModel *proxy() const { return permissions->findChild<QSortFilterProxyModel *>("permissionProxy"); }
        console::RepositoryPermissionModel *model() const { return permissions->model(); }
        QTabWidget *tabs() const { return page->findChild<QTabWidget *>("repositoryTabs"); }
        bool hasSettings() const { return tabs()->indexOf(page->settings()) >= 0; }
        QString toast() const { return window->findChild<QLabel *>("toastText")->text(); }
        // The Repositories list of the navigation (namespace pages have one too).
        QWidget *repositoryList() const
        {
            return window->findChild<QStackedWidget *>("pages")->widget(console::MainWindow::RepositoriesPageIndex);
        }
    };

    bool startSession(Session &session, ServerProcess *server, const QString &user, const QString &password)
    {
        if (!signInAs(session.client, server, user, password) || !(session.window = mainWindowFor(session.client)))
            return false;
        session.window->show();
        session.page = session.window->findChild<console::RepositoryPage *>();
        session.permissions = session.window->findChild<console::RepositoryPermissionsTab *>();
        session.modelTester = std::make_unique<QAbstractItemModelTester>(
            session.permissions->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.proxyTester = std::make_unique<QAbstractItemModelTester>(
            session.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        return true;
    }

    static bool waitForPage(Session &session)
    {
        auto *state = session.page->findChild<console::LoadStateView *>();
        return QTest::qWaitFor([&] { return state->state() != console::LoadStateView::State::Busy; }, 15'000);
    }

    // The admin's window with `repository` opened from the Repositories
    // list by Enter on its row, as a person opens it.
    bool openFromList(Session &session, ServerProcess *server, const QString &repository)
    {
        if (!startSession(session, server, QStringLiteral("admin"), QString::fromLatin1(ConsoleServers::kAdminPassword)))
            return false;
        session.window->showPage(console::MainWindow::RepositoriesPageIndex);
        auto *table = session.repositoryList()->findChild<QTableView *>("repositoryTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        const auto rowOfRepository = [&] {
            for (int i = 0; i < proxy->rowCount(); ++i) {
                if (proxy->index(i, 0).data().toString() == repository)
                    return i;
            }
            return -1;
        };
        if (!QTest::qWaitFor([&] { return rowOfRepository() >= 0; }, 15'000)) {
            QStringList shown;
            for (int i = 0; i < proxy->rowCount(); ++i)
                shown << proxy->index(i, 0).data().toString();
            qWarning("%s is not in the list: %s", qPrintable(repository), qPrintable(shown.join(", ")));
            return false;
        }
        table->setFocus();
        table->setCurrentIndex(proxy->index(rowOfRepository(), 0));
        QTest::keyClick(table, Qt::Key_Return);
        return session.window->currentPage() == console::MainWindow::RepositoryPageIndex && waitForPage(session);
    }

    // Clicks the Settings tab and the section's entry in its vertical list;
    // for permissions, waits until they are loaded.
    static bool openSettings(Session &session, console::RepositorySettingsTab::Section section)
    {
        if (!session.hasSettings())
            return false;
        session.tabs()->setCurrentWidget(session.page->settings());
        auto *sections = session.page->findChild<QListWidget *>("settingsSections");
        QListWidgetItem *item = sections->item(section);
        QTest::mouseClick(sections->viewport(), Qt::LeftButton, {}, sections->visualItemRect(item).center());
        if (sections->currentRow() != section)
            return false;
        if (section != console::RepositorySettingsTab::PermissionsSection)
            return true;
        auto *state = session.permissions->findChild<console::LoadStateView *>();
        return QTest::qWaitFor([&] { return state->state() != console::LoadStateView::State::Busy; }, 15'000);
    }

    // "Add permissions", the picker, a role, Submit.
    static console::AddPermissionDialog *addPermission(Session &session, const QString &typed, const QString &name,
                                                        const QString &role)
    {
        QTest::mouseClick(widget<QPushButton>(session.permissions, "addPermissionButton"), Qt::LeftButton);
        auto *dialog = session.permissions->findChild<console::AddPermissionDialog *>();
        if (!dialog)
            return nullptr;
        auto *roles = widget<QComboBox>(dialog, "permissionRoleCombo");
        if (roles->currentData().toString() != QLatin1String("admin"))
            qWarning("the role does not default to Admin");
        if (!chooseEntity(widget<QWidget>(dialog, "permissionEntityPicker"), typed, name))
            return nullptr;
        roles->setCurrentIndex(roles->findData(role));
        return dialog;
    }

    static QModelIndex proxyIndexOf(Session &session, const client::Grantee &grantee, int column)
    {
        const int row = session.model()->rowOf(grantee);
        return row < 0 ? QModelIndex() : session.proxy()->mapFromSource(session.model()->index(row, column));
    }

    // The inline Read/Write/Admin choice of the grantee's row.
    static QComboBox *roleEditor(Session &session, const client::Grantee &grantee)
    {
        return qobject_cast<QComboBox *>(
            session.table()->indexWidget(proxyIndexOf(session, grantee, console::RepositoryPermissionModel::RoleColumn)));
    }

    static void selectOnly(Session &session, const client::Grantee &grantee)
    {
        session.table()->clearSelection();
        session.table()->selectRow(proxyIndexOf(session, grantee, 0).row());
    }

    static void triggerAction(Session &session, const char *name)
    {
        auto *action = session.permissions->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY(widget<QWidget>(session.permissions, "permissionActionsButton")->isEnabled());
        action->trigger();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void init() { m_settings.clear(); }

    // An unusual repository state is said in words, not as the API's constant.
    void repositoryStatesAreShownInWords()
    {
        QCOMPARE(console::RepositoryInformationTab::stateLabel("READ_ONLY"), QStringLiteral("Read-only"));
        QCOMPARE(console::RepositoryInformationTab::stateLabel("MIRROR"), QStringLiteral("Mirror"));
        QCOMPARE(console::RepositoryInformationTab::stateLabel("ORG_MIRROR"), QStringLiteral("Organization mirror"));
        QCOMPARE(console::RepositoryInformationTab::stateLabel("SOMETHING_NEW"), QStringLiteral("SOMETHING_NEW"));
    }

    void aRepositoryOpensFromTheListWithItsInformation()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend, QStringLiteral("# Shop\nThe **shop** front"));
        Session session;
        QVERIFY(openFromList(session, server, repository));
        QCOMPARE(widget<QLabel>(session.page, "repositoryTitle")->text(), repository);
        QCOMPARE(widget<QLabel>(session.window.get(), "breadcrumb")->text(), QStringLiteral("Repositories › %1").arg(repository));
        QVERIFY(widget<QLabel>(session.page, "repositorySummary")->text().contains("Private"));
        QCOMPARE(widget<QLineEdit>(session.page, "podmanPullField")->text(),
                 QStringLiteral("podman pull %1/%2").arg(server->host(), repository));
        QVERIFY(widget<QWidget>(session.page, "repositoryDescription")->property("plainText").toString().contains("shop front"));
        QVERIFY(session.hasSettings());
        // Permissions load only once Settings is opened.
        QCOMPARE(session.model()->rowCount(), 0);
        saveScreenshot(session.window.get(), QStringLiteral("page-repository-information-%1").arg(backend));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::PermissionsSection));
        QVERIFY(session.model()->rowOf(client::Grantee{client::Grantee::Kind::User, QStringLiteral("admin")}) >= 0);
        session.tabs()->setCurrentIndex(0);

        session.window->findChild<QAction *>("backAction")->trigger();
        QCOMPARE(session.window->currentPage(), int(console::MainWindow::RepositoriesPageIndex));
        session.window->findChild<QAction *>("forwardAction")->trigger();
        QCOMPARE(session.window->currentPage(), int(console::MainWindow::RepositoryPageIndex));
        QCOMPARE(widget<QLabel>(session.window.get(), "breadcrumb")->text(), QStringLiteral("Repositories › %1").arg(repository));
    }

    void adminGrantsWriteToAUserChangesItToAdminAndRemovesIt()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend);
        const QString alice = createUser(server);
        Session session;
        QVERIFY(openFromList(session, server, repository));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::PermissionsSection));

        console::AddPermissionDialog *dialog = addPermission(session, alice, alice, QStringLiteral("write"));
        QVERIFY(dialog);
        saveScreenshot(dialog, QStringLiteral("dialog-add-permission-%1").arg(backend));
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);

        const client::Grantee grantee{client::Grantee::Kind::User, alice};
        QTRY_VERIFY_WITH_TIMEOUT(session.model()->rowOf(grantee) >= 0, 15'000);
        QCOMPARE(roleThroughApi(server, backend, repository, "user", alice), QStringLiteral("write"));
        QCOMPARE(proxyIndexOf(session, grantee, console::RepositoryPermissionModel::TypeColumn).data().toString(),
                 QStringLiteral("User"));
        QVERIFY(session.toast().contains(alice));
        saveScreenshot(session.window.get(), QStringLiteral("page-repository-settings-permissions-%1").arg(backend));

        // Inline: the row's role editor, one step down from Write.
        QComboBox *editor = roleEditor(session, grantee);
        QVERIFY(editor);
        QCOMPARE(editor->objectName(), QStringLiteral("permissionRoleEditor"));
        QCOMPARE(editor->currentText(), QStringLiteral("Write"));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Down);
        QTRY_COMPARE_WITH_TIMEOUT(session.model()->permission(session.model()->rowOf(grantee)).role,
                                  client::RepositoryRole::Admin, 15'000);
        QCOMPARE(roleThroughApi(server, backend, repository, "user", alice), QStringLiteral("admin"));

        // Removing is immediate, as in Quay.
        selectOnly(session, grantee);
        triggerAction(session, "deletePermissionsAction");
        QTRY_COMPARE_WITH_TIMEOUT(roleThroughApi(server, backend, repository, "user", alice), QStringLiteral("none"), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(session.model()->rowOf(grantee) < 0, 15'000);
    }

    void aTeamGetsAPermissionAndABulkChange()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend);
        const QString org = repository.section(u'/', 0, 0);
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/team/builders").arg(org),
                       R"({"role": "member"})").status, 200);
        Session session;
        QVERIFY(openFromList(session, server, repository));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::PermissionsSection));

        // The role stays at its default, Admin.
        console::AddPermissionDialog *dialog = addPermission(session, "build", "builders", QStringLiteral("admin"));
        QVERIFY(dialog);
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        const client::Grantee team{client::Grantee::Kind::Team, QStringLiteral("builders")};
        QTRY_VERIFY_WITH_TIMEOUT(session.model()->rowOf(team) >= 0, 15'000);
        QCOMPARE(roleThroughApi(server, backend, repository, "team", "builders"), QStringLiteral("admin"));
        QCOMPARE(proxyIndexOf(session, team, console::RepositoryPermissionModel::TypeColumn).data().toString(),
                 QStringLiteral("Team"));

        // Actions > Change Permissions > Read on the selection.
        selectOnly(session, team);
        triggerAction(session, "setPermissionsReadAction");
        QTRY_COMPARE_WITH_TIMEOUT(roleThroughApi(server, backend, repository, "team", "builders"), QStringLiteral("read"),
                                  15'000);
        QTRY_VERIFY_WITH_TIMEOUT(session.model()->rowOf(team) >= 0
                                     && session.model()->permission(session.model()->rowOf(team)).role
                                            == client::RepositoryRole::Read,
                                 15'000);
        // The Delete key on the table removes the selection.
        selectOnly(session, team);
        session.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(session.window.get()));
        session.table()->setFocus();
        QTest::keyClick(session.table(), Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(roleThroughApi(server, backend, repository, "team", "builders"), QStringLiteral("none"),
                                  15'000);
        QTRY_VERIFY_WITH_TIMEOUT(session.model()->rowOf(team) < 0, 15'000);
    }

    void aRobotGrantedWriteCanLogInAndPush()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend);
        const QString org = repository.section(u'/', 0, 0);
        const HttpReply created =
            admin(server, backend, "PUT", QStringLiteral("/api/v1/organization/%1/robots/pusher").arg(org), "{}");
        QCOMPARE(created.status, 201);
        const QString robot = org + QStringLiteral("+pusher");
        const QString token = created.json().value("token").toString();
        Session session;
        QVERIFY(openFromList(session, server, repository));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::PermissionsSection));

        console::AddPermissionDialog *dialog = addPermission(session, robot, robot, QStringLiteral("write"));
        QVERIFY(dialog);
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        const client::Grantee grantee{client::Grantee::Kind::Robot, robot};
        QTRY_VERIFY_WITH_TIMEOUT(session.model()->rowOf(grantee) >= 0, 15'000);
        QCOMPARE(roleThroughApi(server, backend, repository, "user", robot), QStringLiteral("write"));
        QCOMPARE(proxyIndexOf(session, grantee, console::RepositoryPermissionModel::TypeColumn).data().toString(),
                 QStringLiteral("Robot"));

        // What the grant is for: podman logs in with the robot's token and
        // pushes to the repository.
        KAI_REQUIRE_SERVICE(toolAvailable("podman"), "podman (apt-get install podman)");
        ScratchDir work;
        QVERIFY(work.isValid());
        OciLayout layout(work.path() + QStringLiteral("/image"));
        layout.tag("v1", layout.addImage("amd64", "pushed by a robot\n"));
        QVERIFY2(layout.ok(), qPrintable(layout.error()));
        Podman podman;
        QVERIFY(podman.isValid());
        const ToolRun load = podman.run({"pull", layout.reference("v1")});
        QVERIFY2(load.succeeded(), load.report().constData());
        const QString target = QStringLiteral("%1/%2:v1").arg(server->host(), repository);
        const ToolRun tag = podman.run({"tag", QString::fromUtf8(load.standardOutput).trimmed(), target});
        QVERIFY2(tag.succeeded(), tag.report().constData());
        const ToolRun login = podman.run({"login", "--tls-verify=false", "-u", robot, "-p", token, server->host()});
        QVERIFY2(login.succeeded(), login.report().constData());
        const ToolRun push = podman.run({"push", "--tls-verify=false", target});
        QVERIFY2(push.succeeded(), push.report().constData());
        const HttpReply tags =
            admin(server, backend, "GET", QStringLiteral("/api/v1/repository/%1/tag/?specificTag=v1").arg(repository));
        QCOMPARE(tags.json().value("tags").toArray().size(), 1);
    }

    void inAUsersOwnRepositoryTheOwnerStaysAdmin()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString name = freshName("mine");
        const QJsonObject body{{"namespace", "admin"}, {"repository", name}, {"visibility", "private"}, {"description", ""}};
        QCOMPARE(admin(server, backend, "POST", "/api/v1/repository", QJsonDocument(body).toJson()).status, 201);
        Session session;
        QVERIFY(startSession(session, server, QStringLiteral("admin"), QString::fromLatin1(ConsoleServers::kAdminPassword)));
        session.window->openRepository("admin", name);
        QVERIFY(waitForPage(session));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::PermissionsSection));
        QCOMPARE(session.permissions->findChild<console::LoadStateView *>()->state(), console::LoadStateView::State::Content);
        const client::Grantee owner{client::Grantee::Kind::User, QStringLiteral("admin")};
        QVERIFY(session.model()->rowOf(owner) >= 0);

        QComboBox *editor = roleEditor(session, owner);
        QVERIFY(editor);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Up);   // Admin -> Write
        QTRY_VERIFY_WITH_TIMEOUT(session.toast().startsWith(QStringLiteral("Unable to set permissions for admin")), 15'000);
        QVERIFY2(session.toast().endsWith(QStringLiteral("Namespace owner must always be admin.")), qPrintable(session.toast()));
        QTRY_COMPARE(editor->currentText(), QStringLiteral("Admin"));
        QCOMPARE(roleThroughApi(server, backend, "admin/" + name, "user", "admin"), QStringLiteral("admin"));
    }

    void visibilityChangesShowInTheApi()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend);
        Session session;
        QVERIFY(openFromList(session, server, repository));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::VisibilitySection));
        auto *text = widget<QLabel>(session.page, "visibilityText");
        auto *button = widget<QPushButton>(session.page, "changeVisibilityButton");
        QVERIFY(text->text().contains("private"));
        QCOMPARE(button->text(), QStringLiteral("Make public"));
        saveScreenshot(session.window.get(), QStringLiteral("page-repository-settings-visibility-%1").arg(backend));

        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("Make private"), 15'000);
        QVERIFY(text->text().contains("public"));
        QCOMPARE(admin(server, backend, "GET", "/api/v1/repository/" + repository).json().value("is_public").toBool(), true);
        QVERIFY(widget<QLabel>(session.page, "repositorySummary")->text().contains("Public"));

        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("Make public"), 15'000);
        QCOMPARE(admin(server, backend, "GET", "/api/v1/repository/" + repository).json().value("is_public").toBool(), false);
    }

    void typedDeleteRemovesTheRepositoryAndReturnsToTheList()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend);
        Session session;
        QVERIFY(openFromList(session, server, repository));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::DeleteSection));
        QVERIFY(widget<QLabel>(session.page, "deleteRepositoryBanner")->text().contains("Here be dragons!"));
        saveScreenshot(session.window.get(), QStringLiteral("page-repository-settings-delete-%1").arg(backend));

        QTest::mouseClick(widget<QPushButton>(session.page, "deleteRepositoryButton"), Qt::LeftButton);
        auto *confirm = session.page->findChild<console::TypedConfirmDialog *>();
        QVERIFY(confirm);
        auto *deleteButton = widget<QPushButton>(confirm, "confirmDeleteButton");
        auto *edit = widget<QLineEdit>(confirm, "confirmEdit");
        QTest::keyClicks(edit, "confirm");
        QVERIFY(!deleteButton->isEnabled());
        edit->clear();
        QTest::keyClicks(edit, repository);
        QVERIFY(deleteButton->isEnabled());
        saveScreenshot(confirm, QStringLiteral("dialog-delete-repository-%1").arg(backend));
        QTest::mouseClick(deleteButton, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(session.window->currentPage(), int(console::MainWindow::RepositoriesPageIndex), 15'000);
        QCOMPARE(admin(server, backend, "GET", "/api/v1/repository/" + repository).status, 404);
        QVERIFY(session.toast().contains(repository));
        auto *list = session.repositoryList()->findChild<QTableView *>("repositoryTable");
        auto *state = session.repositoryList()->findChild<console::LoadStateView *>();
        QTRY_VERIFY_WITH_TIMEOUT(state->state() != console::LoadStateView::State::Busy, 15'000);
        for (int i = 0; i < list->model()->rowCount(); ++i)
            QVERIFY(list->model()->index(i, 0).data().toString() != repository);
    }

    void withoutAdminThereAreNoSettingsAndARefusalShowsQuaysMessage()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend);
        const QString writer = createUser(server);
        QCOMPARE(admin(server, backend, "PUT", QStringLiteral("/api/v1/repository/%1/permissions/user/%2").arg(repository, writer),
                       R"({"role": "write"})").status, 200);
        {
            Session session;
            QVERIFY(startSession(session, server, writer, QString::fromLatin1(kUserPassword)));
            session.window->openRepository(repository.section(u'/', 0, 0), "shop");
            QVERIFY(waitForPage(session));
            QCOMPARE(widget<QLabel>(session.page, "repositoryTitle")->text(), repository);
            QVERIFY(!session.hasSettings());
        }

        // An admin of the repository opens its Settings, then loses admin.
        const QString former = createUser(server);
        const QString permission = QStringLiteral("/api/v1/repository/%1/permissions/user/%2").arg(repository, former);
        QCOMPARE(admin(server, backend, "PUT", permission, R"({"role": "admin"})").status, 200);
        Session session;
        QVERIFY(startSession(session, server, former, QString::fromLatin1(kUserPassword)));
        session.window->openRepository(repository.section(u'/', 0, 0), "shop");
        QVERIFY(waitForPage(session));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::PermissionsSection));
        const client::Grantee self{client::Grantee::Kind::User, former};
        QVERIFY(session.model()->rowOf(self) >= 0);
        QCOMPARE(admin(server, backend, "PUT", permission, R"({"role": "read"})").status, 200);
        const HttpReply refusal = apiCall(server, server->createToken(former), "POST",
                                          QStringLiteral("/api/v1/repository/%1/changevisibility").arg(repository),
                                          R"({"visibility": "public"})");
        QCOMPARE(refusal.status, 403);
        const QString quaysMessage = refusal.json().value("error_message").toString();
        QVERIFY(!quaysMessage.isEmpty());

        QComboBox *editor = roleEditor(session, self);
        QVERIFY(editor);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Up);   // Admin -> Write
        QTRY_VERIFY_WITH_TIMEOUT(session.toast().startsWith(QStringLiteral("Unable to set permissions for %1").arg(former)), 15'000);
        QVERIFY2(session.toast().endsWith(quaysMessage), qPrintable(session.toast()));
        // The row still says what the server has for it.
        QTRY_COMPARE(editor->currentText(), QStringLiteral("Admin"));

        QVERIFY(openSettings(session, console::RepositorySettingsTab::VisibilitySection));
        QTest::mouseClick(widget<QPushButton>(session.page, "changeVisibilityButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session.toast().startsWith(QStringLiteral("Unable to change visibility")), 15'000);
        QVERIFY(session.toast().endsWith(quaysMessage));
        QCOMPARE(admin(server, backend, "GET", "/api/v1/repository/" + repository).json().value("is_public").toBool(), false);
    }

    void closingWhileARequestIsInFlightCallsNobodyBack()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString repository = createRepository(server, backend);
        const QString late = createUser(server);
        Session session;
        QVERIFY(openFromList(session, server, repository));
        QVERIFY(openSettings(session, console::RepositorySettingsTab::PermissionsSection));

        // The dialog: Submit, then Cancel before the answer.
        QPointer<console::AddPermissionDialog> dialog = addPermission(session, late, late, QStringLiteral("read"));
        QVERIFY(dialog);
        bool added = false;
        connect(dialog, &console::AddPermissionDialog::permissionAdded, this, [&added]() { added = true; });
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        dialog->reject();
        QTRY_VERIFY(dialog.isNull());

        // The page: reload it and its permissions, change the visibility,
        // then close the whole window before any answer.
        session.page->reload();
        QVERIFY(openSettings(session, console::RepositorySettingsTab::VisibilitySection));
        QTest::mouseClick(widget<QPushButton>(session.page, "changeVisibilityButton"), Qt::LeftButton);
        session.permissions->reload();
        session.modelTester.reset();
        session.proxyTester.reset();
        session.window.reset();
        QTest::qWait(500);
        QVERIFY(!added);
    }
};

QTEST_MAIN(TestConsoleRepository)
#include "tst_console_repository.moc"
