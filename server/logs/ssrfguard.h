#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>

namespace kai::logs {

// An outbound URL that passed the guard, with the addresses its host
// resolved to at that moment. Requests connect to those addresses only
// (postJson pins them), so a DNS answer that changes between the check and
// the request (DNS rebinding) cannot point the request somewhere else.
struct CheckedUrl
{
    QUrl url;
    QString host;                  // lower-case, IPv6 without brackets
    int port = 0;
    QList<QHostAddress> addresses;
};

// The server-side request forgery guard for URLs that users hand the
// server to call (log export callbacks now, notification webhooks later):
// the scheme must be http or https, and every address the host resolves
// to must be public (not private, loopback, link-local, carrier-grade NAT,
// multicast, documentation or otherwise reserved), unless the host is
// listed in SSRF_ALLOWED_HOSTS ("host" or "host:port", case-insensitive).
// Checking every address matters: a name with one public and one private
// address would otherwise be let through.
class SsrfGuard
{
public:
    // Resolves a host name to its addresses; an error when it cannot.
    using Resolver = std::function<Result<QList<QHostAddress>>(const QString &host)>;

    explicit SsrfGuard(QStringList allowedHosts, Resolver resolver = systemResolver());

    // The URL and its checked addresses, or an invalid_request error whose
    // message says why (callers prefix what the URL was for).
    Result<CheckedUrl> check(const QString &url) const;

    // True for addresses a user-given URL may reach without being listed.
    static bool isPublicAddress(const QHostAddress &address);

    // getaddrinfo through QHostInfo; blocks the calling thread.
    static Resolver systemResolver();

private:
    bool isAllowListed(const QString &host, int port) const;

    QStringList m_allowedHosts;
    Resolver m_resolver;
};

// POSTs `json` to a checked URL: connects only to its checked addresses,
// ignores proxy settings from the environment, follows no redirect and
// speaks only http/https, all within `timeoutMs`; gives up early once
// `abort` (if any) is set. The HTTP status of the answer, or an error when
// none came (connection refused, timeout, aborted...).
Result<int> postJson(const CheckedUrl &target, const QByteArray &json, int timeoutMs,
                     const std::atomic_bool *abort = nullptr);

} // namespace kai::logs
