// "Please Verify" (console-workflows §0) against a real kai-server started
// with FRESH_LOGIN_TIMEOUT: 1s. The administrator signs in with the password
// in the sign-in dialog, waits until the login is stale and deletes an
// organization: the server asks for a fresh login, the console parks the
// DELETE and asks for the password. A wrong password is refused in the
// dialog and nothing is deleted; the right one replays the DELETE. Cancel
// fails the DELETE once with "Fresh login verification cancelled", and the
// list's reload that follows shows its error with Retry instead of asking
// again.
#include "consolefixture.h"

#include "console/consolecontroller.h"
#include "dialogs/freshlogindialog.h"
#include "dialogs/signindialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/organizationlistmodel.h"
#include "pages/organizationspage.h"
#include "widgets/loadstateview.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>

using namespace kai;
using namespace kai::test;

class TestConsoleFreshLogin : public ConsoleSuite
{
    Q_OBJECT

private:
    // A login older than this is stale (the server's FRESH_LOGIN_TIMEOUT
    // is 1s).
    static constexpr int kStaleAfterMs = 1200;

    static int rowOf(const console::OrganizationListModel *model, const QString &name)
    {
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->row(i).name == name)
                return i;
        }
        return -1;
    }

    // admin signs in with the password through the sign-in dialog; the
    // Organizations page of the window, loaded and showing `org`.
    static console::OrganizationsPage *signInWithPassword(console::ConsoleController &controller, ServerProcess *server,
                                                          const QString &org)
    {
        controller.start();
        console::SignInDialog *dialog = controller.signInDialog();
        if (!dialog)
            return nullptr;
        widget<QComboBox>(dialog, "serverCombo")->setEditText(server->baseUrl());
        widget<QRadioButton>(dialog, "passwordMethod")->setChecked(true);
        widget<QLineEdit>(dialog, "usernameEdit")->setText(QStringLiteral("admin"));
        widget<QLineEdit>(dialog, "passwordEdit")->setText(QString::fromLatin1(ConsoleServers::kAdminPassword));
        QTest::mouseClick(widget<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return controller.window() != nullptr; }, 15'000))
            return nullptr;
        auto *page = controller.window()->findChild<console::OrganizationsPage *>();
        auto *state = page->findChild<console::LoadStateView *>();
        const bool loaded = QTest::qWaitFor([&] {
            return state->state() == console::LoadStateView::State::Content && rowOf(page->model(), org) >= 0;
        }, 15'000);
        return loaded ? page : nullptr;
    }

    // Selects `org`, clicks Delete and confirms by typing "confirm".
    static bool deleteFromPage(console::OrganizationsPage *page, const QString &org)
    {
        auto *table = widget<QTableView>(page, "organizationTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        table->clearSelection();
        table->selectRow(proxy->mapFromSource(page->model()->index(rowOf(page->model(), org), 0)).row());
        QTest::mouseClick(widget<QPushButton>(page, "deleteOrganizationsButton"), Qt::LeftButton);
        auto *confirm = page->findChild<console::TypedConfirmDialog *>();
        if (!confirm)
            return false;
        widget<QLineEdit>(confirm, "confirmEdit")->setText(QStringLiteral("confirm"));
        QTest::mouseClick(widget<QPushButton>(confirm, "confirmDeleteButton"), Qt::LeftButton);
        return true;
    }

    int organizationStatus(ServerProcess *server, const QString &backend, const QString &org)
    {
        return admin(server, backend, "GET", "/api/v1/organization/" + org).status;
    }

    // admin signs in with the password, waits until the login is stale and
    // deletes a new organization from the Organizations page: "Please
    // Verify" is open.
    struct Scene
    {
        console::ConsoleController controller;
        console::MainWindow *window = nullptr;
        console::OrganizationsPage *page = nullptr;
        QString org;
        QPointer<console::FreshLoginDialog> verify;
    };

    static bool anyVerificationOpen(console::MainWindow *window)
    {
        const QList<console::FreshLoginDialog *> dialogs = window->findChildren<console::FreshLoginDialog *>();
        return std::any_of(dialogs.begin(), dialogs.end(), [](console::FreshLoginDialog *d) { return d->isVisible(); });
    }

    static void verifyWithThePassword(console::MainWindow *window)
    {
        const QList<console::FreshLoginDialog *> dialogs = window->findChildren<console::FreshLoginDialog *>();
        for (console::FreshLoginDialog *dialog : dialogs) {
            if (!dialog->isVisible())
                continue;
            widget<QLineEdit>(dialog, "freshPasswordEdit")->setText(QString::fromLatin1(ConsoleServers::kAdminPassword));
            QTest::mouseClick(widget<QPushButton>(dialog, "verifyButton"), Qt::LeftButton);
            return;
        }
    }

    static void cancelVerification(console::MainWindow *window)
    {
        const QList<console::FreshLoginDialog *> dialogs = window->findChildren<console::FreshLoginDialog *>();
        for (console::FreshLoginDialog *dialog : dialogs) {
            if (dialog->isVisible()) {
                QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
                return;
            }
        }
    }

    bool deleteAfterLoginWentStale(Scene &scene, ServerProcess *server, const QString &backend)
    {
        scene.org = createOrganization(server, backend, "verifyorg");
        if (scene.org.isEmpty())
            return false;
        scene.page = signInWithPassword(scene.controller, server, scene.org);
        scene.window = scene.controller.window();
        if (!scene.page)
            return false;
        QTest::qWait(kStaleAfterMs);
        if (!deleteFromPage(scene.page, scene.org))
            return false;
        return QTest::qWaitFor([&] {
            scene.verify = scene.window->findChild<console::FreshLoginDialog *>();
            return scene.verify && scene.verify->isVisible();
        }, 15'000);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void initTestCase() { m_servers.setExtraConfig({QStringLiteral("FRESH_LOGIN_TIMEOUT: 1s")}); }
    void init() { m_settings.clear(); }

    void staleLoginAsksForThePasswordThenReplaysTheDelete()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Scene scene;
        QVERIFY(deleteAfterLoginWentStale(scene, server, backend));
        const QString &org = scene.org;
        console::OrganizationsPage *page = scene.page;
        console::MainWindow *window = scene.window;
        QPointer<console::FreshLoginDialog> &verify = scene.verify;
        QCOMPARE(verify->windowTitle(), QStringLiteral("Please Verify"));
        saveScreenshot(verify, QStringLiteral("dialog-fresh-login-%1").arg(backend));

        // A wrong password: the server's message in the dialog, which stays;
        // the organization is still there.
        auto *password = widget<QLineEdit>(verify, "freshPasswordEdit");
        auto *message = widget<QLabel>(verify, "freshLoginMessage");
        QTest::keyClicks(password, QStringLiteral("not-the-password"));
        QTest::mouseClick(widget<QPushButton>(verify, "verifyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 15'000);
        QCOMPARE(message->text(), QStringLiteral("Invalid Username or Password"));
        QVERIFY(verify->isVisible());
        QVERIFY(widget<QPushButton>(verify, "verifyButton")->isEnabled());
        QCoreApplication::processEvents();   // the dialog grows for the message
        QVERIFY(verify->height() >= verify->layout()->minimumSize().height());
        saveScreenshot(verify, QStringLiteral("dialog-fresh-login-wrong-password-%1").arg(backend));
        QCOMPARE(organizationStatus(server, backend, org), 200);
        QVERIFY(rowOf(page->model(), org) >= 0);

        // The right password: the parked DELETE is sent again and succeeds.
        password->setText(QString::fromLatin1(ConsoleServers::kAdminPassword));
        QTest::mouseClick(widget<QPushButton>(verify, "verifyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(verify.isNull() || !verify->isVisible(), 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(organizationStatus(server, backend, org), 404, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLabel>(window, "toastText")->text().startsWith("Successfully deleted"), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page->model(), org) < 0 && page->model()->rowCount() > 0, 15'000);
        QVERIFY(window->findChild<QMessageBox *>() == nullptr);
        QVERIFY(scene.controller.client().isSignedIn());
    }

    void cancellingTheVerificationFailsTheDeleteOnce()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Scene scene;
        QVERIFY(deleteAfterLoginWentStale(scene, server, backend));
        auto *toast = widget<QLabel>(scene.window, "toastText");
        const QString toastBefore = toast->text();   // nothing said since sign-in
        QPushButton *cancel = scene.verify->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(scene.verify.isNull() || !scene.verify->isVisible(), 5'000);

        // One failure report naming the reason, and no error toast besides.
        QTRY_VERIFY_WITH_TIMEOUT(scene.window->findChild<QMessageBox *>("bulkFailureDialog") != nullptr, 15'000);
        const QList<QMessageBox *> reports = scene.window->findChildren<QMessageBox *>();
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first()->text().count(QStringLiteral("Fresh login verification cancelled")), 1);
        QVERIFY2(reports.first()->text().contains(scene.org), qPrintable(reports.first()->text()));
        QCOMPARE(organizationStatus(server, backend, scene.org), 200);

        // The page then reloads its list; the superuser's list of all
        // organizations needs a fresh login too (as in Quay). The person just
        // said no, so the reload does not ask again: the list shows its
        // error with Retry, and no second "Please Verify" opens.
        auto *state = scene.page->findChild<console::LoadStateView *>();
        QTRY_COMPARE_WITH_TIMEOUT(state->state(), console::LoadStateView::State::Error, 15'000);
        QVERIFY2(widget<QLabel>(state, "errorMessage")->text().contains(QStringLiteral("fresh login")),
                 qPrintable(widget<QLabel>(state, "errorMessage")->text()));
        QTest::qWait(300);   // time for a (wrong) second dialog to open
        QVERIFY(!anyVerificationOpen(scene.window));
        QCOMPARE(scene.controller.client().parkedRequestCount(), 0);

        // Retry is the person asking: now "Please Verify" opens, and
        // verifying loads the list with the organization in it.
        QTest::mouseClick(widget<QPushButton>(state, "retryButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(anyVerificationOpen(scene.window), 15'000);
        verifyWithThePassword(scene.window);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(scene.page->model(), scene.org) >= 0 && state->state() == console::LoadStateView::State::Content,
                                 15'000);
        QCOMPARE(scene.window->findChildren<QMessageBox *>().size(), 1);
        QVERIFY2(!toast->text().contains(QStringLiteral("Fresh login")), qPrintable(toast->text()));
        QVERIFY2(toast->text() == toastBefore || !toast->text().startsWith("Successfully deleted"), qPrintable(toast->text()));
        QCOMPARE(organizationStatus(server, backend, scene.org), 200);
        reports.first()->close();
    }

    // Refresh with a stale login: the list of all organizations asks once;
    // cancelling shows the list's error with Retry and does not go on to
    // ask for the list of all users as well.
    void cancellingOnRefreshAsksOnceAndOffersRetry()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        console::ConsoleController controller;
        const QString org = createOrganization(server, backend, "verifyorg");
        QVERIFY(!org.isEmpty());
        console::OrganizationsPage *page = signInWithPassword(controller, server, org);
        QVERIFY(page);
        console::MainWindow *window = controller.window();
        auto *state = page->findChild<console::LoadStateView *>();
        QTest::qWait(kStaleAfterMs);

        QTest::mouseClick(widget<QPushButton>(page, "refreshButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(anyVerificationOpen(window), 15'000);
        cancelVerification(window);
        QTRY_COMPARE_WITH_TIMEOUT(state->state(), console::LoadStateView::State::Error, 15'000);
        QTest::qWait(300);   // time for a (wrong) second dialog to open
        QVERIFY(!anyVerificationOpen(window));
        QCOMPARE(controller.client().parkedRequestCount(), 0);
        QVERIFY(widget<QPushButton>(state, "retryButton")->isVisible());

        QTest::mouseClick(widget<QPushButton>(state, "retryButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(anyVerificationOpen(window), 15'000);
        verifyWithThePassword(window);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page->model(), org) >= 0 && state->state() == console::LoadStateView::State::Content,
                                 15'000);
        QVERIFY(!anyVerificationOpen(window));
    }
};

QTEST_MAIN(TestConsoleFreshLogin)
#include "tst_console_freshlogin.moc"
