#pragma once

#include "client/types/prototype.h"

#include <QAbstractTableModel>
#include <QList>

namespace kai::console {

// The default permissions of an organization (console-workflows §3.4):
// who creates the repository ("organization default" for anyone), who gets
// the permission, and the role. The role is editable; the model does not
// change it itself but asks (roleChangeRequested) and shows the server's
// answer through replace().
class PrototypeListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CreatorColumn, DelegateColumn, PermissionColumn, ColumnCount };
    // SortRole orders rows; the Permission column's Qt::EditRole is Quay's
    // role name ("write"), what RoleEditorDelegate reads and writes.
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit PrototypeListModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PrototypeListModel)

    void setPrototypes(const QList<client::Prototype> &prototypes);
    void clear() { setPrototypes({}); }
    const client::Prototype &prototype(int row) const { return m_rows.at(row); }
    // The row of the default permission `id`, -1 when not listed.
    int rowOf(const QString &id) const;
    // Shows the server's view of one row (after its role changed).
    void replace(const client::Prototype &prototype);
    void remove(const QString &id);

    // "Team", "Robot account", "User".
    static QString kindLabel(const client::Entity &entity);
    // The creator column's text: the user, or "organization default".
    static QString creatorLabel(const client::Prototype &prototype);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The person picked `role` for the row's default permission.
    void roleChangeRequested(const QString &id, client::RepositoryRole role);

private:
    QList<client::Prototype> m_rows;
};

} // namespace kai::console
