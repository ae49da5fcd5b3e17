#pragma once

#include "client/apiclient.h"
#include "dialogs/createdialog.h"

class QLabel;
class QLineEdit;

namespace kai::console {

// "Create Organization" (console-workflows §2): the name is checked as it is
// typed and "Create" stays disabled until it is acceptable; the e-mail is
// optional and checked when the field is left. A server error is shown in
// the dialog with everything kept.
class CreateOrganizationDialog final : public CreateDialog
{
    Q_OBJECT

public:
    CreateOrganizationDialog(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateOrganizationDialog)

signals:
    void created(const QString &name);

private:
    void validate() override;
    void checkEmail();
    void submit() override;

    client::ApiClient &m_client;
    QLineEdit *m_name;
    QLabel *m_nameMessage;
    QLineEdit *m_email;
    QLabel *m_emailMessage;
};

} // namespace kai::console
