#pragma once

#include "client/apiclient.h"
#include "client/types/prototype.h"
#include "dialogs/createdialog.h"

class QComboBox;
class QRadioButton;

namespace kai::console {

class EntityPicker;

// "Create default permission" (console-workflows §3.4): when a repository
// is created by anyone or by one user or robot ("Repository creator"), the
// entity chosen under "Applied to" (user, robot or team) gets a role on it.
//
// Child objectNames: anyoneRadio, specificUserRadio, creatorPicker,
// delegatePicker (EntityPickers), permissionCombo, createButton.
class CreatePrototypeDialog final : public CreateDialog
{
    Q_OBJECT

public:
    CreatePrototypeDialog(client::ApiClient &client, const QString &organization, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreatePrototypeDialog)

signals:
    void created(const client::Prototype &prototype);

private:
    void validate() override;
    void submit() override;

    client::ApiClient &m_client;
    QString m_organization;
    QRadioButton *m_anyone;
    QRadioButton *m_specificUser;
    EntityPicker *m_creator;
    EntityPicker *m_delegate;
    QComboBox *m_role;
};

} // namespace kai::console
