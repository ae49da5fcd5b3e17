#include "logs/actionlogger.h"

#include "http/httprequest.h"
#include "logs/logbatchwriter.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcLogs)

namespace kai::logs {

LogActor LogActor::of(const auth::Identity &identity, const http::HttpRequest &request)
{
    LogActor actor;
    actor.performer = identity;
    actor.ip = request.client.toString();
    return actor;
}

namespace {

// Quay's log_action and track_and_log: an action done with an OAuth access
// token names the token and its application.
QString metadataOf(const QJsonObject &metadata, const LogActor &actor)
{
    const std::optional<auth::OAuthTokenUse> &token = actor.performer.oauthToken;
    if (!token)
        return compactJson(metadata);
    QJsonObject withToken = metadata;
    withToken.insert(QStringLiteral("oauth_token_id"), token->id);
    if (!token->applicationClientId.isEmpty()) {
        withToken.insert(QStringLiteral("oauth_token_application_id"), token->applicationClientId);
        withToken.insert(QStringLiteral("oauth_token_application"), token->applicationName);
    }
    return compactJson(withToken);
}

QString metadataOf(JsonObjectText &metadata, const LogActor &actor)
{
    if (const std::optional<auth::OAuthTokenUse> &token = actor.performer.oauthToken) {
        metadata.add(u"oauth_token_id", QJsonValue(token->id));
        if (!token->applicationClientId.isEmpty())
            metadata.add(u"oauth_token_application_id", token->applicationClientId)
                .add(u"oauth_token_application", token->applicationName);
    }
    return metadata.take();
}

} // namespace

ActionLogger::ActionLogger(store::LogStore &store, LogBatchWriter *batchWriter, std::function<qint64()> nowMs)
    : m_store(store), m_batchWriter(batchWriter), m_nowMs(std::move(nowMs))
{
}

Status ActionLogger::record(const QString &kind, const LogScope &scope, const LogActor &actor,
                           const QJsonObject &metadata)
{
    return m_store.insert(entryFor(kind, scope, actor, metadataOf(metadata, actor)));
}

Status ActionLogger::record(const QString &kind, const LogScope &scope, const LogActor &actor, JsonObjectText metadata)
{
    return m_store.insert(entryFor(kind, scope, actor, metadataOf(metadata, actor)));
}

void ActionLogger::recordLater(const QString &kind, const LogScope &scope, const LogActor &actor,
                               const QJsonObject &metadata)
{
    if (!keeps(kind))
        return;
    enqueue(entryFor(kind, scope, actor, metadataOf(metadata, actor)));
}

void ActionLogger::recordLater(const QString &kind, const LogScope &scope, const LogActor &actor,
                               JsonObjectText metadata)
{
    if (!keeps(kind))
        return;
    enqueue(entryFor(kind, scope, actor, metadataOf(metadata, actor)));
}

bool ActionLogger::keeps(const QString &kind) const
{
    return m_recordPulls || kind != QLatin1String("pull_repo");
}

void ActionLogger::enqueue(store::LogEntry entry)
{
    if (m_batchWriter) {
        m_batchWriter->enqueue(std::move(entry));
        return;
    }
    // No writer (a tool or a test without the server's runtime): write now.
    if (Status status = m_store.insert(entry); !status)
        qCWarning(lcLogs) << "usage log: cannot record" << entry.kind << ":" << status.error().message;
}

store::LogEntry ActionLogger::entryFor(const QString &kind, const LogScope &scope, const LogActor &actor,
                                       QString metadataJson) const
{
    store::LogEntry entry;
    entry.kind = kind;
    entry.namespaceId = scope.namespaceId;
    entry.namespaceName = scope.namespaceName;
    entry.namespaceIsOrganization = scope.namespaceIsOrganization;
    entry.repositoryId = scope.repositoryId;
    entry.repositoryName = scope.repositoryName;
    if (!actor.performer.isAnonymous()) {
        entry.performerId = actor.performer.namespaceId;
        entry.performerName = actor.performer.name;
        entry.performerIsRobot = actor.performer.isRobot();
        entry.performerEmail = entry.performerIsRobot ? QString() : actor.performerEmail;
    }
    entry.ip = actor.ip;
    entry.metadataJson = std::move(metadataJson);
    entry.datetimeMs = m_nowMs();
    return entry;
}

} // namespace kai::logs
