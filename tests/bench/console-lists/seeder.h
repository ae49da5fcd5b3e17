#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>

namespace kai::bench {

// Fills a fresh server through its REST API as an importer would: one
// organization, `repositories` private repositories r00001… and `robots`
// robots b0001…, with up to `concurrency` requests in flight, then counts
// both lists back (the repository list page by page through next_page).
class Seeder
{
public:
    Seeder(QString baseUrl, QString token, int concurrency);

    Status createOrganization(const QString &name);
    Status createRepositories(const QString &organization, int count);
    Status createRobots(const QString &organization, int count);
    // The repositories listed in `organization` (all pages) and the number
    // of GET calls that took.
    Result<QPair<int, int>> countRepositories(const QString &organization);
    Result<int> countRobots(const QString &organization);

private:
    struct Call
    {
        QByteArray method;
        QString path;
        QByteArray body;
    };

    // Runs every call with at most m_concurrency in flight; the first
    // failure (non-2xx, no answer, or all not done within 15 minutes).
    Status runAll(const QList<Call> &calls);
    Result<QByteArray> get(const QString &pathAndQuery);
    QNetworkRequest request(const QString &pathAndQuery) const;

    QString m_baseUrl;
    QByteArray m_authorization;
    int m_concurrency;
    QNetworkAccessManager m_network;
};

} // namespace kai::bench
