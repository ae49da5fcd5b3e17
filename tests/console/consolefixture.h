#pragma once

#include "server/serverfixture.h"
#include "support/ports.h"

#include "client/apiclient.h"
#include "client/endpoints/session.h"
#include "window/mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QObject>
#include <QTest>

#include <memory>

namespace kai::test {

// The console suites' server: one real kai-server per backend, started with
// FEATURE_USER_INITIALIZE so the first user comes from
// POST /api/v1/user/initialize as automation makes it: "admin" (a superuser
// through SUPER_USERS) with a known password, plus an OAuth token the tests
// use to check results through the API.
class ConsoleServers
{
public:
    static constexpr const char *kAdminPassword = "console-admin-pw1";

    // More config.yaml lines for the servers started after this (a suite
    // that needs e-mail sets its SMTP server here in initTestCase()).
    void setExtraConfig(const QStringList &lines) { m_extraConfig = lines; }

    ServerProcess *server(const QString &backend)
    {
        ServerProcess::Options options;
        options.userInitialize = true;
        options.extraConfig = m_extraConfig;
        ServerProcess *server = m_fixture.server(backend, options);
        if (!server || m_tokens.contains(backend))
            return server;
        const QByteArray body = QByteArrayLiteral(R"({"username": "admin", "password": ")") + kAdminPassword
                                + QByteArrayLiteral(R"(", "email": "admin@example.com", "access_token": true})");
        HttpClient http(server->baseUrl());
        const HttpReply reply = http.send("POST", "/api/v1/user/initialize", body, {{"Content-Type", "application/json"}});
        if (reply.status != 200) {
            qWarning("user/initialize failed: %d %s", reply.status, reply.body.constData());
            return nullptr;
        }
        m_tokens.insert(backend, reply.json().value("access_token").toString());
        return server;
    }

    QString adminToken(const QString &backend) const { return m_tokens.value(backend); }

private:
    ServerFixture m_fixture;
    QHash<QString, QString> m_tokens;
    QStringList m_extraConfig;
};

// The widget called `name` below `parent` (tests find widgets by
// objectName, as a person finds them by label).
template <typename T>
T *widget(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no widget %s", name);
    return found;
}

// With KAI_SCREENSHOT_DIR set, saves `widget` as <dir>/<name>.png for a
// person to look at; without it, does nothing.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("KAI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    if (!widget->grab().save(QStringLiteral("%1/%2.png").arg(dir, name)))
        qWarning("could not save the screenshot %s", qPrintable(name));
}

// Chooses an entity in an EntityPicker as a person does: types `typed`
// into it, waits (15 s at most) for the result named `name` (a result's
// tooltip is its bare name) and activates it with Enter. False when no such
// result came.
inline bool chooseEntity(QWidget *picker, const QString &typed, const QString &name)
{
    auto *edit = widget<QLineEdit>(picker, "entityPickerEdit");
    auto *results = widget<QListView>(picker, "entityPickerResults");
    if (!edit || !results)
        return false;
    edit->setFocus();
    QTest::keyClicks(edit, typed);
    const auto rowOf = [&] {
        QAbstractItemModel *model = results->model();
        for (int i = 0; model && i < model->rowCount(); ++i) {
            if (model->index(i, 0).data(Qt::ToolTipRole).toString() == name)
                return i;
        }
        return -1;
    };
    if (!QTest::qWaitFor([&] { return rowOf() >= 0; }, 15'000))
        return false;
    results->setCurrentIndex(results->model()->index(rowOf(), 0));
    QTest::keyClick(results, Qt::Key_Return);
    return true;
}

// QSettings of the console go to a temporary directory, never to the
// user's real configuration.
class IsolatedSettings
{
public:
    IsolatedSettings()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KaiConsoleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("kai-console-test"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }
    void clear() { QSettings().clear(); }

private:
    QTemporaryDir m_dir;
};

// Signs `client` in as `user` through the session flow; false when that
// was refused or did not happen within 15 s.
inline bool signInAs(client::ApiClient &client, ServerProcess *server, const QString &user, const QString &password)
{
    client.setServer(QUrl(server->baseUrl()));
    bool done = false;
    bool ok = false;
    QObject guard;
    client::session::signIn(client, user, password)->then(&guard, [&](const Result<client::CurrentUser> &answer) {
        done = true;
        ok = answer.ok();
        if (!ok)
            qWarning("sign-in failed: %s", qPrintable(answer.error().message));
    });
    return QTest::qWaitFor([&] { return done; }, 15'000) && ok;
}

// Signs `client` in as admin through the session flow; false when that did
// not happen within 15 s.
inline bool signInAsAdmin(client::ApiClient &client, ServerProcess *server)
{
    return signInAs(client, server, QStringLiteral("admin"), QString::fromLatin1(ConsoleServers::kAdminPassword));
}

// GET /api/v1/user/ through the client; an empty user when it failed or
// took longer than 15 s.
inline client::CurrentUser fetchCurrentUser(client::ApiClient &client)
{
    QObject guard;
    bool done = false;
    client::CurrentUser user;
    client::session::currentUser(client)->then(&guard, [&](const Result<client::CurrentUser> &answer) {
        done = true;
        if (answer)
            user = *answer;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15'000))
        qWarning("GET /api/v1/user/ did not answer within 15 s");
    return user;
}

// The console's main window for whoever `client` is signed in as (not yet
// shown); none when GET /api/v1/user/ failed.
inline std::unique_ptr<console::MainWindow> mainWindowFor(client::ApiClient &client)
{
    const client::CurrentUser user = fetchCurrentUser(client);
    if (user.username.isEmpty())
        return nullptr;
    return std::make_unique<console::MainWindow>(client, user);
}

// What every server-backed console suite keeps: settings away from the
// user's own, the servers, and names new on them. Suites derive from it.
class ConsoleSuite : public QObject
{
protected:
    IsolatedSettings m_settings;
    ConsoleServers m_servers;

    // "<stem><n>x", another one on every call.
    QString freshName(const char *stem) { return QStringLiteral("%1%2x").arg(QLatin1String(stem)).arg(++m_counter); }

    // A call to the API as admin, with admin's OAuth token.
    HttpReply admin(ServerProcess *server, const QString &backend, const QByteArray &method, const QString &path,
                    const QByteArray &body = {}) const
    {
        return apiCall(server, m_servers.adminToken(backend), method, path, body);
    }

    // A new organization named freshName(stem) that admin administers
    // (its "owners" team holds admin), made through the API; a warning when
    // the server refused.
    QString createOrganization(ServerProcess *server, const QString &backend, const char *stem)
    {
        const QString name = freshName(stem);
        const HttpReply reply =
            admin(server, backend, "POST", "/api/v1/organization/", QStringLiteral(R"({"name": "%1"})").arg(name).toUtf8());
        if (reply.status != 201)
            qWarning("creating organization %s: %d", qPrintable(name), reply.status);
        return name;
    }

private:
    int m_counter = 0;
};

} // namespace kai::test

// Fetches the bootstrapped server of the current backend row.
#define KAI_CONSOLE_SERVER(var, servers)                                                                 \
    QFETCH_GLOBAL(QString, backend);                                                                     \
    if (backend == QLatin1String("postgresql"))                                                          \
        KAI_REQUIRE_SERVICE(::kai::test::PgCluster::available(), "PostgreSQL (apt-get install postgresql)"); \
    ::kai::test::ServerProcess *var = (servers).server(backend);                                         \
    QVERIFY2(var != nullptr, "kai-server did not start")
