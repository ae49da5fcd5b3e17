#pragma once

#include "server/serverfixture.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kai::test {

// The superuser the end-to-end suites push and pull as.
//
// It is made through Quay's first-user API (FEATURE_USER_INITIALIZE:
// true, POST /api/v1/user/initialize), not taken from the bootstrap
// password kai-server prints: kai-server prints that password on the lines
// *after* "listening on ...", and ServerProcess returns as soon as it sees
// "listening on", so adminPassword() is sometimes still empty (seen on both
// backends). With a known password the suites do not depend on that race.
struct E2eAccount
{
    static QString user() { return QStringLiteral("admin"); }   // in SUPER_USERS of ServerProcess's config
    static QString password() { return QStringLiteral("e2e-Password-1"); }
    static QString creds() { return user() + ':' + password(); }
};

inline ServerProcess::Options e2eServerOptions(const QStringList &extraConfig = {})
{
    ServerProcess::Options options;
    options.userInitialize = true;
    options.extraConfig = extraConfig;
    return options;
}

// Creates the account on a fresh server; on a server the fixture already
// made (and this suite initialized) the API answers that the database is
// not empty, which is fine too. False on anything else.
inline bool initializeE2eAccount(ServerProcess *server)
{
    HttpClient client(server->baseUrl());
    const QJsonObject body{{"username", E2eAccount::user()},
                           {"password", E2eAccount::password()},
                           {"email", "admin@example.com"}};
    const HttpReply reply = client.send("POST", "/api/v1/user/initialize", QJsonDocument(body).toJson(),
                                        {{"Content-Type", "application/json"}});
    if (reply.status == 200)
        return true;
    if (reply.status == 400 && reply.body.contains("non-empty database"))
        return true;
    qWarning("POST /api/v1/user/initialize answered %d: %s", reply.status, reply.body.constData());
    return false;
}

} // namespace kai::test

// KAI_SERVER (server/serverfixture.h) for the end-to-end suites: the server
// of the current backend row, started with FEATURE_USER_INITIALIZE and the
// given extra config lines, with E2eAccount created.
#define KAI_E2E_SERVER(var, fixture, ...)                                                     \
    KAI_SERVER(var, fixture, ::kai::test::e2eServerOptions(__VA_ARGS__));                     \
    QVERIFY2(::kai::test::initializeE2eAccount(var), "cannot create the e2e superuser")
