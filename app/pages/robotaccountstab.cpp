#include "robotaccountstab.h"

#include "client/endpoints/robots.h"
#include "dialogs/createrobotwizard.h"
#include "dialogs/robotpermissionsdialog.h"
#include "dialogs/robotcredentialsdialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/robotlistmodel.h"
#include "pages/bulkoperation.h"
#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>

namespace kai::console {

namespace {

// The expanded form of a robot's row: name, description, teams, repositories.
QString detailsOf(const client::Robot &robot)
{
    const QString none = RobotAccountsTab::tr("None");
    const QString description = robot.description.isEmpty() ? RobotAccountsTab::tr("No description") : robot.description;
    return RobotAccountsTab::tr("<b>%1</b><br>%2<br><b>Teams:</b> %3<br><b>Repositories:</b> %4")
        .arg(robot.name.toHtmlEscaped(), description.toHtmlEscaped(),
             robot.teams.isEmpty() ? none : robot.teams.join(QStringLiteral(", ")).toHtmlEscaped(),
             robot.repositories.isEmpty() ? none : robot.repositories.join(QStringLiteral(", ")).toHtmlEscaped());
}

} // namespace

RobotAccountsTab::RobotAccountsTab(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new RobotListModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView), m_details(new QLabel), m_filter(ListPageKit::searchBox(QStringLiteral("robotFilter"))),
      m_create(new QPushButton(tr("Create robot account"))), m_credentials(new QPushButton(tr("Credentials"))),
      m_delete(new QPushButton(tr("Delete"))), m_permissions(new QPushButton(tr("Set repository permissions"))),
      m_expand(new QPushButton(tr("Expand")))
{
    setObjectName(QStringLiteral("robotAccountsTab"));
    m_proxy->setObjectName(QStringLiteral("robotProxy"));
    m_table->setObjectName(QStringLiteral("robotTable"));
    ListPageKit::setUpTable(m_table, m_proxy, m_model, RobotListModel::SortRole, RobotListModel::NameColumn);
    m_table->sortByColumn(RobotListModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setColumnWidth(RobotListModel::NameColumn, 240);
    m_table->setColumnWidth(RobotListModel::TeamsColumn, 100);
    m_table->setColumnWidth(RobotListModel::RepositoriesColumn, 130);
    m_table->setColumnWidth(RobotListModel::CreatedColumn, 150);
    m_filter->setPlaceholderText(tr("Search by Robot account name..."));
    m_create->setObjectName(QStringLiteral("createRobotButton"));
    m_credentials->setObjectName(QStringLiteral("robotCredentialsButton"));
    m_delete->setObjectName(QStringLiteral("deleteRobotsButton"));
    m_permissions->setObjectName(QStringLiteral("robotPermissionsButton"));
    m_expand->setObjectName(QStringLiteral("expandRobotsButton"));
    m_expand->setCheckable(true);
    m_details->setObjectName(QStringLiteral("robotDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    QPushButton *refresh = ListPageKit::refreshButton();

    // The details area below the table is the desktop form of Quay's
    // expandable rows: description, teams and repositories of the selection,
    // or of every listed robot after "Expand".
    auto *detailsScroll = new QScrollArea;
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(detailsScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 5);
    m_state = new LoadStateView(split);
    m_state->setEmptyState(tr("There are no viewable robot accounts for this organization"), tr("Create robot account"));

    ListPageKit::layOut(this, tr("Robot accounts"), {m_filter, m_create, m_credentials, m_permissions, m_expand, m_delete, refresh}, m_state);

    connect(m_filter, &QLineEdit::textChanged, this, &RobotAccountsTab::updateFilter);
    connect(m_create, &QPushButton::clicked, this, &RobotAccountsTab::createRobot);
    connect(m_credentials, &QPushButton::clicked, this, &RobotAccountsTab::showCredentials);
    connect(m_delete, &QPushButton::clicked, this, &RobotAccountsTab::deleteSelected);
    connect(m_permissions, &QPushButton::clicked, this, &RobotAccountsTab::setPermissions);
    connect(m_expand, &QPushButton::toggled, this, [this](bool expanded) {
        m_expand->setText(expanded ? tr("Collapse") : tr("Expand"));
        updateSelection();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &RobotAccountsTab::updateSelection);
    // Activating a row opens its credentials; on "Repositories", its
    // permissions (Quay's "N repositories" link).
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.column() == RobotListModel::RepositoriesColumn)
            setPermissions();
        else
            showCredentials();
    });
    connect(refresh, &QPushButton::clicked, this, &RobotAccountsTab::reload);
    connect(m_state, &LoadStateView::retryRequested, this, &RobotAccountsTab::reload);
    connect(m_state, &LoadStateView::emptyActionTriggered, this, &RobotAccountsTab::createRobot);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RobotAccountsTab::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RobotAccountsTab::updateSelection);
    updateSelection();
}

RobotAccountsTab::~RobotAccountsTab()
{
    if (m_load)
        m_load->cancel();
}

void RobotAccountsTab::setOrganization(const QString &organization)
{
    m_organization = organization;
    m_userNamespace = false;
    m_filter->clear();
    reload();
}

void RobotAccountsTab::setUserNamespace(const QString &username)
{
    m_organization = username;
    m_userNamespace = true;
    m_filter->clear();
    reload();
}

client::robots::RobotNamespace RobotAccountsTab::owner() const
{
    return m_userNamespace ? client::robots::RobotNamespace::ownUser(m_organization)
                           : client::robots::RobotNamespace(m_organization);
}

void RobotAccountsTab::reload()
{
    if (m_load)
        m_load->cancel();
    m_model->clear();
    if (m_organization.isEmpty())
        return;
    m_state->showBusy();
    auto *reply = client::robots::list(m_client, owner());
    m_load = reply;
    reply->then(this, [this](const Result<client::RobotList> &list) {
        if (!list)
            return m_state->showError(tr("Could not load robot accounts: %1").arg(list.error().message));
        m_model->setRobots(list->robots);
        m_state->showLoaded(list->robots.isEmpty());
    });
}

void RobotAccountsTab::updateFilter()
{
    m_proxy->setFilterRegularExpression(
        ListPageKit::substringFilter(m_filter->text()));
}

QStringList RobotAccountsTab::selectedShortNames() const
{
    QStringList names;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        names << m_model->robot(m_proxy->mapToSource(index).row()).shortName();
    return names;
}

void RobotAccountsTab::updateSelection()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_delete->setEnabled(!rows.isEmpty());
    m_permissions->setEnabled(!rows.isEmpty());
    m_credentials->setEnabled(rows.size() == 1);
    QModelIndexList shown = rows;
    if (m_expand->isChecked()) {
        shown.clear();
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown << m_proxy->index(row, 0);
    }
    if (shown.isEmpty()) {
        m_details->setText(tr("Select a robot account to see its details."));
        return;
    }
    QStringList blocks;
    for (const QModelIndex &index : std::as_const(shown))
        blocks << detailsOf(m_model->robot(m_proxy->mapToSource(index).row()));
    m_details->setText(blocks.join(QStringLiteral("<br><br>")));
}

