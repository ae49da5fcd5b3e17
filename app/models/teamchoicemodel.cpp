#include "teamchoicemodel.h"

namespace kai::console {

namespace {

QString roleLabel(client::TeamRole role)
{
    switch (role) {
    case client::TeamRole::Admin:
        return TeamChoiceModel::tr("Admin");
    case client::TeamRole::Creator:
        return TeamChoiceModel::tr("Creator");
    case client::TeamRole::Member:
        break;
    }
    return TeamChoiceModel::tr("Member");
}

} // namespace

TeamChoiceModel::TeamChoiceModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("teamChoiceModel"));
}

void TeamChoiceModel::setTeams(const QList<client::Team> &teams)
{
    beginResetModel();
    m_teams = teams;
    m_chosen.clear();
    endResetModel();
    emit choiceChanged();
}

int TeamChoiceModel::rowOf(const QString &team) const
{
    for (qsizetype i = 0; i < m_teams.size(); ++i) {
        if (m_teams.at(i).name == team)
            return int(i);
    }
    return -1;
}

QStringList TeamChoiceModel::chosenTeams() const
{
    QStringList names;
    for (const client::Team &team : m_teams) {
        if (m_chosen.contains(team.name))
            names << team.name;
    }
    return names;
}

int TeamChoiceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_teams.size());
}

int TeamChoiceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamChoiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::Team &team = m_teams.at(index.row());
    const bool chosen = m_chosen.contains(team.name);
    if (role == Qt::CheckStateRole && index.column() == SelectColumn)
        return chosen ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return team.description;
    if (role == SortRole) {
        if (index.column() == SelectColumn)
            return int(chosen);
        if (index.column() == RoleColumn)
            return int(team.role);
        if (index.column() == MembersColumn)
            return team.memberCount;
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return team.name;
    case RoleColumn:
        return roleLabel(team.role);
    case MembersColumn:
        return tr("%n member(s)", nullptr, team.memberCount);
    default:
        return {};
    }
}

bool TeamChoiceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != Qt::CheckStateRole || index.column() != SelectColumn)
        return false;
    const QString &name = m_teams.at(index.row()).name;
    if (value.toInt() == Qt::Checked)
        m_chosen.insert(name);
    else
        m_chosen.remove(name);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit choiceChanged();
    return true;
}

Qt::ItemFlags TeamChoiceModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == SelectColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant TeamChoiceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Team");
    case RoleColumn:
        return tr("Role");
    case MembersColumn:
        return tr("Members");
    default:
        return {};
    }
}

} // namespace kai::console
