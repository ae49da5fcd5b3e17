#include "store/logexportstore.h"

#include <QUuid>

namespace kai::store {

namespace {

// pg_try_advisory_lock key of the export worker: "KAI_LEXP" as a bigint.
constexpr qint64 kWorkerLockKey = 0x4B41495F4C455850LL;

const char *const kColumns =
    "id, export_id, namespace_id, namespace_name, namespace_is_org, repository_id, repository_name, "
    "start_ms, end_ms, start_day, end_day, callback_url, callback_email, requester_id, requester_name, "
    "requester_email, requester_is_robot, requester_ip, state, status, file_id, file_expires_ms, entries, "
    "email_sent, email_error, attempts, next_attempt_ms, last_error, created_ms";

QString stateName(LogExport::State state)
{
    switch (state) {
    case LogExport::State::Queued: return QStringLiteral("queued");
    case LogExport::State::Delivering: return QStringLiteral("delivering");
    case LogExport::State::Done: return QStringLiteral("done");
    case LogExport::State::Failed: return QStringLiteral("failed");
    }
    return {};
}

LogExport::State stateFromName(const QString &name)
{
    if (name == QLatin1String("delivering"))
        return LogExport::State::Delivering;
    if (name == QLatin1String("done"))
        return LogExport::State::Done;
    if (name == QLatin1String("failed"))
        return LogExport::State::Failed;
    return LogExport::State::Queued;
}

LogExport fromRow(const db::Row &row)
{
    LogExport job;
    job.id = row.integer(0);
    job.exportId = row.text(1);
    job.namespaceId = row.integer(2);
    job.namespaceName = row.text(3);
    job.namespaceIsOrganization = row.boolean(4);
    job.repositoryId = row.isNull(5) ? 0 : row.integer(5);
    job.repositoryName = row.text(6);
    job.startMs = row.integer(7);
    job.endMs = row.integer(8);
    job.startDay = row.text(9);
    job.endDay = row.text(10);
    job.callbackUrl = row.text(11);
    job.callbackEmail = row.text(12);
    job.requesterId = row.integer(13);
    job.requesterName = row.text(14);
    job.requesterEmail = row.text(15);
    job.requesterIsRobot = row.boolean(16);
    job.requesterIp = row.text(17);
    job.state = stateFromName(row.text(18));
    job.status = row.text(19);
    job.fileId = row.text(20);
    if (!row.isNull(21))
        job.fileExpiresMs = row.integer(21);
    job.entries = row.integer(22);
    job.emailSent = row.boolean(23);
    job.emailError = row.text(24);
    job.attempts = int(row.integer(25));
    job.nextAttemptMs = row.integer(26);
    job.lastError = row.text(27);
    job.createdMs = row.integer(28);
    return job;
}

Status statusOf(const Result<db::QueryResult> &result)
{
    if (!result)
        return result.error();
    return {};
}

} // namespace

Result<LogExport> LogExportStore::create(LogExport job, qint64 nowMs)
{
    job.exportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.state = LogExport::State::Queued;
    job.createdMs = nowMs;
    job.nextAttemptMs = nowMs;
    auto r = m_db.exec(
        "INSERT INTO log_exports (export_id, namespace_id, namespace_name, namespace_is_org, repository_id, "
        "repository_name, start_ms, end_ms, start_day, end_day, callback_url, callback_email, requester_id, "
        "requester_name, requester_email, requester_is_robot, requester_ip, state, next_attempt_ms, created_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {job.exportId, job.namespaceId, job.namespaceName, job.namespaceIsOrganization,
         job.repositoryId ? QVariant(job.repositoryId) : QVariant(), job.repositoryName, job.startMs, job.endMs,
         job.startDay, job.endDay, job.callbackUrl, job.callbackEmail, job.requesterId, job.requesterName,
         job.requesterEmail, job.requesterIsRobot, job.requesterIp, stateName(job.state), job.nextAttemptMs, nowMs});
    if (!r)
        return r.error();
    job.id = r->first().integer(0);
    return job;
}

