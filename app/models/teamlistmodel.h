#pragma once

#include "client/types/team.h"

#include <QAbstractTableModel>
#include <QList>

namespace kai::console {

// The teams of one organization (console-workflows §3.2 "Team View"):
// name, member and repository counts, role, description.
class TeamListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, MembersColumn, RepositoriesColumn, RoleColumn, DescriptionColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit TeamListModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TeamListModel)

    void setTeams(const QList<client::Team> &teams);
    void clear() { setTeams({}); }
    const client::Team &team(int row) const { return m_teams.at(row); }
    const QList<client::Team> &teams() const { return m_teams; }
    // The row of the team with this name, -1 when not listed.
    int rowOf(const QString &name) const;

    // "Admin", "Member", "Creator" as the console shows them.
    static QString roleText(client::TeamRole role);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<client::Team> m_teams;
};

} // namespace kai::console
