#include "logs/ssrfguard.h"

#include <QHostInfo>

#include <curl/curl.h>

#include <array>
#include <memory>
#include <mutex>
#include <utility>

namespace kai::logs {

namespace {

Error refused(const QString &why) { return Error::of(ErrorKind::InvalidRequest, why); }

// Ranges no user-given URL may reach: "this network", RFC 1918, carrier-
// grade NAT, loopback, link-local (cloud metadata services live there),
// IETF protocol assignments, documentation and benchmarking nets, the 6to4
// relay anycast, multicast and the reserved rest up to broadcast.
const std::array<const char *, 15> kNonPublicV4{
    "0.0.0.0/8",      "10.0.0.0/8",      "100.64.0.0/10",   "127.0.0.0/8",  "169.254.0.0/16",
    "172.16.0.0/12",  "192.0.0.0/24",    "192.0.2.0/24",    "192.88.99.0/24", "192.168.0.0/16",
    "198.18.0.0/15",  "198.51.100.0/24", "203.0.113.0/24",  "224.0.0.0/4",  "240.0.0.0/4"};

// Unspecified and loopback, IPv4-compatible (deprecated), local-use NAT64,
// discard-only, IETF protocol assignments (Teredo, benchmarking, ORCHID),
// documentation, unique local, link-local, site-local and multicast.
// IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address
// they carry instead.
const std::array<const char *, 12> kNonPublicV6{
    "::/128", "::1/128", "::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
    "2001:db8::/32", "3fff::/20", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"};

bool inAny(const QHostAddress &address, const auto &subnets)
{
    for (const char *text : subnets) {
        const auto subnet = QHostAddress::parseSubnet(QString::fromLatin1(text));
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

bool isPublicV4(quint32 address) { return !inAny(QHostAddress(address), kNonPublicV4); }

// The IPv4 address an IPv6 address carries by a translation scheme, if any.
std::optional<quint32> embeddedV4(const QHostAddress &address)
{
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    auto v4At = [&](int offset) {
        return quint32(bytes[offset]) << 24 | quint32(bytes[offset + 1]) << 16 | quint32(bytes[offset + 2]) << 8
               | quint32(bytes[offset + 3]);
    };
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);   // ::ffff:a.b.c.d
    if (mapped)
        return v4;
    if (address.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("64:ff9b::/96"))))
        return v4At(12);
    if (address.isInSubnet(QHostAddress::parseSubnet(QStringLiteral("2002::/16"))))
        return v4At(2);
    return std::nullopt;
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t discardBody(char *, size_t size, size_t count, void *) { return size * count; }

int abortWhenAsked(void *abort, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<const std::atomic_bool *>(abort)->load() ? 1 : 0;
}

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter
{
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};

} // namespace

SsrfGuard::SsrfGuard(QStringList allowedHosts, Resolver resolver)
    : m_allowedHosts(std::move(allowedHosts)), m_resolver(std::move(resolver))
{
}

bool SsrfGuard::isPublicAddress(const QHostAddress &address)
{
    if (address.isNull())
        return false;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return isPublicV4(address.toIPv4Address());
    if (const auto v4 = embeddedV4(address))
        return isPublicV4(*v4);
    return !inAny(address, kNonPublicV6);
}

SsrfGuard::Resolver SsrfGuard::systemResolver()
{
    return [](const QString &host) -> Result<QList<QHostAddress>> {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return refused(QStringLiteral("host %1 cannot be resolved").arg(host));
        return info.addresses();
    };
}

bool SsrfGuard::isAllowListed(const QString &host, int port) const
{
    for (QString entry : m_allowedHosts) {
        entry = entry.trimmed().toLower();
        if (entry == host)
            return true;
        // "host:port" and "[v6]:port" allow that port only; a bare IPv6
        // address has colons too, so it was compared whole above.
        const int colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || (entry.count(QLatin1Char(':')) > 1 && !entry.startsWith(QLatin1Char('['))))
            continue;
        QString entryHost = entry.left(colon);
        if (entryHost.startsWith(QLatin1Char('[')) && entryHost.endsWith(QLatin1Char(']')))
            entryHost = entryHost.mid(1, entryHost.size() - 2);
        if (entryHost == host && entry.mid(colon + 1) == QString::number(port))
            return true;
    }
    return false;
}

Result<CheckedUrl> SsrfGuard::check(const QString &text) const
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return refused(QStringLiteral("'%1' is not a valid URL").arg(text));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return refused(QStringLiteral("the URL must use http or https, not %1").arg(scheme));
    CheckedUrl checked;
    checked.url = url;
    checked.host = url.host(QUrl::FullyEncoded).toLower();
    checked.port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    if (checked.host.isEmpty())
        return refused(QStringLiteral("the URL has no host"));

    if (const QHostAddress literal(checked.host); !literal.isNull()) {
        checked.addresses = {literal};
    } else {
        auto resolved = m_resolver(checked.host);
        if (!resolved)
            return refused(resolved.error().message);
        checked.addresses = *resolved;
        if (checked.addresses.isEmpty())
            return refused(QStringLiteral("host %1 cannot be resolved").arg(checked.host));
    }
    if (isAllowListed(checked.host, checked.port))
        return checked;
    for (const QHostAddress &address : std::as_const(checked.addresses)) {
        if (!isPublicAddress(address))
            return refused(QStringLiteral("host %1 is %2, a private, loopback, link-local or reserved address "
                                          "(list the host in SSRF_ALLOWED_HOSTS to allow it)")
                               .arg(checked.host, address.toString()));
    }
    return checked;
}

Result<int> postJson(const CheckedUrl &target, const QByteArray &json, int timeoutMs, const std::atomic_bool *abort)
{
    initCurlOnce();
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return Error::of(ErrorKind::Internal, QStringLiteral("libcurl could not create a handle"));
    CURL *h = curl.get();

    const QByteArray url = target.url.toString(QUrl::FullyEncoded).toUtf8();
    // A host name is pinned to the addresses the guard checked; a literal
    // address needs no lookup.
    std::unique_ptr<curl_slist, SlistDeleter> pinned;
    if (QHostAddress(target.host).isNull() && !target.addresses.isEmpty()) {
        QStringList addresses;
        for (const QHostAddress &address : target.addresses)
            addresses << (address.protocol() == QAbstractSocket::IPv6Protocol ? "[" + address.toString() + "]"
                                                                               : address.toString());
        const QByteArray entry = QStringLiteral("%1:%2:%3").arg(target.host).arg(target.port).arg(addresses.join(',')).toUtf8();
        pinned.reset(curl_slist_append(nullptr, entry.constData()));
    }
    std::unique_ptr<curl_slist, SlistDeleter> headers(curl_slist_append(nullptr, "Content-Type: application/json"));
    char errorBuffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(h, CURLOPT_URL, url.constData());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    if (pinned)
        curl_easy_setopt(h, CURLOPT_RESOLVE, pinned.get());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json.constData());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(json.size()));
    curl_easy_setopt(h, CURLOPT_USERAGENT, "kai-server");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discardBody);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(timeoutMs, 10'000)));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    if (abort) {
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, abortWhenAsked);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, const_cast<std::atomic_bool *>(abort));
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }

    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
        const QString detail = errorBuffer[0] ? QString::fromUtf8(errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));
        return Error::of(ErrorKind::Unavailable, QStringLiteral("POST %1 failed: %2").arg(target.url.toDisplayString(QUrl::RemoveUserInfo), detail));
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    return int(status);
}

} // namespace kai::logs
