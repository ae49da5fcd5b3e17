#include "teamstab.h"

#include "client/endpoints/members.h"
#include "client/endpoints/permissions.h"
#include "client/endpoints/teams.h"
#include "dialogs/createteamdialog.h"
#include "dialogs/grantbatch.h"
#include "dialogs/teammembersdialog.h"
#include "dialogs/teampermissionsdialog.h"
#include "dialogs/teamroledialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/orgpeoplemodel.h"
#include "models/teamlistmodel.h"
#include "pages/bulkoperation.h"
#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kai::console {

TeamsTab::TeamsTab(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_teamModel(new TeamListModel(this)),
      m_memberModel(new OrganizationPeopleModel(OrganizationPeopleModel::View::Members, this)),
      m_collaboratorModel(new OrganizationPeopleModel(OrganizationPeopleModel::View::Collaborators, this)),
      m_viewButtons(new QButtonGroup(this)), m_stack(new QStackedWidget),
      m_filter(ListPageKit::searchBox(QStringLiteral("teamsFilter"))), m_create(new QPushButton(tr("Create new team"))),
      m_manage(new QPushButton(tr("Manage team members"))), m_permissions(new QPushButton(tr("Set repository permissions"))),
      m_role(new QPushButton(tr("Set team role"))), m_delete(new QPushButton(tr("Delete"))),
      m_removeCollaborator(new QPushButton(tr("Remove user from organization")))
{
    setObjectName(QStringLiteral("teamsTab"));
    m_teams = makeList(m_teamModel, "team", TeamListModel::SortRole, tr("This organization has no teams"));
    m_members = makeList(m_memberModel, "member", OrganizationPeopleModel::SortRole,
                         tr("This organization has no members"));
    m_collaborators = makeList(m_collaboratorModel, "collaborator", OrganizationPeopleModel::SortRole,
                               tr("This organization has no collaborators"));
    m_teams.state->setEmptyState(tr("This organization has no teams"), tr("Create new team"));
    m_teams.table->setColumnWidth(TeamListModel::NameColumn, 200);
    m_teams.table->setColumnWidth(TeamListModel::MembersColumn, 110);
    m_teams.table->setColumnWidth(TeamListModel::RepositoriesColumn, 130);
    m_members.table->setColumnWidth(0, 200);
    m_members.table->setColumnWidth(1, 260);
    m_collaborators.table->setColumnWidth(0, 200);
    m_collaborators.table->setSelectionMode(QAbstractItemView::SingleSelection);

    // The toggle of Quay's three views; the last two are for admins.
    auto *toggle = new QHBoxLayout;
    const QList<QPair<QString, QString>> views{{QStringLiteral("teamViewButton"), tr("Team View")},
                                               {QStringLiteral("memberViewButton"), tr("Members View")},
                                               {QStringLiteral("collaboratorViewButton"), tr("Collaborators View")}};
    for (qsizetype i = 0; i < views.size(); ++i) {
        auto *button = new QPushButton(views.at(i).second);
        button->setObjectName(views.at(i).first);
        button->setCheckable(true);
        m_viewButtons->addButton(button, int(i));
        toggle->addWidget(button);
    }
    toggle->addStretch();
    m_viewButtons->setExclusive(true);
    m_viewButtons->button(0)->setChecked(true);
    m_stack->addWidget(m_teams.state);
    m_stack->addWidget(m_members.state);
    m_stack->addWidget(m_collaborators.state);
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(toggle);
    contentLayout->addWidget(m_stack, 1);

    m_create->setObjectName(QStringLiteral("createTeamButton"));
    m_manage->setObjectName(QStringLiteral("manageMembersButton"));
    m_permissions->setObjectName(QStringLiteral("teamPermissionsButton"));
    m_role->setObjectName(QStringLiteral("teamRoleButton"));
    m_delete->setObjectName(QStringLiteral("deleteTeamsButton"));
    m_removeCollaborator->setObjectName(QStringLiteral("removeCollaboratorButton"));
    QPushButton *refresh = ListPageKit::refreshButton();
    ListPageKit::layOut(this, tr("Teams and membership"),
                        {m_filter, m_create, m_manage, m_permissions, m_role, m_delete, m_removeCollaborator, refresh},
                        content);

    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { showView(View(id)); });
    connect(m_filter, &QLineEdit::textChanged, this, &TeamsTab::updateFilter);
    connect(m_create, &QPushButton::clicked, this, &TeamsTab::createTeam);
    connect(m_manage, &QPushButton::clicked, this, &TeamsTab::manageMembers);
    connect(m_permissions, &QPushButton::clicked, this, &TeamsTab::setPermissions);
    connect(m_role, &QPushButton::clicked, this, &TeamsTab::setRole);
    connect(m_delete, &QPushButton::clicked, this, &TeamsTab::deleteSelected);
    connect(m_removeCollaborator, &QPushButton::clicked, this, &TeamsTab::removeCollaborator);
    connect(m_teams.table, &QTableView::activated, this, &TeamsTab::manageMembers);
    connect(refresh, &QPushButton::clicked, this, &TeamsTab::reload);
    connect(m_teams.state, &LoadStateView::emptyActionTriggered, this, &TeamsTab::createTeam);
    for (const ListView *list : {&m_teams, &m_members, &m_collaborators}) {
        connect(list->state, &LoadStateView::retryRequested, this, &TeamsTab::reload);
        connect(list->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TeamsTab::updateActions);
        connect(list->proxy, &QAbstractItemModel::modelReset, this, &TeamsTab::updateActions);
    }
    showView(View::Teams);
}

