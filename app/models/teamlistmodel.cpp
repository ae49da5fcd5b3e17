#include "teamlistmodel.h"

namespace kai::console {

TeamListModel::TeamListModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("teamModel"));
}

void TeamListModel::setTeams(const QList<client::Team> &teams)
{
    if (teams.isEmpty() && m_teams.isEmpty())
        return;
    beginResetModel();
    m_teams = teams;
    endResetModel();
}

int TeamListModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_teams.size(); ++i) {
        if (m_teams.at(i).name == name)
            return int(i);
    }
    return -1;
}

QString TeamListModel::roleText(client::TeamRole role)
{
    switch (role) {
    case client::TeamRole::Admin:
        return tr("Admin");
    case client::TeamRole::Creator:
        return tr("Creator");
    case client::TeamRole::Member:
        return tr("Member");
    }
    return {};
}

int TeamListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_teams.size());
}

int TeamListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::Team &team = m_teams.at(index.row());
    if (role == SortRole) {
        switch (index.column()) {
        case MembersColumn:
            return team.memberCount;
        case RepositoriesColumn:
            return team.repositoryCount;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn && team.isSynced)
        return tr("Team is synchronized with a backing group");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return team.name;
    case MembersColumn:
        return tr("%n member(s)", nullptr, team.memberCount);
    case RepositoriesColumn:
        return tr("%n repository(ies)", nullptr, team.repositoryCount);
    case RoleColumn:
        return roleText(team.role);
    case DescriptionColumn:
        return team.description;
    default:
        return {};
    }
}

QVariant TeamListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Team name");
    case MembersColumn:
        return tr("Members");
    case RepositoriesColumn:
        return tr("Repositories");
    case RoleColumn:
        return tr("Team role");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace kai::console
