#include "teammembermodel.h"

namespace kai::console {

TeamMemberModel::TeamMemberModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("teamMemberModel"));
}

void TeamMemberModel::setMembers(const QList<client::TeamMember> &members)
{
    if (members.isEmpty() && m_members.isEmpty())
        return;
    beginResetModel();
    m_members = members;
    endResetModel();
}

int TeamMemberModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_members.size(); ++i) {
        if (m_members.at(i).name == name)
            return int(i);
    }
    return -1;
}

int TeamMemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int TeamMemberModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamMemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || role != Qt::DisplayRole)
        return {};
    const client::TeamMember &member = m_members.at(index.row());
    if (index.column() == NameColumn)
        return member.name;
    if (index.column() != AccountColumn)
        return {};
    if (member.invited)
        return tr("(Invited)");
    return member.kind == client::TeamMember::Kind::Robot ? tr("Robot account") : tr("Team member");
}

QVariant TeamMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Team member");
    case AccountColumn:
        return tr("Account");
    default:
        return {};
    }
}

} // namespace kai::console
