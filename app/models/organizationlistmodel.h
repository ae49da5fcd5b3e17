#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace kai::console {

// One row of the Organizations list (console-workflows §2): the user's own
// namespace, their organizations and, for superusers, every organization
// and user.
struct OrganizationRow
{
    enum class Kind { Organization, User };

    QString name;
    Kind kind = Kind::Organization;
    bool isAdmin = false;        // organization: the viewer administers it
    bool isMember = false;       // organization: the viewer is in a team
    bool isYou = false;          // user: the signed-in user
    bool isSuperuser = false;    // user
    bool disabled = false;       // user
    QString email;
};

class OrganizationListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, RoleColumn, EmailColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit OrganizationListModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OrganizationListModel)

    void clear();
    // Appends the rows not listed yet (same kind and name).
    void append(const QList<OrganizationRow> &rows);
    const OrganizationRow &row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString roleText(const OrganizationRow &row) const;

    QList<OrganizationRow> m_rows;
};

} // namespace kai::console
