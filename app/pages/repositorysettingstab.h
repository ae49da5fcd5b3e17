#pragma once

#include "client/apiclient.h"
#include "client/types/repository.h"

#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace kai::console {

class RepositoryDeleteSection;
class RepositoryPermissionsTab;
class RepositoryVisibilitySection;

// A repository's "Settings" tab (console-workflows §5.6, §11): a vertical
// list of sections beside the section shown. This slice has "User and robot
// permissions", "Repository visibility" and "Delete Repository".
//
// Child objectNames: settingsSections (the QListWidget), settingsStack.
class RepositorySettingsTab final : public QWidget
{
    Q_OBJECT

public:
    enum Section { PermissionsSection, VisibilitySection, DeleteSection };

    RepositorySettingsTab(client::ApiClient &client, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositorySettingsTab)

    void setRepository(const client::RepositoryDetails &repository);
    void showSection(Section section);
    RepositoryPermissionsTab *permissions() const { return m_permissions; }

signals:
    void notify(const QString &text, bool success);
    void visibilityChanged(bool isPublic);
    void repositoryDeleted(const QString &fullName);

private:
    QListWidget *m_sections;
    QStackedWidget *m_stack;
    RepositoryPermissionsTab *m_permissions;
    RepositoryVisibilitySection *m_visibility;
    RepositoryDeleteSection *m_delete;
};

} // namespace kai::console
