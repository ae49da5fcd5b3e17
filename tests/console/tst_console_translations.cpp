// The console in Chinese: the embedded zh_CN translation loads and the
// dialogs speak the glossary's words (登录, 机构, 存储库). With
// KAI_SCREENSHOT_DIR set, every dialog of the console is also saved as a PNG
// in English and in zh_CN, so a person can look at them.
#include "client/apiclient.h"
#include "dialogs/createorganizationdialog.h"
#include "dialogs/createrepositorydialog.h"
#include "dialogs/freshlogindialog.h"
#include "dialogs/signindialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "settings/language.h"
#include "settings/secretstore.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
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

    void englishNeedsNoTranslation()
    {
        QTranslator translator;
        QTranslator qtTranslator;
        QVERIFY(!console::Language::install(*qApp, translator, qtTranslator, QStringLiteral("en")));
        saveScreenshots(QStringLiteral("en"));
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
        saveScreenshots(QStringLiteral("zh_CN"));
        QCoreApplication::removeTranslator(&translator);
        QCoreApplication::removeTranslator(&qtTranslator);
    }
};

QTEST_MAIN(TestConsoleTranslations)
#include "tst_console_translations.moc"
