#pragma once

#include "client/apiclient.h"
#include "client/types/permission.h"

#include <QPointer>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace kai::console {

class LoadStateView;
class PrototypeListModel;

// The "Default permissions" tab of an organization (console-workflows
// §3.4): grants applied automatically to repositories created from now on,
// keyed by their creator. Filter by creator, create, change a role in
// place (a combo box named prototypeRoleEditor in the Permission column),
// "Delete Permission" from the row's context menu (at once) and
// typed-confirm delete of the selection.
class DefaultPermissionsTab final : public QWidget
{
    Q_OBJECT

public:
    DefaultPermissionsTab(client::ApiClient &client, QWidget *parent = nullptr);
    ~DefaultPermissionsTab() override;
    Q_DISABLE_COPY_MOVE(DefaultPermissionsTab)

    // Shows the default permissions of `organization` (loads them).
    void setOrganization(const QString &organization);
    void reload();
    PrototypeListModel *model() const { return m_model; }

    // The context menu's "Delete Permission": deletes the row's default
    // permission at once.
    void deletePermission(const QString &id);

signals:
    void notify(const QString &text, bool success);

private:
    void createPermission();
    void changeRole(const QString &id, client::RepositoryRole role);
    void deleteSelected();
    void showRowMenu(const QPoint &position);
    void updateFilter();
    void updateActions();

    client::ApiClient &m_client;
    QString m_organization;
    QPointer<client::ReplyBase> m_load;
    PrototypeListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    LoadStateView *m_state;
    QLineEdit *m_filter;
    QPushButton *m_create;
    QPushButton *m_delete;
};

} // namespace kai::console
