#include "createorganizationdialog.h"

#include "client/endpoints/organizations.h"
#include "validation/namerules.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace kai::console {

CreateOrganizationDialog::CreateOrganizationDialog(client::ApiClient &client, QWidget *parent)
    : CreateDialog(tr("Create"), parent), m_client(client), m_name(new QLineEdit), m_nameMessage(new QLabel),
      m_email(new QLineEdit), m_emailMessage(new QLabel)
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

    auto *form = new QFormLayout;
    form->addRow(tr("Organization Name"), m_name);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Email (Optional)"), m_email);
    form->addRow(QString(), m_emailMessage);
    connect(m_name, &QLineEdit::textChanged, this, &CreateOrganizationDialog::validate);
    connect(m_email, &QLineEdit::textChanged, this, &CreateOrganizationDialog::validate);
    connect(m_email, &QLineEdit::editingFinished, this, &CreateOrganizationDialog::checkEmail);

    finishLayout(form);
    validate();
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
    setCreateEnabled(!name.isEmpty() && check.acceptable() && (email.isEmpty() || NameRules::isEmail(email))
                         && !isSending());
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
    if (!readyToSend())
        return;
    const QString name = m_name->text();
    send(client::organizations::create(m_client, name, m_email->text()), tr("Unable to create organization: %1"),
         [this, name](const client::Done &) { emit created(name); });
}

} // namespace kai::console
