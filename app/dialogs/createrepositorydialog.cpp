#include "createrepositorydialog.h"

#include "client/endpoints/repositories.h"
#include "validation/namerules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>

namespace kai::console {

CreateRepositoryDialog::CreateRepositoryDialog(client::ApiClient &client, const QStringList &namespaces, QWidget *parent)
    : CreateDialog(tr("Create"), parent), m_client(client), m_namespace(new QComboBox), m_name(new QLineEdit), m_nameMessage(new QLabel),
      m_description(new QPlainTextEdit), m_public(new QRadioButton(tr("Public"))),
      m_private(new QRadioButton(tr("Private")))
{
    setObjectName(QStringLiteral("createRepositoryDialog"));
    setWindowTitle(tr("Create repository"));
    setMinimumWidth(480);
    m_namespace->setObjectName(QStringLiteral("namespaceCombo"));
    m_namespace->addItems(namespaces);
    m_namespace->setEnabled(namespaces.size() > 1);
    m_namespace->setToolTip(tr("Select a namespace"));
    m_name->setObjectName(QStringLiteral("repositoryNameEdit"));
    m_nameMessage->setObjectName(QStringLiteral("repositoryNameMessage"));
    m_nameMessage->setWordWrap(true);
    m_nameMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_description->setObjectName(QStringLiteral("repositoryDescriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    m_public->setObjectName(QStringLiteral("publicRadio"));
    m_private->setObjectName(QStringLiteral("privateRadio"));
    m_public->setChecked(true);

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_namespace);
    nameRow->addWidget(new QLabel(QStringLiteral("/")));
    nameRow->addWidget(m_name, 1);
    auto *visibilityRow = new QHBoxLayout;
    visibilityRow->addWidget(m_public);
    visibilityRow->addWidget(m_private);
    visibilityRow->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Repository name"), nameRow);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Repository description"), m_description);
    form->addRow(tr("Repository visibility"), visibilityRow);
    connect(m_name, &QLineEdit::textChanged, this, &CreateRepositoryDialog::validate);

    finishLayout(form);
    m_name->setFocus();
    validate();
}

void CreateRepositoryDialog::validate()
{
    const QString name = m_name->text();
    const NameCheck check = NameRules::repository(name);
    m_nameMessage->setText(name.isEmpty() ? QString() : check.error);
    setCreateEnabled(!name.isEmpty() && check.acceptable() && m_namespace->count() > 0 && !isSending());
}

void CreateRepositoryDialog::submit()
{
    if (!readyToSend())
        return;
    client::NewRepository repository{m_namespace->currentText(), m_name->text(),
                                     m_public->isChecked() ? client::Visibility::Public : client::Visibility::Private,
                                     m_description->toPlainText()};
    const QString fullName = repository.namespaceName + u'/' + repository.name;
    send(client::repositories::create(m_client, repository), tr("Unable to create repository: %1"),
         [this, fullName](const client::Done &) { emit created(fullName); });
}

} // namespace kai::console
