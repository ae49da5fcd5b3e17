#pragma once

#include "client/apiclient.h"
#include "client/types/currentuser.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace kai::console {

class LoadStateView;
class OrganizationListModel;
class SuperuserRowActions;

// The Organizations list (console-workflows §2): the user's namespace and
// organizations, for superusers every organization and user; filter
// (substring or regular expression), sort, create, typed-confirm delete.
// Superusers also get "Create User" and a cog menu per row (toolbar
// "Settings" button and the row's context menu; SuperuserRowActions).
class OrganizationsPage final : public QWidget
{
    Q_OBJECT

public:
    OrganizationsPage(client::ApiClient &client, QWidget *parent = nullptr);
    ~OrganizationsPage() override;
    Q_DISABLE_COPY_MOVE(OrganizationsPage)

    void setUser(const client::CurrentUser &user);
    void reload();
    OrganizationListModel *model() const { return m_model; }

signals:
    // Feedback for the window's toast and status bar.
    void notify(const QString &text, bool success);
    // The page learned a fresher view of the signed-in user.
    void userRefreshed(const client::CurrentUser &user);
    // An organization row was activated (double-click or Enter): open its page.
    void organizationActivated(const QString &name);
    // The signed-in user's own row was activated: open their namespace.
    void ownNamespaceActivated();

private:
    // Asks: a list the person asked for (Refresh, Retry) may open "Please
    // Verify". DoesNotAsk: the reload after a change shows a stale login as
    // the error state with Retry, so a cancelled verification is not asked
    // again by the list it set off.
    enum class Verification { Asks, DoesNotAsk };
    void load(Verification verification);
    void track(client::ReplyBase *reply);
    // A superuser list failed: Kai's (and Quay's) need a fresh login; the
    // other lists are not asked for then.
    void allListsFailed(const Error &error);
    void showRowsOf(const client::CurrentUser &user);
    void loadAllOrganizations(const QString &nextPage, int pagesLeft);
    void loadAllUsers(const QString &nextPage, int pagesLeft);
    void settle();
    void createOrganization();
    void createUser();
    // The superuser's cog menu follows the current row.
    void updateRowActions();
    void deleteSelected();
    void updateFilter();
    void updateActions();

    client::ApiClient &m_client;
    client::CurrentUser m_user;
    QList<QPointer<client::ReplyBase>> m_loads;
    Verification m_verification = Verification::Asks;
    OrganizationListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    LoadStateView *m_state;
    QLineEdit *m_filter;
    QCheckBox *m_regex;
    QPushButton *m_create;
    QPushButton *m_delete;
    QPushButton *m_createUser;
    QToolButton *m_rowSettings;
    SuperuserRowActions *m_rowActions;
};

} // namespace kai::console
