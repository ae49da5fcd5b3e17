#include "teamroledialog.h"

#include "client/endpoints/teams.h"
#include "models/teamlistmodel.h"

#include <QComboBox>
#include <QFormLayout>

namespace kai::console {

TeamRoleDialog::TeamRoleDialog(client::ApiClient &client, const QString &organization, const client::Team &team,
                               QWidget *parent)
    : CreateDialog(tr("Save"), parent), m_client(client), m_organization(organization), m_team(team),
      m_role(new QComboBox)
{
    setObjectName(QStringLiteral("teamRoleDialog"));
    setWindowTitle(tr("Team role of %1").arg(team.name));
    setMinimumWidth(360);
    m_role->setObjectName(QStringLiteral("teamRoleCombo"));
    for (client::TeamRole role : {client::TeamRole::Admin, client::TeamRole::Member, client::TeamRole::Creator})
        m_role->addItem(TeamListModel::roleText(role), client::teamRoleName(role));
    m_role->setItemData(0, tr("Full administrative access to the organization"), Qt::ToolTipRole);
    m_role->setItemData(1, tr("Inherits all permissions of the team"), Qt::ToolTipRole);
    m_role->setItemData(2, tr("Member and can create new repositories"), Qt::ToolTipRole);
    m_role->setCurrentIndex(m_role->findData(client::teamRoleName(team.role)));
    connect(m_role, &QComboBox::currentIndexChanged, this, &TeamRoleDialog::validate);

    auto *form = new QFormLayout;
    form->addRow(tr("Team role:"), m_role);
    finishLayout(form);
    validate();
}

void TeamRoleDialog::validate()
{
    setCreateEnabled(m_role->currentData().toString() != client::teamRoleName(m_team.role) && !isSending());
}

void TeamRoleDialog::submit()
{
    if (!readyToSend())
        return;
    const auto role = client::teamRoleFromName(m_role->currentData().toString());
    if (!role)
        return;
    send(client::teams::put(m_client, m_organization, m_team.name, *role),
         tr("Unable to update role for team: %1, %2").arg(m_team.name, QStringLiteral("%1")),
         [this](const client::Team &team) { emit roleChanged(team); });
}

} // namespace kai::console
