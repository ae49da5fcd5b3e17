// The Organizations list against a real kai-server, clicked as an
// administrator does (console-workflows §2): create an organization in the
// dialog and find it in the list and through the API; names the server
// would refuse are refused before anything is sent; the server's own
// message when it refuses; typed `confirm` delete; a dialog closed while its
// request is in flight.
#include "consolefixture.h"

#include "client/endpoints/organizations.h"
#include "dialogs/createorganizationdialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/organizationlistmodel.h"
#include "pages/organizationspage.h"
#include "widgets/loadstateview.h"
#include "window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace kai;
using namespace kai::test;

class TestConsoleOrganizations : public ConsoleSuite
{
    Q_OBJECT

private:
    static int rowOf(const console::OrganizationListModel *model, const QString &name)
    {
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->row(i).name == name)
                return i;
        }
        return -1;
    }

    // The main window of a session sign-in, on the Organizations page with
    // its first load done; item-model testers watch the model and proxy.
    struct Session
    {
        client::ApiClient client;
        std::unique_ptr<console::MainWindow> window;
        console::OrganizationsPage *page = nullptr;
        std::unique_ptr<QAbstractItemModelTester> modelTester;
        std::unique_ptr<QAbstractItemModelTester> proxyTester;
    };

    bool open(Session &session, ServerProcess *server)
    {
        if (!signInAsAdmin(session.client, server) || !(session.window = mainWindowFor(session.client)))
            return false;
        session.page = session.window->findChild<console::OrganizationsPage *>();
        session.modelTester = std::make_unique<QAbstractItemModelTester>(
            session.page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.proxyTester = std::make_unique<QAbstractItemModelTester>(
            session.page->findChild<QSortFilterProxyModel *>("organizationProxy"),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.window->show();
        auto *state = session.page->findChild<console::LoadStateView *>();
        return QTest::qWaitFor([&] { return state->state() == console::LoadStateView::State::Content; }, 15'000);
    }

    static console::CreateOrganizationDialog *openCreateDialog(console::OrganizationsPage *page)
    {
        QTest::mouseClick(widget<QPushButton>(page, "createOrganizationButton"), Qt::LeftButton);
        return page->findChild<console::CreateOrganizationDialog *>();
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void init() { m_settings.clear(); }

    void createdOrganizationShowsInTheListAndThroughTheApi()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        QVERIFY(open(session, server));
        const QString name = freshName("team-alpha");

        console::CreateOrganizationDialog *dialog = openCreateDialog(session.page);
        QVERIFY(dialog);
        QTest::keyClicks(widget<QLineEdit>(dialog, "organizationNameEdit"), name);
        widget<QLineEdit>(dialog, "organizationEmailEdit")->setText(name + "@example.com");
        auto *create = widget<QPushButton>(dialog, "createButton");
        QVERIFY(create->isEnabled());
        saveScreenshot(dialog, QStringLiteral("dialog-create-organization-filled-%1").arg(backend));
        QTest::mouseClick(create, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), name) >= 0, 15'000);
        const console::OrganizationRow &row = session.page->model()->row(rowOf(session.page->model(), name));
        QVERIFY(row.isAdmin);
        QVERIFY(widget<QLabel>(session.window.get(), "toastText")->text().contains(name));
        saveScreenshot(session.window.get(), QStringLiteral("page-organizations-%1").arg(backend));

        const HttpReply reply = apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/organization/" + name);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("name").toString(), name);
        QCOMPARE(reply.json().value("email").toString(), name + "@example.com");
    }

    void invalidNamesAreRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("one character") << "a";
        QTest::newRow("upper case") << "Acme";
        QTest::newRow("double separator") << "acme--corp";
        QTest::newRow("leading dash") << "-acme";
        QTest::newRow("space") << "acme corp";
    }

    void invalidNamesAreRefusedBeforeSending()
    {
        QFETCH(QString, name);
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        QVERIFY(open(session, server));
        console::CreateOrganizationDialog *dialog = openCreateDialog(session.page);
        QVERIFY(dialog);
        QTest::keyClicks(widget<QLineEdit>(dialog, "organizationNameEdit"), name);
        QVERIFY(!widget<QPushButton>(dialog, "createButton")->isEnabled());
        QVERIFY(widget<QLabel>(dialog, "organizationNameMessage")->text().contains("lowercase"));
        QTest::keyClick(widget<QLineEdit>(dialog, "organizationNameEdit"), Qt::Key_Return);
        QTest::qWait(200);
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/organization/" + name.toLower()).status, 404);
        QVERIFY(dialog->isVisible());
    }

    void shortNamesAreAllowedWithADockerWarning()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        QVERIFY(open(session, server));
        console::CreateOrganizationDialog *dialog = openCreateDialog(session.page);
        QTest::keyClicks(widget<QLineEdit>(dialog, "organizationNameEdit"), "ab");
        QVERIFY(widget<QPushButton>(dialog, "createButton")->isEnabled());
        QVERIFY(widget<QLabel>(dialog, "organizationNameMessage")->text().contains("Docker 1.6+"));
        widget<QLineEdit>(dialog, "organizationEmailEdit")->setText("not-an-email");
        QVERIFY(!widget<QPushButton>(dialog, "createButton")->isEnabled());
    }

    void serverRefusalIsShownInTheDialogWithTheFieldsKept()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        QVERIFY(open(session, server));
        console::CreateOrganizationDialog *dialog = openCreateDialog(session.page);
        // "admin" is taken by the user of that name.
        QTest::keyClicks(widget<QLineEdit>(dialog, "organizationNameEdit"), "admin");
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        auto *error = widget<QLabel>(dialog, "createError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15'000);
        QVERIFY2(error->text().contains("already exists"), qPrintable(error->text()));
        QCOMPARE(widget<QLineEdit>(dialog, "organizationNameEdit")->text(), QStringLiteral("admin"));
        QVERIFY(dialog->isVisible());
    }

    void deleteNeedsTheTypedConfirmation()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString name = freshName("doomed");
        QCOMPARE(apiCall(server, m_servers.adminToken(backend), "POST", "/api/v1/organization/",
                         QStringLiteral(R"({"name": "%1"})").arg(name).toUtf8()).status, 201);
        Session session;
        QVERIFY(open(session, server));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), name) >= 0, 15'000);

        auto *table = widget<QTableView>(session.page, "organizationTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        table->selectRow(proxy->mapFromSource(session.page->model()->index(rowOf(session.page->model(), name), 0)).row());
        QTest::mouseClick(widget<QPushButton>(session.page, "deleteOrganizationsButton"), Qt::LeftButton);
        auto *confirm = session.page->findChild<console::TypedConfirmDialog *>();
        QVERIFY(confirm);
        auto *deleteButton = widget<QPushButton>(confirm, "confirmDeleteButton");
        QVERIFY(!deleteButton->isEnabled());
        QTest::keyClicks(widget<QLineEdit>(confirm, "confirmEdit"), "Confirm");
        QVERIFY(!deleteButton->isEnabled());
        widget<QLineEdit>(confirm, "confirmEdit")->setText("confirm");
        QVERIFY(deleteButton->isEnabled());
        QTest::mouseClick(deleteButton, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/organization/" + name).status,
                                  404, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), name) < 0 && session.page->model()->rowCount() > 0, 15'000);
    }

    void dialogClosedWhileItsRequestIsInFlightCallsNobodyBack()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        Session session;
        QVERIFY(open(session, server));
        const QString name = freshName("late");
        QPointer<console::CreateOrganizationDialog> dialog = openCreateDialog(session.page);
        bool created = false;
        connect(dialog, &console::CreateOrganizationDialog::created, this, [&created]() { created = true; });
        QTest::keyClicks(widget<QLineEdit>(dialog, "organizationNameEdit"), name);
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);
        dialog->reject();   // closes and deletes the dialog (WA_DeleteOnClose)
        QTRY_VERIFY(dialog.isNull());
        QTest::qWait(500);
        QVERIFY(!created);
        // No toast claims the organization was created.
        auto *toast = session.window->findChild<QLabel *>("toastText");
        QVERIFY(!toast->text().contains(name));
    }

    void filterMatchesSubstringsOrRegularExpressions()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        for (const char *name : {"filter-red", "filter-green"})
            apiCall(server, m_servers.adminToken(backend), "POST", "/api/v1/organization/",
                    QStringLiteral(R"({"name": "%1"})").arg(QLatin1String(name)).toUtf8());
        Session session;
        QVERIFY(open(session, server));
        auto *proxy = session.page->findChild<QSortFilterProxyModel *>("organizationProxy");
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(session.page->model(), "filter-green") >= 0, 15'000);
        QTest::keyClicks(widget<QLineEdit>(session.page, "organizationFilter"), "filter-r");
        QCOMPARE(proxy->rowCount(), 1);
        widget<QLineEdit>(session.page, "organizationFilter")->setText("^filter-(red|green)$");
        QCOMPARE(proxy->rowCount(), 0);
        widget<QCheckBox>(session.page, "regexCheck")->setChecked(true);
        QCOMPARE(proxy->rowCount(), 2);
        widget<QLineEdit>(session.page, "organizationFilter")->setText("filter-(");   // invalid: matches nothing
        QCOMPARE(proxy->rowCount(), 0);
    }
};

QTEST_MAIN(TestConsoleOrganizations)
#include "tst_console_organizations.moc"
