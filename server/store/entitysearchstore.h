#pragma once

#include "core/result.h"
#include "db/database.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace kai::store {

// A user or robot the entity search found.
struct MatchedAccount
{
    QString name;           // robots as "<owner>+<short>"
    QString email;
    bool robot = false;
    bool isOrgMember = false;   // in a team of the organization searched against
};

// The SQL of Quay's entity search (GET /api/v1/entities/<prefix>): name
// prefix matches, case-insensitive as Quay's ILIKE, with '%', '_' and '\'
// in the prefix matched literally. Prefixes are expected in lower case.
class EntitySearchStore
{
public:
    explicit EntitySearchStore(db::Database &db) : m_db(db) {}

    // Users (never organizations or robots) whose name starts with
    // `prefix`, and, when `robotOwnerId` > 0, the robots of that namespace
    // whose full name starts with `robotPrefix` ("<owner>+<short prefix>").
    // An exact name match comes first so the limit never cuts it off, then
    // name order; at most `limit` entries. With `organizationId` > 0,
    // isOrgMember tells whether a user is in a team of that organization.
    Result<std::vector<MatchedAccount>> accounts(const QString &prefix, qint64 robotOwnerId, const QString &robotPrefix,
                                                 qint64 organizationId, int limit);

    // Robots only: those of `robotOwnerId` whose full name starts with
    // `robotPrefix`, in name order, at most `limit`.
    Result<std::vector<MatchedAccount>> robots(qint64 robotOwnerId, const QString &robotPrefix, int limit);

    // Names of the organization's teams starting with `prefix`, in name
    // order, at most `limit`.
    Result<QStringList> teams(qint64 organizationId, const QString &prefix, int limit);

private:
    db::Database &m_db;
};

} // namespace kai::store
