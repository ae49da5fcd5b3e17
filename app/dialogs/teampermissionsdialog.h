#pragma once

#include "client/apiclient.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;

namespace kai::console {

class GrantBatch;
class RepositoryLevelGrid;

// "Set repository permissions for T" (console-workflows §3.2): the team's
// grants joined with every repository of the organization; "Update"
// (enabled after a change) sends PUT .../permissions/team/{team} per
// changed repository, DELETE for None. Refusals are listed in the dialog,
// which then shows what the server holds.
class TeamPermissionsDialog final : public QDialog
{
    Q_OBJECT

public:
    TeamPermissionsDialog(client::ApiClient &client, const QString &organization, const QString &team,
                          QWidget *parent = nullptr);
    ~TeamPermissionsDialog() override;
    Q_DISABLE_COPY_MOVE(TeamPermissionsDialog)

    void done(int result) override;

signals:
    // Every change was accepted.
    void updated(const QString &team);

private:
    void load();
    void update();
    void updateButton();

    client::ApiClient &m_client;
    QString m_organization;
    QString m_team;
    PendingRequest m_load;
    QPointer<GrantBatch> m_saving;
    bool m_loaded = false;
    RepositoryLevelGrid *m_grid;
    QLabel *m_error;
    QPushButton *m_update;
};

} // namespace kai::console
