#pragma once

#include "core/result.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace kai::test {

// A throwaway PostgreSQL cluster for one test process: initdb into a
// temporary directory, trust auth, listening on 127.0.0.1 at a free port with
// its socket inside the directory, durability off (fsync, synchronous_commit,
// full_page_writes) because the data dies with the test anyway.
//
// As root (CI containers) initdb/pg_ctl run as the `postgres` user via
// runuser, since initdb refuses root. stop() and the destructor kill the
// server with `pg_ctl stop -m immediate`; a crashed test process leaves the
// server running until its directory is removed by hand.
class PgCluster
{
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // True when initdb and pg_ctl exist (env KAI_PG_BINDIR, else the newest
    // /usr/lib/postgresql/*/bin, else PATH).
    static bool available();
    // The directory holding initdb/pg_ctl, empty when not available().
    static QString binDir();

    // initdb + start (pg_ctl -w, bounded) + CREATE DATABASE kai.
    Status start();
    void stop();
    bool isRunning() const { return m_running; }

    quint16 port() const { return m_port; }
    // The directory holding the server's Unix socket (for ?host= URIs).
    QString socketDir() const { return m_dir ? m_dir->path() : QString(); }
    // postgresql://postgres@127.0.0.1:PORT/<dbname>
    QString uri(const QString &dbname = QStringLiteral("kai")) const;
    // A new empty database; returns its URI. Names are unquoted identifiers
    // (letters, digits, '_').
    Result<QString> createDatabase(const QString &name);
    // Empties an existing database (drops and recreates schema `public`):
    // ~30 ms where CREATE DATABASE takes ~300 ms, so suites can afford a
    // clean database for every test function. No other connection to it may
    // be open, or the DROP waits for it.
    Status resetDatabase(const QString &name = QStringLiteral("kai"));
    // The server log, for failure messages.
    QString log() const;

private:
    Status run(const QString &program, const QStringList &arguments, int timeoutMs, bool asPostgres);
    Status checkName(const QString &name) const;
    Status initdb();
    Status startServer();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace kai::test
