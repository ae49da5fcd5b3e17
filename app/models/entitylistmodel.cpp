#include "entitylistmodel.h"

#include <QFont>
#include <QIcon>

namespace kai::console {

EntityListModel::EntityListModel(QObject *parent) : QAbstractListModel(parent)
{
    setObjectName(QStringLiteral("entityModel"));
}

void EntityListModel::setEntities(const QList<client::Entity> &entities)
{
    if (entities.isEmpty())
        return setMessage(tr("No results found"));
    QList<Row> rows;
    for (const client::Entity &entity : entities)
        rows << Row{Row::Type::Entity, entity, {}, {}};
    reset(std::move(rows));
}

void EntityListModel::setMessage(const QString &message)
{
    reset({Row{Row::Type::Message, {}, message, {}}});
}

void EntityListModel::setDefaults(const QList<client::Entity> &teams, const QList<client::Entity> &robots,
                                  const QList<Action> &actions)
{
    QList<Row> rows;
    const auto addGroup = [&rows](const QString &heading, const QList<client::Entity> &entities) {
        if (entities.isEmpty())
            return;
        rows << Row{Row::Type::Heading, {}, heading, {}};
        for (const client::Entity &entity : entities)
            rows << Row{Row::Type::Entity, entity, {}, {}};
    };
    addGroup(tr("Teams"), teams);
    addGroup(tr("Robot accounts"), robots);
    for (const Action action : actions)
        rows << Row{Row::Type::Action, {}, actionLabel(action), action};
    reset(std::move(rows));
}

void EntityListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    reset({});
}

void EntityListModel::reset(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const EntityListModel::Row *EntityListModel::rowAt(const QModelIndex &index) const
{
    // An invalid index is a normal question here (nothing highlighted).
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return nullptr;
    return &m_rows.at(index.row());
}

std::optional<client::Entity> EntityListModel::entity(const QModelIndex &index) const
{
    const Row *row = rowAt(index);
    if (!row || row->type != Row::Type::Entity)
        return std::nullopt;
    return row->entity;
}

std::optional<EntityListModel::Action> EntityListModel::action(const QModelIndex &index) const
{
    const Row *row = rowAt(index);
    if (!row || row->type != Row::Type::Action)
        return std::nullopt;
    return row->action;
}

QModelIndex EntityListModel::firstChoosable() const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).type == Row::Type::Entity || m_rows.at(i).type == Row::Type::Action)
            return index(i);
    }
    return QModelIndex();
}

QString EntityListModel::kindLabel(const client::Entity &entity)
{
    if (entity.isRobot)
        return tr("robot");
    switch (entity.kind) {
    case client::Entity::Kind::User:
        return tr("user");
    case client::Entity::Kind::Team:
        return tr("team");
    case client::Entity::Kind::Organization:
        return tr("organization");
    case client::Entity::Kind::External:
        return tr("external user");
    }
    return QString();
}

QString EntityListModel::actionLabel(Action action)
{
    switch (action) {
    case Action::CreateTeam:
        return tr("Create team");
    case Action::CreateRobot:
        return tr("Create robot account");
    }
    return QString();
}

int EntityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EntityListModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index);
    if (!row)
        return {};
    switch (row->type) {
    case Row::Type::Message:
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(row->text) : QVariant();
    case Row::Type::Heading:
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(row->text) : QVariant();
    case Row::Type::Action:
        if (role == Qt::DecorationRole)
            return QIcon::fromTheme(QStringLiteral("list-add"));
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(row->text) : QVariant();
    case Row::Type::Entity:
        break;
    }
    const client::Entity &entity = row->entity;
    switch (role) {
    case Qt::DisplayRole:
        //: An entity picker result: its name and what it is ("alice (user)", "acme+ci (robot)").
        return tr("%1 (%2)").arg(entity.name, kindLabel(entity));
    case Qt::ToolTipRole:
    case NameRole:
        return entity.name;
    default:
        return {};
    }
}

Qt::ItemFlags EntityListModel::flags(const QModelIndex &index) const
{
    const Row *row = rowAt(index);
    if (!row)
        return Qt::NoItemFlags;
    // The message row and headings stay enabled so they read as text, not
    // greyed out, but they are no choice: they cannot be selected and
    // entity() and action() are none for them.
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    const bool choosable = row->type == Row::Type::Entity || row->type == Row::Type::Action;
    return choosable ? flags | Qt::ItemIsSelectable : flags;
}

} // namespace kai::console
