#include "organizationspage.h"

#include "client/endpoints/organizations.h"
#include "client/endpoints/session.h"
#include "client/endpoints/superuser.h"
#include "dialogs/createorganizationdialog.h"
#include "dialogs/createuserdialog.h"
#include "dialogs/typedconfirmdialog.h"
#include "models/organizationlistmodel.h"
#include "pages/bulkoperation.h"
#include "pages/superuserrowactions.h"
#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kai::console {

namespace {
// Superusers page through every organization and user; a bound keeps a
// huge registry from loading forever (100 pages of 100).
constexpr int kMaxPages = 100;
} // namespace

OrganizationsPage::OrganizationsPage(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new OrganizationListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView), m_filter(ListPageKit::searchBox(QStringLiteral("organizationFilter"))),
      m_regex(new QCheckBox(tr("Use regular expressions"))), m_create(new QPushButton(tr("Create Organization"))),
      m_delete(new QPushButton(tr("Delete"))), m_createUser(new QPushButton(tr("Create User"))),
      m_rowSettings(new QToolButton), m_rowActions(new SuperuserRowActions(client, this))
{
    setObjectName(QStringLiteral("organizationsPage"));
    m_proxy->setObjectName(QStringLiteral("organizationProxy"));
    m_table->setObjectName(QStringLiteral("organizationTable"));
    ListPageKit::setUpTable(m_table, m_proxy, m_model, OrganizationListModel::SortRole, OrganizationListModel::NameColumn);
    m_table->sortByColumn(OrganizationListModel::NameColumn, Qt::AscendingOrder);
    m_table->setColumnWidth(OrganizationListModel::NameColumn, 260);
    m_table->setColumnWidth(OrganizationListModel::KindColumn, 120);
    m_table->setColumnWidth(OrganizationListModel::RoleColumn, 160);

    m_regex->setObjectName(QStringLiteral("regexCheck"));
    m_create->setObjectName(QStringLiteral("createOrganizationButton"));
    m_delete->setObjectName(QStringLiteral("deleteOrganizationsButton"));
    m_createUser->setObjectName(QStringLiteral("createUserButton"));
    m_rowSettings->setObjectName(QStringLiteral("rowSettingsButton"));
    m_rowSettings->setText(tr("Settings"));
    m_rowSettings->setToolTip(tr("Superuser actions for the selected row"));
    m_rowSettings->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    m_rowSettings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_rowSettings->setPopupMode(QToolButton::InstantPopup);
    m_rowSettings->setMenu(m_rowActions->menu());
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    QPushButton *refresh = ListPageKit::refreshButton();

    m_state = new LoadStateView(m_table);
    m_state->setEmptyState(tr("Collaborate and share projects across teams"), tr("Create Organization"));

    ListPageKit::layOut(this, tr("Organizations"), {m_filter, m_regex, m_create, m_createUser, m_rowSettings, m_delete, refresh}, m_state);

    connect(m_filter, &QLineEdit::textChanged, this, &OrganizationsPage::updateFilter);
    connect(m_regex, &QCheckBox::toggled, this, &OrganizationsPage::updateFilter);
    connect(m_create, &QPushButton::clicked, this, &OrganizationsPage::createOrganization);
    connect(m_delete, &QPushButton::clicked, this, &OrganizationsPage::deleteSelected);
    connect(refresh, &QPushButton::clicked, this, &OrganizationsPage::reload);
    connect(m_state, &LoadStateView::retryRequested, this, &OrganizationsPage::reload);
    connect(m_state, &LoadStateView::emptyActionTriggered, this, &OrganizationsPage::createOrganization);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OrganizationsPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &OrganizationsPage::updateRowActions);
    connect(m_createUser, &QPushButton::clicked, this, &OrganizationsPage::createUser);
    connect(m_rowActions, &SuperuserRowActions::notify, this, &OrganizationsPage::notify);
    connect(m_rowActions, &SuperuserRowActions::changed, this, &OrganizationsPage::reload);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (!index.isValid())
            return;
        m_table->setCurrentIndex(index);
        if (m_rowActions->hasActions())
            m_rowActions->menu()->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const OrganizationRow &row = m_model->row(m_proxy->mapToSource(index).row());
        if (row.kind == OrganizationRow::Kind::Organization)
            emit organizationActivated(row.name);
        else if (row.name == m_user.username)
            emit ownNamespaceActivated();
    });
    updateActions();
}

