#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <csignal>

namespace kai::test {

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        if (!stop(10'000))
            kill();
    }
}

QString ServerProcess::binary()
{
    const QByteArray fromEnv = qgetenv("KAI_SERVER_BINARY");
    return fromEnv.isEmpty() ? QStringLiteral(KAI_SERVER_BINARY) : QString::fromLocal8Bit(fromEnv);
}

QString ServerProcess::dataDir() const { return m_dir ? m_dir->path() + "/data" : QString(); }

Status ServerProcess::start(const Options &options)
{
    m_options = options;
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return Error::of(ErrorKind::Io, "cannot create a temporary directory");
    QFile config(m_dir->path() + "/config.yaml");
    if (!config.open(QIODevice::WriteOnly))
        return Error::of(ErrorKind::Io, "cannot write config.yaml");
    const bool tls = !options.tlsCertificatePath.isEmpty();
    QStringList lines{tls ? "PREFERRED_URL_SCHEME: https" : "PREFERRED_URL_SCHEME: http",
                      QStringLiteral("FEATURE_USER_INITIALIZE: %1").arg(options.userInitialize ? "true" : "false"),
                      "SUPER_USERS: [admin]", "KAI_WORKER_THREADS: 2"};
    if (!options.dbUri.isEmpty())
        lines << QStringLiteral("DB_URI: \"%1\"").arg(options.dbUri);
    if (tls)
        lines << QStringLiteral("SSL_CERT_PATH: \"%1\"").arg(options.tlsCertificatePath)
              << QStringLiteral("SSL_KEY_PATH: \"%1\"").arg(options.tlsKeyPath);
    lines << options.extraConfig;
    config.write(lines.join('\n').toUtf8() + '\n');
    config.close();
    return launch(0);
}

Status ServerProcess::restart()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
    return launch(m_port);
}

Status ServerProcess::launch(quint16 port)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_output.clear();
    m_process->start(binary(), {"serve", "--config", m_dir->path() + "/config.yaml", "--data-dir", dataDir(),
                                "--listen", QStringLiteral("127.0.0.1:%1").arg(port)});
    if (!m_process->waitForStarted(10'000))
        return Error::of(ErrorKind::Io, "cannot start " + binary() + ": " + m_process->errorString());

    static const QRegularExpression listening(QStringLiteral("listening on https?://127\\.0\\.0\\.1:(\\d+)"));
    static const QRegularExpression password(QStringLiteral("password: (\\S+)"));
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(200);
        m_output += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            const auto pw = password.match(QString::fromUtf8(m_output));
            if (pw.hasMatch()) {
                m_adminUser = QStringLiteral("admin");
                m_adminPassword = pw.captured(1);
            }
            return {};
        }
    }
    m_output += m_process->readAll();
    return Error::of(ErrorKind::Io, "kai-server did not start:\n" + QString::fromUtf8(m_output));
}

Status ServerProcess::createUser(const QString &name, const QString &password, bool superuser)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{"user", "create", name, "--password-stdin", "--config", m_dir->path() + "/config.yaml",
                     "--data-dir", dataDir()};
    if (superuser)
        args << "--superuser";
    cli.start(binary(), args);
    if (!cli.waitForStarted(10'000))
        return Error::of(ErrorKind::Io, "cannot run kai-server user create");
    cli.write(password.toUtf8() + '\n');
    cli.closeWriteChannel();
    if (!cli.waitForFinished(30'000) || cli.exitCode() != 0)
        return Error::of(ErrorKind::Io, "kai-server user create failed: " + QString::fromUtf8(cli.readAll()));
    return {};
}

QString ServerProcess::createToken(const QString &name, const QString &scopes)
{
    QProcess cli;
    QStringList args{"user", "token", name, "--config", m_dir->path() + "/config.yaml", "--data-dir", dataDir()};
    if (!scopes.isEmpty())
        args << "--scopes" << scopes;
    cli.start(binary(), args);
    if (!cli.waitForFinished(30'000) || cli.exitCode() != 0)
        return {};
    return QString::fromLatin1(cli.readAllStandardOutput()).trimmed().split('\n').last();
}

bool ServerProcess::stop(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return true;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    const bool exited = m_process->waitForFinished(timeoutMs);
    m_output += m_process->readAll();
    return exited && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(10'000);
    m_output += m_process->readAll();
}

} // namespace kai::test
