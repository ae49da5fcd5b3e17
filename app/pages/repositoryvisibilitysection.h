#pragma once

#include "client/apiclient.h"
#include "client/types/repository.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace kai::console {

// "Repository visibility" of a repository's Settings (console-workflows
// §5.6.4): what the current visibility means, and "Make public" or "Make
// private" (POST .../changevisibility).
//
// Child objectNames: visibilityText, changeVisibilityButton.
class RepositoryVisibilitySection final : public QWidget
{
    Q_OBJECT

public:
    RepositoryVisibilitySection(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoryVisibilitySection)

    void setRepository(const client::RepositoryDetails &repository);

signals:
    void notify(const QString &text, bool success);
    // The server changed the visibility.
    void visibilityChanged(bool isPublic);

private:
    void change();
    void showVisibility();

    client::ApiClient &m_client;
    client::RepositoryDetails m_repository;
    QPointer<client::ReplyBase> m_request;
    QLabel *m_text;
    QPushButton *m_button;
};

} // namespace kai::console
