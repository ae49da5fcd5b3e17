#pragma once

#include "client/types/orgmember.h"

#include <QAbstractTableModel>
#include <QList>

namespace kai::console {

// The people of an organization in one of the two admin views of
// console-workflows §3.2: "Members View" (user name, teams, direct
// repository permissions) or "Collaborators View" (user name, direct
// repository permissions; collaborators are in no team).
class OrganizationPeopleModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class View { Members, Collaborators };
    enum Role { SortRole = Qt::UserRole + 1 };

    // Teams are shown at most this many by name, then "N more".
    static constexpr int kTeamsShown = 4;

    explicit OrganizationPeopleModel(View view, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OrganizationPeopleModel)

    void setPeople(const QList<client::OrganizationMember> &people);
    void clear() { setPeople({}); }
    const client::OrganizationMember &person(int row) const { return m_people.at(row); }
    int rowOf(const QString &name) const;

    // The columns of this view.
    int nameColumn() const { return 0; }
    int teamsColumn() const { return m_view == View::Members ? 1 : -1; }
    int repositoriesColumn() const { return m_view == View::Members ? 2 : 1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    View m_view;
    QList<client::OrganizationMember> m_people;
};

} // namespace kai::console
