#include "bulkoperation.h"

#include <QMessageBox>

namespace kai::console {

BulkOperation::BulkOperation(QObject *parent) : QObject(parent) {}

void BulkOperation::add(const QString &item, client::Reply<client::Done> *reply)
{
    ++m_total;
    reply->then(this, [this, item](const Result<client::Done> &result) {
        ++m_answered;
        if (!result)
            m_failures << (m_failureFormat.isEmpty() ? tr("Failed to delete %1: %2") : m_failureFormat)
                              .arg(item, result.error().message);
        checkDone();
    });
}

void BulkOperation::start()
{
    m_started = true;
    checkDone();
}

void BulkOperation::checkDone()
{
    if (!m_started || m_answered < m_total)
        return;
    m_started = false;
    emit finished();
    deleteLater();
}

void BulkOperation::showFailures(QWidget *parent, const QString &title) const
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, m_failures.join(u'\n'), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("bulkFailureDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace kai::console
