#pragma once

#include "client/apiclient.h"
#include "client/types/currentuser.h"
#include "window/navigationhistory.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace kai::console {

class FreshLoginDialog;
class NamespacePage;
class OrganizationsPage;
class RepositoriesPage;
class RepositoryPage;
class SuperuserPage;
class Toast;

// The console's frame (console-workflows §1, §11): navigation on the left
// (Organizations, Repositories, Superuser for superusers), the pages in a
// stack with back/forward and a breadcrumb, toasts, and the server and user
// in the status bar. Remembers its geometry.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // NamespacePageIndex has no navigation entry: it is reached from the
    // Organizations list and shows the last organization opened; likewise
    // RepositoryPageIndex, reached from the Repositories list.
    enum Page { OrganizationsPageIndex, RepositoriesPageIndex, SuperuserPageIndex, NamespacePageIndex, RepositoryPageIndex };

    MainWindow(client::ApiClient &client, const client::CurrentUser &user, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    void setUser(const client::CurrentUser &user);
    const client::CurrentUser &user() const { return m_user; }
    void showPage(int page);
    int currentPage() const;
    void showMessage(const QString &text, bool success);
    // Opens the namespace page of `organization`.
    void openOrganization(const QString &organization);
    // Opens the signed-in user's own namespace page (console-workflows §3).
    void openOwnNamespace();
    // The user menu's "Account Settings": the own namespace's Settings tab (§1).
    void openAccountSettings();
    // Opens the page of the repository `namespaceName`/`name`.
    void openRepository(const QString &namespaceName, const QString &name);

signals:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void goBack();
    void goForward();
    void display(int page);
    // Shows a place of the history: the namespace or repository it names
    // (opened again when another one is shown now) and its tab.
    void display(const NavigationHistory::Place &place);
    // The place `page` shows now.
    NavigationHistory::Place placeOf(int page) const;
    // Keeps the current place's tab before the window shows another place.
    void rememberCurrentPlace();
    void updateNavigation();
    void askForFreshLogin();

    client::ApiClient &m_client;
    client::CurrentUser m_user;
    NavigationHistory m_history;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_breadcrumb;
    QLabel *m_serverStatus;
    Toast *m_toast;
    OrganizationsPage *m_organizations;
    RepositoriesPage *m_repositories;
    SuperuserPage *m_superuser;
    NamespacePage *m_namespace;
    RepositoryPage *m_repository;
    QAction *m_back;
    QAction *m_forward;
    QPointer<FreshLoginDialog> m_freshLogin;
    QList<bool> m_loaded;
};

} // namespace kai::console
