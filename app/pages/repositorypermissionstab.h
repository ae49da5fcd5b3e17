#pragma once

#include "client/apiclient.h"
#include "client/types/permission.h"
#include "client/types/repository.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace kai::console {

class LoadStateView;
class RepositoryPermissionModel;

// "User and robot permissions" of a repository's Settings
// (console-workflows §5.6.1): users, robots and teams with their role, the
// role changed inline, "Add permissions" with the entity picker, and
// "Actions" (also the context menu) to delete or change the selected ones.
// Deleting is immediate, as in Quay.
//
// Child objectNames: permissionFilter, addPermissionButton,
// permissionActionsButton (actions deletePermissionsAction,
// setPermissionsReadAction, ...WriteAction, ...AdminAction), permissionTable
// (the role editor of a row is a QComboBox named permissionRoleEditor),
// permissionProxy, refreshButton.
class RepositoryPermissionsTab final : public QWidget
{
    Q_OBJECT

public:
    RepositoryPermissionsTab(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoryPermissionsTab)

    // Shows the permissions of `repository`; they load when the tab is
    // shown (at once when it is), as the page opens on Information.
    void setRepository(const client::RepositoryDetails &repository);
    void reload();
    RepositoryPermissionModel *model() const { return m_model; }

signals:
    void notify(const QString &text, bool success);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Both lists answer; the table shows when both did.
    struct Loading
    {
        std::optional<Result<client::RepositoryPermissionList>> users;
        std::optional<Result<client::RepositoryPermissionList>> teams;
    };

    void cancelLoads();
    void listArrived();
    void addPermission();
    void changeRole(const client::Grantee &grantee, client::RepositoryRole role);
    void changeSelected(client::RepositoryRole role);
    void deleteSelected();
    void updateFilter();
    void updateActions();
    void openRoleEditors();
    QList<client::Grantee> selectedGrantees() const;

    client::ApiClient &m_client;
    client::RepositoryDetails m_repository;
    bool m_stale = false;   // set to a repository not loaded yet
    QPointer<client::ReplyBase> m_loadUsers;
    QPointer<client::ReplyBase> m_loadTeams;
    Loading m_loading;
    RepositoryPermissionModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    LoadStateView *m_state;
    QLineEdit *m_filter;
    QPushButton *m_add;
    QToolButton *m_actions;
    QMenu *m_actionsMenu;
};

} // namespace kai::console
