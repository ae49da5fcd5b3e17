#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QSettings;

namespace kai::console {

// A server the user signed in to before: address, user name and how. The
// secret itself is in the keychain under secretKey().
struct SavedServer
{
    QString url;
    QString username;     // empty for token sign-in
    bool usesToken = false;

    QString secretKey() const;
    bool sameLogin(const SavedServer &other) const;
};

// The saved servers in QSettings (most recent first, at most 20). Nothing
// secret is ever written here.
class SavedServers
{
public:
    explicit SavedServers(QSettings &settings) : m_settings(settings) {}

    QList<SavedServer> list() const;
    void remember(const SavedServer &server);
    void forget(const SavedServer &server);

    // The SHA-256 digest of the certificate the user trusted for the server
    // at `url` (self-signed); empty when none. Not secret: a fingerprint
    // only says which certificate to accept.
    QByteArray trustedCertificate(const QString &url) const;
    void trustCertificate(const QString &url, const QByteArray &sha256);

private:
    void store(const QList<SavedServer> &servers);

    QSettings &m_settings;
};

} // namespace kai::console
