#pragma once

#include "auth/jwt.h"
#include "auth/secretbox.h"
#include "config/config.h"
#include "mail/mailer.h"
#include "storage/blobstore.h"
#include "store/tagpagebookmarks.h"

#include <QDateTime>

#include <functional>

namespace kai::logs {
class LogBatchWriter;
}

namespace kai::runtime {

// What every worker thread shares: immutable configuration and thread-safe
// services. Owned by the server's main object; workers hold a reference.
struct ServerContext
{
    const config::Config &config;
    const auth::SigningKey &signingKey;
    const auth::SecretBox &secretBox;   // DATABASE_SECRET_KEY: sealed secrets
    storage::BlobStore &blobs;
    // The clock seam: tests of expiry and history inject their own.
    std::function<qint64()> nowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    // The outgoing mail queue; null when FEATURE_MAILING is off.
    mail::Mailer *mailer = nullptr;
    // The usage log's asynchronous writer (pulls, logins); null in tools
    // that run without the server's runtime (entries are then written at once).
    logs::LogBatchWriter *logBatchWriter = nullptr;
    // Where numbered tag pages start, learnt from the pages served; null
    // in tools (pages by OFFSET alone).
    store::TagPageBookmarks *tagPageBookmarks = nullptr;
};

} // namespace kai::runtime
