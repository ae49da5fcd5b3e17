#include "repositorypermissionmodel.h"

namespace kai::console {

RepositoryPermissionModel::RepositoryPermissionModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("permissionModel"));
}

void RepositoryPermissionModel::setPermissions(const QList<client::RepositoryPermission> &permissions)
{
    if (permissions.isEmpty() && m_permissions.isEmpty())
        return;
    beginResetModel();
    m_permissions = permissions;
    endResetModel();
}

int RepositoryPermissionModel::rowOf(const client::Grantee &grantee) const
{
    for (qsizetype i = 0; i < m_permissions.size(); ++i) {
        if (m_permissions.at(i).grantee == grantee)
            return int(i);
    }
    return -1;
}

void RepositoryPermissionModel::setRole(const client::Grantee &grantee, client::RepositoryRole role)
{
    const int row = rowOf(grantee);
    if (row < 0) {
        const int end = int(m_permissions.size());
        beginInsertRows({}, end, end);
        m_permissions.append(client::RepositoryPermission{grantee, role});
        endInsertRows();
        return;
    }
    m_permissions[row].role = role;
    const QModelIndex changed = index(row, RoleColumn);
    emit dataChanged(changed, changed);
}

QString RepositoryPermissionModel::roleLabel(client::RepositoryRole role)
{
    switch (role) {
    case client::RepositoryRole::Read:
        return tr("Read");
    case client::RepositoryRole::Write:
        return tr("Write");
    case client::RepositoryRole::Admin:
        return tr("Admin");
    }
    return {};
}

QString RepositoryPermissionModel::kindLabel(client::Grantee::Kind kind)
{
    switch (kind) {
    case client::Grantee::Kind::User:
        return tr("User");
    case client::Grantee::Kind::Robot:
        return tr("Robot");
    case client::Grantee::Kind::Team:
        return tr("Team");
    }
    return {};
}

int RepositoryPermissionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_permissions.size());
}

int RepositoryPermissionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RepositoryPermissionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::RepositoryPermission &permission = m_permissions.at(index.row());
    if (role == SortRole && index.column() == RoleColumn)
        return int(permission.role);
    if (role == Qt::EditRole && index.column() == RoleColumn)
        return client::repositoryRoleName(permission.role);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case AccountColumn:
        return permission.grantee.name;
    case TypeColumn:
        return kindLabel(permission.grantee.kind);
    case RoleColumn:
        return roleLabel(permission.role);
    default:
        return {};
    }
}

QVariant RepositoryPermissionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case TypeColumn:
        return tr("Type");
    case RoleColumn:
        return tr("Permissions");
    default:
        return {};
    }
}

Qt::ItemFlags RepositoryPermissionModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == RoleColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool RepositoryPermissionModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != RoleColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const std::optional<client::RepositoryRole> wanted = client::repositoryRoleFromName(value.toString());
    const client::RepositoryPermission &permission = m_permissions.at(index.row());
    if (wanted && *wanted != permission.role)
        emit roleChangeRequested(permission.grantee, *wanted);
    return false;
}

} // namespace kai::console
