#include "namespacepage.h"

#include "client/endpoints/organizations.h"
#include "pages/defaultpermissionstab.h"
#include "pages/namespacesettingstab.h"
#include "pages/repositoriespage.h"
#include "pages/robotaccountstab.h"
#include "pages/teamstab.h"
#include "widgets/listpagekit.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kai::console {

NamespacePage::NamespacePage(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_title(ListPageKit::title(QString())), m_tabs(new QTabWidget),
      m_repositories(new RepositoriesPage(client)), m_robots(new RobotAccountsTab(client)), m_teams(new TeamsTab(client)),
      m_defaultPermissions(new DefaultPermissionsTab(client)), m_settings(new NamespaceSettingsTab(client))
{
    setObjectName(QStringLiteral("namespacePage"));
    m_title->setObjectName(QStringLiteral("namespaceTitle"));
    m_tabs->setObjectName(QStringLiteral("namespaceTabs"));
    m_repositories->setObjectName(QStringLiteral("namespaceRepositoriesTab"));
    // Quay's order (console-workflows §3); tabs a namespace does not offer
    // are hidden, not removed, so the order never changes.
    m_tabs->addTab(m_repositories, tr("Repositories"));
    m_tabs->addTab(m_teams, tr("Teams and membership"));
    m_tabs->addTab(m_robots, tr("Robot accounts"));
    m_tabs->addTab(m_defaultPermissions, tr("Default permissions"));
    m_tabs->addTab(m_settings, tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    connect(m_repositories, &RepositoriesPage::notify, this, &NamespacePage::notify);
    connect(m_robots, &RobotAccountsTab::notify, this, &NamespacePage::notify);
    connect(m_teams, &TeamsTab::notify, this, &NamespacePage::notify);
    connect(m_defaultPermissions, &DefaultPermissionsTab::notify, this, &NamespacePage::notify);
    connect(m_settings, &NamespaceSettingsTab::notify, this, &NamespacePage::notify);
    connect(m_teams, &TeamsTab::visibilityKnown, this, [this](bool visible) {
        // A user namespace has no teams, whatever an earlier organization's answer says.
        setTabShown(m_teams, visible && !m_user);
    });
}

NamespacePage::~NamespacePage()
{
    if (m_access)
        m_access->cancel();
}

void NamespacePage::setTabShown(QWidget *tab, bool shown) { m_tabs->setTabVisible(m_tabs->indexOf(tab), shown); }

void NamespacePage::setOrganization(const QString &organization)
{
    m_organization = organization;
    m_user = false;
    m_title->setText(organization);
    for (QWidget *tab : {static_cast<QWidget *>(m_robots), static_cast<QWidget *>(m_defaultPermissions),
                         static_cast<QWidget *>(m_settings)})
        setTabShown(tab, true);
    m_repositories->setNamespace(organization);
    m_repositories->reload();
    m_robots->setOrganization(organization);
    m_teams->setOrganization(organization);
    m_defaultPermissions->setOrganization(organization);
    m_settings->setOrganization(organization);
    checkOrganizationAccess();
}

void NamespacePage::setUserNamespace(const QString &username)
{
    if (m_access)
        m_access->cancel();
    m_organization = username;
    m_user = true;
    m_title->setText(username);
    setTabShown(m_teams, false);
    setTabShown(m_defaultPermissions, false);
    setTabShown(m_robots, true);
    setTabShown(m_settings, true);
    m_repositories->setNamespace(username);
    m_repositories->reload();
    m_robots->setUserNamespace(username);
    m_settings->setUserNamespace(username);
}

// Robot accounts, default permissions and settings are for the
// organization's admins (console-workflows §3); until the answer arrives,
// and when it fails, the tabs stay and show their own state.
void NamespacePage::checkOrganizationAccess()
{
    if (m_access)
        m_access->cancel();
    auto *reply = client::organizations::get(m_client, m_organization);
    m_access = reply;
    reply->then(this, [this](const Result<client::Organization> &org) {
        if (!org)
            return;
        for (QWidget *tab : {static_cast<QWidget *>(m_robots), static_cast<QWidget *>(m_defaultPermissions),
                             static_cast<QWidget *>(m_settings)})
            setTabShown(tab, org->isAdmin);
    });
}

void NamespacePage::reload()
{
    m_repositories->reload();
    m_robots->reload();
    m_settings->reload();
    if (m_user)
        return;
    m_teams->reload();
    m_defaultPermissions->reload();
    checkOrganizationAccess();
}

void NamespacePage::showSettings() { m_tabs->setCurrentWidget(m_settings); }

} // namespace kai::console
