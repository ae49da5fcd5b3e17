#include "repositoryvisibilitysection.h"

#include "client/endpoints/repositories.h"
#include "widgets/listpagekit.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

RepositoryVisibilitySection::RepositoryVisibilitySection(client::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_text(new QLabel), m_button(new QPushButton)
{
    setObjectName(QStringLiteral("repositoryVisibilitySection"));
    m_text->setObjectName(QStringLiteral("visibilityText"));
    m_text->setWordWrap(true);
    m_button->setObjectName(QStringLiteral("changeVisibilityButton"));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_button);
    buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(ListPageKit::title(tr("Repository visibility")));
    layout->addWidget(m_text);
    layout->addLayout(buttonRow);
    layout->addStretch(1);
    connect(m_button, &QPushButton::clicked, this, &RepositoryVisibilitySection::change);
}

void RepositoryVisibilitySection::setRepository(const client::RepositoryDetails &repository)
{
    if (m_request)
        m_request->cancel();
    m_repository = repository;
    showVisibility();
}

void RepositoryVisibilitySection::showVisibility()
{
    m_button->setEnabled(!m_request);
    if (m_repository.isPublic) {
        m_text->setText(tr("This Repository is currently public and is visible to all users, and may be pulled by all users."));
        m_button->setText(tr("Make private"));
    } else {
        m_text->setText(tr("This Repository is currently private. Only users on the permissions list may view and "
                           "interact with it."));
        m_button->setText(tr("Make public"));
    }
}

void RepositoryVisibilitySection::change()
{
    if (m_request || m_repository.name.isEmpty())
        return;
    const bool makePublic = !m_repository.isPublic;
    auto *reply = client::repositories::changeVisibility(m_client, m_repository.namespaceName, m_repository.name,
                                                         makePublic ? client::Visibility::Public : client::Visibility::Private);
    m_request = reply;
    m_button->setEnabled(false);
    reply->then(this, [this, makePublic](const Result<client::Done> &result) {
        m_request = nullptr;
        if (!result) {
            showVisibility();
            emit notify(tr("Unable to change visibility: %1").arg(result.error().message), false);
            return;
        }
        m_repository.isPublic = makePublic;
        showVisibility();
        emit notify(makePublic ? tr("Repository %1 is now public").arg(m_repository.fullName())
                               : tr("Repository %1 is now private").arg(m_repository.fullName()),
                    true);
        emit visibilityChanged(makePublic);
    });
}

} // namespace kai::console
