#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kai::config {

// The server's configuration: Quay's config.yaml key names, read once at
// start-up and then passed by const reference to whoever needs it (the only
// process-wide state besides the signing key).
struct Config
{
    // Network
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    QString serverHostname;             // SERVER_HOSTNAME; empty: derived from the listener
    QString preferredUrlScheme = "http";// PREFERRED_URL_SCHEME
    QString tlsCertificatePath;         // SSL_CERT_PATH (kai: TLS on the same listener)
    QString tlsKeyPath;                 // SSL_KEY_PATH
    int workerThreads = 0;              // KAI_WORKER_THREADS; 0 = one per core
    // KAI_TRUSTED_PROXIES: networks whose X-Forwarded-For names the client
    QList<QPair<QHostAddress, int>> trustedProxies;

    // Storage
    QString dataDir;                    // --data-dir / KAI_DATA_DIR
    QString dbUri;                      // DB_URI; empty: sqlite under dataDir
    QString storagePath;                // DISTRIBUTED_STORAGE_CONFIG LocalStorage storage_path

    // Identity and registry behaviour
    QStringList superUsers;             // SUPER_USERS
    // GLOBAL_READONLY_SUPER_USERS: read access to every namespace and
    // repository, and the superuser panel's read endpoints.
    QStringList globalReadOnlySuperUsers;
    // FEATURE_SUPERUSERS_FULL_ACCESS: superusers pass every namespace and
    // repository permission check (with the super:user scope for tokens).
    bool featureSuperusersFullAccess = false;
    bool featureUserInitialize = false; // FEATURE_USER_INITIALIZE
    bool featureReferrersApi = true;    // FEATURE_REFERRERS_API
    bool featureAnonymousAccess = true; // FEATURE_ANONYMOUS_ACCESS
    bool createPrivateRepoOnPush = true;// CREATE_PRIVATE_REPO_ON_PUSH
    bool robotsDisallow = false;        // ROBOTS_DISALLOW: no robot creation or login
    bool featureAppSpecificTokens = true; // FEATURE_APP_SPECIFIC_TOKENS
    QString instanceServiceName = "quay"; // INSTANCE_SERVICE_KEY_SERVICE (JWT iss)
    qint64 registryJwtMaxFreshSeconds = 3660; // REGISTRY_JWT_AUTH_MAX_FRESH_S
    qint64 maximumManifestBytes = 4 * 1024 * 1024; // KAI_MAXIMUM_MANIFEST_SIZE
    qint64 uploadMaxAgeSeconds = 24 * 3600;        // KAI_UPLOAD_MAX_AGE_SECONDS
    // FRESH_LOGIN_TIMEOUT: how long after a password sign-in a session may
    // still do sensitive actions without re-entering the password.
    QString freshLoginTimeout = "10m";
    qint64 freshLoginTimeoutSeconds = 600;

    // Mail (Quay's MAIL_* keys). Kai's default is off: a fresh install has
    // no mail server, and with mailing off Quay adds team members directly.
    bool featureMailing = false;        // FEATURE_MAILING
    bool featureRequireTeamInvite = true; // FEATURE_REQUIRE_TEAM_INVITE (only with mailing)
    QString mailServer;                 // MAIL_SERVER
    qint64 mailPort = 587;              // MAIL_PORT
    bool mailUseTls = true;             // MAIL_USE_TLS: STARTTLS required
    bool mailUseAuth = false;           // MAIL_USE_AUTH
    QString mailUsername;               // MAIL_USERNAME
    QString mailPassword;               // MAIL_PASSWORD
    QString mailDefaultSender = "admin@example.com"; // MAIL_DEFAULT_SENDER
    QString registryTitle = "Project Quay"; // REGISTRY_TITLE (mail subjects and bodies)

    // Tags, the time machine and expiry (reference §3.4, §4.1, §4.2).
    // Durations are kept as Quay writes them ("2w") and in seconds.
    QStringList tagExpirationOptions{"0s", "1d", "1w", "2w", "4w"}; // TAG_EXPIRATION_OPTIONS
    QList<qint64> tagExpirationOptionSeconds{0, 86400, 604800, 1209600, 2419200};
    QString defaultTagExpiration = "2w";           // DEFAULT_TAG_EXPIRATION: new namespaces' window
    qint64 defaultTagExpirationSeconds = 1209600;
    qint64 labeledExpirationMinimumSeconds = 3600;          // LABELED_EXPIRATION_MINIMUM ("1h")
    qint64 labeledExpirationMaximumSeconds = 104 * 604800;  // LABELED_EXPIRATION_MAXIMUM ("104w")
    qint64 pushTempTagExpirationSeconds = 3600;    // PUSH_TEMP_TAG_EXPIRATION_SEC
    bool permanentlyDeleteTags = false;            // PERMANENTLY_DELETE_TAGS: POST .../tag/<t>/expire
    bool featureChangeTagExpiration = true;        // FEATURE_CHANGE_TAG_EXPIRATION

