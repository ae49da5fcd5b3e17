#include "repositorypermissionstab.h"

#include "client/endpoints/permissions.h"
#include "dialogs/addpermissiondialog.h"
#include "dialogs/grantbatch.h"
#include "models/repositorypermissionmodel.h"
#include "pages/bulkoperation.h"
#include "widgets/listpagekit.h"
#include "widgets/roleeditordelegate.h"
#include "widgets/loadstateview.h"

#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>

#include <array>

namespace kai::console {

namespace {

constexpr std::array kRoles{client::RepositoryRole::Read, client::RepositoryRole::Write, client::RepositoryRole::Admin};

} // namespace

RepositoryPermissionsTab::RepositoryPermissionsTab(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new RepositoryPermissionModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView),
      m_filter(ListPageKit::searchBox(QStringLiteral("permissionFilter"))), m_add(new QPushButton(tr("Add permissions"))),
      m_actions(new QToolButton), m_actionsMenu(new QMenu(this))
{
    setObjectName(QStringLiteral("repositoryPermissionsTab"));
    m_proxy->setObjectName(QStringLiteral("permissionProxy"));
    m_table->setObjectName(QStringLiteral("permissionTable"));
    ListPageKit::setUpTable(m_table, m_proxy, m_model, RepositoryPermissionModel::SortRole,
                            RepositoryPermissionModel::AccountColumn);
    m_table->sortByColumn(RepositoryPermissionModel::AccountColumn, Qt::AscendingOrder);
    m_table->setColumnWidth(RepositoryPermissionModel::AccountColumn, 260);
    m_table->setColumnWidth(RepositoryPermissionModel::TypeColumn, 90);
    m_table->setItemDelegateForColumn(RepositoryPermissionModel::RoleColumn, new RoleEditorDelegate(QStringLiteral("permissionRoleEditor"), m_table));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_filter->setPlaceholderText(tr("Search by Account..."));
    m_add->setObjectName(QStringLiteral("addPermissionButton"));

    m_actions->setObjectName(QStringLiteral("permissionActionsButton"));
    m_actions->setText(tr("Actions"));
    m_actions->setPopupMode(QToolButton::InstantPopup);
    m_actions->setMenu(m_actionsMenu);
    QAction *remove = m_actionsMenu->addAction(tr("Delete"), this, &RepositoryPermissionsTab::deleteSelected);
    remove->setObjectName(QStringLiteral("deletePermissionsAction"));
    // The Delete key on the table does the same.
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(remove);
    QMenu *change = m_actionsMenu->addMenu(tr("Change Permissions"));
    for (const client::RepositoryRole role : kRoles) {
        QAction *action = change->addAction(RepositoryPermissionModel::roleLabel(role), this,
                                            [this, role]() { changeSelected(role); });
        QString name = client::repositoryRoleName(role);
        name[0] = name[0].toUpper();
        action->setObjectName(QStringLiteral("setPermissions%1Action").arg(name));
    }
    QPushButton *refresh = ListPageKit::refreshButton();

    m_state = new LoadStateView(m_table);
    m_state->setEmptyState(tr("No permissions are set on this repository"), tr("Add permissions"));
    ListPageKit::layOut(this, tr("User and robot permissions"), {m_filter, m_add, m_actions, refresh}, m_state);

    connect(m_filter, &QLineEdit::textChanged, this, &RepositoryPermissionsTab::updateFilter);
    connect(m_add, &QPushButton::clicked, this, &RepositoryPermissionsTab::addPermission);
    connect(refresh, &QPushButton::clicked, this, &RepositoryPermissionsTab::reload);
    connect(m_state, &LoadStateView::retryRequested, this, &RepositoryPermissionsTab::reload);
    connect(m_state, &LoadStateView::emptyActionTriggered, this, &RepositoryPermissionsTab::addPermission);
    connect(m_model, &RepositoryPermissionModel::roleChangeRequested, this, &RepositoryPermissionsTab::changeRole);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (m_table->selectionModel()->hasSelection())
            m_actionsMenu->popup(m_table->viewport()->mapToGlobal(at));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RepositoryPermissionsTab::updateActions);
    // Every row shows its role as a choice, as Quay's table does; rows
    // that appear (load, add, filter) get their editor.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RepositoryPermissionsTab::openRoleEditors);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &RepositoryPermissionsTab::openRoleEditors);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RepositoryPermissionsTab::updateActions);
    updateActions();
}

void RepositoryPermissionsTab::setRepository(const client::RepositoryDetails &repository)
{
    m_repository = repository;
    m_filter->clear();
    m_stale = true;
    if (isVisible())
        return reload();
    cancelLoads();
    m_model->clear();
}

void RepositoryPermissionsTab::cancelLoads()
{
    for (const QPointer<client::ReplyBase> &load : {m_loadUsers, m_loadTeams}) {
        if (load)
            load->cancel();
    }
    m_loading = {};
}

void RepositoryPermissionsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void RepositoryPermissionsTab::reload()
{
    m_stale = false;
    cancelLoads();
    m_model->clear();
    if (m_repository.name.isEmpty())
        return;
    m_state->showBusy();
    auto *users = client::permissions::listUsers(m_client, m_repository.namespaceName, m_repository.name);
    auto *teams = client::permissions::listTeams(m_client, m_repository.namespaceName, m_repository.name);
    m_loadUsers = users;
    m_loadTeams = teams;
    users->then(this, [this](const Result<client::RepositoryPermissionList> &list) {
        m_loading.users = list;
        listArrived();
    });
    teams->then(this, [this](const Result<client::RepositoryPermissionList> &list) {
        m_loading.teams = list;
        listArrived();
    });
}

void RepositoryPermissionsTab::listArrived()
{
    if (!m_loading.users || !m_loading.teams)
        return;
    const Loading loaded = std::exchange(m_loading, {});
    const Result<client::RepositoryPermissionList> &users = *loaded.users;
    const Result<client::RepositoryPermissionList> &teams = *loaded.teams;
    if (!users || !teams)
        return m_state->showError(tr("Could not load permissions: %1").arg((users ? teams : users).error().message));
    QList<client::RepositoryPermission> permissions = users->permissions;
    permissions << teams->permissions;
    m_model->setPermissions(permissions);
    m_state->showLoaded(permissions.isEmpty());
}

void RepositoryPermissionsTab::openRoleEditors()
{
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_table->openPersistentEditor(m_proxy->index(row, RepositoryPermissionModel::RoleColumn));
}

void RepositoryPermissionsTab::updateFilter()
{
    m_proxy->setFilterRegularExpression(
        ListPageKit::substringFilter(m_filter->text()));
}

void RepositoryPermissionsTab::updateActions()
{
    m_actions->setEnabled(m_table->selectionModel()->hasSelection());
}

QList<client::Grantee> RepositoryPermissionsTab::selectedGrantees() const
{
    QList<client::Grantee> grantees;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        grantees << m_model->permission(m_proxy->mapToSource(index).row()).grantee;
    return grantees;
}

void RepositoryPermissionsTab::addPermission()
{
    if (m_repository.name.isEmpty())
        return;
    auto *dialog = new AddPermissionDialog(m_client, m_repository.namespaceName, m_repository.name,
                                           m_repository.isOrganization, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddPermissionDialog::permissionAdded, this,
            [this](const client::Grantee &grantee, client::RepositoryRole role) {
                m_model->setRole(grantee, role);
                m_state->showContent();
                emit notify(tr("Set the permission of %1 to %2").arg(grantee.name, RepositoryPermissionModel::roleLabel(role)),
                            true);
            });
    dialog->open();
}

void RepositoryPermissionsTab::changeRole(const client::Grantee &grantee, client::RepositoryRole role)
{
    const int row = m_model->rowOf(grantee);
    if (row < 0)
        return;
    const client::RepositoryRole before = m_model->permission(row).role;
    client::permissions::set(m_client, m_repository.namespaceName, m_repository.name, grantee, role)
        ->then(this, [this, grantee, role, before](const Result<client::Done> &result) {
            if (!result) {
                // The row's editor goes back to what the server still has.
                m_model->setRole(grantee, before);
                emit notify(tr("Unable to set permissions for %1: %2").arg(grantee.name, result.error().message), false);
                return;
            }
            m_model->setRole(grantee, role);
            emit notify(tr("Set the permission of %1 to %2").arg(grantee.name, RepositoryPermissionModel::roleLabel(role)),
                        true);
        });
}

void RepositoryPermissionsTab::changeSelected(client::RepositoryRole role)
{
    const QList<client::Grantee> grantees = selectedGrantees();
    if (grantees.isEmpty())
        return;
    auto *batch = new GrantBatch(this);
    for (const client::Grantee &grantee : grantees)
        batch->add(QString(), grantee.name,
                   client::permissions::set(m_client, m_repository.namespaceName, m_repository.name, grantee, role));
    connect(batch, &GrantBatch::finished, this, [this, batch, role]() {
        batch->deleteLater();
        if (batch->failed()) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Unable to set permissions"),
                                        batch->failures().join(u'\n'), QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("bulkFailureDialog"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        } else {
            emit notify(tr("Set %n permission(s) to %1", nullptr, int(batch->count()))
                            .arg(RepositoryPermissionModel::roleLabel(role)),
                        true);
        }
        reload();
    });
    batch->start();
}

void RepositoryPermissionsTab::deleteSelected()
{
    const QList<client::Grantee> grantees = selectedGrantees();
    if (grantees.isEmpty())
        return;
    auto *bulk = new BulkOperation(this);
    for (const client::Grantee &grantee : grantees)
        bulk->add(grantee.name, client::permissions::remove(m_client, m_repository.namespaceName, m_repository.name, grantee));
    connect(bulk, &BulkOperation::finished, this, [this, bulk]() {
        if (bulk->failures().isEmpty())
            emit notify(tr("Deleted %n permission(s)", nullptr, int(bulk->count())), true);
        else if (bulk->count() == 1)
            emit notify(bulk->failures().constFirst(), false);
        else
            bulk->showFailures(this, tr("Unable to bulk delete repository permissions"));
        reload();
    });
    bulk->start();
}

} // namespace kai::console
