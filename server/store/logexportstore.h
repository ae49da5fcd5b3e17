#pragma once

#include "core/result.h"
#include "db/database.h"

#include <QString>

#include <optional>
#include <vector>

namespace kai::store {

// One usage-log export job (reference §2.11). Its life: Queued (the
// document is not written yet) -> Delivering (written, or failed to write;
// the callback and the e-mail are due) -> Done or Failed.
struct LogExport
{
    enum class State { Queued, Delivering, Done, Failed };

    qint64 id = 0;
    QString exportId;               // the uuid POST .../exportlogs answered
    qint64 namespaceId = 0;
    QString namespaceName;
    bool namespaceIsOrganization = false;
    qint64 repositoryId = 0;        // 0: the whole namespace
    QString repositoryName;         // name within the namespace
    qint64 startMs = 0;             // inclusive
    qint64 endMs = 0;               // exclusive
    QString startDay;               // MM/DD/YYYY, as the document and callback show it
    QString endDay;
    QString callbackUrl;
    QString callbackEmail;
    qint64 requesterId = 0;         // who asked: the performer of the export_logs_* entry
    QString requesterName;
    QString requesterEmail;
    bool requesterIsRobot = false;
    QString requesterIp;

    State state = State::Queued;
    QString status;                 // success, failed, timedout, invalidrequest
    QString fileId;                 // empty until written (or when writing failed)
    std::optional<qint64> fileExpiresMs;
    qint64 entries = 0;
    bool emailSent = false;
    QString emailError;             // why the e-mail could not be handed to the mailer
    int attempts = 0;               // callback attempts made
    qint64 nextAttemptMs = 0;
    QString lastError;
    qint64 createdMs = 0;
};

// All SQL for log export jobs (the log_exports table).
class LogExportStore
{
public:
    explicit LogExportStore(db::Database &db) : m_db(db) {}

    // Queues the job (its exportId, id and state are set here).
    Result<LogExport> create(LogExport job, qint64 nowMs);

    // Jobs with work due by `nowMs`, oldest due first.
    Result<std::vector<LogExport>> due(qint64 nowMs, int limit);

    // The document is written (fileId set) or could not be (fileId empty,
    // status says why): the job moves on to delivery. False when the job
    // was not queued any more (another node got there first).
    Result<bool> markExported(qint64 id, const QString &fileId, const QString &status, qint64 entries,
                              std::optional<qint64> fileExpiresMs, const QString &error, qint64 nowMs);
    // The e-mail was handed to the mailer (or could not be: `error`); it is
    // never sent twice, whatever the callback does.
    Status markEmailSent(qint64 id, const QString &error);
    // A callback attempt failed; the next one is due at `nextAttemptMs`.
    Status recordFailedAttempt(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error);
    // The job is over: Done or Failed.
    Status finish(qint64 id, LogExport::State state, int attempts, const QString &error, qint64 nowMs);

    // The expiry of an exported file whose link still works at `nowMs`;
    // nullopt for unknown, expired or removed files.
    Result<std::optional<qint64>> liveFileExpiry(const QString &fileId, qint64 nowMs);
    // Files whose link expired by `nowMs`, and forgetting one once removed.
    Result<std::vector<QString>> expiredFiles(qint64 nowMs, int limit);
    Status forgetFile(const QString &fileId);
    // Whether a job still keeps this file (anything else in the export
    // directory is a leftover of a crash and is removed).
    Result<bool> isKnownFile(const QString &fileId);

    // PostgreSQL: one export worker at a time across nodes (a session
    // advisory lock, released by unlockWorker() or when the connection
    // closes). SQLite: always true.
    Result<bool> tryLockWorker();
    Status unlockWorker();

private:
    db::Database &m_db;
};

} // namespace kai::store
