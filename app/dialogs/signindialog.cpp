#include "signindialog.h"

#include "client/endpoints/session.h"
#include "settings/savedservers.h"
#include "settings/secretstore.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace kai::console {

namespace {
QUrl serverUrl(const QString &text)
{
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}
} // namespace

SignInDialog::SignInDialog(client::ApiClient &client, SecretStore &secrets, QWidget *parent)
    : QDialog(parent), m_client(client), m_secrets(secrets), m_server(new QComboBox),
      m_passwordMethod(new QRadioButton(tr("User name and password"))),
      m_tokenMethod(new QRadioButton(tr("OAuth access token"))), m_usernameLabel(new QLabel(tr("User name:"))),
      m_username(new QLineEdit), m_passwordLabel(new QLabel(tr("Password:"))), m_password(new QLineEdit),
      m_tokenLabel(new QLabel(tr("Token:"))), m_token(new QLineEdit),
      m_remember(new QCheckBox(tr("Remember the password or token in the system keychain"))), m_message(new QLabel),
      m_keychainNotice(new QLabel), m_busy(new QProgressBar), m_signIn(new QPushButton(tr("Sign In")))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to a registry"));

    m_server->setObjectName(QStringLiteral("serverCombo"));
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->lineEdit()->setPlaceholderText(tr("https://quay.example.com"));
    m_server->setMinimumWidth(320);
    m_passwordMethod->setObjectName(QStringLiteral("passwordMethod"));
    m_tokenMethod->setObjectName(QStringLiteral("tokenMethod"));
    m_passwordMethod->setChecked(true);
    auto *methods = new QButtonGroup(this);
    methods->addButton(m_passwordMethod);
    methods->addButton(m_tokenMethod);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Paste an OAuth access token"));
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(true);
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_message->hide();
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_keychainNotice->setWordWrap(true);
    m_keychainNotice->hide();
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);

    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_passwordMethod);
    methodRow->addWidget(m_tokenMethod);
    methodRow->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Sign in with:"), methodRow);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_tokenLabel, m_token);
    form->addRow(QString(), m_remember);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_keychainNotice);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);

    connect(m_passwordMethod, &QRadioButton::toggled, this, &SignInDialog::updateMethod);
    connect(m_server, &QComboBox::activated, this, &SignInDialog::applySavedServer);
    connect(&m_secrets, &SecretStore::unavailable, this, [this](const QString &reason) {
        m_keychainNotice->setText(
            tr("The system keychain is not available (%1). The console works, but cannot remember your password or token.")
                .arg(reason));
        m_keychainNotice->show();
    });
    if (!m_secrets.isAvailable()) {
        m_keychainNotice->setText(tr("The system keychain is not available. The console works, but cannot remember your password or token."));
        m_keychainNotice->show();
    }

    setTabOrder(m_server, m_passwordMethod);
    setTabOrder(m_passwordMethod, m_tokenMethod);
    setTabOrder(m_tokenMethod, m_username);
    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_token);
    setTabOrder(m_token, m_remember);
    loadSavedServers();
    updateMethod();
}

void SignInDialog::presetSession(const QString &message, const QUrl &server, const QString &username)
{
    m_server->setEditText(server.toString());
    if (!username.isEmpty()) {
        m_passwordMethod->setChecked(true);
        m_username->setText(username);
        m_password->setFocus();
    }
    showMessage(message);
}

void SignInDialog::done(int result)
{
    // Closing the dialog abandons a sign-in in flight: no late callback.
    m_pending.cancel();
    setBusy(false);
    QDialog::done(result);
}

void SignInDialog::loadSavedServers()
{
    QSettings settings;
    const QList<SavedServer> servers = SavedServers(settings).list();
    for (const SavedServer &s : servers) {
        const QString label = s.usesToken ? tr("%1 (token)").arg(s.url) : tr("%1 (%2)").arg(s.url, s.username);
        m_server->addItem(label, s.url);
    }
    if (!servers.isEmpty()) {
        m_server->setCurrentIndex(0);
        applySavedServer(0);
    }
}

