#include "http/httpwire.h"

#include "http/httprequest.h"

#include <QDateTime>
#include <QStringDecoder>

namespace kai::http {

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (c <= '9')
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

} // namespace

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

// IMF-fixdate, formatted once per second per thread. Spelled out by hand:
// strftime and QLocale would follow the process locale (zh_CN, say), and
// HTTP dates are always English.
const QByteArray &httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    if (second != cachedSecond) {
        static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const QDateTime t = QDateTime::fromSecsSinceEpoch(second, Qt::UTC);
        const QDate d = t.date();
        const QTime tm = t.time();
        cached = QByteArray(days[d.dayOfWeek() - 1]) + ", "
                 + QByteArray::number(d.day()).rightJustified(2, '0') + ' '
                 + months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' '
                 + QByteArray::number(tm.hour()).rightJustified(2, '0') + ':'
                 + QByteArray::number(tm.minute()).rightJustified(2, '0') + ':'
                 + QByteArray::number(tm.second()).rightJustified(2, '0') + " GMT";
        cachedSecond = second;
    }
    return cached;
}

// Splits the request target into a percent-decoded path and the query.
// Fails on a bad %-escape, an encoded NUL or a path that is not UTF-8.
bool decodeTarget(HttpRequest &request)
{
    QByteArrayView target = request.target;
    // absolute-form ("http://host/path") is legal from proxies.
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype authority = target.indexOf("//") + 2;
        const qsizetype slash = target.indexOf('/', authority);
        target = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
    }
    if (!target.startsWith('/'))
        return false;
    qsizetype end = target.size();
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0)
        end = hash;
    const qsizetype question = target.first(end).indexOf('?');
    const QByteArrayView rawPath = target.first(question >= 0 ? question : end);
    if (question >= 0 && question + 1 < end)
        request.query.setQuery(QString::fromUtf8(target.sliced(question + 1, end - question - 1)));

    bool plainAscii = true;
    for (char c : rawPath) {
        if (c == '%' || (static_cast<unsigned char>(c) & 0x80) || c == '\0') {
            plainAscii = false;
            break;
        }
    }
    if (plainAscii) {
        request.path = QString::fromLatin1(rawPath);
        return true;
    }

    QByteArray decoded;
    decoded.reserve(rawPath.size());
    for (qsizetype i = 0; i < rawPath.size(); ++i) {
        char c = rawPath[i];
        if (c == '%') {
            if (i + 2 >= rawPath.size() || !isHex(rawPath[i + 1]) || !isHex(rawPath[i + 2]))
                return false;
            c = char(hexValue(rawPath[i + 1]) * 16 + hexValue(rawPath[i + 2]));
            i += 2;
        }
        if (c == '\0')
            return false;
        decoded.append(c);
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    request.path = utf8.decode(decoded);
    return !utf8.hasError();
}

} // namespace kai::http
