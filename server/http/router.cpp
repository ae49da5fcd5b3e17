#include "http/router.h"

#include "http/httplog.h"

namespace kai::http {

namespace {

// "/v2/{name...}/blobs/{digest}" -> ^/v2/(.+?)/blobs/([^/]+)$. Literal text is
// escaped, so a pattern can never smuggle regex syntax into the table.
void compilePattern(Router::Route &route)
{
    QString regex;
    const QString &pattern = route.pattern;
    qsizetype pos = 0;
    bool prefixDone = false;
    while (pos < pattern.size()) {
        const qsizetype open = pattern.indexOf(u'{', pos);
        if (open < 0) {
            regex += QRegularExpression::escape(pattern.mid(pos));
            break;
        }
        const qsizetype close = pattern.indexOf(u'}', open);
        Q_ASSERT_X(close > open, "Router", "unterminated parameter in route pattern");
        if (close < 0)
            break;
        regex += QRegularExpression::escape(pattern.mid(pos, open - pos));
        if (!prefixDone) {
            route.literalPrefix = pattern.left(open);
            prefixDone = true;
        }
        QString name = pattern.mid(open + 1, close - open - 1);
        if (name.endsWith(QLatin1String("..."))) {
            name.chop(3);
            regex += QLatin1String("(.+?)");
        } else {
            regex += QLatin1String("([^/]+)");
        }
        route.paramNames.append(name);
        pos = close + 1;
    }
    if (!prefixDone)
        route.literalPrefix = pattern;
    route.regex.setPattern(QRegularExpression::anchoredPattern(regex));
    if (!route.regex.isValid())
        qCWarning(lcHttp) << "invalid route pattern" << pattern << route.regex.errorString();
    route.regex.optimize();
}

void fillParams(const Router::Route &route, const QRegularExpressionMatch &m, HttpRequest &request)
{
    request.params.clear();
    for (qsizetype i = 0; i < route.paramNames.size(); ++i)
        request.params.insert(route.paramNames.at(i), m.captured(int(i + 1)));
}

} // namespace

void Router::add(QByteArray method, const QString &pattern, Handler handler, qint64 maxBodyBytes)
{
    Route route;
    route.method = std::move(method);
    route.pattern = pattern;
    route.handler = std::move(handler);
    route.maxBodyBytes = maxBodyBytes;
    addRoute(std::move(route));
}

void Router::addStream(QByteArray method, const QString &pattern, StreamHandler handler)
{
    Route route;
    route.method = std::move(method);
    route.pattern = pattern;
    route.streamHandler = std::move(handler);
    addRoute(std::move(route));
}

void Router::addRoute(Route route)
{
    compilePattern(route);
    m_routes.push_back(std::move(route));
}

Router::Match Router::match(HttpRequest &request) const
{
    Match result;
    const bool isHead = request.method == "HEAD";
    const Route *getFallback = nullptr;
    QRegularExpressionMatch getFallbackMatch;

    // Hot path: only routes of the request's method (and GET for HEAD) run
    // their regex. An exact HEAD route anywhere wins over the GET fallback.
    for (const Route &route : m_routes) {
        const bool exact = route.method == request.method;
        const bool headViaGet = isHead && !getFallback && route.method == "GET";
        if ((!exact && !headViaGet) || !request.path.startsWith(route.literalPrefix))
            continue;
        QRegularExpressionMatch m = route.regex.match(request.path);
        if (!m.hasMatch())
            continue;
        if (exact) {
            fillParams(route, m, request);
            result.route = &route;
            return result;
        }
        getFallback = &route;
        getFallbackMatch = std::move(m);
    }
    if (getFallback) {
        fillParams(*getFallback, getFallbackMatch, request);
        result.route = getFallback;
        return result;
    }

    // A miss: only now find out whether another method would have matched
    // (405 rather than 404).
    for (const Route &route : m_routes) {
        if (request.path.startsWith(route.literalPrefix) && route.regex.match(request.path).hasMatch()) {
            result.pathMatchedOtherMethod = true;
            break;
        }
    }
    return result;
}

} // namespace kai::http
