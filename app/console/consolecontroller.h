#pragma once

#include "client/apiclient.h"
#include "settings/secretstore.h"

#include <QObject>
#include <QPointer>

namespace kai::console {

class MainWindow;
class SignInDialog;

// The console's life cycle: sign in, the main window, sign out back to
// sign-in; and when the server stops accepting the credentials (expired
// token or session) a sign-in dialog over the window, so nothing open in it
// is lost.
class ConsoleController final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleController(QObject *parent = nullptr);
    ~ConsoleController() override;
    Q_DISABLE_COPY_MOVE(ConsoleController)

    void start();
    client::ApiClient &client() { return m_client; }
    SecretStore &secrets() { return m_secrets; }
    MainWindow *window() const;
    SignInDialog *signInDialog() const;

signals:
    // The user cancelled the first sign-in: nothing more to do.
    void quitRequested();

private:
    void showSignIn();
    void openWindow();
    void signOut();
    void renewSession(const QString &message);

    client::ApiClient m_client;
    SecretStore m_secrets;
    QPointer<SignInDialog> m_signIn;
    QPointer<MainWindow> m_window;
};

} // namespace kai::console
