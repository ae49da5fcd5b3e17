#include "mainwindow.h"

#include "dialogs/freshlogindialog.h"
#include "pages/namespacepage.h"
#include "pages/organizationspage.h"
#include "pages/repositoriespage.h"
#include "pages/repositorypage.h"
#include "pages/superuserpage.h"
#include "settings/language.h"
#include "widgets/toast.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace kai::console {

MainWindow::MainWindow(client::ApiClient &client, const client::CurrentUser &user, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_navigation(new QListWidget), m_pages(new QStackedWidget),
      m_breadcrumb(new QLabel), m_serverStatus(new QLabel), m_organizations(new OrganizationsPage(client)),
      m_repositories(new RepositoriesPage(client)), m_superuser(new SuperuserPage),
      m_namespace(new NamespacePage(client)), m_repository(new RepositoryPage(client))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kai Console"));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->addItem(tr("Organizations"));
    m_navigation->addItem(tr("Repositories"));
    m_navigation->addItem(tr("Superuser"));
    m_navigation->setMaximumWidth(220);
    m_navigation->setMinimumWidth(150);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_organizations);
    m_pages->addWidget(m_repositories);
    m_pages->addWidget(m_superuser);
    m_pages->addWidget(m_namespace);
    m_pages->addWidget(m_repository);
    m_loaded = QList<bool>(m_pages->count(), false);
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumb"));
    m_serverStatus->setObjectName(QStringLiteral("serverStatus"));

    auto *splitter = new QSplitter;
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 920});
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setCentralWidget(central);
    m_toast = new Toast(central);

    auto *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationBar"));
    toolbar->setMovable(false);
    m_back = toolbar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"), this, &MainWindow::goBack);
    m_back->setObjectName(QStringLiteral("backAction"));
    m_back->setShortcut(QKeySequence::Back);
    m_forward = toolbar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"), this, &MainWindow::goForward);
    m_forward->setObjectName(QStringLiteral("forwardAction"));
    m_forward->setShortcut(QKeySequence::Forward);
    toolbar->addSeparator();
    toolbar->addWidget(m_breadcrumb);
    statusBar()->addPermanentWidget(m_serverStatus);

    buildMenus();

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showPage(row);
    });
    // From the namespace page, a click on the already current
    // "Organizations" entry goes back up to the list.
    connect(m_navigation, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int row = m_navigation->row(item);
        if (row != currentPage())
            showPage(row);
    });
    connect(m_organizations, &OrganizationsPage::notify, this, &MainWindow::showMessage);
    connect(m_organizations, &OrganizationsPage::userRefreshed, this, [this](const client::CurrentUser &fresh) {
        m_user = fresh;
        m_repositories->setUser(fresh);
    });
    connect(m_repositories, &RepositoriesPage::notify, this, &MainWindow::showMessage);
    connect(m_organizations, &OrganizationsPage::organizationActivated, this, &MainWindow::openOrganization);
    connect(m_organizations, &OrganizationsPage::ownNamespaceActivated, this, &MainWindow::openOwnNamespace);
    connect(m_namespace->repositories(), &RepositoriesPage::repositoryActivated, this, &MainWindow::openRepository);
    connect(m_namespace, &NamespacePage::notify, this, &MainWindow::showMessage);
    connect(m_repositories, &RepositoriesPage::repositoryActivated, this, &MainWindow::openRepository);
    connect(m_repository, &RepositoryPage::notify, this, &MainWindow::showMessage);
    connect(m_repository, &RepositoryPage::repositoryDeleted, this, [this](const QString &fullName) {
        showMessage(tr("Successfully deleted repository %1").arg(fullName), true);
        m_repositories->reload();
        showPage(RepositoriesPageIndex);
    });
    connect(m_superuser, &SuperuserPage::showOrganizationsRequested, this, [this]() { showPage(OrganizationsPageIndex); });
    connect(&m_client, &client::ApiClient::freshLoginRequired, this, &MainWindow::askForFreshLogin);
    m_client.setParkOnFreshLogin(true);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1100, 700);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());

    setUser(user);
    showPage(OrganizationsPageIndex);
}

MainWindow::~MainWindow()
{
    m_client.setParkOnFreshLogin(false);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *accountSettings = file->addAction(tr("&Account Settings"), this, &MainWindow::openAccountSettings);
    accountSettings->setObjectName(QStringLiteral("accountSettingsAction"));
    QAction *signOut = file->addAction(tr("Sign &Out"), this, &MainWindow::signOutRequested);
    signOut->setObjectName(QStringLiteral("signOutAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"), this, [this]() {
        const int page = currentPage();
        if (page == OrganizationsPageIndex)
            m_organizations->reload();
        else if (page == RepositoriesPageIndex)
            m_repositories->reload();
        else if (page == NamespacePageIndex)
            m_namespace->reload();
        else if (page == RepositoryPageIndex)
            m_repository->reload();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    view->addSeparator();
    view->addAction(m_back);
    view->addAction(m_forward);

    // Language names are written in their own language, untranslated.
    QMenu *language = menuBar()->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(language);
    const QString chosen = [] {
        QSettings settings;
        return Language::chosen(settings);
    }();
    const QList<QPair<QString, QString>> choices{{tr("System default"), QString()},
                                                 {QStringLiteral("English"), QStringLiteral("en")},
                                                 {QStringLiteral("简体中文"), QStringLiteral("zh_CN")}};
    for (const auto &[label, locale] : choices) {
        QAction *action = language->addAction(label);
        action->setCheckable(true);
        action->setChecked(locale == chosen);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, locale]() {
            QSettings settings;
            Language::choose(settings, locale);
            showMessage(tr("The language changes the next time the console starts."), true);
        });
    }
}