TeamsTab::~TeamsTab()
{
    for (const QPointer<client::ReplyBase> &load : {m_teamLoad, m_memberLoad, m_collaboratorLoad}) {
        if (load)
            load->cancel();
    }
}

TeamsTab::ListView TeamsTab::makeList(QAbstractItemModel *model, const char *name, int sortRole,
                                      const QString &emptySentence)
{
    ListView list;
    list.proxy = new QSortFilterProxyModel(this);
    list.proxy->setObjectName(QLatin1String(name) + QStringLiteral("Proxy"));
    list.table = new QTableView;
    list.table->setObjectName(QLatin1String(name) + QStringLiteral("Table"));
    ListPageKit::setUpTable(list.table, list.proxy, model, sortRole, 0);
    list.table->sortByColumn(0, Qt::AscendingOrder);
    list.state = new LoadStateView(list.table);
    list.state->setEmptyState(emptySentence, QString());
    return list;
}

void TeamsTab::setOrganization(const QString &organization)
{
    m_organization = organization;
    m_filter->clear();
    m_isAdmin = false;
    showView(View::Teams);
    reload();
}

TeamsTab::View TeamsTab::view() const
{
    return View(m_stack->currentIndex());
}

void TeamsTab::showView(View view)
{
    if (view != View::Teams && !m_isAdmin)
        view = View::Teams;
    m_stack->setCurrentIndex(int(view));
    m_viewButtons->button(int(view))->setChecked(true);
    m_filter->setPlaceholderText(view == View::Teams ? tr("Search by Team name...") : tr("Search by User name..."));
    updateFilter();
    updateActions();
}

