#include "addpermissiondialog.h"

#include "client/endpoints/permissions.h"
#include "models/repositorypermissionmodel.h"
#include "widgets/entitypicker.h"

#include <QComboBox>
#include <QFormLayout>

namespace kai::console {

AddPermissionDialog::AddPermissionDialog(client::ApiClient &client, const QString &namespaceName, const QString &repository,
                                         bool teams, QWidget *parent)
    : CreateDialog(tr("Submit"), parent), m_client(client), m_namespace(namespaceName), m_repository(repository),
      m_picker(new EntityPicker(client)), m_role(new QComboBox)
{
    setObjectName(QStringLiteral("addPermissionDialog"));
    setWindowTitle(tr("Add Permission (%1/%2)").arg(namespaceName, repository));
    setMinimumWidth(460);
    m_picker->setObjectName(QStringLiteral("permissionEntityPicker"));
    m_picker->setNamespace(namespaceName);
    m_picker->setIncludeTeams(teams);
    // "teams" means an organization: its defaults, Create team and Create
    // robot account (console-workflows §5.6.1).
    m_picker->setCreateShortcuts(teams);
    m_role->setObjectName(QStringLiteral("permissionRoleCombo"));
    for (const client::RepositoryRole role :
         {client::RepositoryRole::Read, client::RepositoryRole::Write, client::RepositoryRole::Admin})
        m_role->addItem(RepositoryPermissionModel::roleLabel(role), client::repositoryRoleName(role));
    m_role->setCurrentIndex(m_role->findData(client::repositoryRoleName(client::RepositoryRole::Admin)));

    auto *form = new QFormLayout;
    form->addRow(tr("Select a team or user"), m_picker);
    form->addRow(tr("Select a permission"), m_role);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    connect(m_picker, &EntityPicker::entityChanged, this, &AddPermissionDialog::validate);

    finishLayout(form);
    m_picker->setFocus();
    validate();
}

std::optional<client::Grantee> AddPermissionDialog::grantee() const
{
    const std::optional<client::Entity> entity = m_picker->entity();
    if (!entity)
        return std::nullopt;
    switch (entity->kind) {
    case client::Entity::Kind::Team:
        return client::Grantee{client::Grantee::Kind::Team, entity->name};
    case client::Entity::Kind::User:
        return client::Grantee{entity->isRobot ? client::Grantee::Kind::Robot : client::Grantee::Kind::User, entity->name};
    case client::Entity::Kind::Organization:
    case client::Entity::Kind::External:
        break;
    }
    // Organizations hold no repository permissions; external users must
    // sign in once before they can be granted one.
    return std::nullopt;
}

void AddPermissionDialog::validate() { setCreateEnabled(grantee().has_value() && !isSending()); }

void AddPermissionDialog::submit()
{
    if (!readyToSend())
        return;
    const client::Grantee chosen = *grantee();
    const client::RepositoryRole role =
        client::repositoryRoleFromName(m_role->currentData().toString()).value_or(client::RepositoryRole::Admin);
    send(client::permissions::set(m_client, m_namespace, m_repository, chosen, role),
         tr("Unable to set permissions for %1: %2").arg(chosen.name, QStringLiteral("%1")),
         [this, chosen, role](client::Done) { emit permissionAdded(chosen, role); });
}

} // namespace kai::console
