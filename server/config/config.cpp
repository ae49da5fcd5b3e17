#include "config/config.h"

#include "core/expiry.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <yaml-cpp/yaml.h>

#include <set>
#include <tuple>

namespace kai::config {

namespace {

Error invalid(const QString &key, const QString &why)
{
    return Error::of(ErrorKind::InvalidRequest, QStringLiteral("config.yaml: invalid value for %1: %2").arg(key, why));
}

// Keys Kai reads. Other keys of Quay's schema are accepted silently so that a
// Quay config.yaml can be reused; anything else is warned about.
const std::set<std::string> &knownKeys()
{
    static const std::set<std::string> keys{
        "SERVER_HOSTNAME", "PREFERRED_URL_SCHEME", "DB_URI", "DISTRIBUTED_STORAGE_CONFIG",
        "DISTRIBUTED_STORAGE_PREFERENCE", "DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS", "SUPER_USERS",
        "FEATURE_USER_INITIALIZE", "FEATURE_REFERRERS_API", "FEATURE_ANONYMOUS_ACCESS",
        "CREATE_PRIVATE_REPO_ON_PUSH", "SSL_CERT_PATH", "SSL_KEY_PATH", "INSTANCE_SERVICE_KEY_SERVICE",
        "REGISTRY_JWT_AUTH_MAX_FRESH_S", "KAI_WORKER_THREADS", "KAI_LISTEN", "KAI_DATA_DIR",
        "KAI_MAXIMUM_MANIFEST_SIZE", "KAI_UPLOAD_MAX_AGE_SECONDS", "ROBOTS_DISALLOW",
        "GLOBAL_READONLY_SUPER_USERS", "FEATURE_SUPERUSERS_FULL_ACCESS",
        "FEATURE_MAILING", "FEATURE_REQUIRE_TEAM_INVITE", "MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS",
        "MAIL_USE_AUTH", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_DEFAULT_SENDER", "REGISTRY_TITLE",
        "TAG_EXPIRATION_OPTIONS", "DEFAULT_TAG_EXPIRATION", "LABELED_EXPIRATION_MINIMUM",
        "LABELED_EXPIRATION_MAXIMUM", "PUSH_TEMP_TAG_EXPIRATION_SEC", "PERMANENTLY_DELETE_TAGS",
        "FEATURE_CHANGE_TAG_EXPIRATION",
        "LABEL_KEY_RESERVED_PREFIXES", "FEATURE_UI_MODELCARD", "UI_MODELCARD_ARTIFACT_TYPE",
        "UI_MODELCARD_ANNOTATION", "UI_MODELCARD_LAYER_ANNOTATION", "KAI_MODELCARD_MAX_BYTES",
        "FEATURE_GARBAGE_COLLECTION", "KAI_GC_BLOB_GRACE_SECONDS",
        "ACTION_LOG_AUDIT_LOGINS", "ACTION_LOG_AUDIT_LOGIN_FAILURES", "ACTION_LOG_RETENTION",
        "FEATURE_AGGREGATED_LOG_COUNT_RETRIEVAL", "KAI_ACTION_LOG_PULLS",
        "FRESH_LOGIN_TIMEOUT", "FEATURE_LOG_EXPORT", "EXPORT_ACTION_LOGS_SECONDS", "EXPORT_ACTION_LOGS_WORKER_POLL_PERIOD", "SSRF_ALLOWED_HOSTS",
        "KAI_TRUSTED_PROXIES",
        // Quay keys accepted for compatibility; not (yet) acted upon.
        "AUTHENTICATION_TYPE", "BUILDLOGS_REDIS", "USER_EVENTS_REDIS",
        "SECRET_KEY", "DATABASE_SECRET_KEY", "SETUP_COMPLETE",
        "BROWSER_API_CALLS_XHR_ONLY", "FEATURE_EXTENDED_REPOSITORY_NAMES",
        "EXTERNAL_TLS_TERMINATION", "REGISTRY_TITLE_SHORT", "ENTERPRISE_LOGO_URL",
        "FEATURE_SUPER_USERS", "FEATURE_DIRECT_LOGIN", "FEATURE_ACI_CONVERSION", "FEATURE_BUILD_SUPPORT",
        "FEATURE_SECURITY_SCANNER", "FEATURE_PROXY_CACHE", "FEATURE_QUOTA_MANAGEMENT",
        "FEATURE_EDIT_QUOTA", "DEFAULT_SYSTEM_REJECT_QUOTA_BYTES", "FEATURE_UI_V2", "ALLOW_PULLS_WITHOUT_STRICT_LOGGING",
        "CREATE_NAMESPACE_ON_PUSH", "FEATURE_LIBRARY_SUPPORT",
        "FEATURE_APP_SPECIFIC_TOKENS", "GARBAGE_COLLECTION_FREQUENCY", "TESTING", "DEBUGGING"};
    return keys;
}

Result<bool> readBool(const YAML::Node &node, const QString &key)
{
    try {
        return node.as<bool>();
    } catch (const YAML::Exception &) {
        return invalid(key, QStringLiteral("expected true or false"));
    }
}

Result<QString> readString(const YAML::Node &node, const QString &key)
{
    if (!node.IsScalar())
        return invalid(key, QStringLiteral("expected a string"));
    return QString::fromStdString(node.as<std::string>());
}

Result<qint64> readInt(const YAML::Node &node, const QString &key, qint64 min, qint64 max)
{
    try {
        const auto value = node.as<long long>();
        if (value < min || value > max)
            return invalid(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return qint64(value);
    } catch (const YAML::Exception &) {
        return invalid(key, QStringLiteral("expected an integer"));
    }
}

// DISTRIBUTED_STORAGE_CONFIG: {id: [DriverName, {params}]}. Kai supports
// LocalStorage now; the first entry is used.
Result<QString> readStoragePath(const YAML::Node &node)
{
    const QString key = QStringLiteral("DISTRIBUTED_STORAGE_CONFIG");
    if (!node.IsMap() || node.size() == 0)
        return invalid(key, QStringLiteral("expected a map of location id to [Driver, {params}]"));
    const YAML::Node entry = node.begin()->second;
    if (!entry.IsSequence() || entry.size() < 1)
        return invalid(key, QStringLiteral("expected [Driver, {params}]"));
    const std::string driver = entry[0].as<std::string>("");
    if (driver != "LocalStorage")
        return invalid(key, QStringLiteral("storage driver '%1' is not supported yet (use LocalStorage)")
                                .arg(QString::fromStdString(driver)));
    if (entry.size() < 2 || !entry[1]["storage_path"])
        return invalid(key, QStringLiteral("LocalStorage needs storage_path"));
    return QString::fromStdString(entry[1]["storage_path"].as<std::string>());
}

// Tags, the time machine and expiry. Durations follow Quay's schema pattern
// ^[0-9]+(w|m|d|h|s)$; the default window must be one of the options, as
// the UI offers only those.
Status applyTagKeys(const YAML::Node &root, Config &config)
{
    auto duration = [&](const char *key, QString &text, qint64 &seconds) -> Status {
        if (!root[key] || root[key].IsNull())
            return {};
        auto v = readString(root[key], QString::fromLatin1(key));
        if (!v)
            return v.error();
        const std::optional<qint64> parsed = parseConfigDurationSeconds(*v);
        if (!parsed)
            return invalid(key, QStringLiteral("'%1' is not a duration like 2w, 1d, 12h, 30m or 0s").arg(*v));
        text = *v;
        seconds = *parsed;
        return {};
    };
    if (const YAML::Node options = root["TAG_EXPIRATION_OPTIONS"]; options && !options.IsNull()) {
        if (!options.IsSequence() || options.size() == 0)
            return invalid("TAG_EXPIRATION_OPTIONS", "expected a non-empty list of durations such as [\"0s\", \"2w\"]");
        config.tagExpirationOptions.clear();
        config.tagExpirationOptionSeconds.clear();
        for (const auto &option : options) {
            const QString text = option.IsScalar() ? QString::fromStdString(option.as<std::string>()) : QString();
            const std::optional<qint64> seconds = parseConfigDurationSeconds(text);
            if (!seconds)
                return invalid("TAG_EXPIRATION_OPTIONS",
                               QStringLiteral("'%1' is not a duration like 2w, 1d, 12h, 30m or 0s").arg(text));
            config.tagExpirationOptions << text;
            config.tagExpirationOptionSeconds << *seconds;
        }
    }
    QString unused;
    for (Status s : {duration("DEFAULT_TAG_EXPIRATION", config.defaultTagExpiration, config.defaultTagExpirationSeconds),
                     duration("LABELED_EXPIRATION_MINIMUM", unused, config.labeledExpirationMinimumSeconds),
                     duration("LABELED_EXPIRATION_MAXIMUM", unused, config.labeledExpirationMaximumSeconds)}) {
        if (!s)
            return s;
    }
    if (!config.tagExpirationOptionSeconds.contains(config.defaultTagExpirationSeconds))
        return invalid("DEFAULT_TAG_EXPIRATION", QStringLiteral("'%1' is not one of TAG_EXPIRATION_OPTIONS (%2)")
                                                     .arg(config.defaultTagExpiration, config.tagExpirationOptions.join(", ")));
    if (config.labeledExpirationMinimumSeconds > config.labeledExpirationMaximumSeconds)
        return invalid("LABELED_EXPIRATION_MINIMUM", "must not exceed LABELED_EXPIRATION_MAXIMUM");
    if (const YAML::Node n = root["PUSH_TEMP_TAG_EXPIRATION_SEC"]; n && !n.IsNull()) {
        auto v = readInt(n, QStringLiteral("PUSH_TEMP_TAG_EXPIRATION_SEC"), 1, 365LL * 86400);
        if (!v)
            return v.error();
        config.pushTempTagExpirationSeconds = *v;
    }
    for (const auto &[key, out] : {std::pair<const char *, bool *>{"PERMANENTLY_DELETE_TAGS", &config.permanentlyDeleteTags},
                                   std::pair<const char *, bool *>{"FEATURE_CHANGE_TAG_EXPIRATION", &config.featureChangeTagExpiration}}) {
        if (!root[key] || root[key].IsNull())
            continue;
        auto v = readBool(root[key], QString::fromLatin1(key));
        if (!v)
            return v.error();
        *out = *v;
    }
    return {};
}

// Garbage collection: whether the background collector runs, how often,
// and how long a blob link no manifest references is kept (a push links
// its blobs before its manifest arrives).
Status applyGcKeys(const YAML::Node &root, Config &config)
{
    if (const YAML::Node n = root["FEATURE_GARBAGE_COLLECTION"]; n && !n.IsNull()) {
        auto v = readBool(n, QStringLiteral("FEATURE_GARBAGE_COLLECTION"));
        if (!v)
            return v.error();
        config.featureGarbageCollection = *v;
    }
    for (const auto &[key, out, min] :
         {std::tuple<const char *, qint64 *, qint64>{"GARBAGE_COLLECTION_FREQUENCY", &config.garbageCollectionFrequencySeconds, 1},
          std::tuple<const char *, qint64 *, qint64>{"KAI_GC_BLOB_GRACE_SECONDS", &config.gcBlobGraceSeconds, 0}}) {
        if (!root[key] || root[key].IsNull())
            continue;
        auto v = readInt(root[key], QString::fromLatin1(key), min, 365LL * 86400);
        if (!v)
            return v.error();
        *out = *v;
    }
    return {};
}

// Usage log export: whether it is offered, how long a link works, how often
// the worker looks for jobs, and the hosts a callback may reach although
// they are not public (SSRF_ALLOWED_HOSTS, shared with later outbound
// features).
Status applyLogExportKeys(const YAML::Node &root, Config &config)
{
    if (const YAML::Node n = root["FEATURE_LOG_EXPORT"]; n && !n.IsNull()) {
        auto v = readBool(n, QStringLiteral("FEATURE_LOG_EXPORT"));
        if (!v)
            return v.error();
        config.featureLogExport = *v;
    }
    for (const auto &[key, out] :
         {std::pair<const char *, qint64 *>{"EXPORT_ACTION_LOGS_SECONDS", &config.exportActionLogsSeconds},
          std::pair<const char *, qint64 *>{"EXPORT_ACTION_LOGS_WORKER_POLL_PERIOD", &config.exportActionLogsPollSeconds}}) {
        if (!root[key] || root[key].IsNull())
            continue;
        auto v = readInt(root[key], QString::fromLatin1(key), 1, 30LL * 86400);
        if (!v)
            return v.error();
        *out = *v;
    }
    if (const YAML::Node hosts = root["SSRF_ALLOWED_HOSTS"]; hosts && !hosts.IsNull()) {
        if (!hosts.IsSequence())
            return invalid("SSRF_ALLOWED_HOSTS", "expected a list of host names or addresses such as [\"hooks.internal\"]");
        for (const auto &host : hosts) {
            const QString text = host.IsScalar() ? QString::fromStdString(host.as<std::string>()).trimmed() : QString();
            if (text.isEmpty() || text.contains(QLatin1Char('/')))
                return invalid("SSRF_ALLOWED_HOSTS", QStringLiteral("'%1' is not a host or host:port").arg(text));
            config.ssrfAllowedHosts << text;
        }
    }
    return {};
}

// The reverse proxies in front of Kai whose X-Forwarded-For names the
// client (KAI_TRUSTED_PROXIES): addresses or networks in CIDR notation.
Status applyProxyKeys(const YAML::Node &root, Config &config)
{
    const YAML::Node proxies = root["KAI_TRUSTED_PROXIES"];
    if (!proxies || proxies.IsNull())
        return {};
    if (!proxies.IsSequence())
        return invalid("KAI_TRUSTED_PROXIES", "expected a list of addresses or networks such as [\"10.0.0.0/8\", \"::1\"]");
    for (const auto &proxy : proxies) {
        const QString text = proxy.IsScalar() ? QString::fromStdString(proxy.as<std::string>()).trimmed() : QString();
        // A bare address is that one host (parseSubnet would widen a
        // partial IPv4 address to its class).
        QPair<QHostAddress, int> network;
        if (text.contains(QLatin1Char('/'))) {
            network = QHostAddress::parseSubnet(text);
        } else if (QHostAddress single; single.setAddress(text)) {
            network = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        if (network.first.isNull())
            return invalid("KAI_TRUSTED_PROXIES", QStringLiteral("'%1' is not an address or a network").arg(text));
        config.trustedProxies << network;
    }
    return {};
}

// Usage logs: which logins are audited, how long entries are kept, and
// whether the per-day counts are served.
Status applyLogKeys(const YAML::Node &root, Config &config)
{
    for (const auto &[key, out] :
         {std::pair<const char *, bool *>{"ACTION_LOG_AUDIT_LOGINS", &config.actionLogAuditLogins},
          std::pair<const char *, bool *>{"ACTION_LOG_AUDIT_LOGIN_FAILURES", &config.actionLogAuditLoginFailures},
          std::pair<const char *, bool *>{"FEATURE_AGGREGATED_LOG_COUNT_RETRIEVAL", &config.featureAggregatedLogCountRetrieval},
          std::pair<const char *, bool *>{"KAI_ACTION_LOG_PULLS", &config.actionLogPulls}}) {
        if (!root[key] || root[key].IsNull())
            continue;
        auto v = readBool(root[key], QString::fromLatin1(key));
        if (!v)
            return v.error();
        *out = *v;
    }
    if (const YAML::Node n = root["ACTION_LOG_RETENTION"]; n && !n.IsNull()) {
        auto v = readString(n, QStringLiteral("ACTION_LOG_RETENTION"));
        if (!v)
            return v.error();
        const auto seconds = parseConfigDurationSeconds(*v);
        if (!seconds)
            return invalid("ACTION_LOG_RETENTION", QStringLiteral("'%1' is not a duration such as 30d, 12w or 0d (keep all)").arg(*v));
        config.actionLogRetention = *v;
        config.actionLogRetentionSeconds = *seconds;
    }
    return {};
}

// Sessions: the fresh-login window (Quay's pattern ^[0-9]+(w|m|d|h|s)$).
// Zero would ask for the password again on the replayed request itself.
Status applySessionKeys(const YAML::Node &root, Config &config)
{
    const YAML::Node n = root["FRESH_LOGIN_TIMEOUT"];
    if (!n || n.IsNull())
        return {};
    auto v = readString(n, QStringLiteral("FRESH_LOGIN_TIMEOUT"));
    if (!v)
        return v.error();
    const auto seconds = parseConfigDurationSeconds(*v);
    if (!seconds || *seconds <= 0)
        return invalid("FRESH_LOGIN_TIMEOUT", QStringLiteral("'%1' is not a positive duration such as 10m, 1h or 30s").arg(*v));
    config.freshLoginTimeout = *v;
    config.freshLoginTimeoutSeconds = *seconds;
    return {};
}

// Manifest labels and model cards. The annotation keys are maps of
// string pairs a manifest's or layer's annotations must all contain.
Status applyLabelKeys(const YAML::Node &root, Config &config)
{
    if (const YAML::Node prefixes = root["LABEL_KEY_RESERVED_PREFIXES"]; prefixes && !prefixes.IsNull()) {
        if (!prefixes.IsSequence())
            return invalid("LABEL_KEY_RESERVED_PREFIXES", "expected a list of prefixes such as [\"com.example.\"]");
        for (const auto &prefix : prefixes) {
            const QString text = prefix.IsScalar() ? QString::fromStdString(prefix.as<std::string>()) : QString();
            if (text.isEmpty() || !text.endsWith(QLatin1Char('.')))
                return invalid("LABEL_KEY_RESERVED_PREFIXES", QStringLiteral("'%1' must end with '.'").arg(text));
            config.labelKeyReservedPrefixes << text;
        }
    }
    if (const YAML::Node n = root["FEATURE_UI_MODELCARD"]; n && !n.IsNull()) {
        auto v = readBool(n, QStringLiteral("FEATURE_UI_MODELCARD"));
        if (!v)
            return v.error();
        config.featureUiModelcard = *v;
    }
    if (const YAML::Node n = root["UI_MODELCARD_ARTIFACT_TYPE"]; n && !n.IsNull()) {
        auto v = readString(n, QStringLiteral("UI_MODELCARD_ARTIFACT_TYPE"));
        if (!v)
            return v.error();
        config.uiModelcardArtifactType = *v;
    }
    auto pairs = [&](const char *key, QMap<QString, QString> &out) -> Status {
        const YAML::Node n = root[key];
        if (!n || n.IsNull())
            return {};
        if (!n.IsMap())
            return invalid(key, "expected a map of annotation keys to values, such as {org.opencontainers.image.title: README.md}");
        QMap<QString, QString> read;
        for (auto it = n.begin(); it != n.end(); ++it) {
            if (!it->second.IsScalar())
                return invalid(key, QStringLiteral("the value of %1 must be a string").arg(QString::fromStdString(it->first.as<std::string>())));
            read.insert(QString::fromStdString(it->first.as<std::string>()), QString::fromStdString(it->second.as<std::string>()));
        }
        out = read;
        return {};
    };
    for (Status s : {pairs("UI_MODELCARD_ANNOTATION", config.uiModelcardAnnotation),
                     pairs("UI_MODELCARD_LAYER_ANNOTATION", config.uiModelcardLayerAnnotation)}) {
        if (!s)
            return s;
    }
    if (const YAML::Node n = root["KAI_MODELCARD_MAX_BYTES"]; n && !n.IsNull()) {
        auto v = readInt(n, QStringLiteral("KAI_MODELCARD_MAX_BYTES"), 1, 64LL * 1024 * 1024);
        if (!v)
            return v.error();
        config.modelcardMaxBytes = *v;
    }
    return {};
}

Status applyYaml(const YAML::Node &root, Config &config, QStringList &warnings)
{
    if (!root.IsMap())
        return invalid(QStringLiteral("(top level)"), QStringLiteral("expected a map of keys"));
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string name = it->first.as<std::string>();
        if (!knownKeys().count(name) && name.rfind("FEATURE_", 0) != 0)
            warnings << QStringLiteral("config.yaml: unknown key %1 is ignored").arg(QString::fromStdString(name));
    }
    auto str = [&](const char *key, QString &out) -> Status {
        if (!root[key] || root[key].IsNull())
            return {};
        auto v = readString(root[key], QString::fromLatin1(key));
        if (!v)
            return v.error();
        out = *v;
        return {};
    };
    auto boolean = [&](const char *key, bool &out) -> Status {
        if (!root[key] || root[key].IsNull())
            return {};
        auto v = readBool(root[key], QString::fromLatin1(key));
        if (!v)
            return v.error();
        out = *v;
        return {};
    };
    auto integer = [&](const char *key, qint64 &out, qint64 min, qint64 max) -> Status {
        if (!root[key] || root[key].IsNull())
            return {};
        auto v = readInt(root[key], QString::fromLatin1(key), min, max);
        if (!v)
            return v.error();
        out = *v;
        return {};
    };

    for (Status s : {str("SERVER_HOSTNAME", config.serverHostname),
                     str("PREFERRED_URL_SCHEME", config.preferredUrlScheme),
                     str("DB_URI", config.dbUri), str("SSL_CERT_PATH", config.tlsCertificatePath),
                     str("SSL_KEY_PATH", config.tlsKeyPath), str("KAI_DATA_DIR", config.dataDir),
                     str("INSTANCE_SERVICE_KEY_SERVICE", config.instanceServiceName),
                     boolean("FEATURE_USER_INITIALIZE", config.featureUserInitialize),
                     boolean("FEATURE_REFERRERS_API", config.featureReferrersApi),
                     boolean("FEATURE_ANONYMOUS_ACCESS", config.featureAnonymousAccess),
                     boolean("CREATE_PRIVATE_REPO_ON_PUSH", config.createPrivateRepoOnPush),
                     boolean("ROBOTS_DISALLOW", config.robotsDisallow),
                     boolean("FEATURE_APP_SPECIFIC_TOKENS", config.featureAppSpecificTokens),
                     integer("REGISTRY_JWT_AUTH_MAX_FRESH_S", config.registryJwtMaxFreshSeconds, 60, 86400),
                     integer("KAI_MAXIMUM_MANIFEST_SIZE", config.maximumManifestBytes, 1024, 64 << 20),
                     integer("KAI_UPLOAD_MAX_AGE_SECONDS", config.uploadMaxAgeSeconds, 1, 365LL * 86400),
                     boolean("FEATURE_SUPERUSERS_FULL_ACCESS", config.featureSuperusersFullAccess),
                     boolean("FEATURE_MAILING", config.featureMailing),
                     boolean("FEATURE_REQUIRE_TEAM_INVITE", config.featureRequireTeamInvite),
                     str("MAIL_SERVER", config.mailServer), integer("MAIL_PORT", config.mailPort, 1, 65535),
                     boolean("MAIL_USE_TLS", config.mailUseTls), boolean("MAIL_USE_AUTH", config.mailUseAuth),
                     str("MAIL_USERNAME", config.mailUsername), str("MAIL_PASSWORD", config.mailPassword),
                     str("MAIL_DEFAULT_SENDER", config.mailDefaultSender),
                     str("REGISTRY_TITLE", config.registryTitle)}) {
        if (!s)
            return s;
    }
    qint64 workers = 0;
    if (Status s = integer("KAI_WORKER_THREADS", workers, 0, 256); !s)
        return s;
    if (Status s = applyTagKeys(root, config); !s)
        return s;
    if (Status s = applyLabelKeys(root, config); !s)
        return s;
    if (Status s = applyGcKeys(root, config); !s)
        return s;
    if (Status s = applyLogKeys(root, config); !s)
        return s;
    if (Status s = applyLogExportKeys(root, config); !s)
        return s;
    if (Status s = applyProxyKeys(root, config); !s)
        return s;
    if (Status s = applySessionKeys(root, config); !s)
        return s;
    config.workerThreads = int(workers);

    if (config.preferredUrlScheme != "http" && config.preferredUrlScheme != "https")
        return invalid("PREFERRED_URL_SCHEME", "must be http or https");
    if (config.serverHostname.contains("://") || config.serverHostname.contains('/'))
        return invalid("SERVER_HOSTNAME", "host[:port] without scheme or path");
    if (config.featureMailing && config.mailServer.isEmpty())
        return invalid("MAIL_SERVER", "required when FEATURE_MAILING is true");
    if (!config.mailDefaultSender.contains('@'))
        return invalid("MAIL_DEFAULT_SENDER", "expected an e-mail address");
    if (root["DISTRIBUTED_STORAGE_CONFIG"]) {
        auto path = readStoragePath(root["DISTRIBUTED_STORAGE_CONFIG"]);
        if (!path)
            return path.error();
        config.storagePath = *path;
    }
    for (auto [key, list] : {std::pair{"SUPER_USERS", &config.superUsers},
                             std::pair{"GLOBAL_READONLY_SUPER_USERS", &config.globalReadOnlySuperUsers}}) {
        const YAML::Node users = root[key];
        if (!users || users.IsNull())
            continue;
        if (!users.IsSequence())
            return invalid(key, "expected a list of usernames");
        for (const auto &u : users) {
            if (!u.IsScalar())
                return invalid(key, "expected a list of usernames");
            *list << QString::fromStdString(u.as<std::string>());
        }
    }
    if (root["KAI_LISTEN"]) {
        auto listen = parseListenAddress(QString::fromStdString(root["KAI_LISTEN"].as<std::string>("")));
        if (!listen)
            return invalid("KAI_LISTEN", listen.error().message);
        config.listenAddress = listen->first;
        config.listenPort = listen->second;
    }
    return {};
}

} // namespace

Result<std::pair<QHostAddress, quint16>> parseListenAddress(const QString &text)
{
    const int colon = text.lastIndexOf(':');
    if (colon < 0)
        return Error::of(ErrorKind::InvalidRequest, QStringLiteral("expected ADDR:PORT, got '%1'").arg(text));
    QString host = text.left(colon);
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return Error::of(ErrorKind::InvalidRequest, QStringLiteral("invalid port in '%1'").arg(text));
    QHostAddress address = host.isEmpty() ? QHostAddress(QHostAddress::LocalHost)
                           : host == "localhost" ? QHostAddress(QHostAddress::LocalHost)
                                                 : QHostAddress(host);
    if (address.isNull())
        return Error::of(ErrorKind::InvalidRequest, QStringLiteral("invalid address in '%1'").arg(text));
    return std::pair{address, quint16(port)};
}

QString Config::hostname() const
{
    if (!serverHostname.isEmpty())
        return serverHostname;
    const QString host = listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? "[" + listenAddress.toString() + "]"
                             : listenAddress.toString();
    return host + ":" + QString::number(listenPort);
}

QString Config::effectiveDbUri() const
{
    return dbUri.isEmpty() ? "sqlite:///" + QDir(dataDir).absoluteFilePath("kai.db") : dbUri;
}

QString Config::effectiveStoragePath() const
{
    return storagePath.isEmpty() ? QDir(dataDir).absoluteFilePath("storage") : storagePath;
}

QString Config::exportedLogsPath() const { return QDir(effectiveStoragePath()).absoluteFilePath("exportedactionlogs"); }
QString Config::signingKeyPath() const { return QDir(dataDir).absoluteFilePath("keys/instance-signing-key.pem"); }
QString Config::secretKeyPath() const { return QDir(dataDir).absoluteFilePath("keys/secret.key"); }

Result<LoadedConfig> loadConfig(const Overrides &overrides)
{
    LoadedConfig loaded;
    Config &config = loaded.config;
    if (!overrides.configFile.isEmpty()) {
        if (!QFileInfo::exists(overrides.configFile))
            return Error::of(ErrorKind::InvalidRequest, QStringLiteral("config file %1 does not exist").arg(overrides.configFile));
        try {
            const YAML::Node root = YAML::LoadFile(overrides.configFile.toStdString());
            if (!root.IsNull()) {
                if (Status s = applyYaml(root, config, loaded.warnings); !s)
                    return s.error();
            }
        } catch (const YAML::Exception &e) {
            return Error::of(ErrorKind::InvalidRequest,
                             QStringLiteral("config file %1 is not valid YAML: %2").arg(overrides.configFile, QString::fromStdString(e.what())));
        }
    }
    if (!overrides.dataDir.isEmpty())
        config.dataDir = overrides.dataDir;
    if (config.dataDir.isEmpty())
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/kai-server";
    config.dataDir = QDir(config.dataDir).absolutePath();
    if (!overrides.listen.isEmpty()) {
        auto listen = parseListenAddress(overrides.listen);
        if (!listen)
            return Error::of(ErrorKind::InvalidRequest, "--listen: " + listen.error().message);
        config.listenAddress = listen->first;
        config.listenPort = listen->second;
    }
    if (config.tlsCertificatePath.isEmpty() != config.tlsKeyPath.isEmpty())
        return invalid("SSL_CERT_PATH", "SSL_CERT_PATH and SSL_KEY_PATH must be set together");
    return loaded;
}

} // namespace kai::config
