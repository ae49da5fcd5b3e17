#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

#include <optional>

namespace kai::auth {

// Registry clients send the same bearer JWT on every request of a pull or
// push; checking its RSA signature each time would dominate the cost of a
// manifest GET. A worker keeps the claims of tokens it has verified until
// they expire. One per worker thread, so no locking.
class VerifiedTokenCache
{
public:
    explicit VerifiedTokenCache(int capacity = 4096) : m_capacity(capacity) {}

    std::optional<QJsonObject> find(const QByteArray &token, qint64 nowSeconds)
    {
        const auto it = m_entries.constFind(token);
        if (it == m_entries.constEnd())
            return std::nullopt;
        if (it->expiresAt <= nowSeconds) {
            m_entries.erase(it);
            return std::nullopt;
        }
        return it->claims;
    }

    void insert(const QByteArray &token, const QJsonObject &claims, qint64 expiresAt)
    {
        // Bounded memory: a full cache starts over rather than tracking age.
        if (m_entries.size() >= m_capacity)
            m_entries.clear();
        m_entries.insert(token, Entry{claims, expiresAt});
    }

private:
    struct Entry
    {
        QJsonObject claims;
        qint64 expiresAt;
    };
    QHash<QByteArray, Entry> m_entries;
    int m_capacity;
};

} // namespace kai::auth
