#include "namespacesettingstab.h"

#include "client/endpoints/config.h"
#include "client/endpoints/organizations.h"
#include "client/endpoints/session.h"
#include "validation/namerules.h"
#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

NamespaceSettingsTab::NamespaceSettingsTab(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_nameLabel(new QLabel), m_name(new QLineEdit), m_email(new QLineEdit),
      m_emailMessage(new QLabel), m_timeMachineLabel(new QLabel(tr("Time machine"))), m_timeMachine(new QComboBox),
      m_timeMachineHelp(new QLabel(tr("The amount of time, after a tag is deleted, that the tag is accessible in time "
                                      "machine before being garbage collected."))),
      m_saveButton(new QPushButton(tr("Save")))
{
    setObjectName(QStringLiteral("namespaceSettingsTab"));
    m_name->setObjectName(QStringLiteral("namespaceNameField"));
    m_name->setEnabled(false);
    m_email->setObjectName(QStringLiteral("settingsEmailEdit"));
    m_email->setPlaceholderText(tr("email@provider.com"));
    m_emailMessage->setObjectName(QStringLiteral("settingsEmailMessage"));
    m_emailMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_emailMessage->hide();
    m_timeMachine->setObjectName(QStringLiteral("timeMachineCombo"));
    m_timeMachineHelp->setWordWrap(true);
    m_saveButton->setObjectName(QStringLiteral("saveSettingsButton"));

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    // Each field with its message or help below it, so a hidden line leaves no gap.
    const auto withLine = [](QWidget *field, QLabel *line) {
        auto *box = new QWidget;
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->addWidget(field);
        boxLayout->addWidget(line);
        return box;
    };
    form->addRow(tr("Email"), withLine(m_email, m_emailMessage));
    QWidget *timeMachine = withLine(m_timeMachine, m_timeMachineHelp);
    form->addRow(m_timeMachineLabel, timeMachine);
    auto *general = new QWidget;
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(ListPageKit::title(tr("General settings")));
    generalLayout->addLayout(form);
    generalLayout->addWidget(m_saveButton, 0, Qt::AlignLeft);
    generalLayout->addStretch(1);
    m_state = new LoadStateView(general);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);

    connect(m_email, &QLineEdit::textChanged, this, &NamespaceSettingsTab::validate);
    connect(m_email, &QLineEdit::editingFinished, this, &NamespaceSettingsTab::checkEmail);
    connect(m_timeMachine, &QComboBox::currentIndexChanged, this, &NamespaceSettingsTab::validate);
    connect(m_saveButton, &QPushButton::clicked, this, &NamespaceSettingsTab::save);
    connect(m_state, &LoadStateView::retryRequested, this, &NamespaceSettingsTab::reload);
    validate();
}

NamespaceSettingsTab::~NamespaceSettingsTab()
{
    if (m_load)
        m_load->cancel();
}

QString NamespaceSettingsTab::humanized(qint64 seconds)
{
    // Whole units only; the count picks the translation's plural form.
    const auto in = [seconds](qint64 unit) { return int(seconds / unit); };
    if (seconds == 0)
        return tr("None (deleted tags cannot be restored)");
    if (seconds % 604800 == 0)
        return tr("%n week(s)", nullptr, in(604800));
    if (seconds % 86400 == 0)
        return tr("%n day(s)", nullptr, in(86400));
    if (seconds % 3600 == 0)
        return tr("%n hour(s)", nullptr, in(3600));
    if (seconds % 60 == 0)
        return tr("%n minute(s)", nullptr, in(60));
    return tr("%n second(s)", nullptr, in(1));
}

void NamespaceSettingsTab::setOrganization(const QString &organization)
{
    m_namespace = organization;
    m_user = false;
    m_nameLabel->setText(tr("Organization"));
    reload();
}

void NamespaceSettingsTab::setUserNamespace(const QString &username)
{
    m_namespace = username;
    m_user = true;
    m_nameLabel->setText(tr("Username"));
    reload();
}

void NamespaceSettingsTab::reload()
{
    if (m_load)
        m_load->cancel();
    m_save.cancel();
    if (m_namespace.isEmpty())
        return;
    m_state->showBusy();
    if (m_config)
        return loadNamespace();
    // The options do not change while the console runs: /config once.
    auto *reply = client::config::get(m_client);
    m_load = reply;
    reply->then(this, [this](const Result<client::ServerConfig> &config) {
        if (!config)
            return m_state->showError(tr("Could not load the registry's configuration: %1").arg(config.error().message));
        m_config = *config;
        loadNamespace();
    });
}

