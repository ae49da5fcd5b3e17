#pragma once

#include "http/bodyconsumer.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QRegularExpression>

#include <functional>
#include <memory>
#include <vector>

namespace kai::http {

// A handler for requests whose (small) body the core buffers first, up to the
// route's limit; a larger body gets 413 without reaching the handler.
using Handler = std::function<void(HttpRequest &request, HttpResponse &response)>;

// A handler that decides on the request head. It returns a consumer to
// stream the body into, or nullptr after writing a complete response itself
// (the body, if any, is then not read and the connection closes).
using StreamHandler =
    std::function<std::unique_ptr<BodyConsumer>(HttpRequest &request, HttpResponse &response)>;

// One explicit, greppable route table. Patterns are literal paths with
// parameters: "{name}" matches one segment, "{name...}" matches one or more
// segments (for repository names like ns/a/b). Routes are tried in order.
class Router
{
public:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QRegularExpression regex;
        QStringList paramNames;
        QString literalPrefix;   // the pattern up to its first parameter: a cheap pre-check
        Handler handler;
        StreamHandler streamHandler;
        qint64 maxBodyBytes = 0;
    };

    struct Match
    {
        const Route *route = nullptr;
        bool pathMatchedOtherMethod = false;   // for 405 vs 404
    };

    void add(QByteArray method, const QString &pattern, Handler handler,
             qint64 maxBodyBytes = 1 << 20);
    void addStream(QByteArray method, const QString &pattern, StreamHandler handler);

    // Finds the route and fills request.params. HEAD falls back to GET routes.
    Match match(HttpRequest &request) const;

    // Called when nothing matches (404) or the method is not allowed (405).
    void setFallback(Handler handler) { m_fallback = std::move(handler); }
    const Handler &fallback() const { return m_fallback; }

private:
    void addRoute(Route route);
    std::vector<Route> m_routes;
    Handler m_fallback;
};

} // namespace kai::http