void RobotAccountsTab::createRobot()
{
    auto *dialog = new CreateRobotWizard(m_client, owner(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateRobotWizard::created, this, [this](const client::Robot &robot) {
        emit notify(tr("Successfully created robot account with robot name: %1").arg(robot.name), true);
        reload();
    });
    dialog->open();
}

void RobotAccountsTab::setPermissions()
{
    const QStringList names = selectedShortNames();
    if (names.isEmpty())
        return;
    auto *dialog = new RobotPermissionsDialog(m_client, owner(), names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RobotPermissionsDialog::saved, this, [this]() {
        emit notify(tr("Successfully updated repository permission"), true);
        reload();
    });
    dialog->open();
}

void RobotAccountsTab::showCredentials()
{
    const QStringList names = selectedShortNames();
    if (names.size() != 1)
        return;
    auto *dialog = new RobotCredentialsDialog(m_client, owner(), names.first(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RobotCredentialsDialog::tokenRegenerated, this, [this](const QString &name) {
        emit notify(tr("Regenerated the token of %1").arg(name), true);
    });
    dialog->open();
}

void RobotAccountsTab::deleteSelected()
{
    const QStringList names = selectedShortNames();
    if (names.isEmpty())
        return;
    QStringList fullNames;
    for (const QString &name : names)
        fullNames << m_organization + u'+' + name;
    auto *confirm = new TypedConfirmDialog(tr("Permanently delete robot accounts?"),
                                           tr("This action deletes the robot accounts with their permissions and "
                                              "cannot be undone. These will be deleted:"),
                                           fullNames, this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, names]() {
        auto *bulk = new BulkOperation(this);
        for (const QString &name : names)
            bulk->add(m_organization + u'+' + name, client::robots::remove(m_client, owner(), name));
        connect(bulk, &BulkOperation::finished, this, [this, bulk]() {
            if (bulk->failures().isEmpty())
                emit notify(tr("Successfully deleted %n robot account(s)", nullptr, int(bulk->count())), true);
            else
                bulk->showFailures(this, tr("Error deleting robot account"));
            reload();
        });
        bulk->start();
    });
    confirm->open();
}

} // namespace kai::console
