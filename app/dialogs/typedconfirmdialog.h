#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace kai::console {

// "Permanently delete <resource>?": lists what goes, and the red "Delete"
// enables only when the box holds exactly the confirmation word (`confirm`
// for lists, as in Quay).
class TypedConfirmDialog final : public QDialog
{
    Q_OBJECT

public:
    TypedConfirmDialog(const QString &title, const QString &explanation, const QStringList &items,
                       QWidget *parent = nullptr, const QString &word = QStringLiteral("confirm"));
    Q_DISABLE_COPY_MOVE(TypedConfirmDialog)

private:
    QLineEdit *m_confirm;
    QPushButton *m_delete;
};

} // namespace kai::console
