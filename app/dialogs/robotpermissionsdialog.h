#pragma once

#include "client/apiclient.h"
#include "client/endpoints/robots.h"
#include "client/types/permission.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QStringList>

#include <optional>

class QLabel;
class QPushButton;

namespace kai::console {

class GrantBatch;
class RepositoryLevelGrid;

// "Set repository permissions" for one robot or, as a bulk action, for
// several robots of an organization or of the signed-in user (console-workflows §3.3.1): every
// repository of the organization with the robots' current level; "Save"
// appears after a change and sends, per changed repository and robot,
// PUT .../permissions/user/{org+robot} {role}, or DELETE for None. Where
// the robots differ the row says "Mixed" and is left alone unless a level
// is picked. Closing the dialog cancels whatever is in flight.
class RobotPermissionsDialog final : public QDialog
{
    Q_OBJECT

public:
    RobotPermissionsDialog(client::ApiClient &client, const client::robots::RobotNamespace &owner, const QStringList &shortNames,
                           QWidget *parent = nullptr);
    ~RobotPermissionsDialog() override;
    Q_DISABLE_COPY_MOVE(RobotPermissionsDialog)

    RepositoryLevelGrid *grid() const { return m_grid; }
    void done(int result) override;

signals:
    // Every change was applied; `changes` calls were sent.
    void saved(int changes);

private:
    using Roles = QHash<QString, client::RepositoryRole>;   // repository -> level

    void load();
    void showLoaded();
    void save();
    void cancelPending();
    QString fullName(const QString &shortName) const { return m_organization + u'+' + shortName; }

    client::ApiClient &m_client;
    client::robots::RobotNamespace m_owner;
    QString m_organization;   // the namespace's name, the part before '+'
    QStringList m_robots;
    QHash<QString, Roles> m_roles;   // short robot name -> its direct grants
    QList<QPointer<client::ReplyBase>> m_loads;
    QPointer<GrantBatch> m_batch;
    RepositoryLevelGrid *m_grid;
    QLabel *m_error;
    QPushButton *m_save;
};

} // namespace kai::console
