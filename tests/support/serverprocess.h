#pragma once

#include "core/result.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace kai::test {

// A real kai-server process on a free loopback port, with its own data
// directory and config.yaml. The tests talk to it over HTTP only.
class ServerProcess
{
public:
    struct Options
    {
        QString dbUri;                 // empty: SQLite in the data directory
        bool userInitialize = false;   // FEATURE_USER_INITIALIZE
        QStringList extraConfig;       // more config.yaml lines
        QString tlsCertificatePath;    // with tlsKeyPath: HTTPS (SSL_CERT_PATH/SSL_KEY_PATH)
        QString tlsKeyPath;

        // Defaults plus these config.yaml lines.
        static Options withConfig(QStringList lines)
        {
            Options options;
            options.extraConfig = std::move(lines);
            return options;
        }
    };

    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Path of the kai-server binary (KAI_SERVER_BINARY env, else the one
    // this build made).
    static QString binary();

    Status start(const Options &options);
    // SIGTERM and wait for a clean exit; false if it did not exit cleanly.
    bool stop(int timeoutMs = 20'000);
    // SIGKILL: the crash case.
    void kill();
    // Starts again on the same port and data directory.
    Status restart();

    // `kai-server user create NAME --password-stdin` against this server's
    // database (the CLI an operator uses).
    Status createUser(const QString &name, const QString &password, bool superuser = false);

    // `kai-server user token NAME --scopes ...`: an OAuth access token for
    // API v1 calls as that user. Empty on failure.
    QString createToken(const QString &name, const QString &scopes = {});

    QString host() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString baseUrl() const { return (m_options.tlsCertificatePath.isEmpty() ? "http://" : "https://") + host(); }
    quint16 port() const { return m_port; }
    QString dataDir() const;
    QString adminUser() const { return m_adminUser; }
    QString adminPassword() const { return m_adminPassword; }
    QByteArray output() const { return m_output; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

private:
    Status launch(quint16 port);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    Options m_options;
    quint16 m_port = 0;
    QString m_adminUser;
    QString m_adminPassword;
    QByteArray m_output;
};

} // namespace kai::test
