#pragma once

#include "client/types/entity.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

namespace kai::console {

// The rows of the entity picker's popup: either the entities a search
// found (name + kind), or one message row ("No results found", the server's
// error) that cannot be chosen, or the defaults of an empty field
// (console-workflows §0): the groups "Teams" and "Robot accounts" under
// headings that cannot be chosen, then the actions "Create team" and
// "Create robot account".
class EntityListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    // NameRole: the entity's name as the API spells it (robots "ns+short").
    enum Role { NameRole = Qt::UserRole + 1 };
    enum class Action { CreateTeam, CreateRobot };

    explicit EntityListModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EntityListModel)

    // An empty list shows the "No results found" row.
    void setEntities(const QList<client::Entity> &entities);
    void setMessage(const QString &message);
    // The defaults: a group is left out when it has no entity.
    void setDefaults(const QList<client::Entity> &teams, const QList<client::Entity> &robots,
                     const QList<Action> &actions);
    void clear();

    // The entity of a row; none for headings, actions, the message row or an
    // invalid index.
    std::optional<client::Entity> entity(const QModelIndex &index) const;
    // The action of an action row; none for every other row.
    std::optional<Action> action(const QModelIndex &index) const;
    // The first row that can be chosen; invalid when there is none.
    QModelIndex firstChoosable() const;

    // What a result's kind is called in the list ("user", "robot", "team", ...).
    static QString kindLabel(const client::Entity &entity);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        enum class Type { Entity, Heading, Action, Message };
        Type type = Type::Entity;
        client::Entity entity;
        QString text;   // headings, actions and the message
        Action action = Action::CreateTeam;
    };

    void reset(QList<Row> rows);
    const Row *rowAt(const QModelIndex &index) const;
    static QString actionLabel(Action action);

    QList<Row> m_rows;
};

} // namespace kai::console
