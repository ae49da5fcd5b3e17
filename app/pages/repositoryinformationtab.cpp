#include "repositoryinformationtab.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kai::console {

namespace {

QLineEdit *commandField(const QString &objectName)
{
    auto *field = new QLineEdit;
    field->setObjectName(objectName);
    field->setReadOnly(true);
    return field;
}

} // namespace

RepositoryInformationTab::RepositoryInformationTab(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel), m_podmanPull(commandField(QStringLiteral("podmanPullField"))),
      m_dockerPull(commandField(QStringLiteral("dockerPullField"))), m_description(new QTextBrowser)
{
    setObjectName(QStringLiteral("repositoryInformationTab"));
    m_summary->setObjectName(QStringLiteral("repositorySummary"));
    m_description->setObjectName(QStringLiteral("repositoryDescription"));
    m_description->setOpenExternalLinks(true);

    auto *pull = new QGroupBox(tr("Pull Commands"));
    auto *pullForm = new QFormLayout(pull);
    pullForm->addRow(tr("Podman"), m_podmanPull);
    pullForm->addRow(tr("Docker"), m_dockerPull);
    auto *description = new QGroupBox(tr("Description"));
    auto *descriptionLayout = new QVBoxLayout(description);
    descriptionLayout->addWidget(m_description);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(pull);
    layout->addWidget(description, 1);
}

// Quay's repository states in words; a state this console does not know
// is shown as the server names it.
QString RepositoryInformationTab::stateLabel(const QString &state)
{
    if (state == QLatin1String("READ_ONLY"))
        return tr("Read-only");
    if (state == QLatin1String("MIRROR"))
        return tr("Mirror");
    if (state == QLatin1String("ORG_MIRROR"))
        return tr("Organization mirror");
    if (state == QLatin1String("NORMAL"))
        return tr("Normal");
    return state;
}

void RepositoryInformationTab::setRepository(const client::RepositoryDetails &repository, const QString &host)
{
    const QString visibility = repository.isPublic ? tr("Public") : tr("Private");
    // Only an unusual state is worth a word; NORMAL is what everyone expects.
    m_summary->setText(repository.state.isEmpty() || repository.state == QLatin1String("NORMAL")
                           ? tr("Visibility: %1").arg(visibility)
                           : tr("Visibility: %1 · State: %2").arg(visibility, stateLabel(repository.state)));
    const QString reference = host + u'/' + repository.fullName();
    m_podmanPull->setText(QStringLiteral("podman pull ") + reference);
    m_dockerPull->setText(QStringLiteral("docker pull ") + reference);
    if (repository.description.trimmed().isEmpty())
        m_description->setPlainText(tr("No description provided"));
    else
        m_description->setMarkdown(repository.description);
}

} // namespace kai::console
