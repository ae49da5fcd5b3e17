#pragma once

#include "client/types/robot.h"

#include <QAbstractTableModel>
#include <QList>

namespace kai::console {

// The robot accounts of one organization (console-workflows §3.3): name,
// teams, repositories, created, description.
class RobotListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TeamsColumn, RepositoriesColumn, CreatedColumn, DescriptionColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit RobotListModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RobotListModel)

    void setRobots(const QList<client::Robot> &robots);
    void clear() { setRobots({}); }
    const client::Robot &robot(int row) const { return m_robots.at(row); }
    // The row of the robot with this full name, -1 when not listed.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<client::Robot> m_robots;
};

} // namespace kai::console
