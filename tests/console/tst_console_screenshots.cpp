// Every page and tab of the console against a seeded kai-server, in English
// and in Chinese, as an administrator clicks through them: each one loads
// its data (no busy or error state left), and in Chinese none shows English
// interface text (the organization's own names, and the words the guide keeps
// in English, aside). With KAI_SCREENSHOT_DIR set it saves a PNG of each
// (page-<name>-<language>.png) for a person to look at; the dialogs' PNGs come
// from tst_console_translations.
//
// One server on SQLite only: what a page shows does not depend on the
// database backend, which every other console suite covers twice.
#include "consolefixture.h"

#include "pages/namespacepage.h"
#include "pages/repositorypage.h"
#include "settings/language.h"
#include "widgets/loadstateview.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QTranslator>
#include <QTreeView>

using namespace kai;
using namespace kai::test;

class TestConsoleScreenshots : public QObject
{
    Q_OBJECT

private:
    IsolatedSettings m_settings;
    ConsoleServers m_servers;
    ServerProcess *m_server = nullptr;

    // The seeded names; everything else a page shows is interface text.
    static QStringList dataWords()
    {
        return {"acme", "app", "web", "docs", "deployers", "alice", "admin", "example", "Deploys the app",
                "Builds images", "Documentation site"};
    }

    bool seed()
    {
        const QString token = m_servers.adminToken(QStringLiteral("sqlite"));
        const auto call = [&](const QByteArray &method, const QString &path, const QByteArray &body, int expected) {
            const HttpReply reply = apiCall(m_server, token, method, path, body);
            if (reply.status != expected)
                qWarning("%s %s: %d %s", method.constData(), qPrintable(path), reply.status, reply.body.constData());
            return reply.status == expected;
        };
        bool ok = call("POST", "/api/v1/organization/", R"({"name": "acme", "email": "acme@example.com"})", 201);
        const QList<QPair<QString, QString>> repositories = {
            {"app", "Deploys the app"}, {"web", "Builds images"}, {"docs", "Documentation site"}};
        for (const auto &[name, description] : repositories) {
            ok = ok && call("POST", "/api/v1/repository",
                            QStringLiteral(R"({"namespace": "acme", "repository": "%1", "visibility": "private", "description": "%2"})")
                                .arg(name, description)
                                .toUtf8(),
                            201);
        }
        ok = ok && call("PUT", "/api/v1/organization/acme/team/deployers",
                        R"({"role": "member", "description": "Deploys the app"})", 200);
        ok = ok && call("PUT", "/api/v1/organization/acme/robots/ci", R"({"description": "Builds images"})", 201);
        ok = ok && call("PUT", "/api/v1/organization/acme/team/deployers/members/acme+ci", "{}", 200);
        ok = ok && call("PUT", "/api/v1/repository/acme/app/permissions/user/acme+ci", R"({"role": "write"})", 200);
        ok = ok && call("PUT", "/api/v1/repository/acme/app/permissions/team/deployers", R"({"role": "read"})", 200);
        ok = ok && call("POST", "/api/v1/organization/acme/prototypes",
                        R"({"delegate": {"name": "deployers", "kind": "team"}, "role": "read"})", 200);
        ok = ok && call("POST", "/api/v1/superuser/users/", R"({"username": "alice", "email": "alice@example.com"})", 200);
        return ok;
    }

