#pragma once

#include "client/apiclient.h"
#include "client/endpoints/robots.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace kai::console {

class LoadStateView;
class RobotListModel;

// The "Robot accounts" tab of an organization (console-workflows §3.3):
// the robots with their teams and repositories, a details area for the
// selected one, filter, create, credentials, typed-confirm delete.
class RobotAccountsTab final : public QWidget
{
    Q_OBJECT

public:
    RobotAccountsTab(client::ApiClient &client, QWidget *parent = nullptr);
    ~RobotAccountsTab() override;
    Q_DISABLE_COPY_MOVE(RobotAccountsTab)

    // Shows the robots of `organization` (loads them).
    void setOrganization(const QString &organization);
    // Shows the signed-in user's own robots (console-workflows §3).
    void setUserNamespace(const QString &username);
    QString organization() const { return m_organization; }
    void reload();
    RobotListModel *model() const { return m_model; }

signals:
    void notify(const QString &text, bool success);

private:
    void createRobot();
    void showCredentials();
    void setPermissions();
    void deleteSelected();
    void updateFilter();
    void updateSelection();
    QStringList selectedShortNames() const;
    client::robots::RobotNamespace owner() const;

    client::ApiClient &m_client;
    QString m_organization;   // the namespace: an organization, or the user when m_userNamespace
    bool m_userNamespace = false;
    QPointer<client::ReplyBase> m_load;
    RobotListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    LoadStateView *m_state;
    QLabel *m_details;
    QLineEdit *m_filter;
    QPushButton *m_create;
    QPushButton *m_credentials;
    QPushButton *m_delete;
    QPushButton *m_permissions;
    QPushButton *m_expand;   // checked: every listed robot shows its details
};

} // namespace kai::console
