#pragma once

#include "auth/authenticator.h"
#include "auth/permissionresolver.h"
#include "auth/verifiedtokencache.h"
#include "db/database.h"
#include "logs/actionlogger.h"
#include "model/repositorycreator.h"
#include "model/tagmover.h"
#include "runtime/servercontext.h"
#include "store/apptokenstore.h"
#include "store/blobrecordstore.h"
#include "store/entitysearchstore.h"
#include "store/labelstore.h"
#include "store/logstore.h"
#include "store/manifeststore.h"
#include "store/namespacestore.h"
#include "store/organizationstore.h"
#include "store/permissionstore.h"
#include "store/prototypestore.h"
#include "store/repositorystore.h"
#include "store/robotstore.h"
#include "store/sessionstore.h"
#include "store/tagstore.h"
#include "store/teamstore.h"
#include "store/tokenstore.h"
#include "store/uploadstore.h"

#include <memory>

namespace kai::runtime {

// Everything one worker thread uses to answer requests: its own database
// connection and the stores and services built on it. Created on the
// worker thread, used only there.
class WorkerContext
{
public:
    static Result<std::unique_ptr<WorkerContext>> open(const ServerContext &server);

    const ServerContext &server;
    std::unique_ptr<db::Database> database;
    store::NamespaceStore namespaces;
    store::RepositoryStore repositories;
    store::BlobRecordStore blobRecords;
    store::ManifestStore manifests;
    store::TagStore tags;
    store::UploadStore uploads;
    store::TokenStore tokens;
    store::PermissionStore grants;
    store::SessionStore sessions;
    store::RobotStore robots;
    store::AppTokenStore appTokens;
    store::OrganizationStore organizations{*database, server.config.defaultTagExpirationSeconds};
    store::TeamStore teams{*database};
    store::EntitySearchStore entitySearch{*database};
    store::PrototypeStore prototypes{*database};
    model::RepositoryCreator repositoryCreator{repositories, prototypes};
    store::LabelStore labels{*database};
    model::TagMover tagMover{tags, labels, server.config};
    auth::Authenticator authenticator;
    auth::PermissionResolver permissions;
    auth::VerifiedTokenCache verifiedTokens;
    store::LogStore logStore{*database};
    logs::ActionLogger actionLog;

    const config::Config &config() const { return server.config; }
    qint64 nowMs() const { return server.nowMs(); }

private:
    WorkerContext(const ServerContext &server, std::unique_ptr<db::Database> database);
};

} // namespace kai::runtime
