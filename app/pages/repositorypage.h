#pragma once

#include "client/apiclient.h"
#include "client/types/repository.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace kai::console {

class LoadStateView;
class RepositoryInformationTab;
class RepositorySettingsTab;

// A repository's page (console-workflows §5): "namespace/name" as the title
// and its tabs, decided by GET /api/v1/repository/{ns}/{repo}: "Information"
// for everyone who can read it, "Settings" only with can_admin. Tags and
// logs come later.
//
// Child objectNames: repositoryTitle, repositoryTabs, and the tabs'
// repositoryInformationTab and repositorySettingsTab.
class RepositoryPage final : public QWidget
{
    Q_OBJECT

public:
    RepositoryPage(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoryPage)

    // Shows `namespaceName`/`name` and loads it.
    void setRepository(const QString &namespaceName, const QString &name);
    QString fullName() const { return m_namespace + u'/' + m_name; }
    QString namespaceName() const { return m_namespace; }
    QString name() const { return m_name; }
    void reload();
    // Brings the Settings tab forward (when the person may see it).
    void showSettings();
    // What the last load answered (empty until then).
    const client::RepositoryDetails &details() const { return m_details; }
    RepositorySettingsTab *settings() const { return m_settings; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void notify(const QString &text, bool success);
    // The repository was deleted from its Settings: the console goes back
    // to the Repositories list.
    void repositoryDeleted(const QString &fullName);

private:
    void display(const client::RepositoryDetails &details);

    client::ApiClient &m_client;
    QString m_namespace;
    QString m_name;
    client::RepositoryDetails m_details;
    QPointer<client::ReplyBase> m_load;
    QLabel *m_title;
    QTabWidget *m_tabs;
    LoadStateView *m_state;
    RepositoryInformationTab *m_information;
    RepositorySettingsTab *m_settings;
};

} // namespace kai::console
