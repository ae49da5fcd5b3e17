#pragma once

#include "client/apiclient.h"
#include "client/types/team.h"
#include "client/types/permission.h"

#include <QStringList>
#include <QWizard>

class QLabel;
class QListWidget;
class QPushButton;

namespace kai::console {

class EntityPicker;
class GrantBatch;
class RepositoryLevelGrid;

// The wizard after "Create team" (console-workflows §3.2): the team exists
// already; these pages choose its repository permissions and members.
// Pages: "Name & Description" (read-only), "Add to repository (optional)",
// "Add team member (optional)", "Review and Finish". Finish hands the
// plan to the owner, which sends it (the wizard may be gone by then).
class CreateTeamWizard final : public QWizard
{
    Q_OBJECT

public:
    struct Grant
    {
        QString repository;
        client::RepositoryRole role = client::RepositoryRole::Read;
    };
    struct Plan
    {
        QString team;
        QList<Grant> repositories;
        QStringList members;   // users and "org+robot"
    };

    CreateTeamWizard(client::ApiClient &client, const QString &organization, const client::Team &team,
                     QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateTeamWizard)

    // What the pages hold now.
    Plan plan() const;

    // Sends a plan: the team's repository permissions ("repositories") and
    // members ("members") together, in a started batch under `parent`;
    // none when the plan grants nothing. Every owner of a wizard sends its
    // plan this way (the teams tab, the entity picker's "Create team").
    static GrantBatch *send(client::ApiClient &client, const QString &organization, const Plan &plan, QObject *parent);
    // "Unable to add members to team" with the batch's failures.
    static void showFailures(const GrantBatch &batch, QWidget *parent);

signals:
    void planned(const CreateTeamWizard::Plan &plan);

private:
    QWizardPage *namePage(const client::Team &team);
    QWizardPage *repositoryPage();
    QWizardPage *memberPage();
    QWizardPage *reviewPage();
    void addChosenMember();
    void updateReview();

    QString m_organization;
    QString m_team;
    QString m_description;
    RepositoryLevelGrid *m_grid;
    EntityPicker *m_picker;
    QPushButton *m_addMember;
    QListWidget *m_members;
    QLabel *m_review;
};

} // namespace kai::console
