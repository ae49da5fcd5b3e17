#pragma once

#include "client/apiclient.h"
#include "client/types/robot.h"
#include "dialogs/createdialog.h"

class QLabel;
class QLineEdit;

namespace kai::console {

// "Create robot account" for an organization (console-workflows §3.3.2,
// step 1: name and description); the name is checked before sending.
class CreateRobotDialog final : public CreateDialog
{
    Q_OBJECT

public:
    CreateRobotDialog(client::ApiClient &client, const QString &organization, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateRobotDialog)

signals:
    void created(const client::Robot &robot);

private:
    void validate() override;
    void submit() override;

    client::ApiClient &m_client;
    QString m_organization;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QLineEdit *m_description;
};

} // namespace kai::console