void SignInDialog::applySavedServer(int index)
{
    QSettings settings;
    const QList<SavedServer> servers = SavedServers(settings).list();
    if (index < 0 || index >= servers.size())
        return;
    const SavedServer &s = servers.at(index);
    m_server->setEditText(s.url);
    (s.usesToken ? m_tokenMethod : m_passwordMethod)->setChecked(true);
    m_username->setText(s.username);
    m_password->clear();
    m_token->clear();
    QLineEdit *secretField = s.usesToken ? m_token : m_password;
    m_secrets.read(s.secretKey(), secretField, [secretField](std::optional<QString> secret) {
        if (secret && secretField->text().isEmpty())
            secretField->setText(*secret);
    });
}

void SignInDialog::updateMethod()
{
    const bool password = m_passwordMethod->isChecked();
    m_usernameLabel->setVisible(password);
    m_username->setVisible(password);
    m_passwordLabel->setVisible(password);
    m_password->setVisible(password);
    m_tokenLabel->setVisible(!password);
    m_token->setVisible(!password);
}

SavedServer SignInDialog::currentLogin() const
{
    const bool token = m_tokenMethod->isChecked();
    return SavedServer{serverUrl(m_server->currentText()).toString(), token ? QString() : m_username->text().trimmed(),
                       token};
}

void SignInDialog::submit()
{
    if (m_pending.isActive())
        return;
    const QUrl url = serverUrl(m_server->currentText());
    if (url.isEmpty())
        return showMessage(tr("Enter the server address, for example https://quay.example.com"));
    const bool token = m_tokenMethod->isChecked();
    if (!token && (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()))
        return showMessage(tr("Enter your user name and password."));
    if (token && m_token->text().trimmed().isEmpty())
        return showMessage(tr("Paste an OAuth access token."));

    m_message->hide();
    setBusy(true);
    m_client.setServer(url);
    {
        QSettings settings;
        m_client.setTrustedCertificateFingerprint(SavedServers(settings).trustedCertificate(url.toString()));
    }
    client::Reply<client::CurrentUser> *reply =
        token ? client::session::signInWithToken(m_client, m_token->text())
              : client::session::signIn(m_client, m_username->text().trimmed(), m_password->text());
    m_pending.start(reply);
    reply->then(this, [this](const Result<client::CurrentUser> &user) {
        m_pending.finish();
        setBusy(false);
        if (!user) {
            if (const auto certificate = client::untrustedCertificateOf(user.error()))
                return askToTrust(*certificate);
            showMessage(user.error().message);
            (m_tokenMethod->isChecked() ? m_token : m_password)->setFocus();
            return;
        }
        m_user = *user;
        const SavedServer login = currentLogin();
        QSettings settings;
        SavedServers(settings).remember(login);
        if (m_remember->isChecked())
            m_secrets.write(login.secretKey(), login.usesToken ? m_token->text().trimmed() : m_password->text());
        else
            m_secrets.remove(login.secretKey());
        emit signedIn();
        accept();
    });
}

void SignInDialog::askToTrust(const client::UntrustedCertificate &certificate)
{
    const QString server = currentLogin().url;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Untrusted certificate"),
                                tr("The certificate of %1 is not trusted by this system, for example because it is "
                                   "self-signed.\n\nSubject: %2\nIssuer: %3\nSHA-256 fingerprint:\n%4\n\n"
                                   "Trust it only if this is the fingerprint of your server's certificate. The console "
                                   "then accepts exactly this certificate for this server and asks again if it changes.")
                                    .arg(server, certificate.subject, certificate.issuer, certificate.fingerprintText()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("certificateTrustDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *trust = box->addButton(tr("Trust this certificate"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustCertificateButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelTrustButton"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, trust, server, sha256 = certificate.sha256]() {
        if (box->clickedButton() != trust) {
            showMessage(tr("Not signed in: the certificate of %1 was not trusted.").arg(server));
            return;
        }
        QSettings settings;
        SavedServers(settings).trustCertificate(server, sha256);
        submit();
    });
    box->open();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_passwordMethod),
                       static_cast<QWidget *>(m_tokenMethod), static_cast<QWidget *>(m_username),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_token),
                       static_cast<QWidget *>(m_signIn)})
        w->setEnabled(!busy);
}

void SignInDialog::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

} // namespace kai::console
