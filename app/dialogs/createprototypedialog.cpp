#include "createprototypedialog.h"

#include "client/endpoints/prototypes.h"
#include "models/repositorypermissionmodel.h"
#include "widgets/entitypicker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QRadioButton>

namespace kai::console {

CreatePrototypeDialog::CreatePrototypeDialog(client::ApiClient &client, const QString &organization, QWidget *parent)
    : CreateDialog(tr("Create default permission"), parent), m_client(client), m_organization(organization),
      m_anyone(new QRadioButton(tr("Anyone"))), m_specificUser(new QRadioButton(tr("Specific user"))),
      m_creator(new EntityPicker(client)), m_delegate(new EntityPicker(client)), m_role(new QComboBox)
{
    setObjectName(QStringLiteral("createPrototypeDialog"));
    setWindowTitle(tr("Create default permission"));
    setMinimumWidth(520);
    m_anyone->setObjectName(QStringLiteral("anyoneRadio"));
    m_specificUser->setObjectName(QStringLiteral("specificUserRadio"));
    m_specificUser->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_anyone);
    group->addButton(m_specificUser);
    m_creator->setObjectName(QStringLiteral("creatorPicker"));
    m_creator->setNamespace(organization);
    m_creator->setToolTip(tr("Search user/robot"));
    m_delegate->setObjectName(QStringLiteral("delegatePicker"));
    m_delegate->setNamespace(organization);
    m_delegate->setIncludeTeams(true);
    // "Applied to" offers the defaults, Create team and Create robot
    // account (console-workflows §3.4).
    m_delegate->setCreateShortcuts(true);
    m_delegate->setToolTip(tr("Search, invite or add user/robot/team"));
    m_role->setObjectName(QStringLiteral("permissionCombo"));
    for (const client::RepositoryRole role : {client::RepositoryRole::Read, client::RepositoryRole::Write,
                                              client::RepositoryRole::Admin})
        m_role->addItem(RepositoryPermissionModel::roleLabel(role), int(role));

    auto *creatorChoice = new QHBoxLayout;
    creatorChoice->addWidget(m_anyone);
    creatorChoice->addWidget(m_specificUser);
    creatorChoice->addStretch(1);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->addRow(tr("Applies when a repository is created by:"), creatorChoice);
    form->addRow(tr("Repository creator"), m_creator);
    form->addRow(tr("Applied to"), m_delegate);
    form->addRow(tr("Permission"), m_role);

    connect(group, &QButtonGroup::buttonToggled, this, [this] {
        m_creator->setEnabled(m_specificUser->isChecked());
        validate();
    });
    connect(m_creator, &EntityPicker::entityChanged, this, &CreatePrototypeDialog::validate);
    connect(m_delegate, &EntityPicker::entityChanged, this, &CreatePrototypeDialog::validate);

    finishLayout(form);
    validate();
}

void CreatePrototypeDialog::validate()
{
    // Only users and robots create repositories; teams cannot be creators.
    const std::optional<client::Entity> creator = m_creator->entity();
    const bool creatorOk = m_anyone->isChecked() || (creator && creator->kind == client::Entity::Kind::User);
    const std::optional<client::Entity> delegate = m_delegate->entity();
    const bool delegateOk = delegate && (delegate->kind == client::Entity::Kind::User
                                         || delegate->kind == client::Entity::Kind::Team);
    setCreateEnabled(creatorOk && delegateOk && !isSending());
}

void CreatePrototypeDialog::submit()
{
    if (!readyToSend())
        return;
    std::optional<QString> creator;
    if (m_specificUser->isChecked())
        creator = m_creator->entity()->name;
    const auto role = client::RepositoryRole(m_role->currentData().toInt());
    // The server's message goes into the trailing %1.
    const QString failure = (creator ? tr("Unable to create default permission for creator: %1").arg(*creator)
                                     : tr("Unable to apply default permission to: %1").arg(m_delegate->entity()->name))
                            + QStringLiteral(" (%1)");
    send(client::prototypes::create(m_client, m_organization, *m_delegate->entity(), role, creator), failure,
         [this](const client::Prototype &prototype) { emit created(prototype); });
}

} // namespace kai::console
