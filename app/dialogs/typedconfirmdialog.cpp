#include "typedconfirmdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kai::console {

TypedConfirmDialog::TypedConfirmDialog(const QString &title, const QString &explanation, const QStringList &items,
                                       QWidget *parent, const QString &word)
    : QDialog(parent), m_confirm(new QLineEdit), m_delete(new QPushButton(tr("Delete")))
{
    setObjectName(QStringLiteral("typedConfirmDialog"));
    setWindowTitle(title);
    auto *text = new QLabel(explanation);
    text->setWordWrap(true);
    auto *list = new QListWidget;
    list->setObjectName(QStringLiteral("confirmItems"));
    list->addItems(items);
    list->setMaximumHeight(160);
    auto *prompt = new QLabel(tr("Type %1 to confirm the deletion:").arg(word));
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_confirm->setPlaceholderText(word);
    m_delete->setObjectName(QStringLiteral("confirmDeleteButton"));
    m_delete->setEnabled(false);
    m_delete->setStyleSheet(QStringLiteral("QPushButton:enabled { color: white; background-color: #c9190b; }"));
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_delete, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_confirm, &QLineEdit::textChanged, this, [this, word](const QString &typed) { m_delete->setEnabled(typed == word); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(list);
    layout->addWidget(prompt);
    layout->addWidget(m_confirm);
    layout->addWidget(buttons);
    m_confirm->setFocus();
}

} // namespace kai::console
