#include "teammembersdialog.h"

#include "client/endpoints/teams.h"
#include "models/teammembermodel.h"
#include "validation/namerules.h"
#include "widgets/entitypicker.h"
#include "widgets/loadstateview.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kai::console {

TeamMembersDialog::TeamMembersDialog(client::ApiClient &client, const QString &organization, const QString &team,
                                     QWidget *parent)
    : QDialog(parent), m_client(client), m_organization(organization), m_team(team), m_model(new TeamMemberModel(this)),
      m_table(new QTableView), m_picker(new EntityPicker(client)), m_add(new QPushButton(tr("Add member"))),
      m_email(new QLineEdit), m_invite(new QPushButton(tr("Invite"))), m_remove(new QPushButton(tr("Remove"))),
      m_message(new QLabel)
{
    setObjectName(QStringLiteral("teamMembersDialog"));
    setWindowTitle(tr("Manage members of %1").arg(team));
    resize(560, 480);
    m_table->setObjectName(QStringLiteral("teamMemberTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(TeamMemberModel::NameColumn, 280);
    m_state = new LoadStateView(m_table);
    m_state->setEmptyState(tr("There are no viewable members for this team"), QString());
    m_picker->setObjectName(QStringLiteral("teamMemberPicker"));
    m_picker->setNamespace(organization);
    // An empty field offers the organization's robots and "Create robot
    // account" (console-workflows §3.2 "Add team member").
    m_picker->setCreateShortcuts(true);
    m_add->setObjectName(QStringLiteral("addMemberButton"));
    m_email->setObjectName(QStringLiteral("inviteEmailEdit"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_invite->setObjectName(QStringLiteral("inviteButton"));
    m_remove->setObjectName(QStringLiteral("removeMemberButton"));
    m_message->setObjectName(QStringLiteral("teamMembersMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_picker, 1);
    addRow->addWidget(m_add);
    auto *inviteRow = new QHBoxLayout;
    inviteRow->addWidget(m_email, 1);
    inviteRow->addWidget(m_invite);
    auto *form = new QFormLayout;
    form->addRow(tr("Add a registered user, robot to team:"), addRow);
    form->addRow(tr("Invite by e-mail:"), inviteRow);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_picker, &EntityPicker::entityChanged, this, &TeamMembersDialog::updateButtons);
    connect(m_email, &QLineEdit::textChanged, this, &TeamMembersDialog::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &TeamMembersDialog::addMember);
    connect(m_invite, &QPushButton::clicked, this, &TeamMembersDialog::invite);
    connect(m_remove, &QPushButton::clicked, this, &TeamMembersDialog::removeSelected);
    connect(m_state, &LoadStateView::retryRequested, this, &TeamMembersDialog::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TeamMembersDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TeamMembersDialog::updateButtons);
    reload();
    updateButtons();
}

TeamMembersDialog::~TeamMembersDialog() = default;

void TeamMembersDialog::done(int result)
{
    m_load.cancel();
    m_change.cancel();
    QDialog::done(result);
}

void TeamMembersDialog::reload()
{
    m_load.cancel();
    m_state->showBusy();
    auto *reply = client::teams::members(m_client, m_organization, m_team);
    m_load.start(reply);
    reply->then(this, [this](const Result<client::TeamMemberList> &list) {
        m_load.finish();
        if (!list)
            return m_state->showError(tr("Could not load the members of %1: %2").arg(m_team, list.error().message));
        m_model->setMembers(list->members);
        m_state->showLoaded(list->members.isEmpty());
    });
}

void TeamMembersDialog::updateButtons()
{
    const bool idle = !m_change.isActive();
    m_add->setEnabled(idle && m_picker->entity().has_value());
    m_invite->setEnabled(idle && NameRules::isEmail(m_email->text()));
    m_remove->setEnabled(idle && m_table->selectionModel()->hasSelection());
}

void TeamMembersDialog::sendChange(client::Reply<client::Done> *reply, const QString &success, const QString &failure)
{
    m_change.start(reply);
    m_message->hide();
    updateButtons();
    reply->then(this, [this, success, failure](const Result<client::Done> &result) {
        m_change.finish();
        updateButtons();
        m_message->setStyleSheet(result ? QString() : QStringLiteral("color: #c9190b;"));
        m_message->setText(result ? success : failure.arg(result.error().message));
        m_message->show();
        if (!result)
            return;
        emit membersChanged(success);
        reload();
    });
}

void TeamMembersDialog::addMember()
{
    const std::optional<client::Entity> entity = m_picker->entity();
    if (!entity || m_change.isActive())
        return;
    const QString name = entity->name;
    m_picker->clear();
    sendChange(client::teams::addMember(m_client, m_organization, m_team, name),
               tr("Successfully added \"%1\" to team").arg(name),
               tr("Unable to add \"%1\" to team: %2").arg(name, QStringLiteral("%1")));
}

void TeamMembersDialog::invite()
{
    const QString email = m_email->text().trimmed();
    if (!NameRules::isEmail(email) || m_change.isActive())
        return;
    m_email->clear();
    sendChange(client::teams::invite(m_client, m_organization, m_team, email),
               tr("Invited %1 to team %2").arg(email, m_team),
               tr("Unable to invite %1 to team: %2").arg(email, QStringLiteral("%1")));
}

void TeamMembersDialog::removeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1 || m_change.isActive())
        return;
    const client::TeamMember member = m_model->member(rows.first().row());
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Remove member from team"),
                                    tr("Are you sure you want to delete %1 ?").arg(member.name),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("removeMemberConfirm"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, confirm, member](QAbstractButton *button) {
        if (confirm->standardButton(button) != QMessageBox::Yes)
            return;
        const bool emailInvite = member.kind == client::TeamMember::Kind::EmailInvite;
        sendChange(emailInvite ? client::teams::removeInvite(m_client, m_organization, m_team, member.name)
                               : client::teams::removeMember(m_client, m_organization, m_team, member.name),
                   tr("Successfully deleted team member: %1").arg(member.name),
                   tr("Unable to delete team member: %1, %2").arg(member.name, QStringLiteral("%1")));
    });
    confirm->open();
}

} // namespace kai::console
