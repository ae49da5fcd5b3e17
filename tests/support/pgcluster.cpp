#include "pgcluster.h"
#include "ports.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QVersionNumber>

#include <algorithm>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace kai::test {

namespace {

constexpr int kInitdbTimeoutMs = 60'000;
constexpr int kStartTimeoutSeconds = 30;
constexpr int kClientTimeoutMs = 30'000;

Error failure(const QString &message)
{
    return Error::of(ErrorKind::Unavailable, QStringLiteral("PgCluster: ") + message);
}

bool hasServerBinaries(const QString &dir)
{
    return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
        && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable();
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

} // namespace

PgCluster::PgCluster() = default;

PgCluster::~PgCluster()
{
    stop();
}

QString PgCluster::binDir()
{
    const QString fromEnv = qEnvironmentVariable("KAI_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return hasServerBinaries(fromEnv) ? fromEnv : QString();

    // Debian keeps server binaries off PATH, one directory per major version;
    // prefer the newest.
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString &version : versions) {
        const QString dir = root.filePath(version + QStringLiteral("/bin"));
        if (hasServerBinaries(dir))
            return dir;
    }

    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty()) {
        const QString dir = QFileInfo(initdb).absolutePath();
        if (hasServerBinaries(dir))
            return dir;
    }
    return {};
}

bool PgCluster::available()
{
    return !binDir().isEmpty();
}

QString PgCluster::uri(const QString &dbname) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(dbname);
}

QString PgCluster::log() const
{
    if (!m_dir)
        return {};
    QFile file(m_dir->filePath(QStringLiteral("postgresql.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

Status PgCluster::run(const QString &program, const QStringList &arguments, int timeoutMs, bool asPostgres)
{
    QProcess process;
    process.setWorkingDirectory(m_dir->path()); // postgres may not enter the caller's cwd (e.g. /root)
    if (asPostgres && runningAsRoot()) {
        process.setProgram(QStringLiteral("runuser"));
        process.setArguments(QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program}
                             + arguments);
    } else {
        process.setProgram(program);
        process.setArguments(arguments);
    }
    process.start();
    if (!process.waitForStarted(10'000))
        return failure(QStringLiteral("cannot run %1: %2").arg(process.program(), process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        return failure(QStringLiteral("%1 did not finish within %2 ms").arg(QFileInfo(program).fileName()).arg(timeoutMs));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return failure(QStringLiteral("%1 %2 failed (exit %3): %4 %5")
                           .arg(QFileInfo(program).fileName(), arguments.join(QLatin1Char(' ')))
                           .arg(process.exitCode())
                           .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed(),
                                QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed().right(2000)));
    }
    return {};
}

Status PgCluster::initdb()
{
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (Status status = run(m_binDir + QStringLiteral("/initdb"),
                            {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
                             QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                             QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
                            kInitdbTimeoutMs, true);
        !status.ok())
        return status;

    // Appended settings win over initdb's defaults. The port is given on the
    // pg_ctl command line instead, so a retry can pick another one.
    QFile conf(data + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append | QIODevice::Text))
        return failure(QStringLiteral("cannot write %1: %2").arg(conf.fileName(), conf.errorString()));
    const QString settings = QStringLiteral(
        "\n# kai test cluster\n"
        "listen_addresses = '127.0.0.1'\n"
        "unix_socket_directories = '%1'\n"
        "fsync = off\n"
        "synchronous_commit = off\n"
        "full_page_writes = off\n"
        "max_connections = 100\n"
        "log_min_messages = warning\n").arg(m_dir->path());
    conf.write(settings.toUtf8());
    return {};
}

Status PgCluster::startServer()
{
    const QString data = m_dir->filePath(QStringLiteral("data"));
    const QString logFile = m_dir->filePath(QStringLiteral("postgresql.log"));
    Status last = failure(QStringLiteral("no attempt made"));
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port == 0)
            return failure(QStringLiteral("cannot find a free loopback port"));
        last = run(m_binDir + QStringLiteral("/pg_ctl"),
                   {QStringLiteral("-D"), data, QStringLiteral("-l"), logFile, QStringLiteral("-w"),
                    QStringLiteral("-t"), QString::number(kStartTimeoutSeconds),
                    QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port), QStringLiteral("start")},
                   (kStartTimeoutSeconds + 5) * 1000, true);
        if (last.ok())
            return {};
    }
    return failure(QStringLiteral("%1\nserver log:\n%2").arg(last.error().message, log().right(4000)));
}

Status PgCluster::start()
{
    if (m_running)
        return {};
    m_binDir = binDir();
    if (m_binDir.isEmpty())
        return failure(QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                                      "apt-get install postgresql or set KAI_PG_BINDIR"));

    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kai-pg-XXXXXX"));
    if (!m_dir->isValid())
        return failure(QStringLiteral("cannot create a temporary directory: %1").arg(m_dir->errorString()));

    if (runningAsRoot()) {
        // initdb refuses to run as root: the cluster belongs to `postgres`,
        // which must own the directory that holds data, socket and log.
        const passwd *pw = ::getpwnam("postgres");
        if (!pw)
            return failure(QStringLiteral("running as root but there is no 'postgres' user to own the cluster"));
        if (QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty())
            return failure(QStringLiteral("running as root but runuser (util-linux) is missing"));
        if (::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0)
            return failure(QStringLiteral("cannot chown %1 to postgres").arg(m_dir->path()));
    }

    if (Status status = initdb(); !status.ok())
        return status;
    if (Status status = startServer(); !status.ok())
        return status;
    m_running = true;

    if (Result<QString> db = createDatabase(QStringLiteral("kai")); !db.ok()) {
        stop();
        return db.error();
    }
    return {};
}

Status PgCluster::checkName(const QString &name) const
{
    if (!m_running)
        return failure(QStringLiteral("database %1: the cluster is not running").arg(name));
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    if (!identifier.match(name).hasMatch())
        return failure(QStringLiteral("'%1' is not a plain identifier").arg(name));
    return {};
}

Result<QString> PgCluster::createDatabase(const QString &name)
{
    if (Status checked = checkName(name); !checked.ok())
        return checked.error();

    // The createdb client, not Kai's own driver: the harness must not depend
    // on the code it tests.
    const QString createdb = m_binDir + QStringLiteral("/createdb");
    if (Status status = run(createdb,
                            {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                             QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"), name},
                            kClientTimeoutMs, false);
        !status.ok())
        return status.error();
    return uri(name);
}

Status PgCluster::resetDatabase(const QString &name)
{
    if (Status checked = checkName(name); !checked.ok())
        return checked;
    return run(m_binDir + QStringLiteral("/psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), name, QStringLiteral("-c"),
                QStringLiteral("SET client_min_messages TO warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public;")},
               kClientTimeoutMs, false);
}

void PgCluster::stop()
{
    if (!m_running)
        return;
    m_running = false;
    (void)run(m_binDir + QStringLiteral("/pg_ctl"),
              {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
               QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("10"),
               QStringLiteral("stop")},
              15'000, true);
}

} // namespace kai::test
