#pragma once

#include "client/reply.h"

#include <QObject>
#include <QSet>
#include <QStringList>

namespace kai::console {

// The grant calls that follow one action (a robot's teams, repository
// levels and default permission; a bulk permission change), sent together.
// Each call belongs to a group (e.g. "teams"); finished() comes once, after
// the last answer, and tells which groups had failures and why. Calls are
// cancelled when the batch is destroyed.
class GrantBatch final : public QObject
{
    Q_OBJECT

public:
    explicit GrantBatch(QObject *parent);
    Q_DISABLE_COPY_MOVE(GrantBatch)

    template <typename T>
    void add(const QString &group, const QString &item, client::Reply<T> *reply)
    {
        ++m_total;
        reply->then(this, [this, group, item](const Result<T> &result) {
            answered(group, item, result ? nullptr : &result.error());
        });
    }
    // No more add(); finished() follows the last answer (at once when empty).
    void start();

    qsizetype count() const { return m_total; }
    bool failed() const { return !m_failures.isEmpty(); }
    bool failedIn(const QString &group) const { return m_failedGroups.contains(group); }
    // "<item>: <reason>" per failed call.
    const QStringList &failures() const { return m_failures; }

signals:
    void finished();

private:
    void answered(const QString &group, const QString &item, const Error *error);
    void checkDone();

    qsizetype m_total = 0;
    qsizetype m_answered = 0;
    bool m_started = false;
    QStringList m_failures;
    QSet<QString> m_failedGroups;
};

} // namespace kai::console
