#include "repositorypage.h"

#include "client/endpoints/repositories.h"
#include "credentials/robotcredentials.h"
#include "pages/repositoryinformationtab.h"
#include "pages/repositorysettingstab.h"
#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kai::console {

RepositoryPage::RepositoryPage(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_title(ListPageKit::title(QString())), m_tabs(new QTabWidget),
      m_information(new RepositoryInformationTab), m_settings(new RepositorySettingsTab(client, this))
{
    setObjectName(QStringLiteral("repositoryPage"));
    m_title->setObjectName(QStringLiteral("repositoryTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(QStringLiteral("repositoryTabs"));
    m_tabs->addTab(m_information, tr("Information"));
    m_settings->hide();   // a tab only for repository admins (display())
    m_state = new LoadStateView(m_tabs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_state, 1);

    connect(m_state, &LoadStateView::retryRequested, this, &RepositoryPage::reload);
    connect(m_settings, &RepositorySettingsTab::notify, this, &RepositoryPage::notify);
    connect(m_settings, &RepositorySettingsTab::repositoryDeleted, this, &RepositoryPage::repositoryDeleted);
    connect(m_settings, &RepositorySettingsTab::visibilityChanged, this, [this](bool isPublic) {
        m_details.isPublic = isPublic;
        m_information->setRepository(m_details, RobotCredentials::hostOf(m_client.server()));
    });
}

void RepositoryPage::setRepository(const QString &namespaceName, const QString &name)
{
    m_namespace = namespaceName;
    m_name = name;
    m_title->setText(fullName());
    m_tabs->setCurrentWidget(m_information);
    reload();
}

void RepositoryPage::reload()
{
    if (m_load)
        m_load->cancel();
    if (m_name.isEmpty())
        return;
    m_state->showBusy();
    auto *reply = client::repositories::get(m_client, m_namespace, m_name);
    m_load = reply;
    reply->then(this, [this](const Result<client::RepositoryDetails> &details) {
        if (!details)
            return m_state->showError(tr("Could not load repository %1: %2").arg(fullName(), details.error().message));
        display(*details);
        m_state->showContent();
    });
}

void RepositoryPage::display(const client::RepositoryDetails &details)
{
    m_details = details;
    m_information->setRepository(details, RobotCredentials::hostOf(m_client.server()));
    // Quay shows Settings to repository admins only; the server would
    // refuse everything in it to anybody else.
    const int settingsIndex = m_tabs->indexOf(m_settings);
    if (details.canAdmin) {
        if (settingsIndex < 0)
            m_tabs->addTab(m_settings, tr("Settings"));
        m_settings->setRepository(details);
    } else if (settingsIndex >= 0) {
        m_tabs->removeTab(settingsIndex);
    }
}

void RepositoryPage::showSettings()
{
    if (m_tabs->indexOf(m_settings) >= 0)
        m_tabs->setCurrentWidget(m_settings);
}

} // namespace kai::console
