#include "http/clientaddress.h"

#include <QString>

namespace kai::http {

namespace {

bool isTrusted(const QHostAddress &address, const TrustedProxies &trusted)
{
    for (const auto &[network, prefix] : trusted) {
        if (address.isInSubnet(network, prefix))
            return true;
    }
    return false;
}

} // namespace

QHostAddress plainAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

QHostAddress clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor, const TrustedProxies &trusted)
{
    QHostAddress client = plainAddress(peer);
    if (trusted.isEmpty() || forwardedFor.isEmpty() || !isTrusted(client, trusted))
        return client;
    const QList<QByteArray> hops = forwardedFor.toByteArray().split(',');
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const QByteArray text = hop->trimmed();
        QHostAddress address;
        if (text.isEmpty() || !address.setAddress(QString::fromLatin1(text)))
            return client;
        client = plainAddress(address);
        if (!isTrusted(client, trusted))
            return client;
    }
    return client;
}

} // namespace kai::http
