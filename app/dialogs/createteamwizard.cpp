#include "createteamwizard.h"

#include "client/endpoints/permissions.h"
#include "client/endpoints/teams.h"
#include "dialogs/grantbatch.h"
#include "widgets/entitypicker.h"
#include "widgets/repositorylevelgrid.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

namespace {

enum PageId { NamePage, RepositoryPage, MemberPage, ReviewPage };

QWizardPage *titledPage(const QString &title, QLayout *layout)
{
    auto *page = new QWizardPage;
    page->setTitle(title);
    page->setLayout(layout);
    return page;
}

} // namespace

CreateTeamWizard::CreateTeamWizard(client::ApiClient &client, const QString &organization, const client::Team &team,
                                   QWidget *parent)
    : QWizard(parent), m_organization(organization), m_team(team.name), m_description(team.description),
      m_grid(new RepositoryLevelGrid), m_picker(new EntityPicker(client)),
      m_addMember(new QPushButton(tr("Add"))), m_members(new QListWidget), m_review(new QLabel)
{
    setObjectName(QStringLiteral("createTeamWizard"));
    setWindowTitle(tr("Create team"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("Review and Finish"));
    resize(640, 480);
    setPage(NamePage, namePage(team));
    setPage(RepositoryPage, repositoryPage());
    setPage(MemberPage, memberPage());
    setPage(ReviewPage, reviewPage());
    m_grid->load(client, organization);
    connect(m_grid, &RepositoryLevelGrid::retryRequested, this,
            [this, &client]() { m_grid->load(client, m_organization); });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ReviewPage)
            updateReview();
    });
    connect(this, &QDialog::accepted, this, [this]() { emit planned(plan()); });
}

QWizardPage *CreateTeamWizard::namePage(const client::Team &team)
{
    auto *form = new QFormLayout;
    auto *name = new QLabel(team.name);
    name->setObjectName(QStringLiteral("wizardTeamName"));
    auto *description = new QLabel(team.description.isEmpty() ? tr("No description") : team.description);
    description->setWordWrap(true);
    form->addRow(tr("Team name:"), name);
    form->addRow(tr("Description:"), description);
    return titledPage(tr("Name & Description"), form);
}

QWizardPage *CreateTeamWizard::repositoryPage()
{
    auto *layout = new QVBoxLayout;
    layout->addWidget(m_grid);
    return titledPage(tr("Add to repository (optional)"), layout);
}

QWizardPage *CreateTeamWizard::memberPage()
{
    m_picker->setObjectName(QStringLiteral("wizardMemberPicker"));
    m_picker->setNamespace(m_organization);
    m_addMember->setObjectName(QStringLiteral("wizardAddMemberButton"));
    m_addMember->setEnabled(false);
    m_members->setObjectName(QStringLiteral("wizardMemberList"));
    auto *remove = new QPushButton(tr("Remove"));
    remove->setObjectName(QStringLiteral("wizardRemoveMemberButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_picker, 1);
    row->addWidget(m_addMember);
    auto *layout = new QVBoxLayout;
    layout->addWidget(new QLabel(tr("Add a registered user or robot to the team:")));
    layout->addLayout(row);
    layout->addWidget(m_members, 1);
    layout->addWidget(remove, 0, Qt::AlignRight);
    connect(m_picker, &EntityPicker::entityChanged, this,
            [this]() { m_addMember->setEnabled(m_picker->entity().has_value()); });
    connect(m_addMember, &QPushButton::clicked, this, &CreateTeamWizard::addChosenMember);
    connect(remove, &QPushButton::clicked, this, [this]() { delete m_members->currentItem(); });
    return titledPage(tr("Add team member (optional)"), layout);
}

QWizardPage *CreateTeamWizard::reviewPage()
{
    m_review->setObjectName(QStringLiteral("wizardReview"));
    m_review->setWordWrap(true);
    m_review->setTextFormat(Qt::PlainText);
    m_review->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout;
    layout->addWidget(m_review, 1);
    return titledPage(tr("Review and Finish"), layout);
}

void CreateTeamWizard::addChosenMember()
{
    const std::optional<client::Entity> entity = m_picker->entity();
    if (!entity)
        return;
    m_picker->clear();
    if (!m_members->findItems(entity->name, Qt::MatchExactly).isEmpty())
        return;
    auto *item = new QListWidgetItem(entity->name, m_members);
    item->setToolTip(entity->isRobot ? tr("Robot account") : tr("Team member"));
}

CreateTeamWizard::Plan CreateTeamWizard::plan() const
{
    Plan plan{m_team, {}, {}};
    for (const RepositoryLevelModel::Change &change : m_grid->model()->changes()) {
        if (const std::optional<client::RepositoryRole> role = roleOfLevel(change.to))
            plan.repositories.append(Grant{change.repository, *role});
    }
    for (int i = 0; i < m_members->count(); ++i)
        plan.members << m_members->item(i)->text();
    return plan;
}

void CreateTeamWizard::updateReview()
{
    const Plan current = plan();
    QStringList repositories;
    for (const Grant &grant : current.repositories)
        repositories << QStringLiteral("%1 (%2)").arg(grant.repository,
                                                     RepositoryLevelModel::label(levelOfRole(grant.role)));
    const QString none = tr("None");
    m_review->setText(tr("Team name: %1\nDescription: %2\nRepositories: %3\nMembers: %4")
                          .arg(m_team, m_description.isEmpty() ? none : m_description,
                               repositories.isEmpty() ? none : repositories.join(QStringLiteral(", ")),
                               current.members.isEmpty() ? none : current.members.join(QStringLiteral(", "))));
}

GrantBatch *CreateTeamWizard::send(client::ApiClient &client, const QString &organization, const Plan &plan,
                                   QObject *parent)
{
    if (plan.repositories.isEmpty() && plan.members.isEmpty())
        return nullptr;
    const client::Grantee team{client::Grantee::Kind::Team, plan.team};
    auto *batch = new GrantBatch(parent);
    for (const Grant &grant : plan.repositories) {
        batch->add(QStringLiteral("repositories"), grant.repository,
                   client::permissions::set(client, organization, grant.repository, team, grant.role));
    }
    for (const QString &member : plan.members)
        batch->add(QStringLiteral("members"), member, client::teams::addMember(client, organization, plan.team, member));
    batch->start();
    return batch;
}

void CreateTeamWizard::showFailures(const GrantBatch &batch, QWidget *parent)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Unable to add members to team"), batch.failures().join(u'\n'),
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("teamPlanFailures"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace kai::console
