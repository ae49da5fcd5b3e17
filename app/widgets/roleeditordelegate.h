#pragma once

#include <QStyledItemDelegate>

namespace kai::console {

// The inline Read/Write/Admin choice of a table's role column (Quay's
// dropdowns in default permissions and repository permissions). The
// column's Qt::EditRole is Quay's role name ("read", "write", "admin");
// choosing commits at once, so the model can turn the edit into a request
// and show the server's answer.
class RoleEditorDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `editorName`: the objectName of the combo box (tests find it by that).
    RoleEditorDelegate(const QString &editorName, QObject *parent);
    Q_DISABLE_COPY_MOVE(RoleEditorDelegate)

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QString m_editorName;
};

} // namespace kai::console
