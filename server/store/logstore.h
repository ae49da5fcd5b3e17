#pragma once

#include "core/result.h"
#include "db/database.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <vector>

namespace kai::store {

// One usage-log entry (reference §2.11, §3.2). Names are kept as they were
// when the action happened, so an entry outlives a renamed or deleted
// namespace, repository or performer (an audit trail must).
struct LogEntry
{
    qint64 id = 0;
    QString kind;                 // a LogEntryKind name, e.g. "push_repo"
    qint64 namespaceId = 0;       // 0: no namespace (a failed login of an unknown user)
    QString namespaceName;
    bool namespaceIsOrganization = false;
    qint64 repositoryId = 0;      // 0: not about one repository
    QString repositoryName;       // name within the namespace
    qint64 performerId = 0;       // 0: anonymous
    QString performerName;        // user or robot ("org+bot") name
    QString performerEmail;       // for the avatar; empty for robots
    bool performerIsRobot = false;
    QString ip;
    // A JSON object as text, as stored (empty: none). Text rather than a
    // QJsonObject so the hot path, a logged pull, never builds one.
    QString metadataJson;
    qint64 datetimeMs = 0;
    // How many identical actions of the same second this row stands for
    // (013_log_repeats.sql); listings show it that many times.
    qint64 occurrences = 1;
};

// Which entries a listing, an aggregate or an export covers.
struct LogQuery
{
    std::optional<qint64> namespaceId;
    std::optional<qint64> repositoryId;
    std::optional<qint64> performerId;
    qint64 startMs = 0;           // inclusive
    qint64 endMs = 0;             // exclusive
    QStringList excludedKinds;    // e.g. the service-key kinds for /user/logs
};

// Newest-first keyset position: the row of the last entry a page showed,
// and how many of that row's occurrences are still to be shown (0: the
// next page starts at the row after it).
struct LogCursor
{
    qint64 datetimeMs = 0;
    qint64 id = 0;
    qint64 repeatsLeft = 0;
};

struct LogAggregate
{
    QString kind;
    qint64 count = 0;
    qint64 dayStartMs = 0;        // 00:00 UTC of the day
};

// The log_entries table and its per-day counts (log_counts). Statements run
// in the caller's transaction, if any; writes that touch both need one.
class LogStore
{
public:
    explicit LogStore(db::Database &db) : m_db(db) {}

    // One entry; sets nothing on `entry` (ids are not needed by callers).
    Status insert(const LogEntry &entry);
    // Many entries in as few statements as the driver allows.
    Status insertBatch(std::span<const LogEntry> entries);
    // Up to `limit` rows, newest first, after `after`: a cursor with
    // repeatsLeft > 0 gives its own row first, with that many occurrences.
    // A row stands for `occurrences` entries; logs::readLogPage expands them.
    Result<std::vector<LogEntry>> page(const LogQuery &query, const std::optional<LogCursor> &after, int limit);
    // Counts per (kind, UTC day), computed by the database in one query:
    // whole days from log_counts, a partial first or last day (and a
    // performer's entries) from the entries.
    Result<std::vector<LogAggregate>> aggregate(const LogQuery &query);
    // Deletes at most `limit` rows older than `cutoffMs` and takes the
    // entries they stand for off log_counts; the number of rows deleted
    // (retention runs it, one transaction a batch, until it returns less
    // than `limit`).
    Result<qint64> deleteOlderThan(qint64 cutoffMs, int limit);

    // The retention worker's PostgreSQL advisory lock (one node prunes at a
    // time); always granted on SQLite.
    Result<bool> tryLockRetention();
    Status unlockRetention();

private:
    db::Database &m_db;
};

} // namespace kai::store
