#pragma once

#include "client/apiclient.h"
#include "client/types/team.h"
#include "dialogs/createteamwizard.h"

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QButtonGroup;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace kai::console {

class LoadStateView;
class OrganizationPeopleModel;
class TeamListModel;

// The "Teams and membership" tab of an organization (console-workflows
// §3.2): a toggle between "Team View" (teams with counts and role; create
// with its wizard, manage members, repository permissions, role, typed
// confirm delete), "Members View" and "Collaborators View" (admins only;
// collaborators can be removed from the organization).
class TeamsTab final : public QWidget
{
    Q_OBJECT

public:
    enum class View { Teams, Members, Collaborators };

    TeamsTab(client::ApiClient &client, QWidget *parent = nullptr);
    ~TeamsTab() override;
    Q_DISABLE_COPY_MOVE(TeamsTab)

    void setOrganization(const QString &organization);
    QString organization() const { return m_organization; }
    void reload();

    void showView(View view);
    View view() const;
    bool isAdmin() const { return m_isAdmin; }

    TeamListModel *teamModel() const { return m_teamModel; }
    OrganizationPeopleModel *memberModel() const { return m_memberModel; }
    OrganizationPeopleModel *collaboratorModel() const { return m_collaboratorModel; }

signals:
    void notify(const QString &text, bool success);
    // The caller may see this tab (organization member or admin), known
    // once the organization answered.
    void visibilityKnown(bool visible);

private:
    struct ListView
    {
        QSortFilterProxyModel *proxy = nullptr;
        QTableView *table = nullptr;
        LoadStateView *state = nullptr;
    };

    ListView makeList(QAbstractItemModel *model, const char *name, int sortRole, const QString &emptySentence);
    void loadPeople();
    void updateFilter();
    void updateActions();
    QList<client::Team> selectedTeams() const;
    QString selectedCollaborator() const;

    void createTeam();
    void openWizard(const client::Team &team);
    void applyPlan(const CreateTeamWizard::Plan &plan);
    void manageMembers();
    void setPermissions();
    void setRole();
    void deleteSelected();
    void removeCollaborator();

    client::ApiClient &m_client;
    QString m_organization;
    bool m_isAdmin = false;
    QPointer<client::ReplyBase> m_teamLoad;
    QPointer<client::ReplyBase> m_memberLoad;
    QPointer<client::ReplyBase> m_collaboratorLoad;
    TeamListModel *m_teamModel;
    OrganizationPeopleModel *m_memberModel;
    OrganizationPeopleModel *m_collaboratorModel;
    ListView m_teams;
    ListView m_members;
    ListView m_collaborators;
    QButtonGroup *m_viewButtons;
    QStackedWidget *m_stack;
    QLineEdit *m_filter;
    QPushButton *m_create;
    QPushButton *m_manage;
    QPushButton *m_permissions;
    QPushButton *m_role;
    QPushButton *m_delete;
    QPushButton *m_removeCollaborator;
};

} // namespace kai::console
