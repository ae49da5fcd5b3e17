#include "logs/exportworker.h"

#include "logs/actionlogger.h"
#include "logs/logpage.h"
#include "logs/logview.h"
#include "logs/ssrfguard.h"
#include "mail/templates.h"
#include "store/logstore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>

#include <chrono>

Q_DECLARE_LOGGING_CATEGORY(lcLogs)

namespace kai::logs {

namespace {

constexpr int kChunkSize = 500;          // entries per query while streaming
constexpr int kJobsPerPass = 10;
constexpr int kExpiredPerPass = 100;
// Quay's limits: a whole export may take EXPORT_ACTION_LOGS_MAXIMUM_SECONDS
// (7200), a callback NOTIFICATION_SEND_TIMEOUT (10 s).
constexpr qint64 kMaxExportMs = 7200 * 1000;
constexpr int kCallbackTimeoutMs = 10'000;

QByteArray compact(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

QJsonValue orNull(const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); }

// How writing a document ended.
struct Written
{
    enum class End { Complete, Stopped, DatabaseLost, Failed, TimedOut };
    End end = End::Complete;
    qint64 entries = 0;
    QString error;
};

// Streams the job's entries into `file` one chunk in memory at a time,
// newest first as the listing pages them: the same keyset on the same
// index, so each chunk costs as much as a page, however far into the
// range it is. The document is Quay's: the entries as the listings show
// them, then the terminator object.
Written writeDocument(QSaveFile &file, const store::LogExport &job, store::LogStore &logs, const std::atomic_bool &stop,
                      const std::function<qint64()> &nowMs)
{
    Written written;
    auto failed = [&](Written::End end, const QString &why) {
        written.end = end;
        written.error = why;
        return written;
    };
    const QJsonObject details{{"start_time", job.startDay},
                              {"end_time", job.endDay},
                              {"namespace", job.namespaceName},
                              {"repository", orNull(job.repositoryName)}};
    // {"details": {...}, "export_id": "..."} without its closing brace, so
    // the logs array can follow.
    QByteArray head = compact(QJsonObject{{"export_id", job.exportId}, {"details", details}});
    head.chop(1);
    head += ",\"logs\":[";
    if (file.write(head) != head.size())
        return failed(Written::End::Failed, QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));

