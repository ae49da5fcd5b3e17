#include "repositorylevelgrid.h"

#include "client/endpoints/repositories.h"
#include "widgets/loadstateview.h"
#include "widgets/selectabletable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>

namespace kai::console {

namespace {

// Quay lists at most 100 repositories a page; this many pages is far more
// than any namespace a person edits by hand, and bounds the loop.
constexpr int kMaxPages = 200;

constexpr RepositoryLevel kLevels[] = {RepositoryLevel::None, RepositoryLevel::Read, RepositoryLevel::Write, RepositoryLevel::Admin};

// The level editor: a combo box of the four levels that commits as soon as
// one is picked (mouse or arrow keys), so a single gesture changes a row.
class LevelDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *editor = new QComboBox(parent);
        editor->setObjectName(QStringLiteral("levelEditor"));
        for (RepositoryLevel level : kLevels) {
            editor->addItem(RepositoryLevelModel::label(level), int(level));
            editor->setItemData(editor->count() - 1, RepositoryLevelModel::description(level), Qt::ToolTipRole);
        }
        connect(editor, &QComboBox::activated, this, [this, editor]() {
            auto *self = const_cast<LevelDelegate *>(this);
            emit self->commitData(editor);
            emit self->closeEditor(editor);
        });
        return editor;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(combo->findData(index.data(RepositoryLevelModel::LevelRole).toInt()));
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        if (combo->currentIndex() >= 0)
            model->setData(index, combo->currentData(), RepositoryLevelModel::LevelRole);
    }
};

QString bulkActionName(RepositoryLevel level)
{
    switch (level) {
    case RepositoryLevel::Read:
        return QStringLiteral("bulkLevelRead");
    case RepositoryLevel::Write:
        return QStringLiteral("bulkLevelWrite");
    case RepositoryLevel::Admin:
        return QStringLiteral("bulkLevelAdmin");
    default:
        return QStringLiteral("bulkLevelNone");
    }
}

} // namespace

RepositoryLevelGrid::RepositoryLevelGrid(QWidget *parent)
    : QWidget(parent), m_model(new RepositoryLevelModel(this)),
      m_table(new SelectableTable(QStringLiteral("repositoryLevel"), m_model, RepositoryLevelModel::RepositoryColumn,
                                  RepositoryLevelModel::SortRole)),
      m_bulk(new QToolButton)
{
    m_table->setFilterPlaceholder(tr("Search by Repository..."));
    m_table->state()->setEmptyState(tr("This namespace has no repositories yet."), QString());
    QTableView *table = m_table->table();
    table->setItemDelegateForColumn(RepositoryLevelModel::PermissionColumn, new LevelDelegate(table));
    table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    table->setColumnWidth(RepositoryLevelModel::RepositoryColumn, 220);
    table->setColumnWidth(RepositoryLevelModel::PermissionColumn, 110);

    m_bulk->setObjectName(QStringLiteral("repositoryLevelBulkButton"));
    m_bulk->setText(tr("Set permission of selected"));
    m_bulk->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_bulk);
    for (RepositoryLevel level : kLevels) {
        QAction *action = menu->addAction(RepositoryLevelModel::label(level));
        action->setObjectName(bulkActionName(level));
        action->setToolTip(RepositoryLevelModel::description(level));
        connect(action, &QAction::triggered, this, [this, level]() { m_model->chooseForSelected(level); });
    }
    m_bulk->setMenu(menu);
    m_table->addToolbarWidget(m_bulk);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);

    connect(m_model, &RepositoryLevelModel::choicesChanged, this, &RepositoryLevelGrid::updateBulkButton);
    connect(m_table->state(), &LoadStateView::retryRequested, this, &RepositoryLevelGrid::retryRequested);
    updateBulkButton();
}

RepositoryLevelGrid::~RepositoryLevelGrid()
{
    if (m_load)
        m_load->cancel();
}

void RepositoryLevelGrid::updateBulkButton()
{
    m_bulk->setEnabled(m_model->selectedCount() > 0);
}

void RepositoryLevelGrid::showBusy()
{
    if (m_load)
        m_load->cancel();
    m_table->state()->showBusy();
}

void RepositoryLevelGrid::showError(const QString &message)
{
    if (m_load)
        m_load->cancel();
    m_table->state()->showError(message);
}

void RepositoryLevelGrid::load(client::ApiClient &client, const QString &namespaceName,
                              const QHash<QString, RepositoryLevel> &current)
{
    showBusy();
    m_model->clear();
    m_loading.clear();
    m_current = current;
    loadPage(client, namespaceName, QString(), 0);
}

void RepositoryLevelGrid::loadPage(client::ApiClient &client, const QString &namespaceName, const QString &nextPage,
                                  int pageCount)
{
    auto *reply = client::repositories::listPage(client, namespaceName, nextPage);
    m_load = reply;
    reply->then(this, [this, &client, namespaceName, pageCount](const Result<client::RepositoryPage> &page) {
        if (!page)
            return m_table->state()->showError(tr("Could not load the repositories: %1").arg(page.error().message));
        m_loading.append(page->repositories);
        if (!page->nextPage.isEmpty() && pageCount + 1 < kMaxPages)
            return loadPage(client, namespaceName, page->nextPage, pageCount + 1);
        m_model->setRepositories(std::exchange(m_loading, {}), m_current);
        if (m_model->rowCount() == 0)
            m_table->state()->showEmpty();
        else
            m_table->state()->showContent();
        emit loaded();
    });
}

} // namespace kai::console
