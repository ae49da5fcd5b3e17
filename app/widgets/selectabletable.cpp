#include "selectabletable.h"

#include "widgets/listpagekit.h"
#include "widgets/loadstateview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kai::console {

namespace {

// Filters on text like its base, and with `selectedOnly` also hides the rows
// whose select box (column 0) is clear.
class SelectedRowsProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSelectedOnly(bool selectedOnly)
    {
        m_selectedOnly = selectedOnly;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (m_selectedOnly
            && sourceModel()->index(sourceRow, 0, sourceParent).data(Qt::CheckStateRole).toInt() != Qt::Checked)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    }

private:
    bool m_selectedOnly = false;
};

} // namespace

SelectableTable::SelectableTable(const QString &name, QAbstractItemModel *model, int filterColumn, int sortRole,
                                 QWidget *parent)
    : QWidget(parent), m_proxy(new SelectedRowsProxy(this)), m_table(new QTableView), m_filter(new QLineEdit),
      m_show(new QComboBox), m_toolbar(new QHBoxLayout)
{
    m_proxy->setObjectName(name + QStringLiteral("Proxy"));
    m_table->setObjectName(name + QStringLiteral("Table"));
    m_filter->setObjectName(name + QStringLiteral("Filter"));
    m_show->setObjectName(name + QStringLiteral("Show"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(filterColumn);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(filterColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Search by name..."));
    m_show->addItem(tr("All"));
    m_show->addItem(tr("Selected"));
    m_state = new LoadStateView(m_table);

    m_toolbar->addWidget(m_filter, 1);
    m_toolbar->addWidget(m_show);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_toolbar);
    layout->addWidget(m_state, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &SelectableTable::updateFilter);
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int index) {
        static_cast<SelectedRowsProxy *>(m_proxy)->setSelectedOnly(index == 1);
    });
}

void SelectableTable::addToolbarWidget(QWidget *widget)
{
    m_toolbar->addWidget(widget);
}

void SelectableTable::setFilterPlaceholder(const QString &text)
{
    m_filter->setPlaceholderText(text);
}

void SelectableTable::updateFilter()
{
    m_proxy->setFilterRegularExpression(
        ListPageKit::substringFilter(m_filter->text()));
}

} // namespace kai::console
