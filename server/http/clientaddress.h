#pragma once

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace kai::http {

// Networks whose X-Forwarded-For is believed (KAI_TRUSTED_PROXIES): the
// reverse proxies and load balancers in front of Kai.
using TrustedProxies = QList<QPair<QHostAddress, int>>;

// The address a request came from, as usage logs record it. The socket
// peer, unless the peer is a trusted proxy: then X-Forwarded-For is read
// from the right (each proxy appends the address it received from) and the
// first address that is not a trusted proxy is the client. Anything a
// client wrote to the left of that is its own claim and ignored; an entry
// that is not an address ends the walk at the last trusted hop.
// `forwardedFor` holds every X-Forwarded-For header, joined by commas.
QHostAddress clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor, const TrustedProxies &trusted);

// An IPv4 peer of a dual-stack socket (::ffff:a.b.c.d) as plain IPv4.
QHostAddress plainAddress(const QHostAddress &address);

} // namespace kai::http
