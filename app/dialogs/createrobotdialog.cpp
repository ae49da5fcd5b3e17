#include "createrobotdialog.h"

#include "client/endpoints/robots.h"
#include "validation/robotnamerule.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

namespace {
constexpr int kMaxDescription = 255;
} // namespace

CreateRobotDialog::CreateRobotDialog(client::ApiClient &client, const QString &organization, QWidget *parent)
    : QDialog(parent), m_client(client), m_organization(organization), m_name(new QLineEdit), m_nameMessage(new QLabel),
      m_description(new QLineEdit), m_error(new QLabel), m_create(new QPushButton(tr("Create robot account")))
{
    setObjectName(QStringLiteral("createRobotDialog"));
    setWindowTitle(tr("Create robot account (%1)").arg(organization));
    setMinimumWidth(480);
    m_name->setObjectName(QStringLiteral("robotNameEdit"));
    m_nameMessage->setObjectName(QStringLiteral("robotNameMessage"));
    m_nameMessage->setWordWrap(true);
    m_nameMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_description->setObjectName(QStringLiteral("robotDescriptionEdit"));
    m_description->setMaxLength(kMaxDescription);
    m_error->setObjectName(QStringLiteral("createError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_error->hide();
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(organization + u'+'));
    nameRow->addWidget(m_name, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Provide a name for your robot account:"), nameRow);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Provide an optional description for your new robot:"), m_description);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &CreateRobotDialog::submit);
    connect(m_name, &QLineEdit::textChanged, this, &CreateRobotDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_name->setFocus();
    validate();
}

void CreateRobotDialog::done(int result)
{
    m_pending.cancel();
    QDialog::done(result);
}

void CreateRobotDialog::validate()
{
    const QString name = m_name->text();
    const QString problem = RobotNameRule::check(name);
    m_nameMessage->setText(name.isEmpty() ? QString() : problem);
    m_create->setEnabled(!name.isEmpty() && problem.isEmpty() && !m_pending.isActive());
}

void CreateRobotDialog::submit()
{
    validate();
    if (!m_create->isEnabled())
        return;
    m_error->hide();
    auto *reply = client::robots::create(m_client, m_organization, m_name->text(), m_description->text());
    m_pending.start(reply);
    m_create->setEnabled(false);
    reply->then(this, [this](const Result<client::Robot> &result) {
        m_pending.finish();
        validate();
        if (!result) {
            m_error->setText(tr("Unable to create robot account: %1").arg(result.error().message));
            m_error->show();
            return;
        }
        emit created(*result);
        accept();
    });
}

} // namespace kai::console
