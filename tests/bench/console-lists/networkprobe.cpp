#include "networkprobe.h"

#include <QChildEvent>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace kai::bench {

NetworkProbe::NetworkProbe(QNetworkAccessManager *network, QString organization, const QElapsedTimer &clock)
    : QObject(network), m_organization(std::move(organization)), m_clock(clock)
{
    network->installEventFilter(this);
    connect(network, &QNetworkAccessManager::finished, this, &NetworkProbe::finished);
}

bool NetworkProbe::eventFilter(QObject *watched, QEvent *event)
{
    // The child is not fully constructed yet: only its address is kept.
    if (event->type() == QEvent::ChildAdded)
        m_sent.insert(static_cast<QChildEvent *>(event)->child(), double(m_clock.nsecsElapsed()) / 1e6);
    else if (event->type() == QEvent::ChildRemoved)
        m_sent.remove(static_cast<QChildEvent *>(event)->child());
    return QObject::eventFilter(watched, event);
}

void NetworkProbe::finished(QNetworkReply *reply)
{
    Call call;
    call.finishedMs = double(m_clock.nsecsElapsed()) / 1e6;
    call.sentMs = m_sent.take(reply);
    call.kind = kindOf(reply);
    call.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_calls.append(call);
    emit callFinished(call);
}

QList<NetworkProbe::Call> NetworkProbe::calls(Kind kind, double sinceMs) const
{
    QList<Call> found;
    for (const Call &call : m_calls) {
        if (call.kind == kind && call.sentMs >= sinceMs)
            found.append(call);
    }
    return found;
}

NetworkProbe::Kind NetworkProbe::kindOf(const QNetworkReply *reply) const
{
    const QUrl url = reply->url();
    const QString path = url.path();
    if (path.endsWith(QLatin1String("/api/v1/repository"))
        && QUrlQuery(url).queryItemValue(QStringLiteral("namespace")) == m_organization)
        return Kind::RepositoryPage;
    if (path.endsWith(QStringLiteral("/api/v1/organization/%1/robots").arg(m_organization)))
        return Kind::RobotList;
    return Kind::Other;
}

} // namespace kai::bench
