#include "teampermissionsdialog.h"

#include "client/endpoints/permissions.h"
#include "client/endpoints/teams.h"
#include "dialogs/grantbatch.h"
#include "widgets/repositorylevelgrid.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

TeamPermissionsDialog::TeamPermissionsDialog(client::ApiClient &client, const QString &organization,
                                             const QString &team, QWidget *parent)
    : QDialog(parent), m_client(client), m_organization(organization), m_team(team), m_grid(new RepositoryLevelGrid),
      m_error(new QLabel), m_update(new QPushButton(tr("Update")))
{
    setObjectName(QStringLiteral("teamPermissionsDialog"));
    setWindowTitle(tr("Set repository permissions for %1").arg(team));
    resize(680, 440);
    m_error->setObjectName(QStringLiteral("teamPermissionsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_error->hide();
    m_update->setObjectName(QStringLiteral("updatePermissionsButton"));
    m_update->setDefault(true);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_update, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_update, &QPushButton::clicked, this, &TeamPermissionsDialog::update);
    connect(m_grid->model(), &RepositoryLevelModel::choicesChanged, this, &TeamPermissionsDialog::updateButton);
    connect(m_grid, &RepositoryLevelGrid::loaded, this, [this]() {
        m_loaded = true;
        updateButton();
    });
    connect(m_grid, &RepositoryLevelGrid::retryRequested, this, &TeamPermissionsDialog::load);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    load();
    updateButton();
}

TeamPermissionsDialog::~TeamPermissionsDialog() = default;

void TeamPermissionsDialog::done(int result)
{
    m_load.cancel();
    delete m_saving;
    QDialog::done(result);
}

// The team's grants first, then the grid joins them with the repositories.
void TeamPermissionsDialog::load()
{
    m_loaded = false;
    m_grid->showBusy();
    auto *reply = client::teams::permissions(m_client, m_organization, m_team);
    m_load.start(reply);
    reply->then(this, [this](const Result<client::TeamPermissionList> &list) {
        m_load.finish();
        if (!list)
            return m_grid->showError(tr("Could not load the permissions of %1: %2").arg(m_team, list.error().message));
        QHash<QString, RepositoryLevel> levels;
        for (const client::TeamRepositoryPermission &permission : list->permissions)
            levels.insert(permission.repository, levelOfRole(permission.role));
        m_grid->load(m_client, m_organization, levels);
    });
}

void TeamPermissionsDialog::updateButton()
{
    m_update->setEnabled(m_loaded && !m_saving && !m_grid->model()->changes().isEmpty());
}

void TeamPermissionsDialog::update()
{
    const QList<RepositoryLevelModel::Change> changes = m_grid->model()->changes();
    if (changes.isEmpty() || m_saving)
        return;
    m_error->hide();
    const client::Grantee team{client::Grantee::Kind::Team, m_team};
    auto *batch = new GrantBatch(this);
    for (const RepositoryLevelModel::Change &change : changes) {
        const std::optional<client::RepositoryRole> role = roleOfLevel(change.to);
        if (change.to == RepositoryLevel::Mixed)
            continue;
        batch->add(QStringLiteral("repositories"), change.repository,
                   role ? client::permissions::set(m_client, m_organization, change.repository, team, *role)
                        : client::permissions::remove(m_client, m_organization, change.repository, team));
    }
    m_saving = batch;
    connect(batch, &GrantBatch::finished, this, [this, batch]() {
        m_saving = nullptr;
        batch->deleteLater();
        if (!batch->failed()) {
            emit updated(m_team);
            accept();
            return;
        }
        m_error->setText(tr("Could not update repo permissions") + u'\n' + batch->failures().join(u'\n'));
        m_error->show();
        // The grid shows again what the server holds now.
        load();
    });
    batch->start();
    updateButton();
}

} // namespace kai::console