void MainWindow::setUser(const client::CurrentUser &user)
{
    m_user = user;
    m_organizations->setUser(user);
    m_repositories->setUser(user);
    m_navigation->item(SuperuserPageIndex)->setHidden(!user.superUser);
    m_serverStatus->setText(tr("%1 on %2").arg(user.username, m_client.server().toDisplayString()));
    if (!user.superUser && currentPage() == SuperuserPageIndex)
        showPage(OrganizationsPageIndex);
}

int MainWindow::currentPage() const { return m_pages->currentIndex(); }

void MainWindow::openOrganization(const QString &organization)
{
    rememberCurrentPlace();
    m_namespace->setOrganization(organization);
    m_loaded[NamespacePageIndex] = true;
    showPage(NamespacePageIndex);
}

void MainWindow::openOwnNamespace()
{
    rememberCurrentPlace();
    m_namespace->setUserNamespace(m_user.username);
    m_loaded[NamespacePageIndex] = true;
    showPage(NamespacePageIndex);
}

void MainWindow::openAccountSettings()
{
    openOwnNamespace();
    m_namespace->showSettings();
}

void MainWindow::openRepository(const QString &namespaceName, const QString &name)
{
    rememberCurrentPlace();
    m_repository->setRepository(namespaceName, name);
    m_loaded[RepositoryPageIndex] = true;
    showPage(RepositoryPageIndex);
}

void MainWindow::showPage(int page)
{
    if (page == SuperuserPageIndex && !m_user.superUser)
        return;
    rememberCurrentPlace();
    m_history.visit(placeOf(page));
    display(page);
}

NavigationHistory::Place MainWindow::placeOf(int page) const
{
    NavigationHistory::Place place;
    place.page = page;
    if (page == NamespacePageIndex) {
        place.namespaceName = m_namespace->organization();
        place.userNamespace = m_namespace->isUserNamespace();
        place.tab = m_namespace->tabs()->currentIndex();
    } else if (page == RepositoryPageIndex) {
        place.namespaceName = m_repository->namespaceName();
        place.repository = m_repository->name();
        place.tab = m_repository->tabs()->currentIndex();
    }
    return place;
}

void MainWindow::rememberCurrentPlace()
{
    // Only while the pages still show the current place: updateCurrent()
    // ignores a place that is not the current one.
    m_history.updateCurrent(placeOf(currentPage()));
}

void MainWindow::display(const NavigationHistory::Place &place)
{
    if (place.page == NamespacePageIndex) {
        if (m_namespace->organization() != place.namespaceName || m_namespace->isUserNamespace() != place.userNamespace) {
            if (place.userNamespace)
                m_namespace->setUserNamespace(place.namespaceName);
            else
                m_namespace->setOrganization(place.namespaceName);
        }
        m_namespace->tabs()->setCurrentIndex(place.tab);
    } else if (place.page == RepositoryPageIndex) {
        if (m_repository->namespaceName() != place.namespaceName || m_repository->name() != place.repository)
            m_repository->setRepository(place.namespaceName, place.repository);
        // A repository opened again gets its Settings tab with its details;
        // until then its first tab is in front.
        if (place.tab < m_repository->tabs()->count())
            m_repository->tabs()->setCurrentIndex(place.tab);
    }
    display(place.page);
}

void MainWindow::display(int page)
{
    m_pages->setCurrentIndex(page);
    // The namespace page sits below Organizations in the navigation, the
    // repository page below Repositories.
    const int entry = page == NamespacePageIndex    ? OrganizationsPageIndex
                      : page == RepositoryPageIndex ? RepositoriesPageIndex
                                                    : page;
    {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentRow(entry);
    }
    if (page == NamespacePageIndex)
        m_breadcrumb->setText(tr("%1 › %2").arg(m_navigation->item(entry)->text(), m_namespace->organization()));
    else if (page == RepositoryPageIndex)
        m_breadcrumb->setText(tr("%1 › %2").arg(m_navigation->item(entry)->text(), m_repository->fullName()));
    else
        m_breadcrumb->setText(m_navigation->item(page)->text());
    // Each list loads when first shown; Refresh (F5) loads again.
    if (!m_loaded[page]) {
        m_loaded[page] = true;
        if (page == OrganizationsPageIndex)
            m_organizations->reload();
        else if (page == RepositoriesPageIndex)
            m_repositories->reload();
    }
    updateNavigation();
}

void MainWindow::goBack()
{
    rememberCurrentPlace();
    if (m_history.canGoBack())
        display(m_history.back());
}

void MainWindow::goForward()
{
    rememberCurrentPlace();
    if (m_history.canGoForward())
        display(m_history.forward());
}

void MainWindow::updateNavigation()
{
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
}

void MainWindow::showMessage(const QString &text, bool success)
{
    m_toast->showMessage(text, success ? Toast::Kind::Success : Toast::Kind::Failure);
    statusBar()->showMessage(text, 10'000);
}

void MainWindow::askForFreshLogin()
{
    // A dialog already answered (hidden, deleted later) no longer speaks for
    // the requests parked now: they need a dialog of their own.
    if (m_freshLogin && m_freshLogin->isVisible())
        return;
    m_freshLogin = new FreshLoginDialog(m_client, this);
    m_freshLogin->setAttribute(Qt::WA_DeleteOnClose);
    m_freshLogin->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace kai::console
