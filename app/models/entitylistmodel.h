#pragma once

#include "client/types/entity.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

namespace kai::console {

// The rows of the entity picker's popup: either the entities a search
// found (name + kind) or one message row ("No results found", the server's
// error) that cannot be chosen.
class EntityListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    // NameRole: the entity's name as the API spells it (robots "ns+short").
    enum Role { NameRole = Qt::UserRole + 1 };

    explicit EntityListModel(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EntityListModel)

    // An empty list shows the "No results found" row.
    void setEntities(const QList<client::Entity> &entities);
    void setMessage(const QString &message);
    void clear();

    // The entity of a row; none for the message row or an invalid index.
    std::optional<client::Entity> entity(const QModelIndex &index) const;
    // The first row that can be chosen; invalid when there is none.
    QModelIndex firstChoosable() const;

    // What a result's kind is called in the list ("user", "robot", "team", ...).
    static QString kindLabel(const client::Entity &entity);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void reset(QList<client::Entity> entities, QString message);

    QList<client::Entity> m_entities;
    QString m_message;   // shown alone when set
};

} // namespace kai::console
