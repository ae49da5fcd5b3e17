#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace kai::test {

// What one run of an external client produced.
struct ToolRun
{
    QString command;          // the command line, for failure messages
    bool finished = false;    // false: did not start, or killed at the timeout
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;

    bool succeeded() const { return finished && exitCode == 0; }
    // Command, exit status and both streams: the text a failed QVERIFY2 shows.
    QByteArray report() const;
};

// True when `program` is on PATH.
bool toolAvailable(const QString &program);

// The environment every client runs in: the caller's, minus proxy
// variables (the tests talk to loopback only), with REGISTRY_AUTH_FILE
// pointing at `authFile` so that no login leaks in from, or out to, the
// machine's own credentials.
QProcessEnvironment clientEnvironment(const QString &authFile);

// Runs `program` to completion, killing it after `timeoutMs`.
ToolRun runTool(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                int timeoutMs);

// A temporary directory with an all lower-case path, removed with its
// content on destruction. podman names an image it loads from `oci:DIR`
// after DIR, and image names must be lower case; QTemporaryDir's random
// part is mixed case.
class ScratchDir
{
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir &) = delete;
    ScratchDir &operator=(const ScratchDir &) = delete;
    bool isValid() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }

private:
    QString m_path;
};

// skopeo with a private, empty auth file: credentials only ever come from
// --creds/--src-creds/--dest-creds on the command line.
class Skopeo
{
public:
    Skopeo();
    bool isValid() const { return m_dir.isValid(); }
    ToolRun run(const QStringList &arguments, int timeoutMs = 120'000) const;

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_environment;
};

// podman with its own image store (--root/--runroot in a temp dir, vfs
// storage driver, no systemd) and its own auth file, so that a test sees
// neither the machine's images nor its logins, and leaves none behind.
class Podman
{
public:
    Podman();
    bool isValid() const { return m_dir.isValid(); }
    QString authFile() const { return m_dir.path() + "/auth.json"; }
    ToolRun run(const QStringList &arguments, int timeoutMs = 180'000) const;
    // buildah on this podman's image store (same --root/--runroot, vfs,
    // TMPDIR in the temp dir), so an image buildah commits is one podman
    // can push. Only the build verbs are meant (from scratch, copy, config,
    // commit): nothing here runs a container.
    ToolRun buildah(const QStringList &arguments, int timeoutMs = 120'000) const;

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_environment;
};

} // namespace kai::test
