#include "robotlistmodel.h"

#include <QLocale>

namespace kai::console {

RobotListModel::RobotListModel(QObject *parent) : QAbstractTableModel(parent)
{
    setObjectName(QStringLiteral("robotModel"));
}

void RobotListModel::setRobots(const QList<client::Robot> &robots)
{
    if (robots.isEmpty() && m_robots.isEmpty())
        return;
    beginResetModel();
    m_robots = robots;
    endResetModel();
}

int RobotListModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_robots.size(); ++i) {
        if (m_robots.at(i).name == name)
            return int(i);
    }
    return -1;
}

int RobotListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_robots.size());
}

int RobotListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RobotListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::Robot &robot = m_robots.at(index.row());
    if (role == SortRole) {
        switch (index.column()) {
        case TeamsColumn:
            return int(robot.teams.size());
        case RepositoriesColumn:
            return int(robot.repositories.size());
        case CreatedColumn:
            return robot.created ? robot.created->toMSecsSinceEpoch() : qint64(0);
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && index.column() == TeamsColumn)
        return robot.teams.join(QStringLiteral(", "));
    if (role == Qt::ToolTipRole && index.column() == RepositoriesColumn)
        return robot.repositories.join(QStringLiteral(", "));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return robot.name;
    case TeamsColumn:
        return robot.teams.isEmpty() ? tr("No teams") : tr("%n team(s)", nullptr, int(robot.teams.size()));
    case RepositoriesColumn:
        return robot.repositories.isEmpty() ? tr("No repositories")
                                            : tr("%n repository(ies)", nullptr, int(robot.repositories.size()));
    case CreatedColumn:
        return robot.created ? QLocale().toString(robot.created->toLocalTime(), QLocale::ShortFormat) : tr("Never");
    case DescriptionColumn:
        return robot.description;
    default:
        return {};
    }
}

QVariant RobotListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Robot account name");
    case TeamsColumn:
        return tr("Teams");
    case RepositoriesColumn:
        return tr("Repositories");
    case CreatedColumn:
        return tr("Created");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace kai::console
