#include "createrobotwizard.h"

#include "client/endpoints/permissions.h"
#include "client/endpoints/prototypes.h"
#include "client/endpoints/robots.h"
#include "client/endpoints/teams.h"
#include "dialogs/grantbatch.h"
#include "models/teamchoicemodel.h"
#include "validation/robotnamerule.h"
#include "widgets/loadstateview.h"
#include "widgets/repositorylevelgrid.h"
#include "widgets/selectabletable.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <functional>

namespace kai::console {

namespace {

constexpr int kMaxDescription = 255;

// A step whose Next (and Finish) wait for `complete`.
class CheckedPage final : public QWizardPage
{
public:
    explicit CheckedPage(std::function<bool()> complete) : m_complete(std::move(complete)) {}
    bool isComplete() const override { return m_complete(); }
    void recheck() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

const QString kTeams = QStringLiteral("teams");
const QString kRepositories = QStringLiteral("repositories");
const QString kDefaults = QStringLiteral("defaults");

} // namespace

CreateRobotWizard::CreateRobotWizard(client::ApiClient &client, const client::robots::RobotNamespace &owner,
                                     QWidget *parent)
    : QWizard(parent), m_client(client), m_owner(owner), m_organization(owner.name()), m_name(new QLineEdit),
      m_nameMessage(new QLabel), m_description(new QLineEdit), m_teams(new TeamChoiceModel(this)),
      m_teamTable(new SelectableTable(QStringLiteral("robotTeam"), m_teams, TeamChoiceModel::NameColumn,
                                      TeamChoiceModel::SortRole)),
      m_newTeamPanel(new QWidget), m_newTeamName(new QLineEdit), m_newTeamMessage(new QLabel),
      m_addTeam(new QPushButton(tr("Create team"))), m_grid(new RepositoryLevelGrid), m_appliedTo(new QLineEdit), m_defaultPermission(new QComboBox),
      m_summary(new QLabel), m_error(new QLabel)
{
    setObjectName(QStringLiteral("createRobotWizard"));
    setWindowTitle(tr("Create robot account (%1)").arg(m_organization));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::CustomButton1, tr("Review and Finish"));
    setButtonText(QWizard::FinishButton, tr("Review and Finish"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("nextButton"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("backButton"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("reviewAndFinishButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("finishButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("cancelButton"));
    resize(720, 520);

    setPage(NameStep, namePage());
    setPage(TeamsStep, teamsPage());
    setPage(RepositoriesStep, repositoriesPage());
    setPage(DefaultPermissionStep, defaultPermissionPage());
    setPage(ReviewStep, reviewPage());
    setStartId(NameStep);

    connect(this, &QWizard::currentIdChanged, this, &CreateRobotWizard::pageChanged);
    connect(this, &QWizard::customButtonClicked, this, &CreateRobotWizard::jumpToReview);
    connect(m_grid, &RepositoryLevelGrid::retryRequested, this, [this]() { m_grid->load(m_client, m_organization); });
    connect(m_teamTable->state(), &LoadStateView::retryRequested, this, &CreateRobotWizard::loadTeams);
    if (!m_owner.isUser())
        loadTeams();
    m_grid->load(m_client, m_organization);
    pageChanged(NameStep);
    m_name->setFocus();
}

CreateRobotWizard::~CreateRobotWizard()
{
    if (m_teamLoad)
        m_teamLoad->cancel();
}

QWizardPage *CreateRobotWizard::namePage()
{
    auto *page = new CheckedPage([this]() { return nameAcceptable() && !m_pending.isActive(); });
    page->setTitle(tr("Robot name and description"));
    m_name->setObjectName(QStringLiteral("robotNameEdit"));
    m_nameMessage->setObjectName(QStringLiteral("robotNameMessage"));
    m_nameMessage->setWordWrap(true);
    m_nameMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_description->setObjectName(QStringLiteral("robotDescriptionEdit"));
    m_description->setMaxLength(kMaxDescription);

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(m_organization + u'+'));
    nameRow->addWidget(m_name, 1);
    auto *form = new QFormLayout(page);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->addRow(tr("Provide a name for your robot account:"), nameRow);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Provide an optional description for your new robot:"), m_description);
    connect(m_name, &QLineEdit::textChanged, this, [this, page](const QString &name) {
        m_nameMessage->setText(name.isEmpty() ? QString() : RobotNameRule::check(name));
        page->recheck();
        button(QWizard::CustomButton1)->setEnabled(nameAcceptable());
    });
    return page;
}

QWizardPage *CreateRobotWizard::teamsPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Add to team (optional)"));
    page->setSubTitle(tr("The robot account gets the repository permissions of every team it joins."));
    m_teamTable->setFilterPlaceholder(tr("Search by Team name..."));
    m_teamTable->state()->setEmptyState(tr("This organization has no teams."), QString());
    m_teamTable->table()->setColumnWidth(TeamChoiceModel::NameColumn, 220);

    auto *newTeam = new QPushButton(tr("Create new team"));
    newTeam->setObjectName(QStringLiteral("newTeamButton"));
    m_teamTable->addToolbarWidget(newTeam);
    m_newTeamName->setObjectName(QStringLiteral("newTeamNameEdit"));
    m_newTeamName->setPlaceholderText(tr("Team name"));
    m_newTeamMessage->setObjectName(QStringLiteral("newTeamMessage"));
    m_newTeamMessage->setWordWrap(true);
    m_newTeamMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_addTeam->setObjectName(QStringLiteral("addTeamButton"));
    m_addTeam->setEnabled(false);
    auto *panel = new QFormLayout(m_newTeamPanel);
    auto *row = new QHBoxLayout;
    row->addWidget(m_newTeamName, 1);
    row->addWidget(m_addTeam);
    panel->addRow(tr("Create new team:"), row);
    panel->addRow(QString(), m_newTeamMessage);
    m_newTeamPanel->hide();

    connect(newTeam, &QPushButton::clicked, this, [this]() {
        m_newTeamPanel->show();
        m_newTeamName->setFocus();
    });
    // A new team's name follows the robot name rule (§3.3.2 step 2).
    connect(m_newTeamName, &QLineEdit::textChanged, this, [this](const QString &name) {
        const QString problem = RobotNameRule::check(name);
        m_newTeamMessage->setText(name.isEmpty() ? QString() : problem);
        m_addTeam->setEnabled(!name.isEmpty() && problem.isEmpty() && !m_teamCreate.isActive());
    });
    connect(m_newTeamName, &QLineEdit::returnPressed, this, &CreateRobotWizard::createTeam);
    connect(m_addTeam, &QPushButton::clicked, this, &CreateRobotWizard::createTeam);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_teamTable, 1);
    layout->addWidget(m_newTeamPanel);
    return page;
}

QWizardPage *CreateRobotWizard::repositoriesPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Add to repository (optional)"));
    page->setSubTitle(tr("Pick a level for each repository the robot account may use; picking one selects the row."));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_grid);
    return page;
}

