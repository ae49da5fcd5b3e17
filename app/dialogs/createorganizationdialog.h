#pragma once

#include "client/apiclient.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kai::console {

// "Create Organization" (console-workflows §2): the name is checked as it is
// typed and "Create" stays disabled until it is acceptable; the e-mail is
// optional and checked when the field is left. A server error is shown in
// the dialog with everything kept.
class CreateOrganizationDialog final : public QDialog
{
    Q_OBJECT

public:
    CreateOrganizationDialog(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateOrganizationDialog)

    void done(int result) override;

signals:
    void created(const QString &name);

private:
    void validate();
    void checkEmail();
    void submit();

    client::ApiClient &m_client;
    PendingRequest m_pending;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QLineEdit *m_email;
    QLabel *m_emailMessage;
    QLabel *m_error;
    QPushButton *m_create;
};

} // namespace kai::console