Result<std::vector<LogExport>> LogExportStore::due(qint64 nowMs, int limit)
{
    auto r = m_db.exec(QStringLiteral("SELECT %1 FROM log_exports WHERE state IN ('queued', 'delivering') "
                                      "AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?")
                           .arg(QLatin1String(kColumns)),
                       {nowMs, limit});
    if (!r)
        return r.error();
    std::vector<LogExport> jobs;
    jobs.reserve(r->rows.size());
    for (const db::Row &row : r->rows)
        jobs.push_back(fromRow(row));
    return jobs;
}

Result<bool> LogExportStore::markExported(qint64 id, const QString &fileId, const QString &status, qint64 entries,
                                          std::optional<qint64> fileExpiresMs, const QString &error, qint64 nowMs)
{
    auto r = m_db.exec("UPDATE log_exports SET state = 'delivering', file_id = ?, status = ?, entries = ?, "
                       "file_expires_ms = ?, last_error = ?, next_attempt_ms = ? WHERE id = ? AND state = 'queued'",
                       {fileId.isEmpty() ? QVariant() : QVariant(fileId), status, entries,
                        fileExpiresMs ? QVariant(*fileExpiresMs) : QVariant(), error, nowMs, id});
    if (!r)
        return r.error();
    return r->rowsAffected == 1;
}

Status LogExportStore::markEmailSent(qint64 id, const QString &error)
{
    return statusOf(m_db.exec("UPDATE log_exports SET email_sent = 1, email_error = ? WHERE id = ?", {error, id}));
}

Status LogExportStore::recordFailedAttempt(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error)
{
    return statusOf(m_db.exec("UPDATE log_exports SET attempts = ?, next_attempt_ms = ?, last_error = ? WHERE id = ?",
                              {attempts, nextAttemptMs, error, id}));
}

Status LogExportStore::finish(qint64 id, LogExport::State state, int attempts, const QString &error, qint64 nowMs)
{
    return statusOf(m_db.exec("UPDATE log_exports SET state = ?, attempts = ?, last_error = ?, finished_ms = ? WHERE id = ?",
                              {stateName(state), attempts, error, nowMs, id}));
}

Result<std::optional<qint64>> LogExportStore::liveFileExpiry(const QString &fileId, qint64 nowMs)
{
    auto r = m_db.exec("SELECT file_expires_ms FROM log_exports WHERE file_id = ? AND file_expires_ms > ?", {fileId, nowMs});
    if (!r)
        return r.error();
    if (r->empty())
        return std::optional<qint64>();
    return std::optional<qint64>(r->first().integer(0));
}

Result<std::vector<QString>> LogExportStore::expiredFiles(qint64 nowMs, int limit)
{
    auto r = m_db.exec("SELECT file_id FROM log_exports WHERE file_expires_ms IS NOT NULL AND file_expires_ms <= ? "
                       "ORDER BY file_expires_ms LIMIT ?",
                       {nowMs, limit});
    if (!r)
        return r.error();
    std::vector<QString> files;
    files.reserve(r->rows.size());
    for (const db::Row &row : r->rows)
        files.push_back(row.text(0));
    return files;
}

Status LogExportStore::forgetFile(const QString &fileId)
{
    return statusOf(m_db.exec("UPDATE log_exports SET file_expires_ms = NULL WHERE file_id = ?", {fileId}));
}

Result<bool> LogExportStore::isKnownFile(const QString &fileId)
{
    auto r = m_db.exec("SELECT 1 FROM log_exports WHERE file_id = ? AND file_expires_ms IS NOT NULL", {fileId});
    if (!r)
        return r.error();
    return !r->empty();
}

Result<bool> LogExportStore::tryLockWorker()
{
    if (m_db.driver() != db::Driver::Postgres)
        return true;
    auto r = m_db.exec("SELECT pg_try_advisory_lock(CAST(? AS BIGINT))", {kWorkerLockKey});
    if (!r)
        return r.error();
    return !r->empty() && r->first().boolean(0);
}

Status LogExportStore::unlockWorker()
{
    if (m_db.driver() != db::Driver::Postgres)
        return {};
    return statusOf(m_db.exec("SELECT pg_advisory_unlock(CAST(? AS BIGINT))", {kWorkerLockKey}));
}

} // namespace kai::store
