#pragma once

#include "client/types/team.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>

namespace kai::console {

// The teams of an organization with a select box: step "Add to team
// (optional)" of the create robot wizard (console-workflows §3.3.2).
class TeamChoiceModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SelectColumn, NameColumn, RoleColumn, MembersColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit TeamChoiceModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(TeamChoiceModel)

    // The rows; forgets the selection.
    void setTeams(const QList<client::Team> &teams);
    int rowOf(const QString &team) const;
    // The selected teams' names, in row order.
    QStringList chosenTeams() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void choiceChanged();

private:
    QList<client::Team> m_teams;
    QSet<QString> m_chosen;
};

} // namespace kai::console
