#include "grantbatch.h"

namespace kai::console {

GrantBatch::GrantBatch(QObject *parent) : QObject(parent) {}

void GrantBatch::answered(const QString &group, const QString &item, const Error *error)
{
    ++m_answered;
    if (error) {
        m_failures << QStringLiteral("%1: %2").arg(item, error->message);
        m_failedGroups.insert(group);
    }
    checkDone();
}

void GrantBatch::start()
{
    m_started = true;
    checkDone();
}

void GrantBatch::checkDone()
{
    if (!m_started || m_answered < m_total)
        return;
    m_started = false;
    emit finished();
}

} // namespace kai::console
