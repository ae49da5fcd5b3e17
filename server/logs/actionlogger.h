#pragma once

#include "auth/identity.h"
#include "core/jsontext.h"
#include "core/result.h"
#include "store/logstore.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace kai::http { class HttpRequest; }

namespace kai::logs {

class LogBatchWriter;

// Where an action happened: the namespace and, if any, the repository.
struct LogScope
{
    qint64 namespaceId = 0;
    QString namespaceName;
    bool namespaceIsOrganization = false;
    qint64 repositoryId = 0;
    QString repositoryName;
};

// Who did it and from where.
struct LogActor
{
    auth::Identity performer;     // anonymous: no performer
    QString performerEmail;
    QString ip;

    static LogActor of(const auth::Identity &identity, const http::HttpRequest &request);
};

// The one way actions are recorded (issue 5). record() writes in the
// caller's open transaction, so a change and its entry commit or roll back
// together. recordLater() hands the entry to the asynchronous batch writer
// (pulls and logins), so the hot path never waits on an insert; it never
// fails the action it describes.
class ActionLogger
{
public:
    ActionLogger(store::LogStore &store, LogBatchWriter *batchWriter, std::function<qint64()> nowMs);

    Status record(const QString &kind, const LogScope &scope, const LogActor &actor, const QJsonObject &metadata = {});
    void recordLater(const QString &kind, const LogScope &scope, const LogActor &actor, const QJsonObject &metadata = {});
    // The same with the metadata already written as text (registry actions:
    // a pull is the hottest path that logs).
    Status record(const QString &kind, const LogScope &scope, const LogActor &actor, JsonObjectText metadata);
    void recordLater(const QString &kind, const LogScope &scope, const LogActor &actor, JsonObjectText metadata);

    // KAI_ACTION_LOG_PULLS: false drops pull_repo entries (installations
    // that audit changes only).
    void setRecordPulls(bool on) { m_recordPulls = on; }
    // Whether a pull_repo entry would be kept, so the pull path builds its
    // metadata only then.
    bool recordsPulls() const { return m_recordPulls; }

private:
    store::LogEntry entryFor(const QString &kind, const LogScope &scope, const LogActor &actor,
                             QString metadataJson) const;
    // False for the entries KAI_ACTION_LOG_PULLS: false drops.
    bool keeps(const QString &kind) const;
    void enqueue(store::LogEntry entry);

    store::LogStore &m_store;
    LogBatchWriter *m_batchWriter;
    std::function<qint64()> m_nowMs;
    bool m_recordPulls = true;
};

} // namespace kai::logs
