#include "robotpermissionsdialog.h"

#include "client/endpoints/permissions.h"
#include "client/endpoints/robotpermissions.h"
#include "dialogs/grantbatch.h"
#include "widgets/repositorylevelgrid.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

RobotPermissionsDialog::RobotPermissionsDialog(client::ApiClient &client, const client::robots::RobotNamespace &owner,
                                               const QStringList &shortNames, QWidget *parent)
    : QDialog(parent), m_client(client), m_owner(owner), m_organization(owner.name()), m_robots(shortNames),
      m_grid(new RepositoryLevelGrid), m_error(new QLabel), m_save(new QPushButton(tr("Save")))
{
    setObjectName(QStringLiteral("robotPermissionsDialog"));
    setWindowTitle(shortNames.size() == 1
                       ? tr("Set repository permissions for %1").arg(fullName(shortNames.first()))
                       : tr("Set repository permissions for %n robot account(s)", nullptr, int(shortNames.size())));
    resize(680, 480);
    QStringList fullNames;
    for (const QString &name : shortNames)
        fullNames << fullName(name);
    auto *intro = new QLabel(tr("Direct permissions of %1 on the repositories of %2.")
                                 .arg(fullNames.join(QStringLiteral(", ")), m_organization));
    intro->setObjectName(QStringLiteral("permissionsIntro"));
    intro->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("permissionsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_save->setObjectName(QStringLiteral("savePermissionsButton"));
    m_save->setDefault(true);
    m_save->hide();

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &RobotPermissionsDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_grid->model(), &RepositoryLevelModel::choicesChanged, this, [this]() {
        const bool changed = !m_grid->model()->changes().isEmpty();
        m_save->setVisible(changed);
        m_save->setEnabled(changed && !m_batch);
    });
    connect(m_grid, &RepositoryLevelGrid::retryRequested, this, &RobotPermissionsDialog::load);
    load();
}

RobotPermissionsDialog::~RobotPermissionsDialog()
{
    cancelPending();
}

void RobotPermissionsDialog::done(int result)
{
    cancelPending();
    QDialog::done(result);
}

void RobotPermissionsDialog::cancelPending()
{
    for (const QPointer<client::ReplyBase> &reply : std::exchange(m_loads, {})) {
        if (reply)
            reply->cancel();
    }
    delete m_batch.data();
}

void RobotPermissionsDialog::load()
{
    cancelPending();
    m_roles.clear();
    m_grid->showBusy();
    for (const QString &robot : std::as_const(m_robots)) {
        auto *reply = client::robotpermissions::list(m_client, m_owner, robot);
        m_loads << reply;
        reply->then(this, [this, robot](const Result<client::RobotPermissionList> &list) {
            if (!list) {
                cancelPending();
                return m_grid->showError(
                    tr("Could not load the permissions of %1: %2").arg(fullName(robot), list.error().message));
            }
            Roles &roles = m_roles[robot];
            for (const client::RobotRepositoryPermission &permission : list->permissions)
                roles.insert(permission.repository, permission.role);
            if (m_roles.size() == m_robots.size())
                showLoaded();
        });
    }
}

void RobotPermissionsDialog::showLoaded()
{
    m_loads.clear();
    // A repository's row starts at the robots' common level; where they
    // differ it is Mixed.
    QHash<QString, RepositoryLevel> current;
    QSet<QString> repositories;
    for (const Roles &roles : std::as_const(m_roles)) {
        for (auto it = roles.begin(); it != roles.end(); ++it)
            repositories.insert(it.key());
    }
    for (const QString &repository : std::as_const(repositories)) {
        std::optional<RepositoryLevel> common;
        for (const QString &robot : std::as_const(m_robots)) {
            const auto found = m_roles.value(robot).constFind(repository);
            const RepositoryLevel level = found == m_roles.value(robot).constEnd() ? RepositoryLevel::None : levelOfRole(*found);
            common = !common || *common == level ? level : RepositoryLevel::Mixed;
        }
        current.insert(repository, common.value_or(RepositoryLevel::None));
    }
    m_grid->load(m_client, m_organization, current);
}

void RobotPermissionsDialog::save()
{
    const QList<RepositoryLevelModel::Change> changes = m_grid->model()->changes();
    if (changes.isEmpty() || m_batch)
        return;
    m_error->hide();
    m_save->setEnabled(false);
    auto *batch = new GrantBatch(this);
    m_batch = batch;
    const QString group = QStringLiteral("permissions");
    for (const RepositoryLevelModel::Change &change : changes) {
        const std::optional<client::RepositoryRole> target = roleOfLevel(change.to);
        for (const QString &robot : std::as_const(m_robots)) {
            const client::Grantee grantee{client::Grantee::Kind::Robot, fullName(robot)};
            const Roles &roles = m_roles[robot];
            const auto found = roles.constFind(change.repository);
            const bool granted = found != roles.constEnd();
            const QString item = tr("%1 on %2").arg(grantee.name, change.repository);
            if (!target && granted)
                batch->add(group, item, client::permissions::remove(m_client, m_organization, change.repository, grantee));
            else if (target && (!granted || *found != *target))
                batch->add(group, item,
                           client::permissions::set(m_client, m_organization, change.repository, grantee, *target));
        }
    }
    connect(batch, &GrantBatch::finished, this, [this, batch]() {
        m_batch = nullptr;
        batch->deleteLater();
        if (!batch->failed()) {
            emit saved(int(batch->count()));
            accept();
            return;
        }
        m_error->setText(tr("Failed to update repository permission") + u'\n' + batch->failures().join(u'\n'));
        m_error->show();
        load();
    });
    batch->start();
}

} // namespace kai::console
