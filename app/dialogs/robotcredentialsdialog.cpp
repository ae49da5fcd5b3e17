#include "robotcredentialsdialog.h"

#include "client/endpoints/robots.h"
#include "widgets/loadstateview.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kai::console {

namespace {

QPushButton *copyButton(const QString &objectName, std::function<QString()> text)
{
    auto *button = new QPushButton(RobotCredentialsDialog::tr("Copy"));
    button->setObjectName(objectName);
    QObject::connect(button, &QPushButton::clicked, button, [text = std::move(text)]() {
        QApplication::clipboard()->setText(text());
    });
    return button;
}

QLineEdit *readOnlyLine(const QString &objectName)
{
    auto *line = new QLineEdit;
    line->setObjectName(objectName);
    line->setReadOnly(true);
    return line;
}

QPlainTextEdit *readOnlyText(const QString &objectName)
{
    auto *text = new QPlainTextEdit;
    text->setObjectName(objectName);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return text;
}

QWidget *lineWithCopy(QLineEdit *line, const QString &copyName)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(line, 1);
    layout->addWidget(copyButton(copyName, [line]() { return line->text(); }));
    return row;
}

QLabel *wrapped(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    return label;
}

} // namespace

RobotCredentialsDialog::RobotCredentialsDialog(client::ApiClient &client, const client::robots::RobotNamespace &owner,
                                               const QString &shortName, QWidget *parent)
    : QDialog(parent), m_client(client), m_owner(owner), m_shortName(shortName), m_scope(new QComboBox),
      m_robotName(readOnlyLine(QStringLiteral("robotNameField"))), m_token(readOnlyLine(QStringLiteral("robotTokenField"))),
      m_regenerate(new QPushButton(tr("Regenerate token now"))),
      m_kubernetes(readOnlyText(QStringLiteral("kubernetesSecretText"))), m_podman(readOnlyLine(QStringLiteral("podmanLoginField"))),
      m_docker(readOnlyLine(QStringLiteral("dockerLoginField"))), m_dockerConfig(readOnlyText(QStringLiteral("dockerConfigText"))),
      m_message(new QLabel)
{
    setObjectName(QStringLiteral("robotCredentialsDialog"));
    const QString robotName = owner.name() + u'+' + shortName;
    setWindowTitle(tr("Credentials for %1").arg(robotName));
    resize(720, 520);
    m_scope->setObjectName(QStringLiteral("credentialScopeCombo"));
    m_scope->addItem(tr("Organization"));
    m_scope->addItem(tr("Registry"));
    m_regenerate->setObjectName(QStringLiteral("regenerateTokenButton"));
    m_message->setObjectName(QStringLiteral("credentialsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("credentialTabs"));
    tabs->addTab(buildRobotTab(), tr("Robot Account"));
    tabs->addTab(buildFileTab(tr("Save this Secret of type kubernetes.io/dockerconfigjson, then create it with "
                                 "kubectl create -f <file> --namespace=NAMESPACEHERE and name it in the "
                                 "imagePullSecrets of a pod."),
                              m_kubernetes, QStringLiteral("saveKubernetesSecretButton"),
                              [this]() {
                                  saveToFile(m_credentials->kubernetesFileName(),
                                             m_credentials->kubernetesSecretYaml(scope()));
                              }),
                 tr("Kubernetes"));
    tabs->addTab(buildLoginTab(m_podman, tr("Enter the following command on the command line:")), tr("Podman"));
    tabs->addTab(buildLoginTab(m_docker, tr("Enter the following command on the command line:")), tr("Docker Login"));
    tabs->addTab(buildFileTab(tr("Save this file as ~/.docker/config.json. It replaces the Docker configuration "
                                 "there, including the logins of other registries."),
                              m_dockerConfig, QStringLiteral("saveDockerConfigButton"),
                              [this]() {
                                  saveToFile(m_credentials->dockerConfigFileName(), m_credentials->dockerConfigJson(scope()));
                              }),
                 tr("Docker Configuration"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto *scopeRow = new QFormLayout;
    scopeRow->addRow(tr("Scope of the Kubernetes secret and Docker configuration:"), m_scope);
    contentLayout->addLayout(scopeRow);
    contentLayout->addWidget(tabs, 1);
    m_state = new LoadStateView(content);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_state, &LoadStateView::retryRequested, this, &RobotCredentialsDialog::load);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &RobotCredentialsDialog::refreshScoped);
    connect(m_regenerate, &QPushButton::clicked, this, &RobotCredentialsDialog::confirmRegenerate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    load();
}

QWidget *RobotCredentialsDialog::buildRobotTab()
{
    auto *tab = new QWidget;
    auto *form = new QFormLayout(tab);
    form->addRow(tr("Username (robot account)"), lineWithCopy(m_robotName, QStringLiteral("copyRobotNameButton")));
    form->addRow(tr("Robot token"), lineWithCopy(m_token, QStringLiteral("copyTokenButton")));
    form->addRow(wrapped(tr("Regenerating the token invalidates every login that uses the current one.")));
    form->addRow(QString(), m_regenerate);
    return tab;
}

QWidget *RobotCredentialsDialog::buildLoginTab(QLineEdit *line, const QString &explanation)
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(wrapped(explanation));
    layout->addWidget(lineWithCopy(line, QStringLiteral("copy_") + line->objectName()));
    layout->addStretch();
    return tab;
}

QWidget *RobotCredentialsDialog::buildFileTab(const QString &explanation, QPlainTextEdit *text, const QString &saveName,
                                              std::function<void()> save)
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(wrapped(explanation));
    layout->addWidget(text, 1);
    auto *row = new QHBoxLayout;
    auto *saveButton = new QPushButton(tr("Save to file..."));
    saveButton->setObjectName(saveName);
    connect(saveButton, &QPushButton::clicked, this, [this, save = std::move(save)]() {
        if (m_credentials)
            save();
    });
    row->addStretch();
    row->addWidget(copyButton(QStringLiteral("copy_") + text->objectName(), [text]() { return text->toPlainText(); }));
    row->addWidget(saveButton);
    layout->addLayout(row);
    return tab;
}

void RobotCredentialsDialog::done(int result)
{
    m_pending.cancel();
    QDialog::done(result);
}

RobotCredentials::Scope RobotCredentialsDialog::scope() const
{
    return m_scope->currentIndex() == 0 ? RobotCredentials::Scope::Organization : RobotCredentials::Scope::Registry;
}

void RobotCredentialsDialog::load()
{
    m_pending.cancel();
    m_state->showBusy();
    auto *reply = client::robots::get(m_client, m_owner, m_shortName);
    m_pending.start(reply);
    reply->then(this, [this](const Result<client::Robot> &robot) {
        m_pending.finish();
        if (!robot)
            return m_state->showError(tr("Could not load the robot's token: %1").arg(robot.error().message));
        display(*robot);
        m_state->showContent();
    });
}

void RobotCredentialsDialog::display(const client::Robot &robot)
{
    m_credentials.emplace(robot.name, robot.token, RobotCredentials::hostOf(m_client.server()));
    // Each line shows its start; the rest scrolls.
    const QList<QPair<QLineEdit *, QString>> lines{{m_robotName, m_credentials->robotName()},
                                                  {m_token, m_credentials->token()},
                                                  {m_podman, m_credentials->podmanLogin()},
                                                  {m_docker, m_credentials->dockerLogin()}};
    for (const auto &[line, text] : lines) {
        line->setText(text);
        line->setCursorPosition(0);
    }
    refreshScoped();
}

void RobotCredentialsDialog::refreshScoped()
{
    if (!m_credentials)
        return;
    m_kubernetes->setPlainText(QString::fromUtf8(m_credentials->kubernetesSecretYaml(scope())));
    m_dockerConfig->setPlainText(QString::fromUtf8(m_credentials->dockerConfigJson(scope())));
}

void RobotCredentialsDialog::confirmRegenerate()
{
    auto *confirm = new QMessageBox(QMessageBox::Warning, tr("Regenerate token?"),
                                    tr("Logins that use the current token of %1 stop working.")
                                        .arg(m_owner.name() + u'+' + m_shortName),
                                    QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("regenerateConfirm"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = confirm->addButton(tr("Regenerate token"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmRegenerateButton"));
    connect(yes, &QPushButton::clicked, this, &RobotCredentialsDialog::regenerate);
    confirm->open();
}

void RobotCredentialsDialog::regenerate()
{
    m_pending.cancel();
    m_regenerate->setEnabled(false);
    m_message->hide();
    auto *reply = client::robots::regenerateToken(m_client, m_owner, m_shortName);
    m_pending.start(reply);
    reply->then(this, [this](const Result<client::Robot> &robot) {
        m_pending.finish();
        m_regenerate->setEnabled(true);
        if (!robot) {
            m_message->setText(tr("Could not regenerate the token: %1").arg(robot.error().message));
            m_message->show();
            return;
        }
        display(*robot);
        m_message->setText(tr("The token was regenerated."));
        m_message->show();
        emit tokenRegenerated(robot->name);
    });
}

void RobotCredentialsDialog::saveToFile(const QString &suggestedName, const QByteArray &content)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save to file"), suggestedName);
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const bool saved = file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit();
    m_message->setText(saved ? tr("Saved %1").arg(path) : tr("Could not save %1: %2").arg(path, file.errorString()));
    m_message->show();
}

} // namespace kai::console
