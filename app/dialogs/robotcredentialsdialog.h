#pragma once

#include "client/apiclient.h"
#include "client/endpoints/robots.h"
#include "client/types/robot.h"
#include "credentials/robotcredentials.h"
#include "dialogs/pendingrequest.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace kai::console {

class LoadStateView;

// "Credentials for org+bot" (console-workflows §3.3.3): loads the robot's
// token, then shows it in the five forms a client needs: robot account and
// token, Kubernetes secret, podman login, docker login, Docker config.json.
// "Regenerate token now" (after a confirmation) replaces the token
// everywhere.
class RobotCredentialsDialog final : public QDialog
{
    Q_OBJECT

public:
    RobotCredentialsDialog(client::ApiClient &client, const client::robots::RobotNamespace &owner, const QString &shortName,
                           QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RobotCredentialsDialog)

    void done(int result) override;
    // What the tabs show; empty until the token arrived.
    std::optional<RobotCredentials> credentials() const { return m_credentials; }

signals:
    void tokenRegenerated(const QString &robotName);

private:
    QWidget *buildRobotTab();
    QWidget *buildLoginTab(QLineEdit *line, const QString &explanation);
    // A generated file: explanation, the text, Copy and "Save to file..."
    // (which runs `save` once the token arrived).
    QWidget *buildFileTab(const QString &explanation, QPlainTextEdit *text, const QString &saveName,
                          std::function<void()> save);
    void load();
    void display(const client::Robot &robot);
    void refreshScoped();
    void confirmRegenerate();
    void regenerate();
    void saveToFile(const QString &suggestedName, const QByteArray &content);
    RobotCredentials::Scope scope() const;

    client::ApiClient &m_client;
    client::robots::RobotNamespace m_owner;
    QString m_shortName;
    PendingRequest m_pending;
    std::optional<RobotCredentials> m_credentials;
    LoadStateView *m_state;
    QComboBox *m_scope;
    QLineEdit *m_robotName;
    QLineEdit *m_token;
    QPushButton *m_regenerate;
    QPlainTextEdit *m_kubernetes;
    QLineEdit *m_podman;
    QLineEdit *m_docker;
    QPlainTextEdit *m_dockerConfig;
    QLabel *m_message;
};

} // namespace kai::console