    // Manifest labels and model cards (reference §2.10, §4.8, guide 8.1.1).
    QStringList labelKeyReservedPrefixes;          // LABEL_KEY_RESERVED_PREFIXES: more refused prefixes, each ending in "."
    bool featureUiModelcard = true;                // FEATURE_UI_MODELCARD: "modelcard" in GET .../manifest/<digest>
    QString uiModelcardArtifactType = "application/x-mlmodel"; // UI_MODELCARD_ARTIFACT_TYPE
    QMap<QString, QString> uiModelcardAnnotation;  // UI_MODELCARD_ANNOTATION (Quay's default {})
    QMap<QString, QString> uiModelcardLayerAnnotation{{"org.opencontainers.image.title", "README.md"}}; // UI_MODELCARD_LAYER_ANNOTATION
    qint64 modelcardMaxBytes = 1024 * 1024;        // KAI_MODELCARD_MAX_BYTES: larger cards are refused

    // Garbage collection (reference §4.1, §5; server/gc/).
    bool featureGarbageCollection = true;          // FEATURE_GARBAGE_COLLECTION: the background collector runs
    qint64 garbageCollectionFrequencySeconds = 30; // GARBAGE_COLLECTION_FREQUENCY: seconds between passes
    qint64 gcBlobGraceSeconds = 3600;              // KAI_GC_BLOB_GRACE_SECONDS: an unreferenced blob link is kept this long

    // Usage logs (reference §2.11, §1.6; server/logs/).
    bool actionLogAuditLogins = true;              // ACTION_LOG_AUDIT_LOGINS: login_success entries
    bool actionLogAuditLoginFailures = false;      // ACTION_LOG_AUDIT_LOGIN_FAILURES: login_failure entries
    QString actionLogRetention = "30d";            // ACTION_LOG_RETENTION (Kai): older entries are deleted; "0d" keeps all
    qint64 actionLogRetentionSeconds = 30 * 86400;
    bool featureAggregatedLogCountRetrieval = true; // FEATURE_AGGREGATED_LOG_COUNT_RETRIEVAL: .../aggregatelogs
    bool actionLogPulls = true;                    // KAI_ACTION_LOG_PULLS: pull_repo entries (false: pulls are not audited)

    // Usage log export (reference §2.11; server/logs/exportworker.h).
    bool featureLogExport = true;                  // FEATURE_LOG_EXPORT: POST .../exportlogs
    qint64 exportActionLogsSeconds = 3600;         // EXPORT_ACTION_LOGS_SECONDS: how long an export's link works
    qint64 exportActionLogsPollSeconds = 10;       // EXPORT_ACTION_LOGS_WORKER_POLL_PERIOD (Quay: 60): also the first retry delay
    QStringList ssrfAllowedHosts;                  // SSRF_ALLOWED_HOSTS: "host" or "host:port" a callback may reach although not public

    // The hostname clients must use (JWT audience, challenge realm).
    QString hostname() const;
    QString urlBase() const { return preferredUrlScheme + "://" + hostname(); }
    QString realm() const { return urlBase() + "/v2/auth"; }
    QString effectiveDbUri() const;
    QString effectiveStoragePath() const;
    // Where exported usage logs are kept until their link expires.
    QString exportedLogsPath() const;
    QString signingKeyPath() const;
    QString secretKeyPath() const;
};

struct Overrides
{
    QString configFile;
    QString dataDir;
    QString listen;     // "ADDR:PORT"
};

// Reads the file (if any), applies command-line overrides and validates.
// An invalid value fails naming the key; unknown keys are returned as
// warnings so the caller can print them.
struct LoadedConfig
{
    Config config;
    QStringList warnings;
};
Result<LoadedConfig> loadConfig(const Overrides &overrides);

// "127.0.0.1:8080", "[::1]:0", ":8080"
Result<std::pair<QHostAddress, quint16>> parseListenAddress(const QString &text);

} // namespace kai::config
