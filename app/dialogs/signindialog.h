#pragma once

#include "client/apiclient.h"
#include "client/apierror.h"
#include "dialogs/pendingrequest.h"
#include "client/types/currentuser.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace kai::console {

class SecretStore;
struct SavedServer;

// Sign-in: server address (saved servers to pick from), then user name +
// password through Quay's session flow or a pasted OAuth token. The secret
// goes to the keychain only (SecretStore) when "Remember" is on. A failure
// keeps every field and says why; nothing here waits on the network.
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(client::ApiClient &client, SecretStore &secrets, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SignInDialog)

    // Valid after signedIn().
    const client::CurrentUser &user() const { return m_user; }

    // Starts with a message (e.g. "Your session ended") and the server and
    // user of the session to renew.
    void presetSession(const QString &message, const QUrl &server, const QString &username);

    void done(int result) override;

signals:
    void signedIn();

private:
    void loadSavedServers();
    void applySavedServer(int index);
    void updateMethod();
    void submit();
    // The server's certificate is not trusted: asks whether to trust its
    // fingerprint for this server and signs in again if so.
    void askToTrust(const client::UntrustedCertificate &certificate);
    void setBusy(bool busy);
    void showMessage(const QString &message);
    SavedServer currentLogin() const;

    client::ApiClient &m_client;
    SecretStore &m_secrets;
    client::CurrentUser m_user;
    PendingRequest m_pending;

    QComboBox *m_server;
    QRadioButton *m_passwordMethod;
    QRadioButton *m_tokenMethod;
    QLabel *m_usernameLabel;
    QLineEdit *m_username;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_tokenLabel;
    QLineEdit *m_token;
    QCheckBox *m_remember;
    QLabel *m_message;
    QLabel *m_keychainNotice;
    QProgressBar *m_busy;
    QPushButton *m_signIn;
};

} // namespace kai::console
