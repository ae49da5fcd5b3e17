#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

namespace kai::bench {

// Watches the console's own QNetworkAccessManager from outside: a reply is
// "sent" when the manager adopts it as a child (sendCustomRequest creates
// it with the manager as parent, right before the request goes out) and
// "finished" on the manager's finished(), which Qt emits before the
// ApiClient's own handler parses the answer. Production code is unchanged.
class NetworkProbe final : public QObject
{
    Q_OBJECT

public:
    enum class Kind { RepositoryPage, RobotList, Other };
    struct Call
    {
        Kind kind = Kind::Other;
        double sentMs = 0;
        double finishedMs = 0;
        int status = 0;
        double networkMs() const { return finishedMs - sentMs; }
    };

    NetworkProbe(QNetworkAccessManager *network, QString organization, const QElapsedTimer &clock);

    void clear() { m_calls.clear(); }
    // The calls of `kind` sent at or after `sinceMs` (a call sent before,
    // e.g. one that the reopening cancels, is not this opening's).
    QList<Call> calls(Kind kind, double sinceMs) const;
    int count(Kind kind, double sinceMs) const { return int(calls(kind, sinceMs).size()); }

signals:
    void callFinished(const kai::bench::NetworkProbe::Call &call);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finished(QNetworkReply *reply);
    Kind kindOf(const QNetworkReply *reply) const;

    QString m_organization;
    const QElapsedTimer &m_clock;
    QHash<const QObject *, double> m_sent;
    QList<Call> m_calls;
};

} // namespace kai::bench
