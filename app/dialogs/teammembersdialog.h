#pragma once

#include "client/apiclient.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kai::console {

class EntityPicker;
class LoadStateView;
class TeamMemberModel;

// "Manage team members" of one team (console-workflows §3.2 team page and
// "Add team member" drawer): its users, robots and pending invites; add a
// user or robot chosen in the entity picker, invite by e-mail, remove the
// selected one after "Are you sure you want to delete X ?". Every change is
// sent at once and the list reloaded; the server's refusal is shown in the
// dialog.
class TeamMembersDialog final : public QDialog
{
    Q_OBJECT

public:
    TeamMembersDialog(client::ApiClient &client, const QString &organization, const QString &team,
                      QWidget *parent = nullptr);
    ~TeamMembersDialog() override;
    Q_DISABLE_COPY_MOVE(TeamMembersDialog)

    TeamMemberModel *model() const { return m_model; }
    void done(int result) override;

signals:
    // A member was added, invited or removed (the team's counts changed).
    void membersChanged(const QString &message);

private:
    void reload();
    void addMember();
    void invite();
    void removeSelected();
    void updateButtons();
    // Sends a change; on success reports `success` and reloads.
    void sendChange(client::Reply<client::Done> *reply, const QString &success, const QString &failure);

    client::ApiClient &m_client;
    QString m_organization;
    QString m_team;
    PendingRequest m_load;
    PendingRequest m_change;
    TeamMemberModel *m_model;
    QTableView *m_table;
    LoadStateView *m_state;
    EntityPicker *m_picker;
    QPushButton *m_add;
    QLineEdit *m_email;
    QPushButton *m_invite;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace kai::console
