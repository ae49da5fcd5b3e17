#include "savedservers.h"

#include <QSettings>
#include <QUrl>

namespace kai::console {

namespace {
constexpr int kMaxServers = 20;

// One key per server address; percent-encoded because '/' separates groups.
QString certificateKey(const QString &url)
{
    return QStringLiteral("trustedCertificates/") + QString::fromLatin1(QUrl::toPercentEncoding(url));
}
} // namespace

QString SavedServer::secretKey() const
{
    return usesToken ? QStringLiteral("token@%1").arg(url) : QStringLiteral("%1@%2").arg(username, url);
}

bool SavedServer::sameLogin(const SavedServer &other) const
{
    return url == other.url && usesToken == other.usesToken && (usesToken || username == other.username);
}

QList<SavedServer> SavedServers::list() const
{
    QList<SavedServer> servers;
    const int count = m_settings.beginReadArray(QStringLiteral("servers"));
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        SavedServer server{m_settings.value("url").toString(), m_settings.value("username").toString(),
                           m_settings.value("token").toBool()};
        if (!server.url.isEmpty())
            servers.append(server);
    }
    m_settings.endArray();
    return servers;
}

void SavedServers::remember(const SavedServer &server)
{
    QList<SavedServer> servers = list();
    servers.removeIf([&](const SavedServer &s) { return s.sameLogin(server); });
    servers.prepend(server);
    while (servers.size() > kMaxServers)
        servers.removeLast();
    store(servers);
}

void SavedServers::forget(const SavedServer &server)
{
    QList<SavedServer> servers = list();
    servers.removeIf([&](const SavedServer &s) { return s.sameLogin(server); });
    store(servers);
}

QByteArray SavedServers::trustedCertificate(const QString &url) const
{
    return QByteArray::fromHex(m_settings.value(certificateKey(url)).toString().toLatin1());
}

void SavedServers::trustCertificate(const QString &url, const QByteArray &sha256)
{
    m_settings.setValue(certificateKey(url), QString::fromLatin1(sha256.toHex()));
}

void SavedServers::store(const QList<SavedServer> &servers)
{
    m_settings.remove(QStringLiteral("servers"));
    m_settings.beginWriteArray(QStringLiteral("servers"), int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue("url", servers[i].url);
        m_settings.setValue("username", servers[i].username);
        m_settings.setValue("token", servers[i].usesToken);
    }
    m_settings.endArray();
}

} // namespace kai::console
