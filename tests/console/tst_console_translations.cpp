// The console in Chinese: the embedded zh_CN translation loads and the
// dialogs speak the glossary's words (登录, 机构, 存储库). With
// KAI_SCREENSHOT_DIR set, every dialog of the console is also saved as a PNG
// in English and in zh_CN, so a person can look at them.
#include "client/apiclient.h"
#include "dialogs/addpermissiondialog.h"
#include "dialogs/createorganizationdialog.h"
#include "dialogs/createprototypedialog.h"
#include "dialogs/createrepositorydialog.h"
#include "dialogs/createrobotwizard.h"
#include "dialogs/createteamdialog.h"
#include "dialogs/createuserdialog.h"
#include "dialogs/freshlogindialog.h"
#include "dialogs/signindialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "settings/language.h"
#include "settings/secretstore.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <functional>
#include <memory>

using namespace kai;

class TestConsoleTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

    // Every dialog of the console, freshly made.
    static QList<QPair<QString, std::function<QDialog *(client::ApiClient &, console::SecretStore &)>>> dialogs()
    {
        return {
            {"sign-in", [](client::ApiClient &c, console::SecretStore &s) { return new console::SignInDialog(c, s); }},
            {"create-organization", [](client::ApiClient &c, console::SecretStore &) { return new console::CreateOrganizationDialog(c); }},
            {"create-repository", [](client::ApiClient &c, console::SecretStore &) {
                 return new console::CreateRepositoryDialog(c, {"admin", "acme"});
             }},
            {"typed-confirm", [](client::ApiClient &, console::SecretStore &) {
                 return new console::TypedConfirmDialog(QStringLiteral("Permanently delete organizations?"), QStringLiteral("…"),
                                                        {"acme", "globex"});
             }},
            {"fresh-login", [](client::ApiClient &c, console::SecretStore &) { return new console::FreshLoginDialog(c); }},
            {"create-team", [](client::ApiClient &c, console::SecretStore &) {
                 return new console::CreateTeamDialog(c, QStringLiteral("acme"), {"owners"});
             }},
            {"create-robot-wizard", [](client::ApiClient &c, console::SecretStore &) {
                 return new console::CreateRobotWizard(c, QStringLiteral("acme"));
             }},
            {"add-permission", [](client::ApiClient &c, console::SecretStore &) {
                 return new console::AddPermissionDialog(c, QStringLiteral("acme"), QStringLiteral("app"), true);
             }},
            {"create-default-permission", [](client::ApiClient &c, console::SecretStore &) {
                 return new console::CreatePrototypeDialog(c, QStringLiteral("acme"));
             }},
            {"create-user", [](client::ApiClient &c, console::SecretStore &) { return new console::CreateUserDialog(c); }},
        };
    }

    static void saveScreenshots(const QString &language)
    {
        const QString dir = qEnvironmentVariable("KAI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        for (const auto &[name, make] : dialogs()) {
            if (name == QLatin1String("typed-confirm"))
                continue;   // its caller passes the title
            std::unique_ptr<QDialog> dialog(make(client, secrets));
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            QVERIFY(dialog->grab().save(QStringLiteral("%1/dialog-%2-%3.png").arg(dir, name, language)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KaiConsoleTest"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void englishHasItsPluralForms()
    {
        QTranslator translator;
        QTranslator qtTranslator;
        QVERIFY(console::Language::install(*qApp, translator, qtTranslator, QStringLiteral("en")));
        const auto members = [](int n) {
            return QCoreApplication::translate("kai::console::TeamListModel", "%n member(s)", nullptr, n);
        };
        QCOMPARE(members(1), QStringLiteral("1 member"));
        QCOMPARE(members(2), QStringLiteral("2 members"));
        QCOMPARE(QCoreApplication::translate("kai::console::TeamListModel", "%n repository(ies)", nullptr, 3),
                 QStringLiteral("3 repositories"));
        // A string English does not pluralise is the source text itself.
        QCOMPARE(QCoreApplication::translate("kai::console::SignInDialog", "Sign in to a registry"), QStringLiteral("Sign in to a registry"));
        saveScreenshots(QStringLiteral("en"));
        QCoreApplication::removeTranslator(&translator);
    }

    void chineseDialogsUseTheGlossary()
    {
        QTranslator translator;
        QTranslator qtTranslator;
        QVERIFY(console::Language::install(*qApp, translator, qtTranslator, QStringLiteral("zh_CN")));
        client::ApiClient client;
        console::SecretStore secrets(QStringLiteral("kai-console-test"));
        console::SignInDialog signIn(client, secrets);
        QCOMPARE(signIn.findChild<QPushButton *>("signInButton")->text(), QStringLiteral("登录"));
        console::CreateOrganizationDialog createOrganization(client);
        QCOMPARE(createOrganization.windowTitle(), QStringLiteral("创建机构"));
        console::CreateRepositoryDialog createRepository(client, {"admin"});
        QCOMPARE(createRepository.windowTitle(), QStringLiteral("创建存储库"));
        console::FreshLoginDialog fresh(client);
        QCOMPARE(fresh.windowTitle(), QStringLiteral("请验证"));
        // The pages of the tenancy workflows: the glossary's team, robot
        // account and permission.
        for (const auto &[name, make] : dialogs()) {
            if (name == QLatin1String("typed-confirm"))
                continue;   // its caller passes the title
            std::unique_ptr<QDialog> dialog(make(client, secrets));
            // Untranslated English shows as a word of Latin letters (the
            // test's names, and the words the guide keeps in English, aside).
            QString title = dialog->windowTitle();
            QVERIFY2(!title.isEmpty(), qPrintable(name));
            for (const char *kept : {"acme", "globex", "registry", "Quay", "Docker", "podman", "Kubernetes"})
                title.remove(QLatin1String(kept));
            QVERIFY2(!title.contains(QRegularExpression(QStringLiteral("[A-Za-z]{4,}"))),
                     qPrintable(name + QStringLiteral(": ") + dialog->windowTitle()));
        }
        console::CreateTeamDialog createTeam(client, QStringLiteral("acme"), {});
        QVERIFY2(createTeam.windowTitle().contains(QStringLiteral("团队")), qPrintable(createTeam.windowTitle()));
        console::CreateRobotWizard createRobot(client, QStringLiteral("acme"));
        QVERIFY2(createRobot.windowTitle().contains(QStringLiteral("机器人帐户")), qPrintable(createRobot.windowTitle()));
        console::AddPermissionDialog addPermission(client, QStringLiteral("acme"), QStringLiteral("app"), true);
        QVERIFY2(addPermission.windowTitle().contains(QStringLiteral("权限")), qPrintable(addPermission.windowTitle()));
        saveScreenshots(QStringLiteral("zh_CN"));
        QCoreApplication::removeTranslator(&translator);
        QCoreApplication::removeTranslator(&qtTranslator);
    }
};

QTEST_MAIN(TestConsoleTranslations)
#include "tst_console_translations.moc"
