// kai-server: the command line. serve, migrate, user create/token, gc.
#include "auth/passwordhasher.h"
#include "config/config.h"
#include "db/database.h"
#include "gc/collector.h"
#include "runtime/kaiserver.h"
#include "storage/filesystemblobstore.h"
#include "store/namespacestore.h"
#include "store/tokenstore.h"
#include "auth/secretbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop.
    (void)!::write(g_signalFds[0], &byte, 1);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "kai-server: " << message << Qt::endl;
    return 1;
}

int serve(const kai::config::Config &config)
{
    auto prepared = kai::runtime::KaiServer::prepare(config);
    if (!prepared)
        return fail(prepared.error().message);
    kai::runtime::KaiServer &server = **prepared;
    if (kai::Status s = server.start(); !s)
        return fail(s.error().message);

    QTextStream out(stdout);
    const QString host = server.config().hostname();
    out << "data directory: " << server.config().dataDir << Qt::endl;
    if (!server.bootstrap().username.isEmpty()) {
        const QString tls = server.config().preferredUrlScheme == "http" ? " --tls-verify=false" : "";
        out << "\nCreated the bootstrap superuser (shown only this once):\n"
            << "  username: " << server.bootstrap().username << "\n"
            << "  password: " << server.bootstrap().password << "\n\n"
            << "Try:\n"
            << "  podman login" << tls << " -u " << server.bootstrap().username << " " << host << "\n"
            << "  podman pull docker.io/library/alpine   # or any local image\n"
            << "  podman push" << tls << " alpine " << host << "/" << server.bootstrap().username << "/alpine:latest\n"
            << Qt::endl;
    }
    // Last, so that whoever waits for this line has seen everything above.
    out << "kai-server " << QCoreApplication::applicationVersion() << " listening on "
        << server.config().preferredUrlScheme << "://" << host << Qt::endl;

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) == 0) {
        auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &server);
        QObject::connect(notifier, &QSocketNotifier::activated, &server, [&server, notifier] {
            char byte;
            (void)!::read(g_signalFds[1], &byte, 1);
            notifier->setEnabled(false);
            QTextStream(stdout) << "kai-server: shutting down, finishing requests in flight" << Qt::endl;
            server.shutdown();
        });
        std::signal(SIGTERM, onTerminationSignal);
        std::signal(SIGINT, onTerminationSignal);
    }
    QObject::connect(&server, &kai::runtime::KaiServer::stopped, qApp, &QCoreApplication::quit);
    return QCoreApplication::exec();
}

