// Signing in to a real kai-server from the sign-in dialog, as an
// administrator does on first start: password through Quay's session flow,
// a pasted OAuth token, a wrong password, an address nobody answers on, and
// closing the dialog while the server is still being asked.
#include "consolefixture.h"

#include "console/consolecontroller.h"
#include "dialogs/signindialog.h"
#include "pages/organizationspage.h"
#include "settings/secretstore.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QPointer>
#include <QRadioButton>
#include <QSignalSpy>

using namespace kai;
using namespace kai::test;

class TestConsoleSignIn : public ConsoleSuite
{
    Q_OBJECT

private:
    static void fillPassword(console::SignInDialog *dialog, const QString &url, const QString &user, const QString &password)
    {
        widget<QComboBox>(dialog, "serverCombo")->setEditText(url);
        widget<QRadioButton>(dialog, "passwordMethod")->setChecked(true);
        widget<QLineEdit>(dialog, "usernameEdit")->setText(user);
        widget<QLineEdit>(dialog, "passwordEdit")->setText(password);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void init() { m_settings.clear(); }

    void signInWithPasswordOpensMainWindowShowingServerAndUser()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        console::ConsoleController controller;
        controller.start();
        console::SignInDialog *dialog = controller.signInDialog();
        QVERIFY(dialog);
        fillPassword(dialog, server->baseUrl(), "admin", ConsoleServers::kAdminPassword);
        QTest::mouseClick(widget<QPushButton>(dialog, "signInButton"), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(controller.window() != nullptr, 15'000);
        console::MainWindow *window = controller.window();
        QVERIFY(widget<QLabel>(window, "serverStatus")->text().contains("admin"));
        QVERIFY(widget<QLabel>(window, "serverStatus")->text().contains(QString::number(server->port())));
        QVERIFY(controller.client().isSignedIn());
        QVERIFY(!controller.client().usesBearerToken());
        // admin is a superuser: the Superuser navigation entry is there.
        auto *navigation = widget<QListWidget>(window, "navigation");
        QVERIFY(!navigation->item(console::MainWindow::SuperuserPageIndex)->isHidden());
    }

    void endedSessionAsksToSignInAgainOverTheOpenWindow()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        console::ConsoleController controller;
        controller.start();
        fillPassword(controller.signInDialog(), server->baseUrl(), "admin", ConsoleServers::kAdminPassword);
        QTest::mouseClick(widget<QPushButton>(controller.signInDialog(), "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(controller.window() != nullptr, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(controller.signInDialog() == nullptr, 5'000);
        QPointer<console::MainWindow> window = controller.window();

        // Signing out anywhere ends every session of the user (as in Quay).
        client::ApiClient elsewhere;
        QVERIFY(signInAsAdmin(elsewhere, server));
        bool signedOut = false;
        QObject guard;
        client::session::signOut(elsewhere)->then(&guard, [&](const Result<client::Done> &) { signedOut = true; });
        QTRY_VERIFY_WITH_TIMEOUT(signedOut, 15'000);

        // The window's next call is refused: a sign-in dialog opens over it,
        // and the window with whatever is open in it stays.
        window->findChild<console::OrganizationsPage *>()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(controller.signInDialog() != nullptr, 15'000);
        console::SignInDialog *again = controller.signInDialog();
        QVERIFY(!widget<QLabel>(again, "signInMessage")->isHidden());
        QCOMPARE(widget<QLineEdit>(again, "usernameEdit")->text(), QStringLiteral("admin"));
        QVERIFY(window);
        widget<QLineEdit>(again, "passwordEdit")->setText(ConsoleServers::kAdminPassword);
        QTest::mouseClick(widget<QPushButton>(again, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(controller.signInDialog() == nullptr, 15'000);
        QVERIFY(controller.client().isSignedIn());
        QCOMPARE(controller.window(), window.data());
    }

    void wrongPasswordShowsTheMessageAndKeepsTheFields()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        console::SignInDialog dialog(client, secrets);
        dialog.show();
        QSignalSpy signedIn(&dialog, &console::SignInDialog::signedIn);
        fillPassword(&dialog, server->baseUrl(), "admin", "not-the-password");
        QTest::mouseClick(widget<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);

        auto *message = widget<QLabel>(&dialog, "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 15'000);
        QVERIFY2(message->text().contains("Invalid", Qt::CaseInsensitive), qPrintable(message->text()));
        QCOMPARE(widget<QLineEdit>(&dialog, "usernameEdit")->text(), QStringLiteral("admin"));
        QCOMPARE(widget<QLineEdit>(&dialog, "passwordEdit")->text(), QStringLiteral("not-the-password"));
        QVERIFY(widget<QPushButton>(&dialog, "signInButton")->isEnabled());
        QCOMPARE(signedIn.count(), 0);
        QVERIFY(dialog.isVisible());
    }

    void unreachableServerNamesTheAddressWithoutHanging()
    {
        const quint16 port = freeLoopbackPort();
        QVERIFY(port != 0);
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        console::SignInDialog dialog(client, secrets);
        dialog.show();
        fillPassword(&dialog, url, "admin", "whatever-pw");
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(widget<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        auto *message = widget<QLabel>(&dialog, "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 10'000);
        QVERIFY2(message->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(message->text()));
        QVERIFY(clock.elapsed() < 10'000);
        QCOMPARE(widget<QLineEdit>(&dialog, "passwordEdit")->text(), QStringLiteral("whatever-pw"));
    }

    void addressOfSomethingElseIsRefusedWithAClearMessage()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        console::SignInDialog dialog(client, secrets);
        widget<QComboBox>(&dialog, "serverCombo")->setEditText("not a url at all");
        widget<QLineEdit>(&dialog, "usernameEdit")->setText("admin");
        widget<QLineEdit>(&dialog, "passwordEdit")->setText("x");
        QTest::mouseClick(widget<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        auto *message = widget<QLabel>(&dialog, "signInMessage");
        QVERIFY(!message->isHidden());
        QVERIFY(message->text().contains("https://"));
    }

    void pastedOAuthTokenSignsIn()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        console::SignInDialog dialog(client, secrets);
        dialog.show();
        QSignalSpy signedIn(&dialog, &console::SignInDialog::signedIn);
        widget<QComboBox>(&dialog, "serverCombo")->setEditText(server->baseUrl());
        widget<QRadioButton>(&dialog, "tokenMethod")->setChecked(true);
        widget<QLineEdit>(&dialog, "tokenEdit")->setText(m_servers.adminToken(backend));
        QTest::mouseClick(widget<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 15'000);
        QCOMPARE(dialog.user().username, QStringLiteral("admin"));
        QVERIFY(dialog.user().superUser);
        QVERIFY(client.usesBearerToken());
    }

    void signedInServerIsOfferedNextTimeWithoutItsSecretInSettings()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        {
            client::ApiClient client;
            console::SecretStore secrets(QStringLiteral("kai-console-test"));
            console::SignInDialog dialog(client, secrets);
            QSignalSpy signedIn(&dialog, &console::SignInDialog::signedIn);
            fillPassword(&dialog, server->baseUrl(), "admin", ConsoleServers::kAdminPassword);
            QTest::mouseClick(widget<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 15'000);
        }
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        console::SignInDialog dialog(client, secrets);
        QCOMPARE(widget<QComboBox>(&dialog, "serverCombo")->currentText(), server->baseUrl());
        QCOMPARE(widget<QLineEdit>(&dialog, "usernameEdit")->text(), QStringLiteral("admin"));
        // The password never reaches QSettings.
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(ConsoleServers::kAdminPassword), qPrintable(key));
    }

    void closingTheDialogWhileSigningInCallsNobodyBack()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        bool signedIn = false;
        {
            auto *dialog = new console::SignInDialog(client, secrets);
            connect(dialog, &console::SignInDialog::signedIn, this, [&signedIn]() { signedIn = true; });
            dialog->show();
            fillPassword(dialog, server->baseUrl(), "admin", ConsoleServers::kAdminPassword);
            QTest::mouseClick(widget<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
            // The request is in flight (nothing was processed since the click).
            dialog->reject();
            delete dialog;
        }
        QTest::qWait(500);
        QVERIFY(!signedIn);
        QVERIFY(!client.isSignedIn());
    }
};

QTEST_MAIN(TestConsoleSignIn)
#include "tst_console_signin.moc"
