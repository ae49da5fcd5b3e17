#include "orgpeoplemodel.h"

namespace kai::console {

OrganizationPeopleModel::OrganizationPeopleModel(View view, QObject *parent) : QAbstractTableModel(parent), m_view(view)
{
    setObjectName(view == View::Members ? QStringLiteral("memberModel") : QStringLiteral("collaboratorModel"));
}

void OrganizationPeopleModel::setPeople(const QList<client::OrganizationMember> &people)
{
    if (people.isEmpty() && m_people.isEmpty())
        return;
    beginResetModel();
    m_people = people;
    endResetModel();
}

int OrganizationPeopleModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_people.size(); ++i) {
        if (m_people.at(i).name == name)
            return int(i);
    }
    return -1;
}

int OrganizationPeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

int OrganizationPeopleModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_view == View::Members ? 3 : 2;
}

QVariant OrganizationPeopleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::OrganizationMember &person = m_people.at(index.row());
    const int column = index.column();
    if (role == SortRole) {
        if (column == teamsColumn())
            return int(person.teams.size());
        if (column == repositoriesColumn())
            return int(person.repositories.size());
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && column == teamsColumn())
        return person.teams.join(QStringLiteral(", "));
    if (role == Qt::ToolTipRole && column == repositoriesColumn())
        return person.repositories.join(QStringLiteral(", "));
    if (role != Qt::DisplayRole)
        return {};
    if (column == nameColumn())
        return person.name;
    if (column == teamsColumn()) {
        QString shown = person.teams.mid(0, kTeamsShown).join(QStringLiteral(", "));
        if (person.teams.size() > kTeamsShown)
            shown += u' ' + tr("%n more", nullptr, int(person.teams.size()) - kTeamsShown);
        return shown;
    }
    if (column == repositoriesColumn())
        return tr("Direct permissions on %n repository(ies) under this organization", nullptr, int(person.repositories.size()));
    return {};
}

QVariant OrganizationPeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == nameColumn())
        return tr("User name");
    if (section == teamsColumn())
        return tr("Teams");
    if (section == repositoriesColumn())
        return tr("Direct repository permissions");
    return {};
}

} // namespace kai::console