    // Waits until no visible list of `page` is loading; false when one is
    // still busy after 15 s or shows an error.
    static bool loaded(QWidget *page, const QString &name)
    {
        const auto busy = [page] {
            for (auto *state : page->findChildren<console::LoadStateView *>()) {
                if (state->isVisibleTo(page) && state->state() == console::LoadStateView::State::Busy)
                    return true;
            }
            return false;
        };
        // A page may start its request on the next turn of the event loop.
        QTest::qWait(50);
        if (!QTest::qWaitFor([&] { return !busy(); }, 15'000)) {
            qWarning("%s is still loading after 15 s", qPrintable(name));
            return false;
        }
        for (auto *state : page->findChildren<console::LoadStateView *>()) {
            if (state->isVisibleTo(page) && state->state() == console::LoadStateView::State::Error) {
                qWarning("%s shows an error", qPrintable(name));
                return false;
            }
        }
        return true;
    }

    // The interface text a person reads on `root`: labels, buttons, tabs,
    // group titles, placeholders and column headers (not the table cells,
    // which are data).
    static QStringList visibleTexts(QWidget *root)
    {
        QStringList texts;
        const auto visible = [root](QWidget *w) { return w->isVisibleTo(root); };
        for (auto *label : root->findChildren<QLabel *>()) {
            if (visible(label))
                texts << QTextDocumentFragment::fromHtml(label->text()).toPlainText();
        }
        for (auto *button : root->findChildren<QAbstractButton *>()) {
            if (visible(button))
                texts << button->text() << button->toolTip();
        }
        for (auto *bar : root->findChildren<QTabBar *>()) {
            for (int i = 0; visible(bar) && i < bar->count(); ++i) {
                if (bar->isTabVisible(i))
                    texts << bar->tabText(i);
            }
        }
        for (auto *group : root->findChildren<QGroupBox *>()) {
            if (visible(group))
                texts << group->title();
        }
        for (auto *edit : root->findChildren<QLineEdit *>()) {
            if (visible(edit))
                texts << edit->placeholderText();
        }
        for (auto *view : root->findChildren<QAbstractItemView *>()) {
            auto *table = qobject_cast<QTableView *>(view);
            auto *tree = qobject_cast<QTreeView *>(view);
            QHeaderView *header = table ? table->horizontalHeader() : tree ? tree->header() : nullptr;
            if (!header || !visible(view) || !view->model() || header->isHidden())
                continue;
            for (int c = 0; c < view->model()->columnCount(); ++c) {
                if (!header->isSectionHidden(c))
                    texts << view->model()->headerData(c, Qt::Horizontal).toString();
            }
        }
        return texts;
    }

    // English words (four letters or more) left in `texts` once the data and
    // the words the guide keeps in English are taken out.
    QStringList englishWords(const QStringList &texts) const
    {
        QStringList kept = dataWords();
        kept << "registry" << "Quay" << "Docker" << "docker" << "Podman" << "podman" << "Kubernetes" << "YAML" << "OAuth"
             << m_server->baseUrl() << "http" << "https" << "localhost";
        std::sort(kept.begin(), kept.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
        QStringList words;
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{4,}"));
        static const QRegularExpression address(QStringLiteral("\\S+@\\S+"));
        for (QString text : texts) {
            text.remove(address); // an example address in a placeholder
            for (const QString &k : kept)
                text.remove(k);
            for (auto match = word.globalMatch(text); match.hasNext();)
                words << match.next().captured() + QStringLiteral(" (in \"%1\")").arg(text.simplified().left(60));
        }
        words.removeDuplicates();
        return words;
    }

    // Shows each page and tab of `window`; returns the problems found.
    QStringList visitEveryPage(console::MainWindow &window, const QString &language)
    {
        QStringList problems;
        auto *pages = widget<QStackedWidget>(&window, "pages");
        const auto check = [&](const QString &name) {
            QWidget *page = pages->currentWidget();
            if (!loaded(page, name))
                problems << name + QStringLiteral(": did not load");
            saveScreenshot(&window, QStringLiteral("page-%1-%2").arg(name, language));
            if (language != QLatin1String("en")) {
                QStringList texts = visibleTexts(page);
                texts << widget<QLabel>(&window, "breadcrumb")->text();
                for (const QString &english : englishWords(texts))
                    problems << name + QStringLiteral(": English text ") + english;
            }
        };
        const auto everyTab = [&](QTabWidget *tabs, const QString &stem) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isTabVisible(i))
                    continue;
                tabs->setCurrentIndex(i);
                const QString name = stem + QLatin1Char('-') + tabs->widget(i)->objectName();
                // A settings tab with a list of sections: each section too.
                auto *sections = tabs->widget(i)->findChild<QListWidget *>(QStringLiteral("settingsSections"));
                if (!sections) {
                    check(name);
                    continue;
                }
                for (int row = 0; row < sections->count(); ++row) {
                    sections->setCurrentRow(row);
                    check(name + QLatin1Char('-') + QString::number(row + 1));
                }
            }
        };
        window.showPage(console::MainWindow::OrganizationsPageIndex);
        check(QStringLiteral("organizations"));
        window.showPage(console::MainWindow::RepositoriesPageIndex);
        check(QStringLiteral("repositories"));
        window.showPage(console::MainWindow::SuperuserPageIndex);
        check(QStringLiteral("superuser"));
        window.openOrganization(QStringLiteral("acme"));
        everyTab(window.findChild<console::NamespacePage *>()->tabs(), QStringLiteral("organization"));
        window.openOwnNamespace();
        everyTab(window.findChild<console::NamespacePage *>()->tabs(), QStringLiteral("user"));
        window.openRepository(QStringLiteral("acme"), QStringLiteral("app"));
        everyTab(window.findChild<console::RepositoryPage *>()->findChild<QTabWidget *>(), QStringLiteral("repository"));
        return problems;
    }

    void visitInLanguage(const QString &language)
    {
        QVERIFY(m_server);
        QTranslator translator;
        QTranslator qtTranslator;
        QVERIFY(console::Language::install(*qApp, translator, qtTranslator, language));
        client::ApiClient client;
        QVERIFY(signInAsAdmin(client, m_server));
        const client::CurrentUser user = fetchCurrentUser(client);
        QVERIFY(!user.username.isEmpty());
        {
            console::MainWindow window(client, user);
            window.resize(1200, 760);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const QStringList problems = visitEveryPage(window, language);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        QCoreApplication::removeTranslator(&translator);
        QCoreApplication::removeTranslator(&qtTranslator);
    }

private slots:
    void initTestCase()
    {
        m_server = m_servers.server(QStringLiteral("sqlite"));
        QVERIFY2(m_server, "kai-server did not start");
        QVERIFY(seed());
    }

    void init() { m_settings.clear(); }

    void everyPageLoadsInEnglish() { visitInLanguage(QStringLiteral("en")); }

    void everyPageLoadsInChineseWithoutEnglishText() { visitInLanguage(QStringLiteral("zh_CN")); }
};

QTEST_MAIN(TestConsoleScreenshots)
#include "tst_console_screenshots.moc"
