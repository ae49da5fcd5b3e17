#include "store/logstore.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace kai::store {

namespace {

constexpr qint64 kDayMs = 86'400'000;
// pg_try_advisory_lock key of usage-log retention: "KAI_LOGR" as a bigint.
constexpr qint64 kRetentionLockKey = 0x4B41495F4C4F4752LL;

const char *const kColumns =
    "id, kind, namespace_id, namespace_name, namespace_is_org, repository_id, repository_name, performer_id, "
    "performer_name, performer_email, performer_is_robot, ip, metadata, datetime_ms, occurrences";

const QStringList kInsertColumns = QStringLiteral("kind namespace_id namespace_name namespace_is_org repository_id "
                                                  "repository_name performer_id performer_name performer_email "
                                                  "performer_is_robot ip metadata datetime_ms day_ms occurrences")
                                       .split(QLatin1Char(' '));

// 00:00 UTC of the entry's day (times before 1970 do not occur).
qint64 dayOf(qint64 datetimeMs) { return datetimeMs / kDayMs * kDayMs; }

// Ids of 0 mean "none" and are NULL in the table.
QVariant idOrNull(qint64 id) { return id > 0 ? QVariant(id) : QVariant(); }

bool needsStoredEmail(const LogEntry &e) { return e.performerId > 0 && !e.performerIsRobot && e.performerEmail.isEmpty(); }

// A user's e-mail (for the performer's avatar) is copied from the user's
// row when the caller did not know it, so the entry keeps it after the
// user is gone: a few lookups for all the users of a batch. The id lists
// are padded (repeating the last id) to 1, 8 or 64 so the statement cache
// holds three shapes.
Result<QHash<qint64, QString>> storedEmails(db::Database &db, std::span<const LogEntry> entries)
{
    QHash<qint64, QString> emails;
    QList<qint64> ids;
    for (const LogEntry &e : entries) {
        if (needsStoredEmail(e) && !emails.contains(e.performerId)) {
            emails.insert(e.performerId, QString());
            ids << e.performerId;
        }
    }
    for (qsizetype next = 0; next < ids.size();) {
        const qsizetype left = ids.size() - next;
        const qsizetype width = left <= 1 ? 1 : left <= 8 ? 8 : 64;
        QVariantList params;
        for (qsizetype i = 0; i < width; ++i)
            params << ids.at(std::min(next + i, ids.size() - 1));
        auto result = db.exec(QStringLiteral("SELECT id, email FROM namespaces WHERE id IN (%1)")
                                  .arg(QStringList(width, QStringLiteral("?")).join(QStringLiteral(", "))),
                              params);
        if (!result)
            return result.error();
        for (const db::Row &r : result->rows)
            emails.insert(r.integer(0), r.text(1));
        next += std::min(width, left);
    }
    return emails;
}

QVariantList rowOf(const LogEntry &e, const QHash<qint64, QString> &emails)
{
    const QString email = needsStoredEmail(e) ? emails.value(e.performerId) : e.performerEmail;
    return {e.kind, idOrNull(e.namespaceId), e.namespaceName, e.namespaceIsOrganization, idOrNull(e.repositoryId),
            e.repositoryName, idOrNull(e.performerId), e.performerName, email, e.performerIsRobot, e.ip,
            e.metadataJson.isEmpty() ? QStringLiteral("{}") : e.metadataJson, e.datetimeMs,
            dayOf(e.datetimeMs), std::max<qint64>(e.occurrences, 1)};
}

LogEntry fromRow(const db::Row &r)
{
    LogEntry e;
    e.id = r.integer(0);
    e.kind = r.text(1);
    e.namespaceId = r.isNull(2) ? 0 : r.integer(2);
    e.namespaceName = r.text(3);
    e.namespaceIsOrganization = r.boolean(4);
    e.repositoryId = r.isNull(5) ? 0 : r.integer(5);
    e.repositoryName = r.text(6);
    e.performerId = r.isNull(7) ? 0 : r.integer(7);
    e.performerName = r.text(8);
    e.performerEmail = r.text(9);
    e.performerIsRobot = r.boolean(10);
    e.ip = r.text(11);
    e.metadataJson = r.text(12);
    e.datetimeMs = r.integer(13);
    e.occurrences = r.integer(14);
    return e;
}

Result<std::vector<LogEntry>> entriesOf(Result<db::QueryResult> result)
{
    if (!result)
        return result.error();
    std::vector<LogEntry> entries;
    entries.reserve(result->rows.size());
    for (const db::Row &r : result->rows)
        entries.push_back(fromRow(r));
    return entries;
}

// The WHERE clause of a query (without the keyword) and its parameters.
// Exactly one scope column is constrained by equality first, so the
// matching (scope, datetime_ms DESC, id DESC) index serves the range.
struct Filter
{
    QString sql;
    QVariantList params;
};

Filter filterOf(const LogQuery &query)
{
    Filter f;
    QStringList terms;
    if (query.repositoryId) {
        terms << QStringLiteral("repository_id = ?");
        f.params << *query.repositoryId;
    }
    if (query.namespaceId) {
        terms << QStringLiteral("namespace_id = ?");
        f.params << *query.namespaceId;
    }
    if (query.performerId) {
        terms << QStringLiteral("performer_id = ?");
        f.params << *query.performerId;
    }
    terms << QStringLiteral("datetime_ms >= ?") << QStringLiteral("datetime_ms < ?");
    f.params << query.startMs << query.endMs;
    if (!query.excludedKinds.isEmpty()) {
        QStringList marks;
        for (const QString &kind : query.excludedKinds) {
            marks << QStringLiteral("?");
            f.params << kind;
        }
        terms << QStringLiteral("kind NOT IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    f.sql = terms.join(QStringLiteral(" AND "));
    return f;
}

// log_counts (011_log_counts.sql): the entries a write adds or a
// deletion removes, per key, applied as one upsert per key. Keys are
// applied in order so concurrent writers lock count rows in the same order.
struct CountKey
{
    qint64 namespaceId = 0;
    qint64 dayMs = 0;
    QString kind;
    qint64 repositoryId = 0;

    bool operator<(const CountKey &other) const
    {
        return std::tie(namespaceId, dayMs, kind, repositoryId)
               < std::tie(other.namespaceId, other.dayMs, other.kind, other.repositoryId);
    }
};
using CountDeltas = std::map<CountKey, qint64>;

const char *const kCountUpsert =
    "INSERT INTO log_counts (namespace_id, day_ms, kind, repository_id, entries) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (namespace_id, day_ms, kind, repository_id) DO UPDATE SET entries = log_counts.entries + excluded.entries";

void addCount(CountDeltas &deltas, const LogEntry &e)
{
    deltas[CountKey{std::max<qint64>(e.namespaceId, 0), dayOf(e.datetimeMs), e.kind, std::max<qint64>(e.repositoryId, 0)}] +=
        std::max<qint64>(e.occurrences, 1);
}

Status applyCounts(db::Database &db, const CountDeltas &deltas)
{
    for (const auto &[key, delta] : deltas) {
        auto result = db.exec(kCountUpsert, {key.namespaceId, key.dayMs, key.kind, key.repositoryId, delta});
        if (!result)
            return result.error();
    }
    return {};
}

qint64 nextDayAtOrAfter(qint64 ms) { return (ms + kDayMs - 1) / kDayMs * kDayMs; }

// One SELECT of (day_ms, kind, count) rows for a UNION ALL.
struct CountSelect
{
    QString sql;
    QVariantList params;
};

// Counts per (day, kind) of the entries in [startMs, endMs), from the
// entries themselves: for partial days and for a performer's entries.
CountSelect countingEntries(LogQuery query, qint64 startMs, qint64 endMs)
{
    query.startMs = startMs;
    query.endMs = endMs;
    Filter f = filterOf(query);
    return {QStringLiteral("SELECT day_ms, kind, CAST(SUM(occurrences) AS BIGINT) FROM log_entries WHERE %1 GROUP BY day_ms, kind").arg(f.sql),
            f.params};
}

// The same for whole days [firstDayMs, endDayMs), from log_counts.
CountSelect countingWholeDays(const LogQuery &query, qint64 firstDayMs, qint64 endDayMs)
{
    QStringList terms;
    CountSelect select;
    if (query.namespaceId) {
        terms << QStringLiteral("namespace_id = ?");
        select.params << *query.namespaceId;
    }
    if (query.repositoryId) {
        terms << QStringLiteral("repository_id = ?");
        select.params << *query.repositoryId;
    }
    terms << QStringLiteral("day_ms >= ?") << QStringLiteral("day_ms < ?");
    select.params << firstDayMs << endDayMs;
    if (!query.excludedKinds.isEmpty()) {
        QStringList marks;
        for (const QString &kind : query.excludedKinds) {
            marks << QStringLiteral("?");
            select.params << kind;
        }
        terms << QStringLiteral("kind NOT IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    select.sql = QStringLiteral("SELECT day_ms, kind, CAST(SUM(entries) AS BIGINT) FROM log_counts WHERE %1 GROUP BY day_ms, kind")
                     .arg(terms.join(QStringLiteral(" AND ")));
    return select;
}

} // namespace

Status LogStore::insert(const LogEntry &entry)
{
    return insertBatch(std::span<const LogEntry>(&entry, 1));
}

Status LogStore::insertBatch(std::span<const LogEntry> entries)
{
    if (entries.empty())
        return {};
    auto emails = storedEmails(m_db, entries);
    if (!emails)
        return emails.error();
    CountDeltas counts;
    std::vector<QVariantList> rows;
    rows.reserve(entries.size());
    for (const LogEntry &entry : entries) {
        addCount(counts, entry);
        rows.push_back(rowOf(entry, *emails));
    }
    if (Status inserted = m_db.insertRows(QStringLiteral("log_entries"), kInsertColumns, rows); !inserted)
        return inserted;
    return applyCounts(m_db, counts);
}

Result<std::vector<LogEntry>> LogStore::page(const LogQuery &query, const std::optional<LogCursor> &after, int limit)
{
    Filter f = filterOf(query);
    const bool resumesInsideRow = after && after->repeatsLeft > 0;
    if (after) {
        // Spelled out rather than as a row value so both planners see a
        // plain range on datetime_ms.
        f.sql += resumesInsideRow ? QStringLiteral(" AND datetime_ms <= ? AND (datetime_ms < ? OR id <= ?)")
                                  : QStringLiteral(" AND datetime_ms <= ? AND (datetime_ms < ? OR id < ?)");
        f.params << after->datetimeMs << after->datetimeMs << after->id;
    }
    f.params << limit;
    auto rows = entriesOf(m_db.exec(QStringLiteral("SELECT %1 FROM log_entries WHERE %2 ORDER BY datetime_ms DESC, id DESC LIMIT ?")
                                        .arg(QLatin1String(kColumns), f.sql),
                                    f.params));
    // The cursor's row is gone when retention deleted it in between.
    if (rows && resumesInsideRow && !rows->empty() && rows->front().id == after->id)
        rows->front().occurrences = std::min(rows->front().occurrences, after->repeatsLeft);
    return rows;
}

Result<std::vector<LogAggregate>> LogStore::aggregate(const LogQuery &query)
{
    if (query.endMs <= query.startMs)
        return std::vector<LogAggregate>{};
    // A partial first day, the whole days, a partial last day. log_counts
    // has no performer, so a performer's entries are always counted.
    std::vector<CountSelect> parts;
    const qint64 firstWholeDay = nextDayAtOrAfter(query.startMs);
    const qint64 wholeDaysEnd = dayOf(query.endMs);
    if (query.performerId || firstWholeDay >= wholeDaysEnd) {
        parts.push_back(countingEntries(query, query.startMs, query.endMs));
    } else {
        if (query.startMs < firstWholeDay)
            parts.push_back(countingEntries(query, query.startMs, firstWholeDay));
        parts.push_back(countingWholeDays(query, firstWholeDay, wholeDaysEnd));
        if (wholeDaysEnd < query.endMs)
            parts.push_back(countingEntries(query, wholeDaysEnd, query.endMs));
    }
    QStringList selects;
    QVariantList params;
    for (const CountSelect &part : parts) {
        selects << part.sql;
        params << part.params;
    }
    auto result = m_db.exec(selects.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(" ORDER BY 1, 2"), params);
    if (!result)
        return result.error();
    std::vector<LogAggregate> aggregates;
    aggregates.reserve(result->rows.size());
    for (const db::Row &r : result->rows)
        aggregates.push_back(LogAggregate{r.text(1), r.integer(2), r.integer(0)});
    return aggregates;
}

Result<qint64> LogStore::deleteOlderThan(qint64 cutoffMs, int limit)
{
    auto result = m_db.exec("DELETE FROM log_entries WHERE id IN "
                            "(SELECT id FROM log_entries WHERE datetime_ms < ? ORDER BY datetime_ms LIMIT ?) "
                            "RETURNING namespace_id, day_ms, kind, repository_id, occurrences",
                            {cutoffMs, limit});
    if (!result)
        return result.error();
    CountDeltas removed;
    for (const db::Row &r : result->rows) {
        removed[CountKey{r.isNull(0) ? 0 : r.integer(0), r.integer(1), r.text(2), r.isNull(3) ? 0 : r.integer(3)}] -=
            r.integer(4);
    }
    if (Status s = applyCounts(m_db, removed); !s)
        return s.error();
    auto emptied = m_db.exec("DELETE FROM log_counts WHERE day_ms <= ? AND entries <= 0", {dayOf(cutoffMs)});
    if (!emptied)
        return emptied.error();
    return qint64(result->rows.size());
}

Result<bool> LogStore::tryLockRetention()
{
    if (m_db.driver() != db::Driver::Postgres)
        return true;
    auto result = m_db.exec("SELECT pg_try_advisory_lock(CAST(? AS BIGINT))", {kRetentionLockKey});
    if (!result)
        return result.error();
    return !result->empty() && result->first().boolean(0);
}

Status LogStore::unlockRetention()
{
    if (m_db.driver() != db::Driver::Postgres)
        return {};
    auto result = m_db.exec("SELECT pg_advisory_unlock(CAST(? AS BIGINT))", {kRetentionLockKey});
    if (!result)
        return result.error();
    return {};
}

} // namespace kai::store
