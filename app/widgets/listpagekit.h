#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QRegularExpression;
class QSortFilterProxyModel;
class QTableView;
class QWidget;

namespace kai::console {

// The parts every list page shares (console-workflows §0 list toolbar and
// §11), so the pages look and behave alike.
class ListPageKit
{
    Q_DECLARE_TR_FUNCTIONS(ListPageKit)

public:
    // `table` shows `model` through `proxy`: sorted by `sortRole`
    // (case-insensitive), filtered on `filterColumn`, rows selected whole
    // and several at once.
    static void setUpTable(QTableView *table, QSortFilterProxyModel *proxy, QAbstractItemModel *model, int sortRole,
                           int filterColumn);
    // The page heading.
    static QLabel *title(const QString &text);
    // Heading, then the toolbar row (its first widget, the search box,
    // takes the spare width), then the content.
    static void layOut(QWidget *page, const QString &heading, const QList<QWidget *> &toolbar, QWidget *content);
    // "Search by name..." with a clear button.
    static QLineEdit *searchBox(const QString &objectName);
    // The filter of a search box: the text as a literal, any case.
    static QRegularExpression substringFilter(const QString &text);
    // "Refresh" (objectName refreshButton).
    static QPushButton *refreshButton();
};

} // namespace kai::console