QWizardPage *CreateRobotWizard::defaultPermissionPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Default permissions (optional)"));
    auto *intro = new QLabel(tr("A default permission grants the robot account this level on every repository "
                                "created in the organization from now on. Existing repositories are not changed."));
    intro->setWordWrap(true);
    m_appliedTo->setObjectName(QStringLiteral("defaultPermissionAppliedTo"));
    m_appliedTo->setReadOnly(true);
    m_defaultPermission->setObjectName(QStringLiteral("defaultPermissionCombo"));
    for (RepositoryLevel level : {RepositoryLevel::None, RepositoryLevel::Read, RepositoryLevel::Write, RepositoryLevel::Admin})
        m_defaultPermission->addItem(RepositoryLevelModel::label(level), int(level));
    auto *form = new QFormLayout;
    form->addRow(tr("Applied To"), m_appliedTo);
    form->addRow(tr("Permission"), m_defaultPermission);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch();
    return page;
}

QWizardPage *CreateRobotWizard::reviewPage()
{
    auto *page = new CheckedPage([this]() { return nameAcceptable() && !m_pending.isActive() && !m_batch; });
    page->setTitle(tr("Review and Finish"));
    m_summary->setObjectName(QStringLiteral("robotReviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_error->setObjectName(QStringLiteral("createError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_error);
    return page;
}

QString CreateRobotWizard::shortName() const
{
    return m_name->text();
}

bool CreateRobotWizard::nameAcceptable() const
{
    return !shortName().isEmpty() && RobotNameRule::check(shortName()).isEmpty();
}

void CreateRobotWizard::loadTeams()
{
    if (m_teamLoad)
        m_teamLoad->cancel();
    m_teamTable->state()->showBusy();
    auto *reply = client::teams::list(m_client, m_organization);
    m_teamLoad = reply;
    reply->then(this, [this](const Result<client::TeamList> &list) {
        if (!list)
            return m_teamTable->state()->showError(tr("Could not load the teams: %1").arg(list.error().message));
        m_teams->setTeams(list->teams);
        if (const int row = m_teams->rowOf(std::exchange(m_selectAfterLoad, {})); row >= 0)
            m_teams->setData(m_teams->index(row, TeamChoiceModel::SelectColumn), Qt::Checked, Qt::CheckStateRole);
        m_teamTable->state()->showLoaded(list->teams.isEmpty());
    });
}

void CreateRobotWizard::createTeam()
{
    const QString name = m_newTeamName->text();
    if (name.isEmpty() || !RobotNameRule::check(name).isEmpty() || m_teamCreate.isActive())
        return;
    auto *reply = client::teams::put(m_client, m_organization, name, client::TeamRole::Member);
    m_teamCreate.start(reply);
    m_addTeam->setEnabled(false);
    reply->then(this, [this, name](const Result<client::Team> &team) {
        m_teamCreate.finish();
        m_addTeam->setEnabled(true);
        if (!team) {
            m_newTeamMessage->setText(tr("Failed to create new team: %1").arg(team.error().message));
            return;
        }
        m_newTeamName->clear();
        m_newTeamPanel->hide();
        m_selectAfterLoad = name;
        loadTeams();
    });
}

int CreateRobotWizard::nextId() const
{
    if (m_toReview && currentId() != ReviewStep)
        return ReviewStep;
    // Teams and default permissions exist only in organizations.
    int next = QWizard::nextId();
    while (m_owner.isUser() && (next == TeamsStep || next == DefaultPermissionStep))
        ++next;
    return next;
}

void CreateRobotWizard::pageChanged(int id)
{
    m_toReview = false;
    // "Review and Finish" skips ahead from the first step; on the last it is
    // the Finish button itself.
    QList<QWizard::WizardButton> layout{QWizard::Stretch, QWizard::BackButton, QWizard::NextButton};
    if (id == NameStep)
        layout << QWizard::CustomButton1;
    layout << QWizard::FinishButton << QWizard::CancelButton;
    setButtonLayout(layout);
    button(QWizard::CustomButton1)->setEnabled(nameAcceptable());
    if (id == DefaultPermissionStep)
        m_appliedTo->setText(fullName());
    if (id == ReviewStep)
        updateReview();
}

void CreateRobotWizard::jumpToReview()
{
    if (!nameAcceptable())
        return;
    m_toReview = true;
    next();
}

void CreateRobotWizard::updateReview()
{
    const QString none = tr("None");
    QStringList repositories;
    for (const RepositoryLevelModel::Change &change : m_grid->model()->changes()) {
        if (roleOfLevel(change.to))
            repositories << tr("%1 (%2)").arg(change.repository, RepositoryLevelModel::label(change.to));
    }
    const QStringList teams = m_teams->chosenTeams();
    const auto level = RepositoryLevel(m_defaultPermission->currentData().toInt());
    const QString description = m_description->text().isEmpty() ? tr("No description") : m_description->text();
    m_summary->setText(
        tr("<b>Robot account:</b> %1<br><b>Description:</b> %2<br><b>Teams:</b> %3<br><b>Repositories:</b> %4"
           "<br><b>Default permission:</b> %5")
            .arg(fullName().toHtmlEscaped(), description.toHtmlEscaped(),
                 teams.isEmpty() ? none : teams.join(QStringLiteral(", ")).toHtmlEscaped(),
                 repositories.isEmpty() ? none : repositories.join(QStringLiteral(", ")).toHtmlEscaped(),
                 RepositoryLevelModel::label(level)));
}

void CreateRobotWizard::accept()
{
    if (!nameAcceptable() || m_pending.isActive() || m_batch)
        return;
    m_error->hide();
    auto *reply = client::robots::create(m_client, m_owner, shortName(), m_description->text());
    m_pending.start(reply);
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    reply->then(this, [this](const Result<client::Robot> &robot) {
        m_pending.finish();
        if (!robot) {
            m_error->setText(tr("Unable to create robot account: %1").arg(robot.error().message));
            m_error->show();
            button(QWizard::FinishButton)->setEnabled(true);
            button(QWizard::BackButton)->setEnabled(true);
            return;
        }
        grant(*robot);
    });
}

void CreateRobotWizard::grant(const client::Robot &robot)
{
    auto *batch = new GrantBatch(this);
    m_batch = batch;
    for (const QString &team : m_teams->chosenTeams())
        batch->add(kTeams, team, client::teams::addMember(m_client, m_organization, team, robot.name));
    const client::Grantee grantee{client::Grantee::Kind::Robot, robot.name};
    for (const RepositoryLevelModel::Change &change : m_grid->model()->changes()) {
        if (const std::optional<client::RepositoryRole> role = roleOfLevel(change.to))
            batch->add(kRepositories, change.repository,
                       client::permissions::set(m_client, m_organization, change.repository, grantee, *role));
    }
    if (const auto role = roleOfLevel(RepositoryLevel(m_defaultPermission->currentData().toInt()))) {
        client::Entity delegate;
        delegate.name = robot.name;
        delegate.kind = client::Entity::Kind::User;
        delegate.isRobot = true;
        batch->add(kDefaults, robot.name,
                   client::prototypes::create(m_client, m_organization, delegate, *role, std::nullopt));
    }
    connect(batch, &GrantBatch::finished, this, [this, batch, robot]() {
        m_batch = nullptr;
        batch->deleteLater();
        if (batch->failed()) {
            QStringList lines;
            if (batch->failedIn(kRepositories))
                lines << tr("Error updating repository permissions for the robot account");
            if (batch->failedIn(kTeams))
                lines << tr("Error updating teams for the robot account");
            if (batch->failedIn(kDefaults))
                lines << tr("Error updating default permissions for the robot account");
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Robot account %1 created").arg(robot.name),
                                        (lines + batch->failures()).join(u'\n'), QMessageBox::Ok, parentWidget());
            box->setObjectName(QStringLiteral("robotGrantFailures"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        emit created(robot);
        QWizard::accept();
    });
    batch->start();
}

void CreateRobotWizard::done(int result)
{
    m_pending.cancel();
    m_teamCreate.cancel();
    if (m_teamLoad)
        m_teamLoad->cancel();
    // The batch's calls die with it, and nobody is called back.
    delete m_batch.data();
    QWizard::done(result);
}

} // namespace kai::console
