#include "seeder.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace kai::bench {

namespace {

constexpr int kRunAllTimeoutMs = 15 * 60'000;
constexpr int kGetTimeoutMs = 60'000;

Error failure(const QString &message)
{
    return Error::of(ErrorKind::Internal, message);
}

} // namespace

Seeder::Seeder(QString baseUrl, QString token, int concurrency)
    : m_baseUrl(std::move(baseUrl)), m_authorization("Bearer " + token.toLatin1()), m_concurrency(std::max(1, concurrency))
{
}

QNetworkRequest Seeder::request(const QString &pathAndQuery) const
{
    QNetworkRequest request(QUrl(m_baseUrl + pathAndQuery));
    request.setRawHeader("Authorization", m_authorization);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kGetTimeoutMs);
    return request;
}

Status Seeder::createOrganization(const QString &name)
{
    return runAll({Call{"POST", QStringLiteral("/api/v1/organization/"),
                        QJsonDocument(QJsonObject{{"name", name}}).toJson(QJsonDocument::Compact)}});
}

Status Seeder::createRepositories(const QString &organization, int count)
{
    QList<Call> calls;
    for (int i = 1; i <= count; ++i) {
        const QJsonObject body{{"namespace", organization},
                               {"repository", QStringLiteral("r%1").arg(i, 5, 10, QLatin1Char('0'))},
                               {"visibility", "private"},
                               {"description", ""}};
        calls.append(Call{"POST", QStringLiteral("/api/v1/repository"), QJsonDocument(body).toJson(QJsonDocument::Compact)});
    }
    return runAll(calls);
}

Status Seeder::createRobots(const QString &organization, int count)
{
    QList<Call> calls;
    for (int i = 1; i <= count; ++i)
        calls.append(Call{"PUT",
                          QStringLiteral("/api/v1/organization/%1/robots/b%2").arg(organization).arg(i, 4, 10, QLatin1Char('0')),
                          QByteArrayLiteral("{}")});
    return runAll(calls);
}

Status Seeder::runAll(const QList<Call> &calls)
{
    qsizetype next = 0;
    int inFlight = 0;
    qsizetype done = 0;
    std::optional<Error> firstError;
    QEventLoop loop;
    std::function<void()> launch = [&]() {
        while (inFlight < m_concurrency && next < calls.size() && !firstError) {
            const Call &call = calls.at(next++);
            QNetworkReply *reply = m_network.sendCustomRequest(request(call.path), call.method, call.body);
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, path = call.path]() {
                reply->deleteLater();
                --inFlight;
                ++done;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if ((status < 200 || status > 299) && !firstError)
                    firstError = failure(QStringLiteral("%1: HTTP %2 %3 %4")
                                             .arg(path)
                                             .arg(status)
                                             .arg(reply->errorString(), QString::fromUtf8(reply->readAll().left(300))));
                if (firstError || done == calls.size())
                    loop.quit();
                else
                    launch();
            });
        }
    };
    if (calls.isEmpty())
        return {};
    launch();
    QTimer::singleShot(kRunAllTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (firstError) {
        // Let the calls still in flight end before the loop they report to goes.
        QDeadlineTimer drain(10'000);
        while (inFlight > 0 && !drain.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        return *firstError;
    }
    if (done != calls.size())
        return failure(QStringLiteral("%1 of %2 calls done after %3 s").arg(done).arg(calls.size()).arg(kRunAllTimeoutMs / 1000));
    return {};
}

Result<QByteArray> Seeder::get(const QString &pathAndQuery)
{
    QNetworkReply *reply = m_network.get(request(pathAndQuery));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return failure(QStringLiteral("GET %1: HTTP %2 %3").arg(pathAndQuery).arg(status).arg(reply->errorString()));
    return reply->readAll();
}

Result<QPair<int, int>> Seeder::countRepositories(const QString &organization)
{
    int repositories = 0;
    int calls = 0;
    QString nextPage;
    // Bounded: a next_page chain longer than one page per 10 rows is a bug.
    for (int guard = 0; guard < 100'000; ++guard) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("namespace"), organization);
        if (!nextPage.isEmpty())
            query.addQueryItem(QStringLiteral("next_page"), QString(nextPage).replace(u'+', QStringLiteral("%2B")));
        const Result<QByteArray> body = get(QStringLiteral("/api/v1/repository?") + query.toString(QUrl::FullyEncoded));
        if (!body)
            return body.error();
        ++calls;
        const QJsonObject page = QJsonDocument::fromJson(*body).object();
        repositories += int(page.value("repositories").toArray().size());
        nextPage = page.value("next_page").toString();
        if (nextPage.isEmpty())
            return qMakePair(repositories, calls);
    }
    return failure(QStringLiteral("the next_page chain did not end"));
}

Result<int> Seeder::countRobots(const QString &organization)
{
    const Result<QByteArray> body = get(QStringLiteral("/api/v1/organization/%1/robots?token=false").arg(organization));
    if (!body)
        return body.error();
    return int(QJsonDocument::fromJson(*body).object().value("robots").toArray().size());
}

} // namespace kai::bench
