#include "repositorylevelmodel.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace kai::console {

std::optional<client::RepositoryRole> roleOfLevel(RepositoryLevel choice)
{
    switch (choice) {
    case RepositoryLevel::Read:
        return client::RepositoryRole::Read;
    case RepositoryLevel::Write:
        return client::RepositoryRole::Write;
    case RepositoryLevel::Admin:
        return client::RepositoryRole::Admin;
    case RepositoryLevel::None:
    case RepositoryLevel::Mixed:
        break;
    }
    return std::nullopt;
}

RepositoryLevel levelOfRole(std::optional<client::RepositoryRole> role)
{
    if (!role)
        return RepositoryLevel::None;
    switch (*role) {
    case client::RepositoryRole::Read:
        return RepositoryLevel::Read;
    case client::RepositoryRole::Write:
        return RepositoryLevel::Write;
    case client::RepositoryRole::Admin:
        return RepositoryLevel::Admin;
    }
    return RepositoryLevel::None;
}

RepositoryLevelModel::RepositoryLevelModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("repositoryLevelModel"));
}

void RepositoryLevelModel::setRepositories(const QList<client::RepositorySummary> &repositories,
                                          const QHash<QString, RepositoryLevel> &current)
{
    if (repositories.isEmpty() && m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(repositories.size());
    for (const client::RepositorySummary &repository : repositories) {
        const RepositoryLevel level = current.value(repository.name, RepositoryLevel::None);
        m_rows.append({repository, level, level, false});
    }
    endResetModel();
    emit choicesChanged();
}

int RepositoryLevelModel::rowOf(const QString &repository) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).repository.name == repository)
            return int(i);
    }
    return -1;
}

void RepositoryLevelModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit choicesChanged();
}

void RepositoryLevelModel::choose(int row, RepositoryLevel choice)
{
    Row &entry = m_rows[row];
    if (choice == RepositoryLevel::Mixed && entry.current != RepositoryLevel::Mixed)
        return;
    entry.chosen = choice;
    if (choice != RepositoryLevel::None && choice != RepositoryLevel::Mixed)
        entry.selected = true;
    rowChanged(row);
}

void RepositoryLevelModel::setSelected(int row, bool selected)
{
    m_rows[row].selected = selected;
    rowChanged(row);
}

void RepositoryLevelModel::chooseForSelected(RepositoryLevel choice)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).selected)
            choose(int(i), choice);
    }
}

int RepositoryLevelModel::selectedCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.selected; }));
}

QList<RepositoryLevelModel::Change> RepositoryLevelModel::changes() const
{
    QList<Change> changes;
    for (const Row &row : m_rows) {
        if (row.chosen != row.current)
            changes.append({row.repository.name, row.current, row.chosen});
    }
    return changes;
}

int RepositoryLevelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RepositoryLevelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RepositoryLevelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (role == LevelRole)
        return int(row.chosen);
    if (role == Qt::CheckStateRole && column == SelectColumn)
        return row.selected ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::FontRole && column == PermissionColumn && row.chosen != row.current) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole && column == PermissionColumn)
        return description(row.chosen);
    if (role == SortRole) {
        switch (column) {
        case SelectColumn:
            return int(row.selected);
        case PermissionColumn:
            return int(row.chosen);
        case LastUpdatedColumn:
            return row.repository.lastModified ? row.repository.lastModified->toMSecsSinceEpoch() : qint64(0);
        default:
            role = Qt::DisplayRole;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case RepositoryColumn:
        return row.repository.name;
    case PermissionColumn:
        return label(row.chosen);
    case LastUpdatedColumn:
        return row.repository.lastModified
                   ? QLocale().toString(row.repository.lastModified->toLocalTime(), QLocale::ShortFormat)
                   : tr("Never");
    default:
        return {};
    }
}

bool RepositoryLevelModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role == Qt::CheckStateRole && index.column() == SelectColumn) {
        setSelected(index.row(), value.toInt() == Qt::Checked);
        return true;
    }
    if (role == LevelRole && index.column() == PermissionColumn) {
        bool ok = false;
        const int choice = value.toInt(&ok);
        if (!ok || choice < int(RepositoryLevel::None) || choice > int(RepositoryLevel::Mixed))
            return false;
        choose(index.row(), RepositoryLevel(choice));
        return true;
    }
    return false;
}

Qt::ItemFlags RepositoryLevelModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == SelectColumn)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == PermissionColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant RepositoryLevelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RepositoryColumn:
        return tr("Repository");
    case PermissionColumn:
        return tr("Permissions");
    case LastUpdatedColumn:
        return tr("Last Updated");
    default:
        return {};
    }
}

QString RepositoryLevelModel::label(RepositoryLevel choice)
{
    switch (choice) {
    case RepositoryLevel::None:
        return tr("None");
    case RepositoryLevel::Read:
        return tr("Read");
    case RepositoryLevel::Write:
        return tr("Write");
    case RepositoryLevel::Admin:
        return tr("Admin");
    case RepositoryLevel::Mixed:
        return tr("Mixed");
    }
    return {};
}

QString RepositoryLevelModel::description(RepositoryLevel choice)
{
    switch (choice) {
    case RepositoryLevel::None:
        return tr("No permissions on the repository");
    case RepositoryLevel::Read:
        return tr("Can view and pull from the repository");
    case RepositoryLevel::Write:
        return tr("Can view, pull, and push to the repository");
    case RepositoryLevel::Admin:
        return tr("Full admin access to the repository");
    case RepositoryLevel::Mixed:
        return tr("The selected robot accounts differ here; unchanged unless you pick a level");
    }
    return {};
}

} // namespace kai::console
