// SecretStore against a real Secret Service (gnome-keyring inside a private
// D-Bus session, started by ./with-secret-service) and without one: there
// the store says once that it cannot remember, and everything keeps working.
#include "settings/secretstore.h"

#include "support/testenv.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace kai::console;

class TestConsoleSecretStore : public QObject
{
    Q_OBJECT

private:
    static std::optional<QString> readNow(SecretStore &store, const QString &key, bool *answered)
    {
        QObject guard;
        std::optional<QString> result;
        *answered = false;
        store.read(key, &guard, [&](std::optional<QString> secret) {
            result = std::move(secret);
            *answered = true;
        });
        if (!QTest::qWaitFor([&] { return *answered; }, 10'000))
            qWarning("the keychain did not answer within 10 s");
        return result;
    }

private Q_SLOTS:
    // --- with ./with-secret-service ---

    void rememberedSecretComesBackFromTheKeychain()
    {
        KAI_REQUIRE_SERVICE(qEnvironmentVariable("KAI_SECRET_SERVICE") == QLatin1String("1"),
                            "Secret Service (apt-get install dbus gnome-keyring; run through with-secret-service)");
        SecretStore store(QStringLiteral("kai-console-test"));
        QSignalSpy unavailable(&store, &SecretStore::unavailable);
        QSignalSpy written(&store, &SecretStore::written);
        store.write(QStringLiteral("admin@http://127.0.0.1:1"), QStringLiteral("s3cret-pw"));
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10'000);
        bool answered = false;
        const std::optional<QString> secret = readNow(store, QStringLiteral("admin@http://127.0.0.1:1"), &answered);
        QVERIFY(answered);
        QCOMPARE(secret.value_or(QString()), QStringLiteral("s3cret-pw"));
        QCOMPARE(unavailable.count(), 0);
        QVERIFY(store.isAvailable());
    }

    void removedSecretIsGone()
    {
        KAI_REQUIRE_SERVICE(qEnvironmentVariable("KAI_SECRET_SERVICE") == QLatin1String("1"),
                            "Secret Service (apt-get install dbus gnome-keyring; run through with-secret-service)");
        SecretStore store(QStringLiteral("kai-console-test"));
        QSignalSpy written(&store, &SecretStore::written);
        store.write(QStringLiteral("token@http://127.0.0.1:2"), QStringLiteral("tok"));
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10'000);
        store.remove(QStringLiteral("token@http://127.0.0.1:2"));
        bool answered = false;
        QTRY_VERIFY_WITH_TIMEOUT(!readNow(store, QStringLiteral("token@http://127.0.0.1:2"), &answered).has_value() && answered,
                                 10'000);
        QVERIFY(store.isAvailable());
    }

    // --- without a Secret Service (no session bus) ---

    void withoutKeychainItSaysSoOnceAndKeepsWorking()
    {
        SecretStore store(QStringLiteral("kai-console-test"));
        QSignalSpy unavailable(&store, &SecretStore::unavailable);
        store.write(QStringLiteral("a"), QStringLiteral("one"));
        store.write(QStringLiteral("b"), QStringLiteral("two"));
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 1, 10'000);
        QVERIFY(!unavailable.first().first().toString().isEmpty());
        QVERIFY(!store.isAvailable());
        bool answered = false;
        QVERIFY(!readNow(store, QStringLiteral("a"), &answered).has_value());
        QVERIFY(answered);
        store.write(QStringLiteral("c"), QStringLiteral("three"));
        QTest::qWait(100);
        QCOMPARE(unavailable.count(), 1);
    }
};

QTEST_MAIN(TestConsoleSecretStore)
#include "tst_console_secretstore.moc"
