#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

namespace kai::client {

// One row of GET /api/v1/repository.
struct RepositorySummary
{
    QString namespaceName;
    QString name;
    QString description;
    bool isPublic = false;
    std::optional<QDateTime> lastModified;   // with last_modified=true; none for a repository without tags

    QString fullName() const { return namespaceName + u'/' + name; }
};

// A page of GET /api/v1/repository; next_page is opaque and set while more
// pages follow.
struct RepositoryPage
{
    QList<RepositorySummary> repositories;
    QString nextPage;

    static Result<RepositoryPage> fromJson(const QJsonDocument &document);
};

enum class Visibility { Public, Private };

// GET /api/v1/repository/{ns}/{repo} without tags and stats: what the
// repository page needs to decide its tabs (console-workflows §5).
struct RepositoryDetails
{
    QString namespaceName;
    QString name;
    QString description;
    bool isPublic = false;
    bool isOrganization = false;
    QString state;            // NORMAL, READ_ONLY, MIRROR, ORG_MIRROR
    bool canWrite = false;
    bool canAdmin = false;

    QString fullName() const { return namespaceName + u'/' + name; }

    static Result<RepositoryDetails> fromJson(const QJsonDocument &document);
};

// The body of POST /api/v1/repository.
struct NewRepository
{
    QString namespaceName;
    QString name;
    Visibility visibility = Visibility::Public;
    QString description;
};

} // namespace kai::client
