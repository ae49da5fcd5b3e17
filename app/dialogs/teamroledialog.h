#pragma once

#include "client/apiclient.h"
#include "client/types/team.h"
#include "dialogs/createdialog.h"

class QComboBox;

namespace kai::console {

// "Team role" of one team (console-workflows §3.2): Admin, Member or
// Creator; Save sends PUT .../team/{team} {role} and keeps the
// description. The server's refusal (e.g. demoting the caller's only admin
// team) stays in the dialog.
class TeamRoleDialog final : public CreateDialog
{
    Q_OBJECT

public:
    TeamRoleDialog(client::ApiClient &client, const QString &organization, const client::Team &team,
                   QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TeamRoleDialog)

signals:
    void roleChanged(const client::Team &team);

private:
    void validate() override;
    void submit() override;

    client::ApiClient &m_client;
    QString m_organization;
    client::Team m_team;
    QComboBox *m_role;
};

} // namespace kai::console
