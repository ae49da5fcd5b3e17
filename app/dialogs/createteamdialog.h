#pragma once

#include "client/apiclient.h"
#include "client/types/team.h"
#include "dialogs/createdialog.h"

#include <QStringList>

class QLabel;
class QLineEdit;

namespace kai::console {

// "Create team" (console-workflows §3.2): a name checked against Quay's
// team name rule and the organization's existing teams, and an optional
// description. "Proceed" creates the team at once (role member); the
// wizard for its repositories and members follows.
class CreateTeamDialog final : public CreateDialog
{
    Q_OBJECT

public:
    CreateTeamDialog(client::ApiClient &client, const QString &organization, const QStringList &existingTeams,
                     QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateTeamDialog)

    // Empty when `name` may be a new team's name, else the reason.
    static QString nameProblem(const QString &name, const QStringList &existingTeams);

signals:
    void created(const client::Team &team);

private:
    void validate() override;
    void submit() override;

    client::ApiClient &m_client;
    QString m_organization;
    QStringList m_existing;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QLineEdit *m_description;
};

} // namespace kai::console
