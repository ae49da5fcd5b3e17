#include "organizationlistmodel.h"

#include <QSet>

namespace kai::console {

OrganizationListModel::OrganizationListModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("organizationModel"));
}

void OrganizationListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void OrganizationListModel::append(const QList<OrganizationRow> &rows)
{
    QSet<QString> listed;
    for (const OrganizationRow &r : std::as_const(m_rows))
        listed.insert(QString::number(int(r.kind)) + r.name);
    QList<OrganizationRow> fresh;
    for (const OrganizationRow &r : rows) {
        const QString key = QString::number(int(r.kind)) + r.name;
        if (!listed.contains(key)) {
            listed.insert(key);
            fresh.append(r);
        }
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
    m_rows.append(fresh);
    endInsertRows();
}

int OrganizationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrganizationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OrganizationListModel::roleText(const OrganizationRow &row) const
{
    if (row.kind == OrganizationRow::Kind::User) {
        QStringList labels;
        if (row.isYou)
            labels << tr("You");
        if (row.isSuperuser)
            labels << tr("Superuser");
        if (row.disabled)
            labels << tr("Disabled");
        return labels.join(QStringLiteral(", "));
    }
    if (row.isAdmin)
        return tr("Admin");
    if (row.isMember)
        return tr("Member");
    return {};
}

QVariant OrganizationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OrganizationRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case NameColumn: return r.name;
        case KindColumn: return r.kind == OrganizationRow::Kind::User ? tr("User") : tr("Organization");
        case RoleColumn: return roleText(r);
        case EmailColumn: return r.email;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return r.name;
    return {};
}

QVariant OrganizationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case RoleColumn: return tr("Role");
    case EmailColumn: return tr("Email");
    default: return {};
    }
}

} // namespace kai::console
