#include "secretstore.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace kai::console {

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

SecretStore::~SecretStore() = default;

void SecretStore::fail(const QString &reason)
{
    if (!m_available)
        return;
    m_available = false;
    emit unavailable(reason);
}

// Jobs have no parent on purpose: the libsecret backend calls back into a
// job after its D-Bus round trip, so a job must live until it finished
// (autoDelete) even when the store is gone; the store being the connection
// context keeps such late answers from reaching it.

void SecretStore::read(const QString &key, QObject *guard, ReadCallback done)
{
    QPointer<QObject> alive(guard);
    if (!m_available) {
        // Still asynchronous, so callers see one behaviour.
        QTimer::singleShot(0, this, [alive, done = std::move(done)]() {
            if (alive)
                done(std::nullopt);
        });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, alive, done = std::move(done)](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        std::optional<QString> secret;
        if (readJob->error() == QKeychain::NoError)
            secret = readJob->textData();
        else if (readJob->error() != QKeychain::EntryNotFound)
            fail(readJob->errorString());
        if (alive)
            done(secret);
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret)
{
    if (!m_available)
        return;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            return fail(finished->errorString());
        emit written(key);
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            fail(finished->errorString());
    });
    job->start();
}

} // namespace kai::console
