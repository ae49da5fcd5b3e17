#pragma once

#include "client/apiclient.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace kai::console {

class DefaultPermissionsTab;
class NamespaceSettingsTab;
class RepositoriesPage;
class RobotAccountsTab;
class TeamsTab;

// A namespace's page (console-workflows §3): its name as the title and its
// tabs in Quay's order. An organization shows "Repositories", "Teams and
// membership" (members), "Robot accounts", "Default permissions" and
// "Settings" (the last three for its admins); the signed-in user's own
// namespace shows "Repositories", "Robot accounts" and "Settings".
class NamespacePage final : public QWidget
{
    Q_OBJECT

public:
    NamespacePage(client::ApiClient &client, QWidget *parent = nullptr);
    ~NamespacePage() override;
    Q_DISABLE_COPY_MOVE(NamespacePage)

    // Shows `organization` and loads its tabs.
    void setOrganization(const QString &organization);
    // Shows the signed-in user's own namespace and loads its tabs.
    void setUserNamespace(const QString &username);
    // The namespace shown: an organization, or the user's own.
    QString organization() const { return m_organization; }
    bool isUserNamespace() const { return m_user; }
    void reload();
    // Brings the "Settings" tab to the front (the user menu's "Account Settings").
    void showSettings();

    RepositoriesPage *repositories() const { return m_repositories; }
    RobotAccountsTab *robotAccounts() const { return m_robots; }
    TeamsTab *teams() const { return m_teams; }
    DefaultPermissionsTab *defaultPermissions() const { return m_defaultPermissions; }
    NamespaceSettingsTab *settings() const { return m_settings; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void notify(const QString &text, bool success);

private:
    void setTabShown(QWidget *tab, bool shown);
    void checkOrganizationAccess();

    client::ApiClient &m_client;
    QString m_organization;
    bool m_user = false;
    QPointer<client::ReplyBase> m_access;
    QLabel *m_title;
    QTabWidget *m_tabs;
    RepositoriesPage *m_repositories;
    RobotAccountsTab *m_robots;
    TeamsTab *m_teams;
    DefaultPermissionsTab *m_defaultPermissions;
    NamespaceSettingsTab *m_settings;
};

} // namespace kai::console
