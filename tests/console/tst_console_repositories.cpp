// The Repositories list against a real kai-server (console-workflows §4):
// create a repository in the dialog and find it through the API, names
// refused before sending, paging one API call per page through next_page
// and fetchMore, the busy/error/Retry states, and typed `confirm` delete.
#include "consolefixture.h"

#include "dialogs/createrepositorydialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/repositorylistmodel.h"
#include "pages/repositoriespage.h"
#include "widgets/loadstateview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace kai;
using namespace kai::test;

class TestConsoleRepositories : public ConsoleSuite
{
    Q_OBJECT

private:
    static int rowOf(const console::RepositoryListModel *model, const QString &fullName)
    {
        for (int i = 0; i < model->rowCount(); ++i) {
            if (model->repository(i).fullName() == fullName)
                return i;
        }
        return -1;
    }

    static bool waitForState(console::RepositoriesPage *page, console::LoadStateView::State state)
    {
        auto *view = page->findChild<console::LoadStateView *>();
        return QTest::qWaitFor([&] { return view->state() == state; }, 15'000);
    }

private Q_SLOTS:
    void initTestCase_data() { ServerFixture::addBackendRows(); }
    void init() { m_settings.clear(); }

    void createdRepositoryShowsInTheListAndThroughTheApi()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, server));
        console::RepositoriesPage page(client);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(page.findChild<QSortFilterProxyModel *>("repositoryProxy"),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.setUser(fetchCurrentUser(client));
        page.show();
        page.reload();
        auto *state = page.findChild<console::LoadStateView *>();
        QTRY_VERIFY_WITH_TIMEOUT(state->state() != console::LoadStateView::State::Busy, 15'000);

        const QString name = freshName("web-frontend");
        QTest::mouseClick(widget<QPushButton>(&page, "createRepositoryButton"), Qt::LeftButton);
        auto *dialog = page.findChild<console::CreateRepositoryDialog *>();
        QVERIFY(dialog);
        QCOMPARE(widget<QComboBox>(dialog, "namespaceCombo")->currentText(), QStringLiteral("admin"));
        QTest::keyClicks(widget<QLineEdit>(dialog, "repositoryNameEdit"), name);
        widget<QPlainTextEdit>(dialog, "repositoryDescriptionEdit")->setPlainText("The shop front");
        widget<QRadioButton>(dialog, "privateRadio")->setChecked(true);
        QTest::mouseClick(widget<QPushButton>(dialog, "createButton"), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page.model(), "admin/" + name) >= 0, 15'000);
        saveScreenshot(&page, QStringLiteral("page-repositories-%1").arg(backend));
        const HttpReply reply = apiCall(server, m_servers.adminToken(backend), "GET", "/api/v1/repository/admin/" + name);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value("is_public").toBool(), false);
        QCOMPARE(reply.json().value("description").toString(), QStringLiteral("The shop front"));
    }

    void invalidRepositoryNamesAreRefusedBeforeSending()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, server));
        console::CreateRepositoryDialog dialog(client, {"admin"});
        for (const char *name : {"Upper", "-dash", "has space", "ünï"}) {
            widget<QLineEdit>(&dialog, "repositoryNameEdit")->setText(QString::fromUtf8(name));
            QVERIFY2(!widget<QPushButton>(&dialog, "createButton")->isEnabled(), name);
            QVERIFY(widget<QLabel>(&dialog, "repositoryNameMessage")->text().contains("lowercase"));
        }
        widget<QLineEdit>(&dialog, "repositoryNameEdit")->setText("fine.name_1-2");
        QVERIFY(widget<QPushButton>(&dialog, "createButton")->isEnabled());
        // Locked namespace: only one to choose from.
        QVERIFY(!widget<QComboBox>(&dialog, "namespaceCombo")->isEnabled());
    }

    void pagesArriveOneCallEachAsTheViewAsksForMore()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString token = m_servers.adminToken(backend);
        const QString org = freshName("paging");
        QCOMPARE(apiCall(server, token, "POST", "/api/v1/organization/", QStringLiteral(R"({"name": "%1"})").arg(org).toUtf8()).status, 201);
        constexpr int kRepositories = 105;   // a full page of 100, then 5
        for (int i = 0; i < kRepositories; ++i) {
            const QByteArray body = QStringLiteral(R"({"namespace": "%1", "repository": "repo%2", "visibility": "private", "description": ""})")
                                        .arg(org).arg(i, 3, 10, QLatin1Char('0')).toUtf8();
            QCOMPARE(apiCall(server, token, "POST", "/api/v1/repository", body).status, 201);
        }
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, server));
        // No QAbstractItemModelTester here: it calls fetchMore() itself, and
        // this test counts the calls (the other tests run it on this model).
        console::RepositoryListModel model(client);
        QElapsedTimer clock;
        clock.start();
        model.load({org}, true);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 100, 15'000);
        qInfo("first page of 100 rows visible after %lld ms (request included)", clock.elapsed());
        QCOMPARE(model.pagesFetched(), 1);
        QVERIFY(!model.isComplete());
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({}));   // one call at a time
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kRepositories, 15'000);
        QCOMPARE(model.pagesFetched(), 2);
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.data(model.index(0, console::RepositoryListModel::VisibilityColumn)).toString(), QStringLiteral("Private"));
        QSet<QString> names;
        for (int i = 0; i < model.rowCount(); ++i)
            names.insert(model.repository(i).fullName());
        QCOMPARE(names.size(), kRepositories);
    }

    void failedLoadShowsTheMessageAndRetryRecovers()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString token = m_servers.adminToken(backend);
        const QString name = freshName("retry-me");
        QCOMPARE(apiCall(server, token, "POST", "/api/v1/repository",
                         QStringLiteral(R"({"repository": "%1", "visibility": "public", "description": ""})").arg(name).toUtf8()).status, 201);
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, server));
        const client::CurrentUser user = fetchCurrentUser(client);
        console::RepositoriesPage page(client);
        page.setUser(user);
        page.show();
        // The server goes away between sign-in and the list.
        client.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort())));
        client.setBearerToken(token);
        page.reload();
        QVERIFY(waitForState(&page, console::LoadStateView::State::Error));
        QVERIFY(widget<QLabel>(&page, "errorMessage")->text().contains("127.0.0.1"));

        client.setServer(QUrl(server->baseUrl()));
        client.setBearerToken(token);
        // The table does not keep asking a failing server by itself.
        QVERIFY(!page.model()->canFetchMore({}));
        QTest::mouseClick(widget<QPushButton>(&page, "retryButton"), Qt::LeftButton);
        QVERIFY2(waitForState(&page, console::LoadStateView::State::Content),
                 qPrintable(widget<QLabel>(&page, "errorMessage")->text()));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page.model(), "admin/" + name) >= 0, 15'000);
    }

    void deleteNeedsTheTypedConfirmation()
    {
        KAI_CONSOLE_SERVER(server, m_servers);
        const QString token = m_servers.adminToken(backend);
        const QString name = freshName("doomed-repo");
        QCOMPARE(apiCall(server, token, "POST", "/api/v1/repository",
                         QStringLiteral(R"({"repository": "%1", "visibility": "public", "description": ""})").arg(name).toUtf8()).status, 201);
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, server));
        console::RepositoriesPage page(client);
        page.setUser(fetchCurrentUser(client));
        page.show();
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page.model(), "admin/" + name) >= 0, 15'000);
        auto *table = widget<QTableView>(&page, "repositoryTable");
        auto *proxy = static_cast<QSortFilterProxyModel *>(table->model());
        table->selectRow(proxy->mapFromSource(page.model()->index(rowOf(page.model(), "admin/" + name), 0)).row());
        QTest::mouseClick(widget<QPushButton>(&page, "deleteRepositoriesButton"), Qt::LeftButton);
        auto *confirm = page.findChild<console::TypedConfirmDialog *>();
        QVERIFY(confirm);
        QVERIFY(!widget<QPushButton>(confirm, "confirmDeleteButton")->isEnabled());
        QTest::keyClicks(widget<QLineEdit>(confirm, "confirmEdit"), "confirm");
        QTest::mouseClick(widget<QPushButton>(confirm, "confirmDeleteButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(apiCall(server, token, "GET", "/api/v1/repository/admin/" + name).status, 404, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.model()->isLoading() && rowOf(page.model(), "admin/" + name) < 0, 15'000);
    }
};

QTEST_MAIN(TestConsoleRepositories)
#include "tst_console_repositories.moc"
