#include "prototypelistmodel.h"

#include "models/repositorypermissionmodel.h"

namespace kai::console {

PrototypeListModel::PrototypeListModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("prototypeModel"));
}

void PrototypeListModel::setPrototypes(const QList<client::Prototype> &prototypes)
{
    if (prototypes.isEmpty() && m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows = prototypes;
    endResetModel();
}

int PrototypeListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

void PrototypeListModel::replace(const client::Prototype &prototype)
{
    const int row = rowOf(prototype.id);
    if (row < 0)
        return;
    m_rows[row] = prototype;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PrototypeListModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

QString PrototypeListModel::kindLabel(const client::Entity &entity)
{
    if (entity.kind == client::Entity::Kind::Team)
        return tr("Team");
    return entity.isRobot ? tr("Robot account") : tr("User");
}

QString PrototypeListModel::creatorLabel(const client::Prototype &prototype)
{
    return prototype.activatingUser ? prototype.activatingUser->name : tr("organization default");
}

int PrototypeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PrototypeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrototypeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::Prototype &prototype = m_rows.at(index.row());
    if (role == SortRole && index.column() == PermissionColumn)
        return int(prototype.role);
    if (role == Qt::EditRole && index.column() == PermissionColumn)
        return client::repositoryRoleName(prototype.role);
    if (role == Qt::ToolTipRole && index.column() == DelegateColumn)
        return kindLabel(prototype.delegate);
    if (role == Qt::ToolTipRole && index.column() == CreatorColumn && !prototype.activatingUser)
        return tr("Applies to repositories created by anyone");
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != SortRole)
        return {};
    switch (index.column()) {
    case CreatorColumn:
        return creatorLabel(prototype);
    case DelegateColumn:
        return prototype.delegate.name;
    case PermissionColumn:
        return RepositoryPermissionModel::roleLabel(prototype.role);
    default:
        return {};
    }
}

bool PrototypeListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != PermissionColumn || role != Qt::EditRole)
        return false;
    const std::optional<client::RepositoryRole> picked = client::repositoryRoleFromName(value.toString());
    if (!picked)
        return false;
    const client::Prototype &prototype = m_rows.at(index.row());
    if (*picked != prototype.role)
        emit roleChangeRequested(prototype.id, *picked);
    // The row keeps its role until the server's answer arrives (replace()).
    return false;
}

Qt::ItemFlags PrototypeListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags base = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == PermissionColumn)
        base |= Qt::ItemIsEditable;
    return base;
}

QVariant PrototypeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatorColumn:
        return tr("Repository Created By");
    case DelegateColumn:
        return tr("Permission Applied To");
    case PermissionColumn:
        return tr("Permission");
    default:
        return {};
    }
}

} // namespace kai::console
