#include "listpagekit.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kai::console {

void ListPageKit::setUpTable(QTableView *table, QSortFilterProxyModel *proxy, QAbstractItemModel *model, int sortRole,
                             int filterColumn)
{
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(filterColumn);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
}

QLabel *ListPageKit::title(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
    return label;
}

void ListPageKit::layOut(QWidget *page, const QString &heading, const QList<QWidget *> &toolbar, QWidget *content)
{
    auto *row = new QHBoxLayout;
    for (qsizetype i = 0; i < toolbar.size(); ++i)
        row->addWidget(toolbar.at(i), i == 0 ? 1 : 0);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(title(heading));
    layout->addLayout(row);
    layout->addWidget(content, 1);
}

QLineEdit *ListPageKit::searchBox(const QString &objectName)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(tr("Search by name..."));
    edit->setClearButtonEnabled(true);
    return edit;
}

QPushButton *ListPageKit::refreshButton()
{
    auto *button = new QPushButton(tr("Refresh"));
    button->setObjectName(QStringLiteral("refreshButton"));
    return button;
}

QRegularExpression ListPageKit::substringFilter(const QString &text)
{
    return QRegularExpression(QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption);
}

} // namespace kai::console