OrganizationsPage::~OrganizationsPage()
{
    for (const QPointer<client::ReplyBase> &reply : std::as_const(m_loads)) {
        if (reply)
            reply->cancel();
    }
}

void OrganizationsPage::setUser(const client::CurrentUser &user)
{
    m_user = user;
    updateActions();
}

void OrganizationsPage::track(client::ReplyBase *reply)
{
    reply->setAsksForFreshLogin(m_verification == Verification::Asks);
    m_loads.removeIf([](const QPointer<client::ReplyBase> &r) { return r.isNull(); });
    m_loads.append(reply);
}

void OrganizationsPage::reload()
{
    load(Verification::Asks);
}

void OrganizationsPage::load(Verification verification)
{
    m_verification = verification;
    for (const QPointer<client::ReplyBase> &reply : std::as_const(m_loads)) {
        if (reply)
            reply->cancel();
    }
    m_loads.clear();
    m_model->clear();
    m_state->showBusy();
    auto *reply = client::session::currentUser(m_client);
    track(reply);
    reply->then(this, [this](const Result<client::CurrentUser> &user) {
        if (!user)
            return m_state->showError(tr("Could not load organizations: %1").arg(user.error().message));
        m_user = *user;
        emit userRefreshed(m_user);
        showRowsOf(m_user);
        if (m_user.superUser)
            loadAllOrganizations({}, kMaxPages);
        else
            settle();
    });
}

void OrganizationsPage::showRowsOf(const client::CurrentUser &user)
{
    QList<OrganizationRow> rows;
    OrganizationRow self;
    self.name = user.username;
    self.kind = OrganizationRow::Kind::User;
    self.isYou = true;
    self.isSuperuser = user.superUser;
    self.email = user.email;
    rows << self;
    for (const client::CurrentUser::Membership &m : user.organizations) {
        OrganizationRow org;
        org.name = m.name;
        org.isAdmin = m.isOrgAdmin;
        org.isMember = true;
        rows << org;
    }
    m_model->append(rows);
}

void OrganizationsPage::loadAllOrganizations(const QString &nextPage, int pagesLeft)
{
    auto *reply = client::superuser::organizations(m_client, nextPage);
    track(reply);
    reply->then(this, [this, pagesLeft](const Result<client::OrganizationPage> &page) {
        if (!page) {
            if (page.error().kind == ErrorKind::ApiFreshLoginRequired)
                return allListsFailed(page.error());
            emit notify(tr("Could not load all organizations: %1").arg(page.error().message), false);
            return loadAllUsers({}, kMaxPages);
        }
        QList<OrganizationRow> rows;
        for (const client::OrganizationSummary &o : page->organizations) {
            OrganizationRow row;
            row.name = o.name;
            row.email = o.email;
            rows << row;
        }
        m_model->append(rows);
        if (!page->nextPage.isEmpty() && pagesLeft > 1)
            return loadAllOrganizations(page->nextPage, pagesLeft - 1);
        loadAllUsers({}, kMaxPages);
    });
}

void OrganizationsPage::loadAllUsers(const QString &nextPage, int pagesLeft)
{
    auto *reply = client::superuser::users(m_client, nextPage);
    track(reply);
    reply->then(this, [this, pagesLeft](const Result<client::SuperuserUserPage> &page) {
        if (!page) {
            if (page.error().kind == ErrorKind::ApiFreshLoginRequired)
                return allListsFailed(page.error());
            emit notify(tr("Could not load all users: %1").arg(page.error().message), false);
            return settle();
        }
        QList<OrganizationRow> rows;
        for (const client::SuperuserUser &u : page->users) {
            OrganizationRow row;
            row.name = u.username;
            row.kind = OrganizationRow::Kind::User;
            row.isYou = u.username == m_user.username;
            row.isSuperuser = u.superUser;
            row.disabled = !u.enabled;
            row.email = u.email;
            rows << row;
        }
        m_model->append(rows);
        if (!page->nextPage.isEmpty() && pagesLeft > 1)
            return loadAllUsers(page->nextPage, pagesLeft - 1);
        settle();
    });
}

