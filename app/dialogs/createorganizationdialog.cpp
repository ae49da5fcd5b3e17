#include "createorganizationdialog.h"

#include "client/endpoints/organizations.h"
#include "validation/namerules.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

CreateOrganizationDialog::CreateOrganizationDialog(client::ApiClient &client, QWidget *parent)
    : QDialog(parent), m_client(client), m_name(new QLineEdit), m_nameMessage(new QLabel), m_email(new QLineEdit),
      m_emailMessage(new QLabel), m_error(new QLabel), m_create(new QPushButton(tr("Create")))
{
    setObjectName(QStringLiteral("createOrganizationDialog"));
    setWindowTitle(tr("Create Organization"));
    setMinimumWidth(440);
    m_name->setObjectName(QStringLiteral("organizationNameEdit"));
    m_nameMessage->setObjectName(QStringLiteral("organizationNameMessage"));
    m_nameMessage->setWordWrap(true);
    m_email->setObjectName(QStringLiteral("organizationEmailEdit"));
    m_email->setPlaceholderText(tr("email@provider.com"));
    m_emailMessage->setObjectName(QStringLiteral("organizationEmailMessage"));
    m_emailMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_emailMessage->hide();
    m_error->setObjectName(QStringLiteral("createError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_error->hide();
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Organization Name"), m_name);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Email (Optional)"), m_email);
    form->addRow(QString(), m_emailMessage);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &CreateOrganizationDialog::submit);
    connect(m_name, &QLineEdit::textChanged, this, &CreateOrganizationDialog::validate);
    connect(m_email, &QLineEdit::textChanged, this, &CreateOrganizationDialog::validate);
    connect(m_email, &QLineEdit::editingFinished, this, &CreateOrganizationDialog::checkEmail);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    validate();
}

void CreateOrganizationDialog::done(int result)
{
    m_pending.cancel();
    QDialog::done(result);
}

void CreateOrganizationDialog::validate()
{
    const QString name = m_name->text();
    const NameCheck check = NameRules::organization(name);
    if (name.isEmpty()) {
        m_nameMessage->clear();
    } else if (!check.acceptable()) {
        m_nameMessage->setText(check.error);
        m_nameMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    } else {
        m_nameMessage->setText(check.warning);
        m_nameMessage->setStyleSheet(QStringLiteral("color: #f0ab00;"));
    }
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || NameRules::isEmail(email))
        m_emailMessage->hide();
    m_create->setEnabled(!name.isEmpty() && check.acceptable() && (email.isEmpty() || NameRules::isEmail(email))
                         && !m_pending.isActive());
}

void CreateOrganizationDialog::checkEmail()
{
    const QString email = m_email->text().trimmed();
    if (!email.isEmpty() && !NameRules::isEmail(email)) {
        m_emailMessage->setText(tr("Enter a valid email: email@provider.com"));
        m_emailMessage->show();
    }
}

void CreateOrganizationDialog::submit()
{
    validate();
    if (!m_create->isEnabled())
        return;
    m_error->hide();
    const QString name = m_name->text();
    auto *reply = client::organizations::create(m_client, name, m_email->text());
    m_pending.start(reply);
    m_create->setEnabled(false);
    reply->then(this, [this, name](const Result<client::Done> &result) {
        m_pending.finish();
        validate();
        if (!result) {
            m_error->setText(tr("Unable to create organization: %1").arg(result.error().message));
            m_error->show();
            return;
        }
        emit created(name);
        accept();
    });
}

} // namespace kai::console
