#include "runtime/workercontext.h"

namespace kai::runtime {

WorkerContext::WorkerContext(const ServerContext &serverContext, std::unique_ptr<db::Database> db)
    : server(serverContext)
    , database(std::move(db))
    , namespaces(*database, server.config.defaultTagExpirationSeconds)
    , repositories(*database)
    , blobRecords(*database)
    , manifests(*database)
    , tags(*database, serverContext.tagPageBookmarks)
    , uploads(*database)
    , tokens(*database)
    , grants(*database)
    , sessions(*database)
    , robots(*database, serverContext.secretBox)
    , appTokens(*database, serverContext.secretBox)
    , authenticator(namespaces, tokens, robots, appTokens, serverContext.config)
    , permissions(namespaces, repositories, grants, server.config.featureSuperusersFullAccess)
    , actionLog(logStore, serverContext.logBatchWriter, [&serverContext] { return serverContext.nowMs(); })
{
    actionLog.setRecordPulls(serverContext.config.actionLogPulls);
}

Result<std::unique_ptr<WorkerContext>> WorkerContext::open(const ServerContext &server)
{
    auto db = db::openDatabase(server.config.effectiveDbUri());
    if (!db)
        return db.error();
    return std::unique_ptr<WorkerContext>(new WorkerContext(server, std::move(*db)));
}

} // namespace kai::runtime
