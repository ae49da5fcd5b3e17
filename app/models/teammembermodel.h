#pragma once

#include "client/types/teammember.h"

#include <QAbstractTableModel>
#include <QList>

namespace kai::console {

// The members of one team with its pending invites (console-workflows §3.2
// "Team page"): "Team member" and "Account" (Team member, Robot account,
// (Invited)).
class TeamMemberModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, AccountColumn, ColumnCount };

    explicit TeamMemberModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TeamMemberModel)

    void setMembers(const QList<client::TeamMember> &members);
    void clear() { setMembers({}); }
    const client::TeamMember &member(int row) const { return m_members.at(row); }
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<client::TeamMember> m_members;
};

} // namespace kai::console
