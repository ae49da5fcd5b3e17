#include "repository.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QJsonObject>

namespace kai::client {

Result<RepositoryPage> RepositoryPage::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("repositories").isArray())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no repositories list"));
    RepositoryPage page;
    const QJsonArray list = object.value("repositories").toArray();
    page.repositories.reserve(list.size());
    for (const QJsonValue &value : list) {
        const QJsonObject repo = value.toObject();
        if (!repo.value("namespace").isString() || !repo.value("name").isString())
            continue;
        RepositorySummary summary;
        summary.namespaceName = repo.value("namespace").toString();
        summary.name = repo.value("name").toString();
        summary.description = repo.value("description").toString();
        summary.isPublic = repo.value("is_public").toBool();
        // UTC: the views show toLocalTime(); sorting by the instant then
        // costs no time-zone lookup (a mktime() per comparison otherwise).
        if (repo.value("last_modified").isDouble())
            summary.lastModified = QDateTime::fromSecsSinceEpoch(repo.value("last_modified").toInteger(), QTimeZone::utc());
        page.repositories.append(std::move(summary));
    }
    page.nextPage = object.value("next_page").toString();
    return page;
}

Result<RepositoryDetails> RepositoryDetails::fromJson(const QJsonDocument &document)
{
    const QJsonObject repo = document.object();
    if (!repo.value("namespace").isString() || !repo.value("name").isString())
        return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: no repository name"));
    RepositoryDetails details;
    details.namespaceName = repo.value("namespace").toString();
    details.name = repo.value("name").toString();
    details.description = repo.value("description").toString();
    details.isPublic = repo.value("is_public").toBool();
    details.isOrganization = repo.value("is_organization").toBool();
    details.state = repo.value("state").toString();
    details.canWrite = repo.value("can_write").toBool();
    details.canAdmin = repo.value("can_admin").toBool();
    return details;
}

} // namespace kai::client
