#include "repositorylistmodel.h"

#include "client/endpoints/repositories.h"

#include <QLocale>

namespace kai::console {

RepositoryListModel::RepositoryListModel(client::ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    setObjectName(QStringLiteral("repositoryModel"));
}

RepositoryListModel::~RepositoryListModel()
{
    if (m_inFlight)
        m_inFlight->cancel();
}


void RepositoryListModel::load(const QStringList &namespaces, bool showNamespace)
{
    // cancel() deletes later; forget it now so the new walk starts at once.
    if (m_inFlight)
        std::exchange(m_inFlight, nullptr)->cancel();
    beginResetModel();
    m_rows.clear();
    m_namespaces = namespaces;
    m_next = 0;
    m_nextPage.clear();
    m_showNamespace = showNamespace;
    m_pagesFetched = 0;
    m_failed = false;
    endResetModel();
    fetchNextPage();
}

bool RepositoryListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !isComplete() && !isLoading() && !m_failed;
}

void RepositoryListModel::retryFailedPage()
{
    m_failed = false;
    fetchNextPage();
}

void RepositoryListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchNextPage();
}

void RepositoryListModel::fetchNextPage()
{
    if (isComplete() || isLoading())
        return;
    auto *reply = client::repositories::listPage(m_client, m_namespaces.at(m_next), m_nextPage);
    m_inFlight = reply;
    emit loadingChanged(true);
    reply->then(this, [this](const Result<client::RepositoryPage> &page) {
        m_inFlight = nullptr;
        emit loadingChanged(false);
        if (!page) {
            m_failed = true;
            emit pageFailed(page.error().message);
            return;
        }
        accept(*page);
    });
}

void RepositoryListModel::accept(const client::RepositoryPage &page)
{
    ++m_pagesFetched;
    // Where the walk goes on is settled before the rows go in: a view that
    // sees them may ask for more (fetchMore) right inside endInsertRows().
    m_nextPage = page.nextPage;
    if (m_nextPage.isEmpty())
        ++m_next;
    if (!page.repositories.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.repositories.size() - 1));
        m_rows.append(page.repositories);
        endInsertRows();
    }
    emit pageArrived(isComplete());
    // An empty namespace shows nothing to scroll to, so the view would
    // never ask for more: walk on by itself.
    if (page.repositories.isEmpty() && !isComplete())
        fetchNextPage();
}

int RepositoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RepositoryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RepositoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::RepositorySummary &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn: return m_showNamespace ? r.fullName() : r.name;
        case VisibilityColumn: return r.isPublic ? tr("Public") : tr("Private");
        case LastModifiedColumn:
            return r.lastModified ? QLocale().toString(r.lastModified->toLocalTime(), QLocale::ShortFormat) : tr("Never");
        case DescriptionColumn: return r.description.section(u'\n', 0, 0);
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case NameColumn: return r.fullName();
        case VisibilityColumn: return r.isPublic;
        case LastModifiedColumn: return r.lastModified ? r.lastModified->toSecsSinceEpoch() : qint64(0);
        case DescriptionColumn: return r.description;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == DescriptionColumn)
        return r.description;
    return {};
}

QVariant RepositoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case VisibilityColumn: return tr("Visibility");
    case LastModifiedColumn: return tr("Last Modified");
    case DescriptionColumn: return tr("Description");
    default: return {};
    }
}

} // namespace kai::console
