#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace kai::console {

class LoadStateView;

// A table whose first column holds select boxes, with the toolbar Quay's
// pickers share (console-workflows §3.3.2 steps 2 and 3): a search box over
// one column, "All" / "Selected" to show only the selected rows, and room
// for more buttons. The table sits in a LoadStateView for busy, error and
// empty states.
//
// Child objectNames (prefixed with `name`): <name>Filter, <name>Show,
// <name>Table; the proxy is <name>Proxy.
class SelectableTable final : public QWidget
{
    Q_OBJECT

public:
    SelectableTable(const QString &name, QAbstractItemModel *model, int filterColumn, int sortRole,
                    QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SelectableTable)

    // Adds `widget` to the toolbar, right of the search box.
    void addToolbarWidget(QWidget *widget);
    void setFilterPlaceholder(const QString &text);

    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    LoadStateView *state() const { return m_state; }

private:
    void updateFilter();

    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    LoadStateView *m_state;
    QLineEdit *m_filter;
    QComboBox *m_show;
    QHBoxLayout *m_toolbar;
};

} // namespace kai::console