void OrganizationsPage::allListsFailed(const Error &error)
{
    m_state->showError(tr("Could not load all organizations and users: %1").arg(error.message));
    updateActions();
}

void OrganizationsPage::settle()
{
    bool anyOrganization = false;
    for (int i = 0; i < m_model->rowCount(); ++i)
        anyOrganization = anyOrganization || m_model->row(i).kind == OrganizationRow::Kind::Organization;
    if (anyOrganization || m_user.superUser)
        m_state->showContent();
    else
        m_state->showEmpty();
    updateActions();
}

void OrganizationsPage::updateFilter()
{
    const QString text = m_filter->text();
    // An invalid expression matches nothing, as in Quay.
    m_proxy->setFilterRegularExpression(QRegularExpression(m_regex->isChecked() ? text : QRegularExpression::escape(text),
                                                           QRegularExpression::CaseInsensitiveOption));
}

void OrganizationsPage::updateActions()
{
    m_delete->setEnabled(m_table->selectionModel()->hasSelection());
    m_createUser->setVisible(m_user.canModifyAsSuperuser());
    updateRowActions();
}

void OrganizationsPage::updateRowActions()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    std::optional<OrganizationRow> row;
    if (current.isValid())
        row = m_model->row(m_proxy->mapToSource(current).row());
    m_rowActions->setTarget(row, m_user);
    m_rowSettings->setVisible(m_user.canModifyAsSuperuser());
    m_rowSettings->setEnabled(m_rowActions->hasActions());
}

void OrganizationsPage::createUser()
{
    auto *dialog = new CreateUserDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateUserDialog::created, this, [this](const client::CreatedUser &user) {
        reload();
        auto *shown = new TemporaryPasswordDialog(user, this);
        shown->setAttribute(Qt::WA_DeleteOnClose);
        connect(shown, &QDialog::finished, this, [this] { emit notify(tr("Successfully created user"), true); });
        shown->open();
    });
    dialog->open();
}

void OrganizationsPage::createOrganization()
{
    auto *dialog = new CreateOrganizationDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateOrganizationDialog::created, this, [this](const QString &name) {
        emit notify(tr("Successfully created organization %1").arg(name), true);
        reload();
    });
    dialog->open();
}

void OrganizationsPage::deleteSelected()
{
    QList<OrganizationRow> targets;
    QStringList names;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const OrganizationRow &row = m_model->row(m_proxy->mapToSource(index).row());
        if (row.isYou)
            continue;   // deleting one's own account is a Settings action
        if (row.kind == OrganizationRow::Kind::User && !m_user.canModifyAsSuperuser())
            continue;
        targets << row;
        names << row.name;
    }
    if (targets.isEmpty()) {
        emit notify(tr("Nothing selected that you can delete."), false);
        return;
    }
    auto *confirm = new TypedConfirmDialog(
        tr("Permanently delete organizations?"),
        tr("This action deletes all repositories and cannot be undone. These will be deleted:"), names, this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, targets]() {
        auto *bulk = new BulkOperation(this);
        for (const OrganizationRow &row : targets) {
            client::Reply<client::Done> *reply = nullptr;
            if (row.kind == OrganizationRow::Kind::User)
                reply = client::superuser::removeUser(m_client, row.name);
            else if (row.isAdmin || !m_user.canModifyAsSuperuser())
                reply = client::organizations::remove(m_client, row.name);
            else
                reply = client::superuser::removeOrganization(m_client, row.name);
            bulk->add(row.name, reply);
        }
        connect(bulk, &BulkOperation::finished, this, [this, bulk]() {
            if (bulk->failures().isEmpty())
                emit notify(tr("Successfully deleted %n organization(s)", nullptr, int(bulk->count())), true);
            else
                bulk->showFailures(this, tr("Deletion failed"));
            load(Verification::DoesNotAsk);
        });
        bulk->start();
    });
    confirm->open();
}

} // namespace kai::console
