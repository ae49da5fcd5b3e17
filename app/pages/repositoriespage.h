#pragma once

#include "client/apiclient.h"
#include "client/types/currentuser.h"

#include <QWidget>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace kai::console {

class LoadStateView;
class RepositoryListModel;

// The Repositories list (console-workflows §4): every namespace of the
// user, one API call per page, more pages as the table scrolls; filter by
// name, create, typed-confirm delete. Scoped to one namespace it is that
// namespace page's Repositories tab (§3.1): bare names, create locked to it.
class RepositoriesPage final : public QWidget
{
    Q_OBJECT

public:
    RepositoriesPage(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoriesPage)

    void setUser(const client::CurrentUser &user);
    // Only `namespaceName` from now on (empty: every namespace of the user).
    void setNamespace(const QString &namespaceName);
    void reload();
    RepositoryListModel *model() const { return m_model; }

signals:
    void notify(const QString &text, bool success);
    // A repository row was activated (double-click or Enter): open its page.
    void repositoryActivated(const QString &namespaceName, const QString &name);

private:
    void pageArrived(bool complete);
    void pageFailed(const QString &message);
    void retry();
    void createRepository();
    void deleteSelected();
    void updateFilter();
    void updateActions();

    client::ApiClient &m_client;
    client::CurrentUser m_user;
    QString m_namespace;
    RepositoryListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    LoadStateView *m_state;
    QLineEdit *m_filter;
    QPushButton *m_create;
    QPushButton *m_delete;
};

} // namespace kai::console
