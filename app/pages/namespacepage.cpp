#include "namespacepage.h"

#include "pages/robotaccountstab.h"
#include "widgets/listpagekit.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kai::console {

NamespacePage::NamespacePage(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_title(ListPageKit::title(QString())), m_tabs(new QTabWidget),
      m_robots(new RobotAccountsTab(client))
{
    setObjectName(QStringLiteral("namespacePage"));
    m_title->setObjectName(QStringLiteral("namespaceTitle"));
    m_tabs->setObjectName(QStringLiteral("namespaceTabs"));
    m_tabs->addTab(m_robots, tr("Robot accounts"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    connect(m_robots, &RobotAccountsTab::notify, this, &NamespacePage::notify);
}

void NamespacePage::setOrganization(const QString &organization)
{
    m_organization = organization;
    m_title->setText(organization);
    m_robots->setOrganization(organization);
}

void NamespacePage::reload() { m_robots->reload(); }

} // namespace kai::console
