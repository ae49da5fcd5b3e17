#include "createteamdialog.h"

#include "client/endpoints/teams.h"
#include "oci/names.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace kai::console {

CreateTeamDialog::CreateTeamDialog(client::ApiClient &client, const QString &organization,
                                   const QStringList &existingTeams, QWidget *parent)
    : CreateDialog(tr("Proceed"), parent), m_client(client), m_organization(organization), m_existing(existingTeams),
      m_name(new QLineEdit), m_nameMessage(new QLabel), m_description(new QLineEdit)
{
    setObjectName(QStringLiteral("createTeamDialog"));
    setWindowTitle(tr("Create team"));
    setMinimumWidth(480);
    m_name->setObjectName(QStringLiteral("teamNameEdit"));
    m_nameMessage->setObjectName(QStringLiteral("teamNameMessage"));
    m_nameMessage->setWordWrap(true);
    m_nameMessage->setStyleSheet(QStringLiteral("color: #c9190b;"));
    m_description->setObjectName(QStringLiteral("teamDescriptionEdit"));

    auto *form = new QFormLayout;
    form->addRow(tr("Provide a name for your new team:"), m_name);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Provide an optional description for your new team:"), m_description);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    connect(m_name, &QLineEdit::textChanged, this, &CreateTeamDialog::validate);

    finishLayout(form);
    m_name->setFocus();
    validate();
}

QString CreateTeamDialog::nameProblem(const QString &name, const QStringList &existingTeams)
{
    if (!oci::validateNamespaceName(name).ok())
        return tr("Team names are 2 to 255 lowercase letters and digits, separated by single '.', '_' or '-'");
    if (existingTeams.contains(name))
        return tr("Team \"%1\" already exists").arg(name);
    return {};
}

void CreateTeamDialog::validate()
{
    const QString name = m_name->text();
    const QString problem = nameProblem(name, m_existing);
    m_nameMessage->setText(name.isEmpty() ? QString() : problem);
    setCreateEnabled(!name.isEmpty() && problem.isEmpty() && !isSending());
}

void CreateTeamDialog::submit()
{
    if (!readyToSend())
        return;
    send(client::teams::put(m_client, m_organization, m_name->text(), client::TeamRole::Member, m_description->text()),
         tr("Failed to create new team: %1"), [this](const client::Team &team) { emit created(team); });
}

} // namespace kai::console
