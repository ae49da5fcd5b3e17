#pragma once

#include "client/apiclient.h"
#include "client/types/currentuser.h"
#include "models/organizationlistmodel.h"

#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace kai::console {

// The superuser's cog menu of one row of the Organizations list
// (console-workflows §2). Organization rows: "Rename Organization",
// "Delete Organization", "Take Ownership". User rows (not other superusers,
// not one's own row): "Change E-mail Address", "Change Password",
// "Disable User" / "Enable User", "Delete User", "Take Ownership". Nothing
// for viewers who cannot modify as a superuser. Each action asks (dialog or
// confirmation), sends, and reports with Quay's toast texts.
class SuperuserRowActions final : public QObject
{
    Q_OBJECT

public:
    // Dialogs open over `dialogParent`.
    SuperuserRowActions(client::ApiClient &client, QWidget *dialogParent);
    Q_DISABLE_COPY_MOVE(SuperuserRowActions)

    QMenu *menu() const { return m_menu; }
    // The row the menu acts on (none: every action hidden).
    void setTarget(const std::optional<OrganizationRow> &row, const client::CurrentUser &viewer);
    // True when the menu has a visible action for the target.
    bool hasActions() const;

signals:
    void notify(const QString &text, bool success);
    // A namespace changed (renamed, converted, deleted...): reload the list.
    void changed();

private:
    QAction *addAction(const QString &objectName, const QString &text, void (SuperuserRowActions::*run)());
    void renameOrganization();
    void deleteOrganization();
    void takeOwnership();
    void changeEmail();
    void changePassword();
    void toggleEnabled();
    void deleteUser();
    // Asks with a confirmation box (objectName "superuserConfirm"); on OK runs `then`.
    void confirm(const QString &title, const QString &text, const QString &okLabel, std::function<void()> then);
    // Sends; toasts `success` or `failure` with the server's message appended.
    void perform(client::Reply<client::Done> *reply, const QString &success, const QString &failure);

    client::ApiClient &m_client;
    QWidget *m_dialogParent;
    QMenu *m_menu;
    OrganizationRow m_row;
    QAction *m_renameOrganization;
    QAction *m_deleteOrganization;
    QAction *m_takeOrganization;
    QAction *m_changeEmail;
    QAction *m_changePassword;
    QAction *m_toggleEnabled;
    QAction *m_deleteUser;
    QAction *m_takeUser;
};

} // namespace kai::console
