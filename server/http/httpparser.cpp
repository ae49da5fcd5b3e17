#include "http/httpparser.h"

#include "http/httprequest.h"

#include <http_parser.h>

#include <atomic>
#include <climits>
#include <cstring>
#include <mutex>

namespace kai::http {

namespace {

// http-parser's own header limit is a process-wide setting; Kai enforces
// options.maxHeaderBytes itself (so it can answer 431 per server), and only
// lifts the library's limit high enough to never fire first.
void raiseLibraryHeaderLimit(qint64 maxHeaderBytes)
{
    static std::mutex mutex;
    static uint32_t current = HTTP_MAX_HEADER_SIZE;
    const uint64_t wanted = uint64_t(std::max<qint64>(maxHeaderBytes, 0)) * 2 + 1024;
    const uint32_t limit = wanted > UINT32_MAX / 2 ? UINT32_MAX / 2 : uint32_t(wanted);
    std::lock_guard lock(mutex);
    if (limit > current) {
        current = limit;
        http_parser_set_max_header_size(limit);
    }
}

QByteArray methodName(unsigned method)
{
    // Static strings: wrapping them costs no allocation per request.
    const char *s = http_method_str(static_cast<http_method>(method));
    return QByteArray::fromRawData(s, qsizetype(std::strlen(s)));
}

} // namespace

struct HttpParser::Impl
{
    HttpParser *q;
    Listener &listener;
    HttpRequest &request;
    http_parser parser;
    http_parser_settings settings;
    qint64 maxHeaderBytes;
    qint64 headerBytes = 0;
    bool lastWasValue = false;
    bool headerTooLarge = false;
    bool stopped = false;
    bool complete = false;

    static Impl *self(http_parser *p) { return static_cast<Impl *>(p->data); }

    // Counts request line + header bytes as the callbacks see them, plus the
    // framing of each line, which is what "header size" means to a client.
    bool countHeader(size_t length, qint64 framing = 0)
    {
        headerBytes += qint64(length) + framing;
        if (headerBytes > maxHeaderBytes) {
            headerTooLarge = true;
            return false;
        }
        return true;
    }

    static int onMessageBegin(http_parser *p)
    {
        Impl *d = self(p);
        d->headerBytes = 0;
        d->lastWasValue = false;
        d->q->m_inMessage = true;
        HttpRequest &r = d->request;
        r.method.clear();
        r.target.clear();
        r.path.clear();
        r.query.clear();
        r.headers.clear();
        r.contentLength = -1;
        r.chunked = false;
        r.body.clear();
        r.params.clear();
        d->listener.onMessageBegin();
        return 0;
    }

    static int onUrl(http_parser *p, const char *at, size_t length)
    {
        Impl *d = self(p);
        if (!d->countHeader(length))
            return -1;
        d->request.target.append(at, qsizetype(length));
        return 0;
    }

    static int onHeaderField(http_parser *p, const char *at, size_t length)
    {
        Impl *d = self(p);
        const bool newHeader = d->lastWasValue || d->request.headers.isEmpty();
        if (!d->countHeader(length, newHeader ? 4 : 0))   // ": " and CRLF
            return -1;
        if (newHeader)
            d->request.headers.append({QByteArray(at, qsizetype(length)), QByteArray()});
        else
            d->request.headers.last().first.append(at, qsizetype(length));
        d->lastWasValue = false;
        return 0;
    }

    static int onHeaderValue(http_parser *p, const char *at, size_t length)
    {
        Impl *d = self(p);
        if (!d->countHeader(length))
            return -1;
        if (d->request.headers.isEmpty())
            return -1;
        d->request.headers.last().second.append(at, qsizetype(length));
        d->lastWasValue = true;
        return 0;
    }

    static int onHeadersComplete(http_parser *p)
    {
        Impl *d = self(p);
        HttpRequest &r = d->request;
        r.method = methodName(p->method);
        if (p->flags & F_CHUNKED) {
            r.chunked = true;
            r.contentLength = -1;
        } else if (p->flags & F_CONTENTLENGTH) {
            r.contentLength = qint64(p->content_length);
        } else {
            r.contentLength = -1;
        }
        if (!d->listener.onHeadersComplete()) {
            d->stopped = true;
            return -1;
        }
        return 0;
    }

    static int onBody(http_parser *p, const char *at, size_t length)
    {
        Impl *d = self(p);
        if (!d->listener.onBody(QByteArrayView(at, qsizetype(length)))) {
            d->stopped = true;
            return -1;
        }
        return 0;
    }

    static int onMessageComplete(http_parser *p)
    {
        Impl *d = self(p);
        d->q->m_inMessage = false;
        d->complete = true;
        d->listener.onMessageComplete();
        // Pausing makes http_parser_execute() return right after this message,
        // leaving a pipelined next request unparsed until resume().
        http_parser_pause(p, 1);
        return 0;
    }
};

HttpParser::HttpParser(Listener &listener, HttpRequest &request, qint64 maxHeaderBytes)
    : d(new Impl{this, listener, request, {}, {}, maxHeaderBytes})
{
    raiseLibraryHeaderLimit(maxHeaderBytes);
    http_parser_settings_init(&d->settings);
    d->settings.on_message_begin = &Impl::onMessageBegin;
    d->settings.on_url = &Impl::onUrl;
    d->settings.on_header_field = &Impl::onHeaderField;
    d->settings.on_header_value = &Impl::onHeaderValue;
    d->settings.on_headers_complete = &Impl::onHeadersComplete;
    d->settings.on_body = &Impl::onBody;
    d->settings.on_message_complete = &Impl::onMessageComplete;
    reset();
}

HttpParser::~HttpParser() = default;

void HttpParser::reset()
{
    http_parser_init(&d->parser, HTTP_REQUEST);
    d->parser.data = d.get();
    d->headerTooLarge = false;
    d->stopped = false;
    d->complete = false;
    m_inMessage = false;
}

void HttpParser::resume()
{
    d->complete = false;
    http_parser_pause(&d->parser, 0);
}

HttpParser::FeedResult HttpParser::feed(const char *data, qsizetype size)
{
    if (size <= 0)
        return {Outcome::NeedMore, 0};   // a zero-length feed would mean EOF to the library
    const size_t n = http_parser_execute(&d->parser, &d->settings, data, size_t(size));
    const auto consumed = qsizetype(n);
    const http_errno err = HTTP_PARSER_ERRNO(&d->parser);
    if (err == HPE_OK)
        return {Outcome::NeedMore, consumed};
    if (err == HPE_PAUSED && d->complete)
        return {Outcome::MessageComplete, consumed};
    if (d->headerTooLarge || err == HPE_HEADER_OVERFLOW)
        return {Outcome::HeaderTooLarge, consumed};
    if (d->stopped)
        return {Outcome::Stopped, consumed};
    return {Outcome::Error, consumed};
}

int HttpParser::httpMajor() const { return d->parser.http_major; }
int HttpParser::httpMinor() const { return d->parser.http_minor; }
bool HttpParser::keepAlive() const { return http_should_keep_alive(&d->parser) != 0; }

QByteArray HttpParser::errorDescription() const
{
    return QByteArray(http_errno_description(HTTP_PARSER_ERRNO(&d->parser)));
}

} // namespace kai::http
