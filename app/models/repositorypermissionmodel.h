#pragma once

#include "client/types/permission.h"

#include <QAbstractTableModel>
#include <QList>

namespace kai::console {

// The direct permissions of one repository (console-workflows §5.6.1):
// users, robots and teams with their role. The role column is editable;
// an edit does not change the row but asks for the change
// (roleChangeRequested), which the row shows once the server agreed
// (setRole).
class RepositoryPermissionModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AccountColumn, TypeColumn, RoleColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit RepositoryPermissionModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RepositoryPermissionModel)

    void setPermissions(const QList<client::RepositoryPermission> &permissions);
    void clear() { setPermissions({}); }
    const client::RepositoryPermission &permission(int row) const { return m_permissions.at(row); }
    // The row of `grantee`, -1 when it holds no permission here.
    int rowOf(const client::Grantee &grantee) const;
    // The grantee's role as the server now has it: changes the row, or adds
    // one for a new grantee. Called with the unchanged role it still
    // refreshes the row (an inline editor shows the role again after a
    // refused change).
    void setRole(const client::Grantee &grantee, client::RepositoryRole role);

    // The person-readable names of roles and kinds ("Read", "Robot").
    static QString roleLabel(client::RepositoryRole role);
    static QString kindLabel(client::Grantee::Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // On the role column with Qt::EditRole and a role name ("write"): emits
    // roleChangeRequested and returns false, the row is unchanged.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void roleChangeRequested(const client::Grantee &grantee, client::RepositoryRole role);

private:
    QList<client::RepositoryPermission> m_permissions;
};

} // namespace kai::console