    store::LogQuery query;
    if (job.repositoryId)
        query.repositoryId = job.repositoryId;
    else
        query.namespaceId = job.namespaceId;
    query.startMs = job.startMs;
    query.endMs = job.endMs;
    const qint64 deadline = nowMs() + kMaxExportMs;
    std::optional<store::LogCursor> after;
    for (;;) {
        if (stop)
            return failed(Written::End::Stopped, QStringLiteral("the server is stopping"));
        if (nowMs() > deadline)
            return failed(Written::End::TimedOut, QStringLiteral("the export took longer than %1 s").arg(kMaxExportMs / 1000));
        auto chunk = readLogPage(logs, query, after, kChunkSize);
        if (!chunk) {
            const auto end = chunk.error().kind == ErrorKind::Unavailable ? Written::End::DatabaseLost : Written::End::Failed;
            return failed(end, chunk.error().message);
        }
        QByteArray piece;
        for (const store::LogEntry &entry : chunk->entries) {
            if (written.entries++ > 0)
                piece += ',';
            piece += compact(logEntryView(entry, false));
        }
        if (!piece.isEmpty() && file.write(piece) != piece.size())
            return failed(Written::End::Failed, QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
        if (!chunk->next)
            break;
        after = chunk->next;
    }
    const QByteArray tail = QByteArray(written.entries > 0 ? "," : "") + "{\"terminator\":true}]}";
    if (file.write(tail) != tail.size() || !file.flush())
        return failed(Written::End::Failed, QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return written;
}

// The status document Quay POSTs to the callback.
QJsonObject statusDocument(const store::LogExport &job, const QString &link)
{
    return QJsonObject{{"export_id", job.exportId},
                       {"start_time", job.startDay},
                       {"end_time", job.endDay},
                       {"namespace", job.namespaceName},
                       {"repository", orNull(job.repositoryName)},
                       {"exported_data_url", orNull(link)},
                       {"status", job.status}};
}

} // namespace

ExportWorker::ExportWorker(const runtime::ServerContext &server) : m_server(server) {}

ExportWorker::~ExportWorker() = default;

void ExportWorker::start()
{
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &ExportWorker::runPass);
    m_timer->start(std::chrono::seconds(m_server.config.exportActionLogsPollSeconds));
    runPass();
}

void ExportWorker::stop()
{
    if (m_timer)
        m_timer->stop();
    m_db.reset();
}

QString ExportWorker::linkFor(const QString &fileId) const
{
    return m_server.config.urlBase() + QStringLiteral("/exportedlogs/") + fileId;
}

void ExportWorker::runPass()
{
    if (m_stop)
        return;
    if (!m_db) {
        auto db = db::openDatabase(m_server.config.effectiveDbUri());
        if (!db) {
            qCWarning(lcLogs) << "log export cannot open the database:" << db.error().message;
            return;
        }
        m_db = std::move(*db);
    }
    store::LogExportStore jobs(*m_db);
    auto locked = jobs.tryLockWorker();
    if (!locked) {
        qCWarning(lcLogs) << "log export:" << locked.error().message;
        m_db.reset();
        return;
    }
    if (!*locked)
        return;   // another node exports
    if (!m_swept)
        removeStrayFiles(jobs);
    removeExpiredFiles(jobs);
    auto due = jobs.due(m_server.nowMs(), kJobsPerPass);
    bool healthy = due.ok();
    if (!due)
        qCWarning(lcLogs) << "log export: cannot read the jobs:" << due.error().message;
    for (std::size_t i = 0; healthy && !m_stop && i < due->size(); ++i) {
        store::LogExport &job = (*due)[i];
        if (job.state == store::LogExport::State::Queued && !exportJob(jobs, job))
            healthy = false;
        else if (job.state == store::LogExport::State::Delivering)
            deliver(jobs, job);
    }
    (void)jobs.unlockWorker();
    // A lost PostgreSQL connection is opened again for the next pass.
    if (!healthy)
        m_db.reset();
}

void ExportWorker::removeStrayFiles(store::LogExportStore &jobs)
{
    // Under the worker's lock nobody else is writing: a file no job keeps
    // is a crashed export's temporary file (the job is still queued and
    // written again) or lost its row update in that crash.
    const QDir dir(m_server.config.exportedLogsPath());
    for (const QString &name : dir.entryList(QDir::Files)) {
        auto known = jobs.isKnownFile(name);
        if (!known)
            return;
        if (!*known)
            QFile::remove(dir.absoluteFilePath(name));
    }
    m_swept = true;
}

void ExportWorker::removeExpiredFiles(store::LogExportStore &jobs)
{
    auto expired = jobs.expiredFiles(m_server.nowMs(), kExpiredPerPass);
    if (!expired) {
        qCWarning(lcLogs) << "log export: cannot list expired files:" << expired.error().message;
        return;
    }
    const QDir dir(m_server.config.exportedLogsPath());
    for (const QString &fileId : *expired) {
        const QString path = dir.absoluteFilePath(fileId);
        if (QFile::exists(path) && !QFile::remove(path)) {
            qCWarning(lcLogs) << "log export: cannot remove the expired file" << path;
            continue;
        }
        if (Status s = jobs.forgetFile(fileId); !s)
            return;
    }
}

bool ExportWorker::exportJob(store::LogExportStore &jobs, store::LogExport &job)
{
    const QString dirPath = m_server.config.exportedLogsPath();
    // Quay's file name: the export id and a random uuid, the unguessable
    // part of the link.
    const QString fileId = job.exportId + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString path = QDir(dirPath).absoluteFilePath(fileId);
    // Written to a temporary file, synced to disk and renamed into place
    // only when complete: a link never shows half a document.
    QSaveFile file(path);

    Written written;
    if (!QDir().mkpath(dirPath) || !file.open(QIODevice::WriteOnly)) {
        written.end = Written::End::Failed;
        written.error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
    } else {
        store::LogStore logs(*m_db);
        written = writeDocument(file, job, logs, m_stop, m_server.nowMs);
        if (written.end == Written::End::Complete && !file.commit()) {
            written.end = Written::End::Failed;
            written.error = QStringLiteral("cannot store %1: %2").arg(path, file.errorString());
        }
    }
    if (written.end != Written::End::Complete)
        file.cancelWriting();
    if (written.end == Written::End::Stopped || written.end == Written::End::DatabaseLost) {
        if (written.end == Written::End::DatabaseLost)
            qCWarning(lcLogs) << "log export" << job.exportId << "interrupted:" << written.error;
        return false;   // stays queued; written again next time
    }

    const bool complete = written.end == Written::End::Complete;
    job.status = complete ? QStringLiteral("success")
                 : written.end == Written::End::TimedOut ? QStringLiteral("timedout")
                                                          : QStringLiteral("failed");
    job.fileId = complete ? fileId : QString();
    job.entries = written.entries;
    job.lastError = written.error;
    if (complete)
        job.fileExpiresMs = m_server.nowMs() + m_server.config.exportActionLogsSeconds * 1000;
    if (!complete)
        qCWarning(lcLogs) << "log export" << job.exportId << job.status << ":" << written.error;
    auto moved = jobs.markExported(job.id, job.fileId, job.status, job.entries, job.fileExpiresMs, job.lastError,
                                   m_server.nowMs());
    if (!moved || !*moved) {
        // The job row could not be updated (or another node finished it):
        // this copy of the file is nobody's.
        if (complete)
            QFile::remove(path);
        return moved.ok();
    }
    job.state = store::LogExport::State::Delivering;
    return true;
}

void ExportWorker::deliver(store::LogExportStore &jobs, store::LogExport &job)
{
    const bool exported = job.status == QLatin1String("success") && !job.fileId.isEmpty();
    const QString link = exported ? linkFor(job.fileId) : QString();

    // The e-mail goes once; the mailer retries its own delivery.
    if (!job.callbackEmail.isEmpty() && !job.emailSent) {
        QString emailError;
        if (!m_server.mailer) {
            emailError = QStringLiteral("e-mail is off (FEATURE_MAILING)");
        } else {
            mail::LogsExported result{job.callbackEmail, job.exportId, job.status, link, job.fileExpiresMs.value_or(0)};
            if (Status queued = m_server.mailer->enqueue(mail::logsExportedMail(result, m_server.config.registryTitle)); !queued)
                emailError = queued.error().message;
        }
        if (Status s = jobs.markEmailSent(job.id, emailError); !s) {
            qCWarning(lcLogs) << "log export" << job.exportId << ":" << s.error().message;
            return;
        }
        job.emailSent = true;
        job.emailError = emailError;
    }

    int attempts = job.attempts;
    QString callbackError;
    if (!job.callbackUrl.isEmpty()) {
        // Checked again: what the name resolves to may have changed since
        // the request was accepted.
        const SsrfGuard guard(m_server.config.ssrfAllowedHosts);
        auto target = guard.check(job.callbackUrl);
        if (!target) {
            callbackError = QStringLiteral("callback URL refused: %1").arg(target.error().message);
        } else {
            auto answer = postJson(*target, compact(statusDocument(job, link)), kCallbackTimeoutMs, &m_stop);
            if (!answer)
                callbackError = answer.error().message;
            else if (*answer < 200 || *answer > 299)
                callbackError = QStringLiteral("the callback answered HTTP %1").arg(*answer);
        }
        if (m_stop && !callbackError.isEmpty())
            return;   // cut short by shutdown: not an attempt
        ++attempts;
        if (!callbackError.isEmpty() && attempts < kMaxCallbackAttempts) {
            // Back-off: one poll period, then two.
            const qint64 delayMs = m_server.config.exportActionLogsPollSeconds * 1000 * (qint64(1) << (attempts - 1));
            qCInfo(lcLogs) << "log export" << job.exportId << "callback attempt" << attempts << "failed:" << callbackError;
            if (Status s = jobs.recordFailedAttempt(job.id, attempts, m_server.nowMs() + delayMs, callbackError); !s)
                qCWarning(lcLogs) << "log export" << job.exportId << ":" << s.error().message;
            return;
        }
        if (!callbackError.isEmpty())
            callbackError = QStringLiteral("callback failed %1 times, last: %2").arg(attempts).arg(callbackError);
    }

    const bool success = exported && callbackError.isEmpty() && job.emailError.isEmpty();
    QStringList errors;
    if (!exported)
        errors << (job.lastError.isEmpty() ? QStringLiteral("export %1").arg(job.status) : job.lastError);
    if (!callbackError.isEmpty())
        errors << callbackError;
    if (!job.emailError.isEmpty())
        errors << QStringLiteral("e-mail: %1").arg(job.emailError);
    const QString error = errors.join(QStringLiteral("; "));

    // The job's end and its usage-log entry commit together.
    db::Transaction tx(*m_db);
    Status done = tx.status();
    if (done)
        done = jobs.finish(job.id, success ? store::LogExport::State::Done : store::LogExport::State::Failed, attempts,
                           error, m_server.nowMs());
    if (done)
        done = recordOutcome(job, success, error);
    if (done)
        done = tx.commit();
    if (!done) {
        qCWarning(lcLogs) << "log export" << job.exportId << "cannot record its end:" << done.error().message;
        return;
    }
    if (success)
        qCInfo(lcLogs) << "log export" << job.exportId << "delivered:" << job.entries << "entries";
    else
        qCWarning(lcLogs) << "log export" << job.exportId << "failed:" << error;
}

Status ExportWorker::recordOutcome(const store::LogExport &job, bool success, const QString &error)
{
    store::LogStore logs(*m_db);
    ActionLogger logger(logs, nullptr, m_server.nowMs);
    LogScope scope;
    scope.namespaceId = job.namespaceId;
    scope.namespaceName = job.namespaceName;
    scope.namespaceIsOrganization = job.namespaceIsOrganization;
    scope.repositoryId = job.repositoryId;
    scope.repositoryName = job.repositoryName;
    LogActor actor;
    if (job.requesterId) {
        actor.performer.kind = job.requesterIsRobot ? auth::Identity::Kind::Robot : auth::Identity::Kind::User;
        actor.performer.namespaceId = job.requesterId;
        actor.performer.name = job.requesterName;
        actor.performerEmail = job.requesterEmail;
    }
    actor.ip = job.requesterIp;
    // The keys Quay's UI shows for these kinds.
    QJsonObject metadata{{"export_id", job.exportId}, {"namespace", job.namespaceName}};
    if (!job.callbackUrl.isEmpty())
        metadata.insert("url", job.callbackUrl);
    if (!job.callbackEmail.isEmpty())
        metadata.insert("email", job.callbackEmail);
    if (!job.repositoryName.isEmpty())
        metadata.insert("repo", job.repositoryName);
    if (!success)
        metadata.insert("error", error);
    return logger.record(success ? QStringLiteral("export_logs_success") : QStringLiteral("export_logs_failure"), scope,
                         actor, metadata);
}

} // namespace kai::logs
