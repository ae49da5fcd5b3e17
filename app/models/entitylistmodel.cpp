#include "entitylistmodel.h"

namespace kai::console {

EntityListModel::EntityListModel(QObject *parent) : QAbstractListModel(parent)
{
    setObjectName(QStringLiteral("entityModel"));
}

void EntityListModel::setEntities(const QList<client::Entity> &entities)
{
    reset(entities, entities.isEmpty() ? tr("No results found") : QString());
}

void EntityListModel::setMessage(const QString &message)
{
    reset({}, message);
}

void EntityListModel::clear()
{
    if (m_entities.isEmpty() && m_message.isEmpty())
        return;
    reset({}, QString());
}

void EntityListModel::reset(QList<client::Entity> entities, QString message)
{
    beginResetModel();
    m_entities = std::move(entities);
    m_message = std::move(message);
    endResetModel();
}

std::optional<client::Entity> EntityListModel::entity(const QModelIndex &index) const
{
    // An invalid index is a normal question here (nothing highlighted).
    if (!m_message.isEmpty() || !index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return std::nullopt;
    return m_entities.at(index.row());
}

QModelIndex EntityListModel::firstChoosable() const
{
    return m_message.isEmpty() && !m_entities.isEmpty() ? index(0) : QModelIndex();
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

int EntityListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_message.isEmpty() ? int(m_entities.size()) : 1;
}

QVariant EntityListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (!m_message.isEmpty())
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(m_message) : QVariant();
    const client::Entity &entity = m_entities.at(index.row());
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
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    // The message row stays enabled so it reads as text, not greyed out,
    // but it is no choice: it cannot be selected and entity() is none for it.
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return m_message.isEmpty() ? flags | Qt::ItemIsSelectable : flags;
}

} // namespace kai::console
