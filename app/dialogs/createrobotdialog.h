#pragma once

#include "client/apiclient.h"
#include "client/types/robot.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kai::console {

// "Create robot account" for an organization (console-workflows §3.3.2,
// step 1: name and description); the name is checked before sending.
class CreateRobotDialog final : public QDialog
{
    Q_OBJECT

public:
    CreateRobotDialog(client::ApiClient &client, const QString &organization, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateRobotDialog)

    void done(int result) override;

signals:
    void created(const client::Robot &robot);

private:
    void validate();
    void submit();

    client::ApiClient &m_client;
    QString m_organization;
    PendingRequest m_pending;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QLineEdit *m_description;
    QLabel *m_error;
    QPushButton *m_create;
};

} // namespace kai::console
