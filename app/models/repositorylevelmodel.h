#pragma once

#include "client/types/permission.h"
#include "client/types/repository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace kai::console {

// The level a row grants: no direct grant, or one of Quay's roles. When
// several robots are edited together and differ on a repository, its row
// starts Mixed (and stays untouched unless a level is picked).
enum class RepositoryLevel { None, Read, Write, Admin, Mixed };

std::optional<client::RepositoryRole> roleOfLevel(RepositoryLevel choice);
RepositoryLevel levelOfRole(std::optional<client::RepositoryRole> role);

// The repository grid of "Set repository permissions" and of the create
// robot wizard (console-workflows §3.3.1, §3.3.2 step 3): every repository
// of the namespace with a select box, its current level and the level the
// person picks. Picking a level other than None selects the row.
class RepositoryLevelModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SelectColumn, RepositoryColumn, PermissionColumn, LastUpdatedColumn, ColumnCount };
    // SortRole orders rows; LevelRole is the picked RepositoryLevel as an int
    // (what the level editor reads and writes).
    enum Role { SortRole = Qt::UserRole + 1, LevelRole };

    // A repository whose level changes.
    struct Change
    {
        QString repository;
        RepositoryLevel from = RepositoryLevel::None;
        RepositoryLevel to = RepositoryLevel::None;
    };

    explicit RepositoryLevelModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoryLevelModel)

    // The rows: `repositories` with their current levels (absent = None).
    // Forgets every pick.
    void setRepositories(const QList<client::RepositorySummary> &repositories,
                         const QHash<QString, RepositoryLevel> &current = {});
    void clear() { setRepositories({}); }

    int rowOf(const QString &repository) const;
    QString repository(int row) const { return m_rows.at(row).repository.name; }
    RepositoryLevel chosen(int row) const { return m_rows.at(row).chosen; }

    // Picks `choice` for the row (and selects it unless None).
    void choose(int row, RepositoryLevel choice);
    // Picks `choice` for every selected row (the grid's bulk menu).
    void chooseForSelected(RepositoryLevel choice);
    int selectedCount() const;

    // The rows whose picked level differs from the current one.
    QList<Change> changes() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "None", "Read", "Write", "Admin", "Mixed" and what each allows.
    static QString label(RepositoryLevel choice);
    static QString description(RepositoryLevel choice);

signals:
    // The set of changes or of selected rows changed.
    void choicesChanged();

private:
    struct Row
    {
        client::RepositorySummary repository;
        RepositoryLevel current = RepositoryLevel::None;
        RepositoryLevel chosen = RepositoryLevel::None;
        bool selected = false;
    };

    void setSelected(int row, bool selected);
    void rowChanged(int row);

    QList<Row> m_rows;
};

} // namespace kai::console
