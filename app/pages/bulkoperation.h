#pragma once

#include "client/reply.h"

#include <QObject>
#include <QStringList>

class QWidget;

namespace kai::console {

// Several calls on selected items (bulk delete, bulk visibility): collects
// the outcomes, and finishes once when every call has answered, listing
// "Failed to ... <item>: <reason>" lines for the error dialog. Deletes
// itself after finished().
class BulkOperation final : public QObject
{
    Q_OBJECT

public:
    explicit BulkOperation(QObject *parent);
    Q_DISABLE_COPY_MOVE(BulkOperation)

    // The failure line for calls that do not delete: %1 the item, %2 the
    // server's reason (default "Failed to delete %1: %2").
    void setFailureFormat(const QString &format) { m_failureFormat = format; }
    void add(const QString &item, client::Reply<client::Done> *reply);
    // No more add(); finished() follows when the last call answered.
    void start();

    qsizetype count() const { return m_total; }
    const QStringList &failures() const { return m_failures; }
    void showFailures(QWidget *parent, const QString &title) const;

signals:
    void finished();

private:
    void checkDone();

    qsizetype m_total = 0;
    qsizetype m_answered = 0;
    bool m_started = false;
    QStringList m_failures;
    QString m_failureFormat;
};

} // namespace kai::console