void NamespaceSettingsTab::loadNamespace()
{
    const auto failed = [this](const Error &error) {
        m_state->showError(tr("Could not load the settings: %1").arg(error.message));
    };
    if (m_user) {
        auto *reply = client::session::currentUser(m_client);
        m_load = reply;
        reply->then(this, [this, failed](const Result<client::CurrentUser> &user) {
            if (!user)
                return failed(user.error());
            display(Loaded{user->email, user->tagExpirationSeconds});
        });
        return;
    }
    auto *reply = client::organizations::get(m_client, m_namespace);
    m_load = reply;
    reply->then(this, [this, failed](const Result<client::Organization> &org) {
        if (!org)
            return failed(org.error());
        display(Loaded{org->email, org->tagExpirationSeconds});
    });
}

void NamespaceSettingsTab::display(const Loaded &loaded)
{
    m_loaded = loaded;
    m_name->setText(m_namespace);
    m_email->setText(loaded.email);
    m_emailMessage->hide();
    {
        const QSignalBlocker blocker(m_timeMachine);
        m_timeMachine->clear();
        for (const client::ServerConfig::Duration &option : m_config->tagExpirationOptions)
            m_timeMachine->addItem(humanized(option.seconds), option.seconds);
        // A window set before the options changed still shows as it is.
        if (loaded.tagExpirationSeconds && m_timeMachine->findData(*loaded.tagExpirationSeconds) < 0)
            m_timeMachine->addItem(humanized(*loaded.tagExpirationSeconds), *loaded.tagExpirationSeconds);
        m_timeMachine->setCurrentIndex(loaded.tagExpirationSeconds ? m_timeMachine->findData(*loaded.tagExpirationSeconds) : -1);
    }
    // Quay shows the time machine only where it can be changed.
    const bool timeMachine = m_config->hasFeature(QStringLiteral("CHANGE_TAG_EXPIRATION")) && loaded.tagExpirationSeconds;
    m_timeMachineLabel->setVisible(timeMachine);
    m_timeMachine->parentWidget()->setVisible(timeMachine);
    m_state->showContent();
    validate();
}

std::optional<qint64> NamespaceSettingsTab::chosenExpiration() const
{
    if (m_timeMachine->currentIndex() < 0 || m_timeMachine->parentWidget()->isHidden())
        return std::nullopt;
    return m_timeMachine->currentData().toLongLong();
}

void NamespaceSettingsTab::checkEmail()
{
    const QString email = m_email->text().trimmed();
    m_emailMessage->setVisible(!email.isEmpty() && !NameRules::isEmail(email));
    m_emailMessage->setText(tr("Please enter a valid email address"));
}

void NamespaceSettingsTab::validate()
{
    const QString email = m_email->text().trimmed();
    // An organization may have no address; a user needs one.
    const bool emailOk = email.isEmpty() ? !m_user : NameRules::isEmail(email);
    if (emailOk)
        m_emailMessage->hide();
    const std::optional<qint64> expiration = chosenExpiration();
    const bool dirty = email != m_loaded.email || (expiration && expiration != m_loaded.tagExpirationSeconds);
    m_saveButton->setEnabled(dirty && emailOk && !m_save.isActive() && m_state->state() == LoadStateView::State::Content);
}

void NamespaceSettingsTab::save()
{
    validate();
    if (!m_saveButton->isEnabled())
        return checkEmail();
    client::NamespaceSettings settings;
    const QString email = m_email->text().trimmed();
    if (email != m_loaded.email)
        settings.email = email;
    const std::optional<qint64> expiration = chosenExpiration();
    if (expiration && expiration != m_loaded.tagExpirationSeconds)
        settings.tagExpirationSeconds = expiration;
    client::Reply<client::Done> *reply = m_user ? client::session::updateSettings(m_client, settings)
                                                : client::organizations::updateSettings(m_client, m_namespace, settings);
    m_save.start(reply);
    m_saveButton->setEnabled(false);
    reply->then(this, [this, email, expiration](const Result<client::Done> &done) {
        m_save.finish();
        if (!done) {
            validate();
            return emit notify(done.error().message, false);
        }
        m_loaded.email = email;
        if (expiration)
            m_loaded.tagExpirationSeconds = expiration;
        validate();
        emit notify(tr("Successfully updated settings"), true);
    });
}

} // namespace kai::console
