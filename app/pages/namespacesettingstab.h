#pragma once

#include "client/apiclient.h"
#include "client/types/serverconfig.h"
#include "dialogs/pendingrequest.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kai::console {

class LoadStateView;

// The "Settings" tab of a namespace, its "General settings" (console-workflows
// §3.7.1): the name (read-only), the e-mail address (optional for an
// organization, checked before sending) and the time machine, the window in
// which deleted tags can be restored (TAG_EXPIRATION_OPTIONS of /config,
// shown only with FEATURE_CHANGE_TAG_EXPIRATION). "Save" is on while
// something changed and the form is valid.
//
// Child objectNames: namespaceNameField, settingsEmailEdit,
// settingsEmailMessage, timeMachineCombo, saveSettingsButton.
class NamespaceSettingsTab final : public QWidget
{
    Q_OBJECT

public:
    NamespaceSettingsTab(client::ApiClient &client, QWidget *parent = nullptr);
    ~NamespaceSettingsTab() override;
    Q_DISABLE_COPY_MOVE(NamespaceSettingsTab)

    // The settings of `organization` (loads them).
    void setOrganization(const QString &organization);
    // The signed-in user's own settings (loads them).
    void setUserNamespace(const QString &username);
    void reload();

    // "2w" as a person reads it ("2 weeks").
    static QString humanized(qint64 seconds);

signals:
    void notify(const QString &text, bool success);

private:
    struct Loaded
    {
        QString email;
        std::optional<qint64> tagExpirationSeconds;
    };

    void loadNamespace();
    void display(const Loaded &loaded);
    void validate();
    void checkEmail();
    void save();
    std::optional<qint64> chosenExpiration() const;

    client::ApiClient &m_client;
    QString m_namespace;
    bool m_user = false;
    std::optional<client::ServerConfig> m_config;
    Loaded m_loaded;
    QPointer<client::ReplyBase> m_load;
    PendingRequest m_save;
    LoadStateView *m_state;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLabel *m_emailMessage;
    QLabel *m_timeMachineLabel;
    QComboBox *m_timeMachine;
    QLabel *m_timeMachineHelp;
    QPushButton *m_saveButton;
};

} // namespace kai::console
