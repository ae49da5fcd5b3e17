#include "createrepositorydialog.h"

#include "client/endpoints/repositories.h"
#include "validation/namerules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace kai::console {

CreateRepositoryDialog::CreateRepositoryDialog(client::ApiClient &client, const QStringList &namespaces, QWidget *parent)
    : QDialog(parent), m_client(client), m_namespace(new QComboBox), m_name(new QLineEdit), m_nameMessage(new QLabel),
      m_description(new QPlainTextEdit), m_public(new QRadioButton(tr("Public"))),
      m_private(new QRadioButton(tr("Private"))), m_error(new QLabel), m_create(new QPushButton(tr("Create")))
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
    m_error->setObjectName(QStringLiteral("createError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_error->hide();
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);

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
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &CreateRepositoryDialog::submit);
    connect(m_name, &QLineEdit::textChanged, this, &CreateRepositoryDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_name->setFocus();
    validate();
}

void CreateRepositoryDialog::done(int result)
{
    m_pending.cancel();
    QDialog::done(result);
}

void CreateRepositoryDialog::validate()
{
    const QString name = m_name->text();
    const NameCheck check = NameRules::repository(name);
    m_nameMessage->setText(name.isEmpty() ? QString() : check.error);
    m_create->setEnabled(!name.isEmpty() && check.acceptable() && m_namespace->count() > 0 && !m_pending.isActive());
}

void CreateRepositoryDialog::submit()
{
    validate();
    if (!m_create->isEnabled())
        return;
    m_error->hide();
    client::NewRepository repository{m_namespace->currentText(), m_name->text(),
                                     m_public->isChecked() ? client::Visibility::Public : client::Visibility::Private,
                                     m_description->toPlainText()};
    auto *reply = client::repositories::create(m_client, repository);
    m_pending.start(reply);
    m_create->setEnabled(false);
    const QString fullName = repository.namespaceName + u'/' + repository.name;
    reply->then(this, [this, fullName](const Result<client::Done> &result) {
        m_pending.finish();
        validate();
        if (!result) {
            m_error->setText(tr("Unable to create repository: %1").arg(result.error().message));
            m_error->show();
            return;
        }
        emit created(fullName);
        accept();
    });
}

} // namespace kai::console
