#pragma once

#include "client/apiclient.h"
#include "client/types/permission.h"
#include "dialogs/createdialog.h"

class QComboBox;

namespace kai::console {

class EntityPicker;

// "Add Permission" of a repository (console-workflows §5.6.1, Quay's
// drawer): a user, robot or (in organizations) team from the entity picker
// and a role, Admin by default as in Quay; Submit sends
// PUT .../permissions/{user|team}/{name} {role}.
//
// Child objectNames: permissionEntityPicker (an EntityPicker),
// permissionRoleCombo, createButton ("Submit"), createError.
class AddPermissionDialog final : public CreateDialog
{
    Q_OBJECT

public:
    // `teams`: offer the organization's teams too (organization repositories).
    AddPermissionDialog(client::ApiClient &client, const QString &namespaceName, const QString &repository, bool teams,
                        QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AddPermissionDialog)

signals:
    void permissionAdded(const client::Grantee &grantee, client::RepositoryRole role);

protected:
    void validate() override;
    void submit() override;

private:
    std::optional<client::Grantee> grantee() const;

    client::ApiClient &m_client;
    QString m_namespace;
    QString m_repository;
    EntityPicker *m_picker;
    QComboBox *m_role;
};

} // namespace kai::console
