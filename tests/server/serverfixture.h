#pragma once

#include "support/httpclient.h"
#include "support/pgcluster.h"
#include "support/serverprocess.h"
#include "support/testenv.h"

#include <QTest>

#include <map>
#include <memory>

namespace kai::test {

// One real kai-server per database backend, started on first use and kept
// for the suite. Suites declare the rows with addBackendRows() in
// initTestCase_data() and call server() in each test.
class ServerFixture
{
public:
    static void addBackendRows()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    // The server for the current global row; nullptr after a QFAIL/QSKIP
    // was issued (callers return right away).
    ServerProcess *server(const QString &backend, ServerProcess::Options options = {})
    {
        auto it = m_servers.find(backend);
        if (it != m_servers.end())
            return it->second.get();
        if (backend == QLatin1String("postgresql")) {
            if (!PgCluster::available())
                return nullptr;
            if (!m_cluster) {
                m_cluster = std::make_unique<PgCluster>();
                if (Status s = m_cluster->start(); !s) {
                    qWarning("PostgreSQL did not start: %s", qPrintable(s.error().message));
                    m_cluster.reset();
                    return nullptr;
                }
            }
            auto uri = m_cluster->createDatabase(QStringLiteral("kai_%1").arg(m_servers.size()));
            if (!uri)
                return nullptr;
            options.dbUri = *uri;
        }
        auto server = std::make_unique<ServerProcess>();
        if (Status s = server->start(options); !s) {
            qWarning("%s", qPrintable(s.error().message));
            return nullptr;
        }
        ServerProcess *raw = server.get();
        m_servers[backend] = std::move(server);
        return raw;
    }

    bool postgresAvailable() const { return PgCluster::available(); }

private:
    std::unique_ptr<PgCluster> m_cluster;
    std::map<QString, std::unique_ptr<ServerProcess>> m_servers;
};

// One API v1 call as curl in the guide makes it: the OAuth token as a
// bearer (none for anonymous) and a JSON body when there is one.
inline HttpReply apiCall(ServerProcess *server, const QString &token, const QByteArray &method, const QString &path,
                         const QByteArray &body = {})
{
    HttpClient client(server->baseUrl());
    Headers headers;
    if (!token.isEmpty())
        headers << qMakePair(QByteArray("Authorization"), "Bearer " + token.toLatin1());
    if (!body.isEmpty())
        headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
    return client.send(method, path, body, headers);
}

// Users made with the CLI, once per backend, and their OAuth tokens;
// "admin" is the bootstrap superuser. An empty token means the user could
// not be made (the caller's QVERIFY says so).
class UserTokens
{
public:
    explicit UserTokens(QString password) : m_password(std::move(password)) {}

    QString operator()(ServerProcess *server, const QString &backend, const QString &user)
    {
        const QString key = backend + '/' + user;
        if (!m_tokens.contains(key)) {
            if (user != QLatin1String("admin") && !server->createUser(user, m_password).ok())
                return {};
            m_tokens.insert(key, server->createToken(user));
        }
        return m_tokens.value(key);
    }
    bool has(const QString &backend, const QString &user) const { return m_tokens.contains(backend + '/' + user); }
    const QString &password() const { return m_password; }

private:
    QString m_password;
    QHash<QString, QString> m_tokens;   // "<backend>/<user>" -> OAuth token
};

// Logs `client` in as the bootstrap admin with pull+push on a repository
// named after `stem` and a counter, so every test gets one of its own.
inline QString freshAdminRepository(ServerProcess *server, HttpClient &client, const QString &stem, int &counter)
{
    const QString repository = QStringLiteral("admin/%1-%2").arg(stem).arg(++counter);
    client.login(server->adminUser(), server->adminPassword(), {"repository:" + repository + ":pull,push"});
    return repository;
}

} // namespace kai::test

// Fetches the server of the current backend row, failing under CI=true and
// skipping elsewhere when PostgreSQL is not installed.
#define KAI_SERVER(var, fixture, ...)                                                                   \
    QFETCH_GLOBAL(QString, backend);                                                                     \
    if (backend == QLatin1String("postgresql"))                                                          \
        KAI_REQUIRE_SERVICE(::kai::test::PgCluster::available(), "PostgreSQL (apt-get install postgresql)"); \
    ::kai::test::ServerProcess *var = (fixture).server(backend __VA_OPT__(,) __VA_ARGS__);              \
    QVERIFY2(var != nullptr, "kai-server did not start")