int createUser(const kai::config::Config &config, const QString &name, bool superuser, bool passwordFromStdin)
{
    if (kai::Status s = kai::runtime::migrateDatabase(config); !s)
        return fail(s.error().message);
    auto db = kai::db::openDatabase(config.effectiveDbUri());
    if (!db)
        return fail(db.error().message);
    QString password;
    if (passwordFromStdin) {
        password = QTextStream(stdin).readLine();
        if (password.size() < 8 || password.contains(' '))
            return fail("the password must have at least 8 characters and no whitespace");
    } else {
        password = kai::auth::SecretBox::randomToken(24, u"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    }
    kai::store::NamespaceStore namespaces(**db, config.defaultTagExpirationSeconds);
    auto user = namespaces.createUser(name, QString(), kai::auth::hashPassword(password), superuser,
                                      QDateTime::currentMSecsSinceEpoch());
    if (!user)
        return fail(user.error().message);
    QTextStream out(stdout);
    out << "created user " << name << (superuser ? " (superuser)" : "") << Qt::endl;
    if (!passwordFromStdin)
        out << "password: " << password << Qt::endl;
    return 0;
}

// Mints an OAuth access token for a user, for automation that cannot use
// the browser flow (Quay offers only the UI and POST /user/initialize).
int createToken(const kai::config::Config &config, const QString &name, const QString &scopes, qint64 lifetimeSeconds)
{
    if (kai::Status s = kai::runtime::migrateDatabase(config); !s)
        return fail(s.error().message);
    auto db = kai::db::openDatabase(config.effectiveDbUri());
    if (!db)
        return fail(db.error().message);
    kai::store::NamespaceStore namespaces(**db, config.defaultTagExpirationSeconds);
    auto user = namespaces.byName(name);
    if (!user)
        return fail(user.error().message);
    if (!user->has_value() || (*user)->kind != "user")
        return fail("no such user: " + name);
    kai::store::TokenStore tokens(**db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto token = tokens.issueToken(0, (*user)->id, scopes, lifetimeSeconds > 0 ? now + lifetimeSeconds * 1000 : 0, now);
    if (!token)
        return fail(token.error().message);
    QTextStream(stdout) << *token << Qt::endl;
    return 0;
}

// One garbage-collection pass now, with its progress, or (--dry-run) what
// a pass would free, changing nothing. Safe next to running servers: the
// pass works in short transactions, and on PostgreSQL it takes the same
// lock as the servers' collectors (it says so when one of them holds it).
int collectGarbage(const kai::config::Config &config, bool dryRun)
{
    if (kai::Status s = kai::runtime::migrateDatabase(config); !s)
        return fail(s.error().message);
    auto db = kai::db::openDatabase(config.effectiveDbUri());
    if (!db)
        return fail(db.error().message);
    auto blobs = kai::storage::FilesystemBlobStore::open(config.effectiveStoragePath());
    if (!blobs)
        return fail(blobs.error().message);
    QTextStream out(stdout);
    kai::gc::Collector collector(**db, **blobs, config, [] { return QDateTime::currentMSecsSinceEpoch(); });
    kai::gc::Collector::Options options;
    options.dryRun = dryRun;
    options.progress = [&out](const QString &step) { out << step << Qt::endl; };
    auto report = collector.runPass(options);
    if (!report)
        return fail(report.error().message);
    if (report->skipped)
        return fail("another node is collecting garbage right now; try again later");
    out << (dryRun ? "a pass would free:" : "freed:") << Qt::endl;
    for (auto it = report->rows.constBegin(); it != report->rows.constEnd(); ++it)
        out << "  " << it.key() << ": " << it.value() << Qt::endl;
    out << "  bytes: " << report->bytesFreed << Qt::endl;
    if (!dryRun)
        out << "in " << report->durationMs << " ms" << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("kai-server");
    QCoreApplication::setApplicationVersion(KAI_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Kai: a Quay-compatible container registry.\n\n"
                                     "Commands:\n"
                                     "  serve                      run the registry (default)\n"
                                     "  migrate                    apply database migrations and exit\n"
                                     "  user create NAME           create a user\n"
                                     "  user token NAME            mint an OAuth access token for a user\n"
                                     "  gc [--dry-run]             run one garbage-collection pass (or show what it would free)");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption("config", "Read config.yaml from FILE.", "FILE");
    const QCommandLineOption dataDirOption("data-dir", "Keep the database, blobs and keys in DIR.", "DIR");
    const QCommandLineOption listenOption("listen", "Listen on ADDR:PORT (default 127.0.0.1:8080; port 0 picks one).", "ADDR:PORT");
    const QCommandLineOption superuserOption("superuser", "user create: make the user a superuser.");
    const QCommandLineOption passwordStdinOption("password-stdin", "user create: read the password from standard input.");
    const QCommandLineOption scopesOption("scopes", "user token: space-separated OAuth scopes (default: all).", "SCOPES",
                                          "org:admin repo:admin repo:create repo:read repo:write super:user user:admin user:read");
    const QCommandLineOption lifetimeOption("lifetime", "user token: lifetime in seconds (0: never expires).", "SECONDS", "0");
    const QCommandLineOption dryRunOption("dry-run", "gc: print what a pass would free and change nothing.");
    parser.addOptions({configOption, dataDirOption, listenOption, superuserOption, passwordStdinOption, scopesOption, lifetimeOption,
                       dryRunOption});
    parser.addPositionalArgument("command", "serve | migrate | user create NAME | user token NAME | gc");
    parser.process(app);

    auto loaded = kai::config::loadConfig(
        {parser.value(configOption), parser.value(dataDirOption), parser.value(listenOption)});
    if (!loaded)
        return fail(loaded.error().message);
    for (const QString &warning : loaded->warnings)
        QTextStream(stderr) << "kai-server: warning: " << warning << Qt::endl;
    const kai::config::Config &config = loaded->config;

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, "serve");
    if (command == "serve" && args.size() <= 1)
        return serve(config);
    if (command == "migrate" && args.size() == 1) {
        if (kai::Status s = kai::runtime::migrateDatabase(config); !s)
            return fail(s.error().message);
        QTextStream(stdout) << "database is up to date" << Qt::endl;
        return 0;
    }
    if (command == "user" && args.value(1) == "create" && args.size() == 3)
        return createUser(config, args[2], parser.isSet(superuserOption), parser.isSet(passwordStdinOption));
    if (command == "gc" && args.size() == 1)
        return collectGarbage(config, parser.isSet(dryRunOption));
    if (command == "user" && args.value(1) == "token" && args.size() == 3)
        return createToken(config, args[2], parser.value(scopesOption), parser.value(lifetimeOption).toLongLong());
    return fail("unknown command line; see --help");
}
