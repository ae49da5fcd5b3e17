#include "roleeditordelegate.h"

#include "client/types/permission.h"
#include "models/repositorypermissionmodel.h"

#include <QComboBox>

namespace kai::console {

RoleEditorDelegate::RoleEditorDelegate(const QString &editorName, QObject *parent)
    : QStyledItemDelegate(parent), m_editorName(editorName)
{
}

QWidget *RoleEditorDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *editor = new QComboBox(parent);
    editor->setObjectName(m_editorName);
    for (const client::RepositoryRole role : {client::RepositoryRole::Read, client::RepositoryRole::Write,
                                              client::RepositoryRole::Admin})
        editor->addItem(RepositoryPermissionModel::roleLabel(role), client::repositoryRoleName(role));
    // createEditor() is const, committing is not: the delegate itself is what changes.
    auto *self = const_cast<RoleEditorDelegate *>(this);
    connect(editor, &QComboBox::activated, self, [self, editor] {
        emit self->commitData(editor);
        emit self->closeEditor(editor);
    });
    return editor;
}

void RoleEditorDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
}

void RoleEditorDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
}

void RoleEditorDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

} // namespace kai::console
