#include "repositorydeletesection.h"

#include "client/endpoints/repositories.h"
#include "dialogs/typedconfirmdialog.h"
#include "widgets/listpagekit.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

RepositoryDeleteSection::RepositoryDeleteSection(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_delete(new QPushButton(tr("Delete Repository")))
{
    setObjectName(QStringLiteral("repositoryDeleteSection"));
    auto *banner = new QLabel(tr("Deleting a repository cannot be undone. Here be dragons!"));
    banner->setObjectName(QStringLiteral("deleteRepositoryBanner"));
    banner->setWordWrap(true);
    banner->setStyleSheet(QStringLiteral("QLabel { color: #7d1007; background-color: #faeae8; border-left: 3px solid #c9190b; "
                                         "padding: 8px; }"));
    m_delete->setObjectName(QStringLiteral("deleteRepositoryButton"));
    m_delete->setStyleSheet(QStringLiteral("QPushButton:enabled { color: white; background-color: #c9190b; }"));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_delete);
    buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(ListPageKit::title(tr("Delete Repository")));
    layout->addWidget(banner);
    layout->addLayout(buttonRow);
    layout->addStretch(1);
    connect(m_delete, &QPushButton::clicked, this, &RepositoryDeleteSection::confirmDeletion);
}

void RepositoryDeleteSection::setRepository(const client::RepositoryDetails &repository)
{
    if (m_request)
        m_request->cancel();
    m_repository = repository;
    m_delete->setEnabled(true);
}

void RepositoryDeleteSection::confirmDeletion()
{
    if (m_repository.name.isEmpty() || m_request)
        return;
    const QString fullName = m_repository.fullName();
    auto *confirm = new TypedConfirmDialog(
        tr("Delete Repository?"),
        tr("You are requesting to delete the repository %1. This action is irreversible.").arg(fullName), {fullName},
        this, fullName);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, &RepositoryDeleteSection::sendDeletion);
    confirm->open();
}

void RepositoryDeleteSection::sendDeletion()
{
    const QString fullName = m_repository.fullName();
    auto *reply = client::repositories::remove(m_client, m_repository.namespaceName, m_repository.name);
    m_request = reply;
    m_delete->setEnabled(false);
    reply->then(this, [this, fullName](const Result<client::Done> &result) {
        m_request = nullptr;
        m_delete->setEnabled(true);
        if (!result) {
            emit notify(tr("Unable to delete repository: %1").arg(result.error().message), false);
            return;
        }
        emit repositoryDeleted(fullName);
    });
}

} // namespace kai::console
