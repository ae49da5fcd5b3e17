// The superuser's user management in the Organizations list against a real
// kai-server, clicked as an administrator does (console-workflows §2):
// "Create User" shows the generated password once and that password signs
// in; the cog menu changes a user's e-mail and password, disables, enables
// and deletes them, takes ownership of a user (the row becomes an
// organization) and renames an organization; the server's refusal shows its
// error_message; a user who is no superuser sees none of it.
#include "consolefixture.h"

#include "dialogs/createuserdialog.h"
#include "dialogs/singlevaluedialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/organizationlistmodel.h"
#include "pages/organizationspage.h"
#include "widgets/loadstateview.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>

using namespace kai;
using namespace kai::test;

namespace {

QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

// The visible child called `name` (a closed dialog lingers until its
// deferred delete).
template <typename T>
T *visibleChild(QObject *parent, const char *name)
{
    for (T *candidate : parent->findChildren<T *>(QLatin1String(name))) {
        if (candidate->isVisible())
            return candidate;
    }
    return nullptr;
}

} // namespace

class TestConsoleSuperuser : public ConsoleSuite
{
    Q_OBJECT

private:
    static constexpr const char *kUserPassword = "managed-password-1";

    static int rowOf(const console::OrganizationListModel *model, const QString &name,
                     console::OrganizationRow::Kind kind)
    {
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->row(i).name == name && model->row(i).kind == kind)
                return i;
        }
        return -1;
    }

    // The UI's sign-in (POST /api/v1/signin with the CSRF token): its status.
    static int apiSignIn(ServerProcess *server, const QString &user, const QString &password)
    {
        HttpClient ui(server->baseUrl());
        const QByteArray csrf = ui.get("/csrf_token").json().value("csrf_token").toString().toLatin1();
        return ui.send("POST", "/api/v1/signin", json({{"username", user}, {"password", password}}),
                       {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}})
            .status;
    }

    // A user made through the superuser API, with a known password.
    QString managedUser(ServerProcess *server, const QString &backend, const char *stem)
    {
        const QString name = freshName(stem);
        const QString admin = m_servers.adminToken(backend);
        if (apiCall(server, admin, "POST", "/api/v1/superuser/users/", json({{"username", name}, {"email", name + "@example.com"}}))
                .status != 200)
            return {};
        if (apiCall(server, admin, "PUT", "/api/v1/superuser/users/" + name, json({{"password", kUserPassword}})).status != 200)
            return {};
        return name;
    }

    struct Session
    {
        client::ApiClient client;
        std::unique_ptr<console::MainWindow> window;
        console::OrganizationsPage *page = nullptr;
        std::unique_ptr<QAbstractItemModelTester> modelTester;
    };

    // The main window signed in as `user` (admin by default) on the
    // Organizations page with its first load done.
    bool open(Session &session, ServerProcess *server, const QString &user = {}, const QString &password = {})
    {
        const bool signedIn = user.isEmpty() ? signInAsAdmin(session.client, server)
                                             : signInAs(session.client, server, user, password);
        if (!signedIn || !(session.window = mainWindowFor(session.client)))
            return false;
        session.page = session.window->findChild<console::OrganizationsPage *>();
        session.modelTester = std::make_unique<QAbstractItemModelTester>(
            session.page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.window->show();
        return waitForContent(session);
    }

    // The list loaded (a user in no organization sees the empty state).
    // A user made through the API, then the admin's session with that
    // user's row current; the name, or empty when any step failed.
    QString openOnNewUser(Session &session, ServerProcess *server, const QString &backend, const char *stem)
    {
        const QString name = managedUser(server, backend, stem);
        if (name.isEmpty() || !open(session, server) || !selectRow(session, name))
            return {};
        return name;
    }

    static bool waitForContent(Session &session)
    {
        auto *state = session.page->findChild<console::LoadStateView *>();
        return QTest::qWaitFor([&] {
            return state->state() == console::LoadStateView::State::Content || state->state() == console::LoadStateView::State::Empty;
        }, 15'000);
    }

    // Makes the row of `name` current once it is listed; false if it never is.
    static bool selectRow(Session &session, const QString &name,
                          console::OrganizationRow::Kind kind = console::OrganizationRow::Kind::User)
    {
        if (!QTest::qWaitFor([&] { return rowOf(session.page->model(), name, kind) >= 0; }, 15'000))
            return false;
        auto *proxy = session.page->findChild<QSortFilterProxyModel *>("organizationProxy");
        auto *table = session.page->findChild<QTableView *>("organizationTable");
        table->setCurrentIndex(proxy->mapFromSource(session.page->model()->index(rowOf(session.page->model(), name, kind), 0)));
        return true;
    }

    static QAction *menuAction(Session &session, const char *name)
    {
        QMenu *menu = widget<QToolButton>(session.page, "rowSettingsButton")->menu();
        return menu ? menu->findChild<QAction *>(QLatin1String(name)) : nullptr;
    }

    // Triggers the cog menu's action on the current row.
    static bool trigger(Session &session, const char *name)
    {
        QAction *action = menuAction(session, name);
        if (!action || !action->isVisible()) {
            qWarning("%s is not offered", name);
            return false;
        }
        action->trigger();
        return true;
    }

    // Presses OK in the confirmation box the last action opened.
    static bool confirm(Session &session)
    {
        if (!QTest::qWaitFor([&] { return visibleChild<QMessageBox>(session.page, "superuserConfirm") != nullptr; }, 5'000))
            return false;
        auto *box = visibleChild<QMessageBox>(session.page, "superuserConfirm");
        QTest::mouseClick(box->findChild<QPushButton *>("confirmOkButton"), Qt::LeftButton);
        return true;
    }

    // The single-value dialog the last action opened.
    static console::SingleValueDialog *valueDialog(Session &session)
    {
        if (!QTest::qWaitFor([&] { return visibleChild<console::SingleValueDialog>(session.page, "singleValueDialog"); }, 5'000))
            return nullptr;
        return visibleChild<console::SingleValueDialog>(session.page, "singleValueDialog");
    }

    // Replaces the dialog's value with `value` as typed, then presses OK.
    static void enterValue(console::SingleValueDialog *dialog, const QString &value)
    {
        auto *edit = widget<QLineEdit>(dialog, "valueEdit");
        edit->selectAll();
        QTest::keyClicks(edit, value);
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
    }

    // Empties the dialog's field as a person does (the message shows once edited).
    static void emptyValue(console::SingleValueDialog *dialog)
    {
        auto *edit = widget<QLineEdit>(dialog, "valueEdit");
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
    }

    static QString toast(Session &session) { return widget<QLabel>(session.window.get(), "toastText")->text(); }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void init() { m_settings.clear(); }

    void createdUserGetsAPasswordShownOnceThatSignsIn()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        QVERIFY(open(session, server));
        auto *createUser = widget<QPushButton>(session.page, "createUserButton");
        QVERIFY(createUser->isVisible());
        QTest::mouseClick(createUser, Qt::LeftButton);
        auto *dialog = visibleChild<console::CreateUserDialog>(session.page, "createUserDialog");
        QVERIFY(dialog);

        // Quay's messages, before anything is sent.
        auto *username = widget<QLineEdit>(dialog, "newUsernameEdit");
        auto *email = widget<QLineEdit>(dialog, "newUserEmailEdit");
        auto *create = widget<QPushButton>(dialog, "createButton");
        QTest::keyClicks(username, "a");
        QCOMPARE(widget<QLabel>(dialog, "newUsernameMessage")->text(), QStringLiteral("Username must be at least 2 characters"));
        QTest::keyClicks(username, "B");
        QCOMPARE(widget<QLabel>(dialog, "newUsernameMessage")->text(),
                 QStringLiteral("Username must contain only lowercase letters, numbers, hyphens, and underscores"));
        QTest::keyClicks(email, "not-an-address");
        QCOMPARE(widget<QLabel>(dialog, "newUserEmailMessage")->text(), QStringLiteral("Invalid email address"));
        QVERIFY(!create->isEnabled());

        const QString name = freshName("newcomer");
        username->clear();
        QTest::keyClicks(username, name);
        email->clear();
        QTest::keyClicks(email, name + "@example.com");
        QVERIFY(!widget<QLabel>(dialog, "newUsernameMessage")->isVisible());
        QVERIFY(create->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dialog-create-user-%1").arg(backend));
        QTest::mouseClick(create, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(visibleChild<console::TemporaryPasswordDialog>(session.page, "temporaryPasswordDialog"), 15'000);
        auto *shown = visibleChild<console::TemporaryPasswordDialog>(session.page, "temporaryPasswordDialog");
        const QString password = widget<QLineEdit>(shown, "temporaryPasswordEdit")->text();
        QCOMPARE(password.size(), 32);
        saveScreenshot(shown, QStringLiteral("dialog-temporary-password-%1").arg(backend));
        QTest::mouseClick(widget<QPushButton>(shown, "doneButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(toast(session), QStringLiteral("Successfully created user"), 5'000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), name, console::OrganizationRow::Kind::User) >= 0, 15'000);

        QCOMPARE(apiSignIn(server, name, password), 200);
        QVERIFY(apiSignIn(server, name, "not-" + password) != 200);
    }

    void emailAndPasswordChangeThroughTheCogMenu()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        const QString name = openOnNewUser(session, server, backend, "mailer");
        QVERIFY(!name.isEmpty());

        QVERIFY(trigger(session, "changeEmailAction"));
        console::SingleValueDialog *dialog = valueDialog(session);
        QVERIFY(dialog);
        QCOMPARE(widget<QLineEdit>(dialog, "valueEdit")->text(), name + "@example.com");
        enterValue(dialog, "no-at-sign");
        QCOMPARE(widget<QLabel>(dialog, "valueMessage")->text(), QStringLiteral("Please enter a valid email address"));
        QVERIFY(!widget<QPushButton>(dialog, "createButton")->isEnabled());
        emptyValue(dialog);
        QCOMPARE(widget<QLabel>(dialog, "valueMessage")->text(), QStringLiteral("Email cannot be empty"));
        saveScreenshot(dialog, QStringLiteral("dialog-change-email-%1").arg(backend));
        enterValue(dialog, "changed." + name + "@example.com");
        QTRY_COMPARE_WITH_TIMEOUT(toast(session), QStringLiteral("Successfully changed email for %1").arg(name), 15'000);
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/superuser/users/" + name)
                     .json().value("email").toString(),
                 "changed." + name + "@example.com");

        QVERIFY(waitForContent(session));
        QVERIFY(selectRow(session, name));
        QVERIFY(trigger(session, "changePasswordAction"));
        dialog = valueDialog(session);
        QVERIFY(dialog);
        QCOMPARE(widget<QLineEdit>(dialog, "valueEdit")->echoMode(), QLineEdit::Password);
        enterValue(dialog, "short");
        QVERIFY(!widget<QPushButton>(dialog, "createButton")->isEnabled());
        QCOMPARE(widget<QLabel>(dialog, "valueMessage")->text(), QStringLiteral("Password must be at least 8 characters"));
        enterValue(dialog, "long-enough-now");
        QTRY_COMPARE_WITH_TIMEOUT(toast(session), QStringLiteral("Successfully changed password for %1").arg(name), 15'000);
        QCOMPARE(apiSignIn(server, name, "long-enough-now"), 200);
        QVERIFY(apiSignIn(server, name, kUserPassword) != 200);
    }

    void disableEnableAndDeleteAUser()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        const QString name = openOnNewUser(session, server, backend, "toggled");
        QVERIFY(!name.isEmpty());
        QCOMPARE(menuAction(session, "toggleUserEnabledAction")->text(), QStringLiteral("Disable User"));

        QVERIFY(trigger(session, "toggleUserEnabledAction"));
        QTRY_VERIFY(visibleChild<QMessageBox>(session.page, "superuserConfirm"));
        saveScreenshot(visibleChild<QMessageBox>(session.page, "superuserConfirm"),
                       QStringLiteral("dialog-disable-user-%1").arg(backend));
        QVERIFY(confirm(session));
        QTRY_COMPARE_WITH_TIMEOUT(toast(session), QStringLiteral("Successfully disabled user %1").arg(name), 15'000);
        QVERIFY(apiSignIn(server, name, kUserPassword) != 200);
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/superuser/users/" + name)
                     .json().value("enabled").toBool(true),
                 false);

        QVERIFY(waitForContent(session));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), name, console::OrganizationRow::Kind::User) >= 0
                                     && session.page->model()->row(rowOf(session.page->model(), name,
                                                                         console::OrganizationRow::Kind::User)).disabled,
                                 15'000);
        QVERIFY(selectRow(session, name));
        QCOMPARE(menuAction(session, "toggleUserEnabledAction")->text(), QStringLiteral("Enable User"));
        QVERIFY(trigger(session, "toggleUserEnabledAction"));
        QVERIFY(confirm(session));
        QTRY_COMPARE_WITH_TIMEOUT(toast(session), QStringLiteral("Successfully enabled user %1").arg(name), 15'000);
        QCOMPARE(apiSignIn(server, name, kUserPassword), 200);

        QVERIFY(waitForContent(session));
        QVERIFY(selectRow(session, name));
        QVERIFY(trigger(session, "deleteUserAction"));
        QTRY_VERIFY(visibleChild<console::TypedConfirmDialog>(session.page, "typedConfirmDialog"));
        auto *typed = visibleChild<console::TypedConfirmDialog>(session.page, "typedConfirmDialog");
        auto *remove = widget<QPushButton>(typed, "confirmDeleteButton");
        QTest::keyClicks(widget<QLineEdit>(typed, "confirmEdit"), "confirm");
        QVERIFY(!remove->isEnabled());   // the user's name, not the list word
        widget<QLineEdit>(typed, "confirmEdit")->clear();
        QTest::keyClicks(widget<QLineEdit>(typed, "confirmEdit"), name);
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(toast(session), QStringLiteral("Successfully deleted user %1").arg(name), 15'000);
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/superuser/users/" + name).status, 404);
        QVERIFY(waitForContent(session));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), name, console::OrganizationRow::Kind::User) < 0
                                     && session.page->model()->rowCount() > 0,
                                 15'000);
    }

    void takingOwnershipOfAUserTurnsTheRowIntoAnOrganization()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        const QString name = openOnNewUser(session, server, backend, "absorbed");
        QVERIFY(!name.isEmpty());
        QVERIFY(trigger(session, "takeOwnershipOfUserAction"));
        QVERIFY(confirm(session));
        QTRY_COMPARE_WITH_TIMEOUT(toast(session), QStringLiteral("Successfully took ownership of user %1").arg(name), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), name, console::OrganizationRow::Kind::Organization) >= 0, 15'000);
        QCOMPARE(rowOf(session.page->model(), name, console::OrganizationRow::Kind::User), -1);
        saveScreenshot(session.window.get(), QStringLiteral("page-organizations-superuser-%1").arg(backend));

        QVERIFY(apiSignIn(server, name, kUserPassword) != 200);
        const HttpReply org = apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/organization/" + name);
        QCOMPARE(org.status, 200);
        QCOMPARE(org.json().value("is_admin").toBool(), true);

        // Now an organization row, it offers the organization actions.
        QVERIFY(waitForContent(session));
        QVERIFY(selectRow(session, name, console::OrganizationRow::Kind::Organization));
        QVERIFY(menuAction(session, "renameOrganizationAction")->isVisible());
        QVERIFY(!menuAction(session, "changePasswordAction")->isVisible());
    }

    void renamingAnOrganizationAndTheServersRefusal()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString admin = m_servers.adminToken(backend);
        const QString org = freshName("before");
        const QString renamed = freshName("after");
        QCOMPARE(apiCall(server, admin, "POST", "/api/v1/organization/", json({{"name", org}})).status, 201);
        Session session;
        QVERIFY(open(session, server));
        QVERIFY(selectRow(session, org, console::OrganizationRow::Kind::Organization));

        QVERIFY(trigger(session, "renameOrganizationAction"));
        console::SingleValueDialog *dialog = valueDialog(session);
        QVERIFY(dialog);
        emptyValue(dialog);
        QCOMPARE(widget<QLabel>(dialog, "valueMessage")->text(), QStringLiteral("Organization name cannot be empty"));
        QVERIFY(!widget<QPushButton>(dialog, "createButton")->isEnabled());

        // A name that is taken: the server refuses, the dialog says why.
        enterValue(dialog, "admin");
        auto *error = widget<QLabel>(dialog, "createError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15'000);
        QVERIFY2(error->text().contains(QStringLiteral("already in use")), qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        saveScreenshot(dialog, QStringLiteral("dialog-rename-organization-refused-%1").arg(backend));

        enterValue(dialog, renamed);
        QTRY_COMPARE_WITH_TIMEOUT(toast(session),
                                  QStringLiteral("Successfully renamed organization from %1 to %2").arg(org, renamed), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), renamed, console::OrganizationRow::Kind::Organization) >= 0, 15'000);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/organization/" + org).status, 404);
        QCOMPARE(apiCall(server, admin, "GET", "/api/v1/organization/" + renamed).status, 200);
    }

    void superusersAndOwnRowAreOutOfReach()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        QVERIFY(open(session, server));
        QVERIFY(selectRow(session, "admin"));
        auto *settings = widget<QToolButton>(session.page, "rowSettingsButton");
        QVERIFY(settings->isVisible());
        QVERIFY(!settings->isEnabled());
        for (QAction *action : settings->menu()->actions())
            QVERIFY2(!action->isVisible(), qPrintable(action->objectName()));
    }

    void aUserWhoIsNoSuperuserSeesNoneOfThis()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString name = managedUser(server, backend, "plain");
        const QString other = managedUser(server, backend, "neighbour");
        QVERIFY(!name.isEmpty() && !other.isEmpty());
        const QString org = freshName("plainorg");
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "POST", "/api/v1/organization/", json({{"name", org}})).status, 201);
        Session session;
        QVERIFY(open(session, server, name, QString::fromLatin1(kUserPassword)));
        QVERIFY(widget<QPushButton>(session.page, "createOrganizationButton")->isVisible());
        QVERIFY(widget<QPushButton>(session.page, "createUserButton")->isHidden());
        QVERIFY(widget<QToolButton>(session.page, "rowSettingsButton")->isHidden());
        // Only their own row: no other user, no organization they are not in.
        QCOMPARE(rowOf(session.page->model(), other, console::OrganizationRow::Kind::User), -1);
        QCOMPARE(rowOf(session.page->model(), org, console::OrganizationRow::Kind::Organization), -1);
        QVERIFY(selectRow(session, name));
        for (QAction *action : widget<QToolButton>(session.page, "rowSettingsButton")->menu()->actions())
            QVERIFY2(!action->isVisible(), qPrintable(action->objectName()));
    }
};

QTEST_MAIN(TestConsoleSuperuser)
#include "tst_console_superuser.moc"
