#pragma once

#include "client/apiclient.h"
#include "client/types/repository.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace kai::console {

// The Repositories list (console-workflows §4), one API call per page: it
// walks the given namespaces in order, each through Quay's next_page chain,
// and fetches the next page only when the view asks (fetchMore), so the
// first rows show as soon as the first answer arrives.
class RepositoryListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, VisibilityColumn, LastModifiedColumn, DescriptionColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    RepositoryListModel(client::ApiClient &client, QObject *parent = nullptr);
    ~RepositoryListModel() override;
    Q_DISABLE_COPY_MOVE(RepositoryListModel)

    // Forgets the rows and starts over with the first page of the first
    // namespace. `showNamespace`: names as "ns/repo" (the global list).
    void load(const QStringList &namespaces, bool showNamespace);
    bool isLoading() const { return !m_inFlight.isNull(); }
    // All pages of all namespaces arrived.
    bool isComplete() const { return m_next >= m_namespaces.size(); }
    int pagesFetched() const { return m_pagesFetched; }

    const client::RepositorySummary &repository(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // After a failed page the view does not ask again by itself (it would
    // hammer a failing server); retryFailedPage() does.
    void retryFailedPage();
    bool hasFailed() const { return m_failed; }

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadingChanged(bool loading);
    // A page arrived (possibly empty); `complete` when nothing follows.
    void pageArrived(bool complete);
    void pageFailed(const QString &message);

private:
    void fetchNextPage();
    void accept(const client::RepositoryPage &page);

    client::ApiClient &m_client;
    QStringList m_namespaces;
    qsizetype m_next = 0;          // index of the namespace being walked
    QString m_nextPage;            // its next_page token, empty for its first page
    bool m_showNamespace = true;
    int m_pagesFetched = 0;
    bool m_failed = false;
    QPointer<client::ReplyBase> m_inFlight;
    QList<client::RepositorySummary> m_rows;
};

} // namespace kai::console