void TeamsTab::reload()
{
    for (const QPointer<client::ReplyBase> &load : {m_teamLoad, m_memberLoad, m_collaboratorLoad}) {
        if (load)
            load->cancel();
    }
    // A reload after a dialog keeps the teams the person had selected.
    QStringList selected;
    for (const client::Team &team : selectedTeams())
        selected << team.name;
    m_teamModel->clear();
    m_memberModel->clear();
    m_collaboratorModel->clear();
    if (m_organization.isEmpty())
        return;
    m_teams.state->showBusy();
    auto *reply = client::teams::list(m_client, m_organization);
    m_teamLoad = reply;
    reply->then(this, [this, selected](const Result<client::TeamList> &list) {
        if (!list) {
            m_teams.state->showError(tr("Could not load teams: %1").arg(list.error().message));
            return;
        }
        m_isAdmin = list->isAdmin;
        emit visibilityKnown(list->isAdmin || list->isMember);
        m_teamModel->setTeams(list->teams);
        for (const QString &name : selected) {
            if (const int row = m_teamModel->rowOf(name); row >= 0)
                m_teams.table->selectionModel()->select(m_teams.proxy->mapFromSource(m_teamModel->index(row, 0)),
                                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        m_teams.state->showLoaded(list->teams.isEmpty());
        showView(view());
        if (m_isAdmin)
            loadPeople();
    });
}

// Members and collaborators are the admins' views (Quay answers others 403).
void TeamsTab::loadPeople()
{
    const auto load = [this](client::Reply<client::OrganizationMemberList> *reply, OrganizationPeopleModel *model,
                             LoadStateView *state) {
        state->showBusy();
        reply->then(this, [model, state](const Result<client::OrganizationMemberList> &list) {
            if (!list)
                return state->showError(tr("Could not load: %1").arg(list.error().message));
            model->setPeople(list->people);
            state->showLoaded(list->people.isEmpty());
        });
    };
    auto *members = client::members::list(m_client, m_organization);
    m_memberLoad = members;
    load(members, m_memberModel, m_members.state);
    auto *collaborators = client::members::collaborators(m_client, m_organization);
    m_collaboratorLoad = collaborators;
    load(collaborators, m_collaboratorModel, m_collaborators.state);
}

void TeamsTab::updateFilter()
{
    const QRegularExpression pattern = ListPageKit::substringFilter(m_filter->text());
    for (const ListView *list : {&m_teams, &m_members, &m_collaborators})
        list->proxy->setFilterRegularExpression(pattern);
}

void TeamsTab::updateActions()
{
    const View current = view();
    const int teamRows = int(m_teams.table->selectionModel()->selectedRows().size());
    m_viewButtons->button(int(View::Members))->setEnabled(m_isAdmin);
    m_viewButtons->button(int(View::Collaborators))->setEnabled(m_isAdmin);
    for (QPushButton *button : {m_manage, m_permissions, m_role, m_delete})
        button->setVisible(current == View::Teams);
    m_manage->setEnabled(teamRows == 1);
    m_permissions->setEnabled(teamRows == 1 && m_isAdmin);
    m_role->setEnabled(teamRows == 1 && m_isAdmin);
    m_delete->setEnabled(teamRows > 0 && m_isAdmin);
    m_removeCollaborator->setVisible(current == View::Collaborators);
    m_removeCollaborator->setEnabled(!selectedCollaborator().isEmpty());
}

QList<client::Team> TeamsTab::selectedTeams() const
{
    QList<client::Team> teams;
    for (const QModelIndex &index : m_teams.table->selectionModel()->selectedRows())
        teams << m_teamModel->team(m_teams.proxy->mapToSource(index).row());
    return teams;
}

QString TeamsTab::selectedCollaborator() const
{
    const QModelIndexList rows = m_collaborators.table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return {};
    return m_collaboratorModel->person(m_collaborators.proxy->mapToSource(rows.first()).row()).name;
}

void TeamsTab::createTeam()
{
    QStringList existing;
    for (const client::Team &team : m_teamModel->teams())
        existing << team.name;
    auto *dialog = new CreateTeamDialog(m_client, m_organization, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateTeamDialog::created, this, [this](const client::Team &team) {
        emit notify(tr("Successfully created new team: %1").arg(team.name), true);
        reload();
        openWizard(team);
    });
    dialog->open();
}

void TeamsTab::openWizard(const client::Team &team)
{
    auto *wizard = new CreateTeamWizard(m_client, m_organization, team, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CreateTeamWizard::planned, this, &TeamsTab::applyPlan);
    wizard->open();
}

// The wizard's choices, sent after it closed: the tab outlives it.
void TeamsTab::applyPlan(const CreateTeamWizard::Plan &plan)
{
    GrantBatch *batch = CreateTeamWizard::send(m_client, m_organization, plan, this);
    if (!batch)
        return;
    connect(batch, &GrantBatch::finished, this, [this, batch]() {
        batch->deleteLater();
        if (!batch->failed())
            emit notify(tr("Successfully added members to team"), true);
        else
            CreateTeamWizard::showFailures(*batch, this);
        reload();
    });
}

void TeamsTab::manageMembers()
{
    const QList<client::Team> teams = selectedTeams();
    if (teams.size() != 1)
        return;
    auto *dialog = new TeamMembersDialog(m_client, m_organization, teams.first().name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TeamMembersDialog::membersChanged, this, [this](const QString &message) {
        emit notify(message, true);
    });
    // Counts and the members view change with the membership.
    connect(dialog, &QDialog::finished, this, &TeamsTab::reload);
    dialog->open();
}

void TeamsTab::setPermissions()
{
    const QList<client::Team> teams = selectedTeams();
    if (teams.size() != 1)
        return;
    auto *dialog = new TeamPermissionsDialog(m_client, m_organization, teams.first().name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TeamPermissionsDialog::updated, this, [this](const QString &team) {
        emit notify(tr("Updated repo perm for team: %1 successfully").arg(team), true);
        reload();
    });
    dialog->open();
}

void TeamsTab::setRole()
{
    const QList<client::Team> teams = selectedTeams();
    if (teams.size() != 1)
        return;
    auto *dialog = new TeamRoleDialog(m_client, m_organization, teams.first(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TeamRoleDialog::roleChanged, this, [this](const client::Team &team) {
        emit notify(tr("Team role updated successfully for: %1").arg(team.name), true);
        reload();
    });
    dialog->open();
}

void TeamsTab::deleteSelected()
{
    const QList<client::Team> teams = selectedTeams();
    if (teams.isEmpty())
        return;
    QStringList names;
    for (const client::Team &team : teams)
        names << team.name;
    auto *confirm = new TypedConfirmDialog(tr("Permanently delete teams?"),
                                           tr("This action deletes the teams with their memberships and repository "
                                              "permissions and cannot be undone. These will be deleted:"),
                                           names, this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, names]() {
        auto *bulk = new BulkOperation(this);
        bulk->setFailureFormat(tr("Could not delete team %1: %2"));
        for (const QString &name : names)
            bulk->add(name, client::teams::remove(m_client, m_organization, name));
        connect(bulk, &BulkOperation::finished, this, [this, bulk]() {
            if (bulk->failures().isEmpty())
                emit notify(tr("Successfully deleted teams"), true);
            else
                bulk->showFailures(this, tr("Deletion failed"));
            reload();
        });
        bulk->start();
    });
    confirm->open();
}

void TeamsTab::removeCollaborator()
{
    const QString user = selectedCollaborator();
    if (user.isEmpty())
        return;
    auto *confirm = new QMessageBox(QMessageBox::Warning, tr("Remove user from organization"),
                                    tr("Are you sure you want to delete %1 ?\n\nThe user loses every team membership "
                                       "and repository permission in this organization.")
                                        .arg(user),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("removeCollaboratorConfirm"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, confirm, user](QAbstractButton *button) {
        if (confirm->standardButton(button) != QMessageBox::Yes)
            return;
        client::members::remove(m_client, m_organization, user)->then(this, [this](const Result<client::Done> &result) {
            if (result)
                emit notify(tr("Successfully deleted collaborator"), true);
            else
                emit notify(tr("Error deleting collaborator: %1").arg(result.error().message), false);
            reload();
        });
    });
    confirm->open();
}

} // namespace kai::console
