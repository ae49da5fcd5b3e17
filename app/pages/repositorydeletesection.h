#pragma once

#include "client/apiclient.h"
#include "client/types/repository.h"

#include <QPointer>
#include <QWidget>

class QPushButton;

namespace kai::console {

// "Delete Repository" of a repository's Settings (console-workflows
// §5.6.5): the warning, and the dialog that deletes only once "ns/repo" is
// typed (DELETE /api/v1/repository/{ns}/{repo}).
//
// Child objectNames: deleteRepositoryButton; the dialog is a
// TypedConfirmDialog.
class RepositoryDeleteSection final : public QWidget
{
    Q_OBJECT

public:
    RepositoryDeleteSection(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoryDeleteSection)

    void setRepository(const client::RepositoryDetails &repository);

signals:
    void notify(const QString &text, bool success);
    // The server deleted the repository "ns/repo".
    void repositoryDeleted(const QString &fullName);

private:
    void confirmDeletion();
    void sendDeletion();

    client::ApiClient &m_client;
    client::RepositoryDetails m_repository;
    QPointer<client::ReplyBase> m_request;
    QPushButton *m_delete;
};

} // namespace kai::console
