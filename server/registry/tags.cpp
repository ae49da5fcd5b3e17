#include "registry/tags.h"

#include "registry/registryrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace kai::registry {

namespace {
// Without `n` a client gets every tag, in pages this large.
constexpr int kMaximumPage = 10000;
} // namespace

void TagEndpoints::list(http::HttpRequest &request, http::HttpResponse &response)
{
    const runtime::ServerContext &server = m_context.server;
    auto target = openRepository(request, m_context, Action::Pull);
    if (!target)
        return writeError(response, target.error(), server, &request);
    int limit = kMaximumPage;
    if (request.query.hasQueryItem(QStringLiteral("n"))) {
        bool ok = false;
        limit = request.queryValue(QStringLiteral("n")).toInt(&ok);
        if (!ok || limit < 0)
            return writeError(response, Error::of(ErrorKind::InvalidRequest, QStringLiteral("n must be a non-negative integer")),
                              server, &request);
        limit = std::min(limit, kMaximumPage);
    }
    const QString last = request.queryValue(QStringLiteral("last"));
    QStringList names;
    bool more = false;
    if (limit > 0) {
        auto page = m_context.tags.list(target->repository.id, last, limit + 1, m_context.nowMs());
        if (!page)
            return writeError(response, page.error(), server, &request);
        names = *page;
        more = names.size() > limit;
        if (more)
            names.removeLast();
    }
    const QString repository = target->repository.fullName();
    setApiVersionHeader(response);
    if (more) {
        const QString link = QStringLiteral("</v2/%1/tags/list?n=%2&last=%3>; rel=\"next\"")
                                 .arg(repository)
                                 .arg(limit)
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(names.last())));
        response.setHeader("Link", link.toUtf8());
    }
    const QJsonObject body{{"name", repository}, {"tags", QJsonArray::fromStringList(names)}};
    response.setJson(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace kai::registry
