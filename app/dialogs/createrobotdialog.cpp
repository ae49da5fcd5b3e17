#include "createrobotdialog.h"

#include "client/endpoints/robots.h"
#include "validation/robotnamerule.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace kai::console {

namespace {
constexpr int kMaxDescription = 255;
} // namespace

CreateRobotDialog::CreateRobotDialog(client::ApiClient &client, const QString &organization, QWidget *parent)
    : CreateDialog(tr("Create robot account"), parent), m_client(client), m_organization(organization),
      m_name(new QLineEdit), m_nameMessage(new QLabel), m_description(new QLineEdit)
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

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(organization + u'+'));
    nameRow->addWidget(m_name, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Provide a name for your robot account:"), nameRow);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Provide an optional description for your new robot:"), m_description);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    connect(m_name, &QLineEdit::textChanged, this, &CreateRobotDialog::validate);

    finishLayout(form);
    m_name->setFocus();
    validate();
}

void CreateRobotDialog::validate()
{
    const QString name = m_name->text();
    const QString problem = RobotNameRule::check(name);
    m_nameMessage->setText(name.isEmpty() ? QString() : problem);
    setCreateEnabled(!name.isEmpty() && problem.isEmpty() && !isSending());
}

void CreateRobotDialog::submit()
{
    if (!readyToSend())
        return;
    send(client::robots::create(m_client, m_organization, m_name->text(), m_description->text()),
         tr("Unable to create robot account: %1"), [this](const client::Robot &robot) { emit created(robot); });
}

} // namespace kai::console
