#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace kai::console {

// Passwords and tokens live only in the OS keychain (QtKeychain: Secret
// Service, macOS Keychain, Windows Credential Manager), never in QSettings
// or a file. Every operation is asynchronous. When the keychain fails (no
// Secret Service on the session bus, locked, denied) the store says so
// once through unavailable() and from then on works without it: writes are
// dropped, reads find nothing.
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QString service, QObject *parent = nullptr);
    ~SecretStore() override;
    Q_DISABLE_COPY_MOVE(SecretStore)

    bool isAvailable() const { return m_available; }

    using ReadCallback = std::function<void(std::optional<QString>)>;

    // `done` gets the secret, or nothing when there is none or no keychain;
    // not called if `guard` is gone by then.
    void read(const QString &key, QObject *guard, ReadCallback done);
    void write(const QString &key, const QString &secret);
    void remove(const QString &key);

signals:
    // Once per store: the keychain cannot be used; `reason` says why.
    void unavailable(const QString &reason);
    // A write reached the keychain (tests and status messages).
    void written(const QString &key);

private:
    void fail(const QString &reason);

    QString m_service;
    bool m_available = true;
};

} // namespace kai::console
