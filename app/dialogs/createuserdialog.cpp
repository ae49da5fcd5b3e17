#include "createuserdialog.h"

#include "client/endpoints/superuser.h"
#include "validation/namerules.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace kai::console {

namespace {
constexpr int kMaxUsernameLength = 255;
const char *const kErrorStyle = "color: #c9190b;";
} // namespace

CreateUserDialog::CreateUserDialog(client::ApiClient &client, QWidget *parent)
    : CreateDialog(tr("Create User"), parent), m_client(client), m_username(new QLineEdit), m_usernameMessage(new QLabel),
      m_email(new QLineEdit), m_emailMessage(new QLabel)
{
    setObjectName(QStringLiteral("createUserDialog"));
    setWindowTitle(tr("Create New User"));
    setMinimumWidth(440);
    m_username->setObjectName(QStringLiteral("newUsernameEdit"));
    m_usernameMessage->setObjectName(QStringLiteral("newUsernameMessage"));
    m_email->setObjectName(QStringLiteral("newUserEmailEdit"));
    m_email->setPlaceholderText(tr("email@provider.com"));
    m_emailMessage->setObjectName(QStringLiteral("newUserEmailMessage"));
    for (QLabel *message : {m_usernameMessage, m_emailMessage}) {
        message->setWordWrap(true);
        message->setStyleSheet(QLatin1String(kErrorStyle));
        message->hide();
    }

    auto *form = new QFormLayout;
    form->addRow(tr("Username"), m_username);
    form->addRow(QString(), m_usernameMessage);
    form->addRow(tr("Email"), m_email);
    form->addRow(QString(), m_emailMessage);
    // Messages appear once a field was edited, not on an untouched form.
    connect(m_username, &QLineEdit::textEdited, this, [this] {
        m_usernameTouched = true;
        validate();
    });
    connect(m_email, &QLineEdit::textEdited, this, [this] {
        m_emailTouched = true;
        validate();
    });

    finishLayout(form);
    validate();
}

QString CreateUserDialog::usernameProblem(const QString &username)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9_][a-z0-9_-]*$"));
    if (username.isEmpty())
        return tr("Username is required");
    if (username.size() < 2)
        return tr("Username must be at least 2 characters");
    if (username.size() > kMaxUsernameLength)
        return tr("Username must be at most 255 characters");
    if (!allowed.match(username).hasMatch())
        return tr("Username must contain only lowercase letters, numbers, hyphens, and underscores");
    return {};
}

QString CreateUserDialog::emailProblem(const QString &email)
{
    if (email.isEmpty())
        return tr("Email is required");
    if (!NameRules::isEmail(email))
        return tr("Invalid email address");
    return {};
}

void CreateUserDialog::validate()
{
    const QString usernameError = usernameProblem(m_username->text());
    const QString emailError = emailProblem(m_email->text().trimmed());
    m_usernameMessage->setText(usernameError);
    m_usernameMessage->setVisible(m_usernameTouched && !usernameError.isEmpty());
    m_emailMessage->setText(emailError);
    m_emailMessage->setVisible(m_emailTouched && !emailError.isEmpty());
    setCreateEnabled(usernameError.isEmpty() && emailError.isEmpty() && !isSending());
}

void CreateUserDialog::submit()
{
    if (!readyToSend())
        return;
    send(client::superuser::createUser(m_client, m_username->text(), m_email->text().trimmed()),
         tr("Failed to create user: %1"), [this](const client::CreatedUser &user) { emit created(user); });
}

TemporaryPasswordDialog::TemporaryPasswordDialog(const client::CreatedUser &user, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("temporaryPasswordDialog"));
    setWindowTitle(tr("Create New User"));
    setMinimumWidth(440);
    auto *success = new QLabel(tr("User created successfully"));
    success->setStyleSheet(QStringLiteral("color: #3e8635; font-weight: bold;"));
    auto *explanation = new QLabel(
        tr("Give %1 this password. It is shown only now and cannot be retrieved later.").arg(user.username));
    explanation->setWordWrap(true);
    auto *password = new QLineEdit(user.password);
    password->setObjectName(QStringLiteral("temporaryPasswordEdit"));
    password->setReadOnly(true);
    password->setMinimumWidth(password->fontMetrics().horizontalAdvance(user.password) + 24);
    auto *copy = new QPushButton(tr("Copy"));
    copy->setObjectName(QStringLiteral("copyPasswordButton"));
    connect(copy, &QPushButton::clicked, this, [user] { QGuiApplication::clipboard()->setText(user.password); });

    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(password, 1);
    passwordRow->addWidget(copy);
    auto *form = new QFormLayout;
    form->addRow(tr("Temporary Password"), passwordRow);

    auto *buttons = new QDialogButtonBox;
    QPushButton *done = buttons->addButton(tr("Done"), QDialogButtonBox::AcceptRole);
    done->setObjectName(QStringLiteral("doneButton"));
    done->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(success);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

} // namespace kai::console
