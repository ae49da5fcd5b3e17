#pragma once

#include "client/apiclient.h"
#include "client/endpoints/robots.h"
#include "client/types/robot.h"
#include "dialogs/pendingrequest.h"

#include <QPointer>
#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kai::console {

class GrantBatch;
class RepositoryLevelGrid;
class SelectableTable;
class TeamChoiceModel;

// "Create robot account" (console-workflows §3.3.2): for an organization a
// wizard of five steps (name and description; teams; repository levels;
// default permission; review), for the signed-in user's own namespace
// steps 1, 3 and 5. The name is checked before anything is
// sent; "Review and Finish" on the first step skips the optional ones.
// Finishing sends PUT .../robots/{robot}, then together every team
// membership, repository level and the default permission; a refusal of the
// robot itself keeps the wizard open with Quay's message, failures of the
// grants that follow are listed once the robot exists. Closing the wizard
// cancels whatever is in flight and calls nobody back.
//
// Child objectNames: robotNameEdit, robotNameMessage, robotDescriptionEdit,
// robotTeamTable (and robotTeamFilter/Show), newTeamButton, newTeamNameEdit,
// newTeamMessage, addTeamButton, the repository grid's names
// (repositoryLevelTable, ...), defaultPermissionCombo, robotReviewSummary,
// createError; buttons nextButton, backButton, reviewAndFinishButton,
// finishButton, cancelButton.
class CreateRobotWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { NameStep, TeamsStep, RepositoriesStep, DefaultPermissionStep, ReviewStep };

    CreateRobotWizard(client::ApiClient &client, const client::robots::RobotNamespace &owner, QWidget *parent = nullptr);
    ~CreateRobotWizard() override;
    Q_DISABLE_COPY_MOVE(CreateRobotWizard)

    int nextId() const override;
    // Finish: creates the robot, then grants what was chosen.
    void accept() override;
    void done(int result) override;

    TeamChoiceModel *teamModel() const { return m_teams; }
    RepositoryLevelGrid *repositoryGrid() const { return m_grid; }

signals:
    // The robot exists (and every grant was tried).
    void created(const client::Robot &robot);

private:
    QWizardPage *namePage();
    QWizardPage *teamsPage();
    QWizardPage *repositoriesPage();
    QWizardPage *defaultPermissionPage();
    QWizardPage *reviewPage();

    QString shortName() const;
    QString fullName() const { return m_organization + u'+' + shortName(); }
    bool nameAcceptable() const;
    void loadTeams();
    // "Create new team" of the teams step: PUT .../team/{name} at once, then
    // the list again with the new team selected.
    void createTeam();
    void pageChanged(int id);
    void jumpToReview();
    void updateReview();
    void grant(const client::Robot &robot);

    client::ApiClient &m_client;
    client::robots::RobotNamespace m_owner;
    QString m_organization;   // the namespace's name, the part before '+'

    PendingRequest m_pending;
    PendingRequest m_teamCreate;
    QString m_selectAfterLoad;
    QPointer<GrantBatch> m_batch;
    QPointer<client::ReplyBase> m_teamLoad;
    bool m_toReview = false;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QLineEdit *m_description;
    TeamChoiceModel *m_teams;
    SelectableTable *m_teamTable;
    QWidget *m_newTeamPanel;
    QLineEdit *m_newTeamName;
    QLabel *m_newTeamMessage;
    QPushButton *m_addTeam;
    RepositoryLevelGrid *m_grid;
    QLineEdit *m_appliedTo;
    QComboBox *m_defaultPermission;
    QLabel *m_summary;
    QLabel *m_error;
};

} // namespace kai::console
