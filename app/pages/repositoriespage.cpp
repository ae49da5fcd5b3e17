#include "repositoriespage.h"

#include "client/endpoints/repositories.h"
#include "dialogs/createrepositorydialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/repositorylistmodel.h"
#include "pages/bulkoperation.h"
#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kai::console {

RepositoriesPage::RepositoriesPage(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new RepositoryListModel(client, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView), m_filter(ListPageKit::searchBox(QStringLiteral("repositoryFilter"))),
      m_create(new QPushButton(tr("Create Repository"))), m_delete(new QPushButton(tr("Delete")))
{
    setObjectName(QStringLiteral("repositoriesPage"));
    m_proxy->setObjectName(QStringLiteral("repositoryProxy"));
    m_table->setObjectName(QStringLiteral("repositoryTable"));
    ListPageKit::setUpTable(m_table, m_proxy, m_model, RepositoryListModel::SortRole, RepositoryListModel::NameColumn);
    m_table->sortByColumn(RepositoryListModel::LastModifiedColumn, Qt::DescendingOrder);
    m_table->setColumnWidth(RepositoryListModel::NameColumn, 300);
    m_table->setColumnWidth(RepositoryListModel::VisibilityColumn, 100);
    m_table->setColumnWidth(RepositoryListModel::LastModifiedColumn, 160);

    m_create->setObjectName(QStringLiteral("createRepositoryButton"));
    m_delete->setObjectName(QStringLiteral("deleteRepositoriesButton"));
    QPushButton *refresh = ListPageKit::refreshButton();

    m_state = new LoadStateView(m_table);
    m_state->setEmptyState(tr("There are no viewable repositories"), tr("Create Repository"));

    ListPageKit::layOut(this, tr("Repositories"), {m_filter, m_create, m_delete, refresh}, m_state);

    connect(m_filter, &QLineEdit::textChanged, this, &RepositoriesPage::updateFilter);
    connect(m_create, &QPushButton::clicked, this, &RepositoriesPage::createRepository);
    connect(m_delete, &QPushButton::clicked, this, &RepositoriesPage::deleteSelected);
    connect(refresh, &QPushButton::clicked, this, &RepositoriesPage::reload);
    connect(m_state, &LoadStateView::retryRequested, this, &RepositoriesPage::retry);
    connect(m_state, &LoadStateView::emptyActionTriggered, this, &RepositoriesPage::createRepository);
    connect(m_model, &RepositoryListModel::pageArrived, this, &RepositoriesPage::pageArrived);
    connect(m_model, &RepositoryListModel::pageFailed, this, &RepositoriesPage::pageFailed);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RepositoriesPage::updateActions);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const client::RepositorySummary &repo = m_model->repository(m_proxy->mapToSource(index).row());
        emit repositoryActivated(repo.namespaceName, repo.name);
    });
    updateActions();
}

void RepositoriesPage::setUser(const client::CurrentUser &user) { m_user = user; }

void RepositoriesPage::setNamespace(const QString &namespaceName)
{
    m_namespace = namespaceName;
    m_filter->clear();
}

void RepositoriesPage::reload()
{
    QStringList namespaces{m_namespace};
    if (m_namespace.isEmpty()) {
        namespaces = QStringList{m_user.username};
        for (const client::CurrentUser::Membership &m : m_user.organizations)
            namespaces << m.name;
    }
    m_state->showBusy();
    m_model->load(namespaces, m_namespace.isEmpty());
}

void RepositoriesPage::pageArrived(bool complete)
{
    if (m_model->rowCount() > 0)
        m_state->showContent();
    else if (complete)
        m_state->showEmpty();
    updateActions();
}

void RepositoriesPage::pageFailed(const QString &message)
{
    const QString text = tr("Could not load repositories: %1").arg(message);
    if (m_model->rowCount() == 0)
        m_state->showError(text);
    else
        emit notify(text, false);
}

void RepositoriesPage::retry()
{
    if (m_model->rowCount() == 0 && m_model->pagesFetched() == 0)
        return reload();
    m_state->showBusy();
    m_model->retryFailedPage();
}

void RepositoriesPage::updateFilter()
{
    m_proxy->setFilterRegularExpression(
        ListPageKit::substringFilter(m_filter->text()));
}

void RepositoriesPage::updateActions()
{
    m_delete->setEnabled(m_table->selectionModel()->hasSelection());
}

void RepositoriesPage::createRepository()
{
    const QStringList targets = m_namespace.isEmpty() ? m_user.repositoryNamespaces() : QStringList{m_namespace};
    auto *dialog = new CreateRepositoryDialog(m_client, targets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateRepositoryDialog::created, this, [this](const QString &fullName) {
        emit notify(tr("Successfully created repository %1").arg(fullName), true);
        reload();
    });
    dialog->open();
}

void RepositoriesPage::deleteSelected()
{
    QList<client::RepositorySummary> targets;
    QStringList names;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const client::RepositorySummary &repo = m_model->repository(m_proxy->mapToSource(index).row());
        targets << repo;
        names << repo.fullName();
    }
    if (targets.isEmpty())
        return;
    auto *confirm = new TypedConfirmDialog(tr("Permanently delete repositories?"),
                                           tr("This action deletes the repositories with all their tags and cannot be undone:"),
                                           names, this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, targets]() {
        auto *bulk = new BulkOperation(this);
        for (const client::RepositorySummary &repo : targets)
            bulk->add(repo.fullName(), client::repositories::remove(m_client, repo.namespaceName, repo.name));
        connect(bulk, &BulkOperation::finished, this, [this, bulk]() {
            if (bulk->failures().isEmpty())
                emit notify(tr("Successfully deleted %n repository(ies)", nullptr, int(bulk->count())), true);
            else
                bulk->showFailures(this, tr("Repository deletion failed"));
            reload();
        });
        bulk->start();
    });
    confirm->open();
}

} // namespace kai::console
