// Signing in to a kai-server that serves HTTPS with a self-signed
// certificate, as an administrator does with a fresh test registry: the
// console shows the certificate's SHA-256 fingerprint and asks; Cancel
// leaves it signed out, Trust remembers the fingerprint for that server so
// the next start signs in without asking, and a server that comes back with
// another certificate is asked about again.
//
// One server on SQLite only: TLS sits in front of the API and does not
// depend on the database backend.
#include "consolefixture.h"

#include "client/apierror.h"
#include "console/consolecontroller.h"
#include "dialogs/signindialog.h"
#include "settings/savedservers.h"
#include "window/mainwindow.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSslCertificate>
#include <QStandardPaths>

using namespace kai;
using namespace kai::test;

class TestConsoleTls : public QObject
{
    Q_OBJECT

private:
    IsolatedSettings m_settings;
    QTemporaryDir m_certificates;
    std::unique_ptr<ServerProcess> m_server;

    QString certificatePath() const { return m_certificates.filePath(QStringLiteral("server.crt")); }
    QString keyPath() const { return m_certificates.filePath(QStringLiteral("server.key")); }

    // A new self-signed certificate for 127.0.0.1 in place of the old one.
    bool makeCertificate()
    {
        QFile::remove(certificatePath());
        QFile::remove(keyPath());
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-addext",
                       "subjectAltName=IP:127.0.0.1", "-days", "2", "-keyout", keyPath(), "-out", certificatePath()});
        if (!openssl.waitForFinished(60'000) || openssl.exitCode() != 0) {
            qWarning("openssl failed: %s", openssl.readAll().constData());
            return false;
        }
        return true;
    }

    // "AB:CD:..." of the certificate file, computed here, not by the console.
    QString fingerprintOfPem() const
    {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath());
        if (certificates.isEmpty())
            return {};
        return QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    }

    QString savedFingerprint() const
    {
        QSettings settings;
        return QString::fromLatin1(
            console::SavedServers(settings).trustedCertificate(m_server->baseUrl()).toHex(':').toUpper());
    }

    void signInFromDialog(console::SignInDialog *dialog)
    {
        widget<QComboBox>(dialog, "serverCombo")->setEditText(m_server->baseUrl());
        widget<QRadioButton>(dialog, "passwordMethod")->setChecked(true);
        widget<QLineEdit>(dialog, "usernameEdit")->setText(m_server->adminUser());
        widget<QLineEdit>(dialog, "passwordEdit")->setText(m_server->adminPassword());
        QTest::mouseClick(widget<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
    }

    // The trust question over `dialog`, once it is shown (15 s at most).
    static QMessageBox *trustQuestion(console::SignInDialog *dialog)
    {
        QMessageBox *box = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                box = dialog->findChild<QMessageBox *>(QStringLiteral("certificateTrustDialog"));
                return box && box->isVisible();
            },
            15'000);
        return shown ? box : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KAI_REQUIRE_SERVICE(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(),
                            "openssl (apt-get install openssl)");
        QVERIFY(m_certificates.isValid());
        QVERIFY(makeCertificate());
        ServerProcess::Options options;
        options.tlsCertificatePath = certificatePath();
        options.tlsKeyPath = keyPath();
        m_server = std::make_unique<ServerProcess>();
        const Status started = m_server->start(options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        QVERIFY(m_server->baseUrl().startsWith(QLatin1String("https://")));
        QVERIFY(!m_server->adminPassword().isEmpty());
    }

    void init() { m_settings.clear(); }

    void clientNeverAcceptsTheCertificateWithoutItsFingerprint()
    {
        // Without a trusted fingerprint, and with a wrong one, the call fails
        // with the certificate the server presented.
        for (const QByteArray &trusted : {QByteArray(), QByteArray(32, '\x01')}) {
            client::ApiClient client;
            client.setServer(QUrl(m_server->baseUrl()));
            client.setTrustedCertificateFingerprint(trusted);
            QObject guard;
            std::optional<Result<client::CurrentUser>> answer;
            client::session::currentUser(client)->then(&guard, [&](const Result<client::CurrentUser> &a) { answer = a; });
            QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15'000);
            QVERIFY(!answer->ok());
            const auto certificate = client::untrustedCertificateOf(answer->error());
            QVERIFY2(certificate, qPrintable(answer->error().message));
            QCOMPARE(certificate->fingerprintText(), fingerprintOfPem());
            QVERIFY(certificate->subject.contains(QLatin1String("127.0.0.1")));
            QCOMPARE(certificate->server, QUrl(m_server->baseUrl()));
            QVERIFY(answer->error().message.contains(fingerprintOfPem()));
        }
    }

    void cancellingTheQuestionLeavesTheDialogSignedOutWithFieldsKept()
    {
        console::ConsoleController controller;
        controller.start();
        console::SignInDialog *dialog = controller.signInDialog();
        QVERIFY(dialog);
        signInFromDialog(dialog);

        QMessageBox *question = trustQuestion(dialog);
        QVERIFY2(question, "no certificate trust question");
        QVERIFY2(question->text().contains(fingerprintOfPem()), qPrintable(question->text()));
        QVERIFY(question->text().contains(m_server->baseUrl()));
        QVERIFY(question->text().contains(QLatin1String("127.0.0.1")));
        saveScreenshot(question, QStringLiteral("certificate-trust-dialog"));

        QTest::mouseClick(widget<QPushButton>(question, "cancelTrustButton"), Qt::LeftButton);
        auto *message = widget<QLabel>(dialog, "signInMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 5'000);
        QVERIFY2(message->text().contains(QLatin1String("not trusted")), qPrintable(message->text()));
        QCOMPARE(widget<QLineEdit>(dialog, "usernameEdit")->text(), m_server->adminUser());
        QCOMPARE(widget<QLineEdit>(dialog, "passwordEdit")->text(), m_server->adminPassword());
        QCOMPARE(widget<QComboBox>(dialog, "serverCombo")->currentText(), m_server->baseUrl());
        QVERIFY(widget<QPushButton>(dialog, "signInButton")->isEnabled());
        QVERIFY(controller.window() == nullptr);
        QVERIFY(!controller.client().isSignedIn());
        QVERIFY(savedFingerprint().isEmpty());
    }

    void trustingSignsInAndTheNextStartDoesNotAsk()
    {
        {
            console::ConsoleController controller;
            controller.start();
            signInFromDialog(controller.signInDialog());
            QMessageBox *question = trustQuestion(controller.signInDialog());
            QVERIFY2(question, "no certificate trust question");
            QTest::mouseClick(widget<QPushButton>(question, "trustCertificateButton"), Qt::LeftButton);

            QTRY_VERIFY_WITH_TIMEOUT(controller.window() != nullptr, 15'000);
            QVERIFY(controller.client().isSignedIn());
            QVERIFY(widget<QLabel>(controller.window(), "serverStatus")->text().contains(m_server->adminUser()));
            QCOMPARE(savedFingerprint(), fingerprintOfPem());
        }

        // A second start with the same settings: the saved server comes
        // back with its fingerprint, and sign-in goes through unasked.
        console::ConsoleController again;
        again.start();
        console::SignInDialog *dialog = again.signInDialog();
        QCOMPARE(widget<QComboBox>(dialog, "serverCombo")->currentText(), m_server->baseUrl());
        bool asked = false;
        signInFromDialog(dialog);
        const bool settled = QTest::qWaitFor(
            [&] {
                if (again.signInDialog() && again.signInDialog()->findChild<QMessageBox *>(QStringLiteral("certificateTrustDialog")))
                    asked = true;
                return asked || again.window() != nullptr;
            },
            15'000);
        QVERIFY2(settled, "sign-in did not finish within 15 s");
        QVERIFY2(!asked, "the trusted certificate was asked about again");
        QVERIFY(again.window() != nullptr);
        QVERIFY(widget<QLabel>(again.window(), "serverStatus")->text().contains(m_server->adminUser()));
    }

    void aServerWithAnotherCertificateIsAskedAboutAgain()
    {
        const QString oldFingerprint = fingerprintOfPem();
        {
            QSettings settings;
            console::SavedServers(settings).trustCertificate(
                m_server->baseUrl(), QByteArray::fromHex(oldFingerprint.toLatin1()));
        }
        const QString trusted = savedFingerprint();
        QVERIFY(!trusted.isEmpty());
        QVERIFY(makeCertificate());
        QVERIFY(m_server->stop());
        const Status restarted = m_server->restart();
        QVERIFY2(restarted.ok(), qPrintable(restarted.ok() ? QString() : restarted.error().message));
        QVERIFY(fingerprintOfPem() != trusted);

        console::ConsoleController controller;
        controller.start();
        signInFromDialog(controller.signInDialog());
        QMessageBox *question = trustQuestion(controller.signInDialog());
        QVERIFY2(question, "a changed certificate was accepted without asking");
        QVERIFY2(question->text().contains(fingerprintOfPem()), qPrintable(question->text()));
        QVERIFY(!question->text().contains(trusted));
        QVERIFY(controller.window() == nullptr);

        QTest::mouseClick(widget<QPushButton>(question, "trustCertificateButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(controller.window() != nullptr, 15'000);
        QCOMPARE(savedFingerprint(), fingerprintOfPem());
    }

    void cleanupTestCase()
    {
        if (m_server)
            QVERIFY(m_server->stop());
    }
};

QTEST_MAIN(TestConsoleTls)
#include "tst_console_tls.moc"
