#include "defaultpermissionstab.h"

#include "client/endpoints/prototypes.h"
#include "dialogs/createprototypedialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/prototypelistmodel.h"
#include "models/repositorypermissionmodel.h"
#include "pages/bulkoperation.h"
#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"
#include "widgets/roleeditordelegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kai::console {

DefaultPermissionsTab::DefaultPermissionsTab(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new PrototypeListModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView), m_filter(ListPageKit::searchBox(QStringLiteral("prototypeFilter"))),
      m_create(new QPushButton(tr("Create default permission"))), m_delete(new QPushButton(tr("Delete")))
{
    setObjectName(QStringLiteral("defaultPermissionsTab"));
    m_proxy->setObjectName(QStringLiteral("prototypeProxy"));
    m_table->setObjectName(QStringLiteral("prototypeTable"));
    ListPageKit::setUpTable(m_table, m_proxy, m_model, PrototypeListModel::SortRole, PrototypeListModel::CreatorColumn);
    m_table->sortByColumn(PrototypeListModel::CreatorColumn, Qt::AscendingOrder);
    m_table->setColumnWidth(PrototypeListModel::CreatorColumn, 240);
    m_table->setColumnWidth(PrototypeListModel::DelegateColumn, 240);
    m_table->setItemDelegateForColumn(PrototypeListModel::PermissionColumn, new RoleEditorDelegate(QStringLiteral("prototypeRoleEditor"), m_table));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                             | QAbstractItemView::EditKeyPressed);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_filter->setPlaceholderText(tr("Search by Repository Created By..."));
    m_create->setObjectName(QStringLiteral("createPrototypeButton"));
    m_delete->setObjectName(QStringLiteral("deletePrototypesButton"));
    QPushButton *refresh = ListPageKit::refreshButton();

    auto *intro = new QLabel(tr("Default permissions grant permissions automatically to repositories created in "
                                "this organization, depending on who creates them. Repositories that exist "
                                "already are not changed."));
    intro->setWordWrap(true);
    m_state = new LoadStateView(m_table);
    m_state->setEmptyState(tr("There are no default permissions for this organization"), tr("Create default permission"));
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(intro);
    contentLayout->addWidget(m_state, 1);

    ListPageKit::layOut(this, tr("Default permissions"), {m_filter, m_create, m_delete, refresh}, content);

    connect(m_filter, &QLineEdit::textChanged, this, &DefaultPermissionsTab::updateFilter);
    connect(m_create, &QPushButton::clicked, this, &DefaultPermissionsTab::createPermission);
    connect(m_delete, &QPushButton::clicked, this, &DefaultPermissionsTab::deleteSelected);
    connect(refresh, &QPushButton::clicked, this, &DefaultPermissionsTab::reload);
    connect(m_state, &LoadStateView::retryRequested, this, &DefaultPermissionsTab::reload);
    connect(m_state, &LoadStateView::emptyActionTriggered, this, &DefaultPermissionsTab::createPermission);
    connect(m_model, &PrototypeListModel::roleChangeRequested, this, &DefaultPermissionsTab::changeRole);
    connect(m_table, &QWidget::customContextMenuRequested, this, &DefaultPermissionsTab::showRowMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DefaultPermissionsTab::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DefaultPermissionsTab::updateActions);
    updateActions();
}

DefaultPermissionsTab::~DefaultPermissionsTab()
{
    if (m_load)
        m_load->cancel();
}

void DefaultPermissionsTab::setOrganization(const QString &organization)
{
    m_organization = organization;
    m_filter->clear();
    reload();
}

void DefaultPermissionsTab::reload()
{
    if (m_load)
        m_load->cancel();
    m_model->clear();
    if (m_organization.isEmpty())
        return;
    m_state->showBusy();
    auto *reply = client::prototypes::list(m_client, m_organization);
    m_load = reply;
    reply->then(this, [this](const Result<client::PrototypeList> &list) {
        if (!list)
            return m_state->showError(tr("Could not load default permissions: %1").arg(list.error().message));
        m_model->setPrototypes(list->prototypes);
        m_state->showLoaded(list->prototypes.isEmpty());
    });
}

void DefaultPermissionsTab::updateFilter()
{
    m_proxy->setFilterRegularExpression(
        ListPageKit::substringFilter(m_filter->text()));
}

void DefaultPermissionsTab::updateActions()
{
    m_delete->setEnabled(m_table->selectionModel()->hasSelection());
}

void DefaultPermissionsTab::createPermission()
{
    auto *dialog = new CreatePrototypeDialog(m_client, m_organization, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreatePrototypeDialog::created, this, [this](const client::Prototype &prototype) {
        emit notify(prototype.activatingUser
                        ? tr("Successfully created default permission for creator: %1").arg(prototype.activatingUser->name)
                        : tr("Successfully applied default permission to: %1").arg(prototype.delegate.name),
                    true);
        reload();
    });
    dialog->open();
}

void DefaultPermissionsTab::changeRole(const QString &id, client::RepositoryRole role)
{
    const QString label = RepositoryPermissionModel::roleLabel(role);
    client::prototypes::setRole(m_client, m_organization, id, role)
        ->then(this, [this, label](const Result<client::Prototype> &answer) {
            if (!answer)
                return emit notify(tr("Unable to update permission to: %1 (%2)").arg(label, answer.error().message), false);
            m_model->replace(*answer);
            emit notify(tr("Permission updated successfully to: %1").arg(label), true);
        });
}

void DefaultPermissionsTab::deletePermission(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QString creator = PrototypeListModel::creatorLabel(m_model->prototype(row));
    client::prototypes::remove(m_client, m_organization, id)->then(this, [this, id, creator](const Result<client::Done> &done) {
        if (!done)
            return emit notify(tr("Unable to delete permission created by: %1 (%2)").arg(creator, done.error().message), false);
        m_model->remove(id);
        if (m_model->rowCount() == 0)
            m_state->showEmpty();
        emit notify(tr("Permission created by: %1 successfully deleted").arg(creator), true);
    });
}

void DefaultPermissionsTab::showRowMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    const QString id = m_model->prototype(m_proxy->mapToSource(index).row()).id;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Delete Permission"), this, [this, id] { deletePermission(id); });
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

void DefaultPermissionsTab::deleteSelected()
{
    QStringList ids;
    QStringList descriptions;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const client::Prototype &prototype = m_model->prototype(m_proxy->mapToSource(index).row());
        ids << prototype.id;
        descriptions << tr("%1 → %2 (%3)").arg(PrototypeListModel::creatorLabel(prototype), prototype.delegate.name,
                                               RepositoryPermissionModel::roleLabel(prototype.role));
    }
    if (ids.isEmpty())
        return;
    auto *confirm = new TypedConfirmDialog(tr("Permanently delete default permissions?"),
                                           tr("This action deletes these default permissions; repositories created "
                                              "before keep their permissions:"),
                                           descriptions, this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, ids, descriptions]() {
        auto *bulk = new BulkOperation(this);
        for (qsizetype i = 0; i < ids.size(); ++i)
            bulk->add(descriptions.at(i), client::prototypes::remove(m_client, m_organization, ids.at(i)));
        connect(bulk, &BulkOperation::finished, this, [this, bulk]() {
            if (bulk->failures().isEmpty())
                emit notify(tr("Successfully deleted default permissions"), true);
            else
                bulk->showFailures(this, tr("Deletion failed"));
            reload();
        });
        bulk->start();
    });
    confirm->open();
}

} // namespace kai::console
