#include "consolecontroller.h"

#include "client/endpoints/session.h"
#include "dialogs/signindialog.h"
#include "window/mainwindow.h"

namespace kai::console {

ConsoleController::ConsoleController(QObject *parent)
    : QObject(parent), m_client(this), m_secrets(QStringLiteral("kai-console"), this)
{
    connect(&m_secrets, &SecretStore::unavailable, this, [this](const QString &reason) {
        if (m_window)
            m_window->showMessage(tr("The system keychain is not available (%1): passwords and tokens are not remembered.")
                                      .arg(reason),
                                  false);
    });
    connect(&m_client, &client::ApiClient::authenticationLost, this, &ConsoleController::renewSession);
}

ConsoleController::~ConsoleController()
{
    delete m_window;
    delete m_signIn;
}

void ConsoleController::start() { showSignIn(); }

MainWindow *ConsoleController::window() const { return m_window; }

SignInDialog *ConsoleController::signInDialog() const { return m_signIn; }

void ConsoleController::showSignIn()
{
    m_signIn = new SignInDialog(m_client, m_secrets);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_signIn, &SignInDialog::signedIn, this, &ConsoleController::openWindow);
    connect(m_signIn, &QDialog::rejected, this, &ConsoleController::quitRequested);
    m_signIn->show();
}

void ConsoleController::openWindow()
{
    const client::CurrentUser user = m_signIn->user();
    m_window = new MainWindow(m_client, user);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::signOutRequested, this, &ConsoleController::signOut);
    m_window->show();
}

void ConsoleController::signOut()
{
    auto *reply = client::session::signOut(m_client);
    reply->then(this, [this](const Result<client::Done> &) {
        if (m_window)
            m_window->close();
        showSignIn();
    });
}

void ConsoleController::renewSession(const QString &message)
{
    if (!m_window || m_signIn)
        return;
    m_client.setSignedIn(false);
    auto *dialog = new SignInDialog(m_client, m_secrets, m_window);
    m_signIn = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->presetSession(tr("Your session ended (%1). Sign in again to continue.").arg(message), m_client.server(),
                          m_window->user().username);
    connect(dialog, &SignInDialog::signedIn, this, [this, dialog]() {
        if (m_window)
            m_window->setUser(dialog->user());
    });
    dialog->open();
}

} // namespace kai::console
