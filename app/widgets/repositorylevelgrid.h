#pragma once

#include "models/repositorylevelmodel.h"

#include <QPointer>
#include <QWidget>

class QToolButton;

namespace kai::client {
class ApiClient;
class ReplyBase;
}

namespace kai::console {

class LoadStateView;
class SelectableTable;

// The "repository / permissions" grid (console-workflows §3.3.1 and §3.3.2
// step 3): every repository of a namespace, a level editor per row (None,
// Read, Write, Admin), and a menu that applies one level to all selected
// rows. It loads the repositories itself, every page.
//
// Child objectNames: repositoryLevelFilter, repositoryLevelShow,
// repositoryLevelTable, repositoryLevelBulkButton (menu actions bulkLevelNone,
// bulkLevelRead, bulkLevelWrite, bulkLevelAdmin); the level editor of a row is
// a QComboBox named levelEditor.
class RepositoryLevelGrid final : public QWidget
{
    Q_OBJECT

public:
    explicit RepositoryLevelGrid(QWidget *parent = nullptr);
    ~RepositoryLevelGrid() override;
    Q_DISABLE_COPY_MOVE(RepositoryLevelGrid)

    // Loads the repositories of `namespaceName` and shows them with their
    // `current` levels (absent = None). Emits loaded() when shown.
    void load(client::ApiClient &client, const QString &namespaceName, const QHash<QString, RepositoryLevel> &current = {});
    // Shows `message` with Retry (retryRequested()) instead of the grid.
    void showError(const QString &message);
    void showBusy();

    RepositoryLevelModel *model() const { return m_model; }
    SelectableTable *selectableTable() const { return m_table; }

signals:
    void loaded();
    void retryRequested();

private:
    void loadPage(client::ApiClient &client, const QString &namespaceName, const QString &nextPage, int pageCount);
    void updateBulkButton();

    RepositoryLevelModel *m_model;
    SelectableTable *m_table;
    QToolButton *m_bulk;
    QPointer<client::ReplyBase> m_load;
    QList<client::RepositorySummary> m_loading;
    QHash<QString, RepositoryLevel> m_current;
};

} // namespace kai::console
