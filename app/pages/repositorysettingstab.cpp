#include "repositorysettingstab.h"

#include "pages/repositorydeletesection.h"
#include "pages/repositorypermissionstab.h"
#include "pages/repositoryvisibilitysection.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>

namespace kai::console {

RepositorySettingsTab::RepositorySettingsTab(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_sections(new QListWidget), m_stack(new QStackedWidget),
      m_permissions(new RepositoryPermissionsTab(client)), m_visibility(new RepositoryVisibilitySection(client)),
      m_delete(new RepositoryDeleteSection(client))
{
    setObjectName(QStringLiteral("repositorySettingsTab"));
    m_sections->setObjectName(QStringLiteral("settingsSections"));
    m_stack->setObjectName(QStringLiteral("settingsStack"));
    // Same order as Section.
    m_sections->addItem(tr("User and robot permissions"));
    m_sections->addItem(tr("Repository visibility"));
    m_sections->addItem(tr("Delete Repository"));
    m_stack->addWidget(m_permissions);
    m_stack->addWidget(m_visibility);
    m_stack->addWidget(m_delete);
    m_sections->setMinimumWidth(160);
    m_sections->setMaximumWidth(220);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sections);
    layout->addWidget(m_stack, 1);

    connect(m_sections, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_permissions, &RepositoryPermissionsTab::notify, this, &RepositorySettingsTab::notify);
    connect(m_visibility, &RepositoryVisibilitySection::notify, this, &RepositorySettingsTab::notify);
    connect(m_visibility, &RepositoryVisibilitySection::visibilityChanged, this, &RepositorySettingsTab::visibilityChanged);
    connect(m_delete, &RepositoryDeleteSection::notify, this, &RepositorySettingsTab::notify);
    connect(m_delete, &RepositoryDeleteSection::repositoryDeleted, this, &RepositorySettingsTab::repositoryDeleted);
    showSection(PermissionsSection);
}

void RepositorySettingsTab::setRepository(const client::RepositoryDetails &repository)
{
    m_permissions->setRepository(repository);
    m_visibility->setRepository(repository);
    m_delete->setRepository(repository);
}

void RepositorySettingsTab::showSection(Section section) { m_sections->setCurrentRow(section); }

} // namespace kai::console
