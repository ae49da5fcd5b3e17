#pragma once

#include "client/apiclient.h"
#include "client/types/superuseruser.h"
#include "dialogs/createdialog.h"

class QLabel;
class QLineEdit;

namespace kai::console {

// "Create New User" (console-workflows §2, superusers): username and e-mail
// are checked as they are typed with Quay's messages, and "Create User"
// stays disabled until both are acceptable. The server generates the
// password; `created` hands it on for TemporaryPasswordDialog.
class CreateUserDialog final : public CreateDialog
{
    Q_OBJECT

public:
    CreateUserDialog(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CreateUserDialog)

    // Quay's messages for a username ("" when acceptable).
    static QString usernameProblem(const QString &username);
    static QString emailProblem(const QString &email);

signals:
    void created(const client::CreatedUser &user);

private:
    void validate() override;
    void submit() override;

    client::ApiClient &m_client;
    QLineEdit *m_username;
    QLabel *m_usernameMessage;
    QLineEdit *m_email;
    QLabel *m_emailMessage;
    bool m_usernameTouched = false;
    bool m_emailTouched = false;
};

// "User created successfully": the generated password, shown this once, in
// "Temporary Password" with a Copy button; "Done" closes it.
class TemporaryPasswordDialog final : public QDialog
{
    Q_OBJECT

public:
    TemporaryPasswordDialog(const client::CreatedUser &user, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TemporaryPasswordDialog)
};

} // namespace kai::console
