#include "clienttools.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace kai::test {

namespace {

// podman and skopeo refuse a REGISTRY_AUTH_FILE that does not exist.
void writeEmptyAuthFile(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("{\"auths\":{}}\n");
}

} // namespace

QByteArray ToolRun::report() const
{
    QByteArray text = "$ " + command.toLocal8Bit() + '\n';
    text += finished ? "exit code " + QByteArray::number(exitCode) : QByteArray("did not finish (not started or timed out)");
    text += "\n--- stdout ---\n" + standardOutput.right(4000) + "\n--- stderr ---\n" + standardError.right(4000);
    return text;
}

ScratchDir::ScratchDir()
{
    const QString base = QDir::tempPath() == QDir::tempPath().toLower() ? QDir::tempPath() : QStringLiteral("/tmp");
    for (int attempt = 0; attempt < 10 && m_path.isEmpty(); ++attempt) {
        const QString candidate = base + "/kai-e2e-" + QString::number(QRandomGenerator::global()->generate64(), 16);
        if (QDir().mkdir(candidate))
            m_path = candidate;
    }
}

ScratchDir::~ScratchDir()
{
    if (!m_path.isEmpty())
        QDir(m_path).removeRecursively();
}

bool toolAvailable(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

QProcessEnvironment clientEnvironment(const QString &authFile)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        environment.remove(QString::fromLatin1(name));
    environment.insert("REGISTRY_AUTH_FILE", authFile);
    return environment;
}

ToolRun runTool(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                int timeoutMs)
{
    ToolRun run;
    run.command = program + ' ' + arguments.join(' ');
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000)) {
        run.standardError = process.errorString().toLocal8Bit();
        return run;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(10'000);
        run.standardOutput = process.readAllStandardOutput();
        run.standardError = process.readAllStandardError() + "\n[killed after " + QByteArray::number(timeoutMs) + " ms]";
        return run;
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.standardOutput = process.readAllStandardOutput();
    run.standardError = process.readAllStandardError();
    return run;
}

Skopeo::Skopeo()
{
    writeEmptyAuthFile(m_dir.path() + "/auth.json");
    m_environment = clientEnvironment(m_dir.path() + "/auth.json");
}

ToolRun Skopeo::run(const QStringList &arguments, int timeoutMs) const
{
    return runTool("skopeo", arguments, m_environment, timeoutMs);
}

Podman::Podman()
{
    for (const char *sub : {"root", "run", "tmp"})
        QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
    writeEmptyAuthFile(authFile());
    m_environment = clientEnvironment(authFile());
}

ToolRun Podman::run(const QStringList &arguments, int timeoutMs) const
{
    const QStringList global{"--root", m_dir.path() + "/root", "--runroot", m_dir.path() + "/run",
                             "--tmpdir", m_dir.path() + "/tmp", "--storage-driver", "vfs",
                             "--cgroup-manager", "cgroupfs", "--events-backend", "file"};
    return runTool("podman", global + arguments, m_environment, timeoutMs);
}

ToolRun Podman::buildah(const QStringList &arguments, int timeoutMs) const
{
    QProcessEnvironment environment = m_environment;
    environment.insert("TMPDIR", m_dir.path() + "/tmp");
    const QStringList global{"--root", m_dir.path() + "/root", "--runroot", m_dir.path() + "/run",
                             "--storage-driver", "vfs"};
    return runTool("buildah", global + arguments, environment, timeoutMs);
}

} // namespace kai::test
