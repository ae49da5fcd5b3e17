#include "reply.h"

namespace kai::client {

ReplyBase::ReplyBase(QObject *parent) : QObject(parent) {}

ReplyBase::~ReplyBase() = default;

void ReplyBase::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    // The abort handler may synchronously deliver the transport's own
    // "cancelled" outcome; m_finished already makes complete() ignore it.
    if (auto abort = std::exchange(m_abort, {}))
        abort();
    deleteLater();
}

void ReplyBase::markFinished()
{
    m_finished = true;
    m_abort = {};
    emit finished();
    deleteLater();
}

void ReplyBase::bindGuard(QObject *guard, QMetaObject::Connection callback)
{
    // QObject emits destroyed() before it drops its connections, so the
    // callback is disconnected by hand before anything else can run it
    // against a half-destroyed guard.
    connect(guard, &QObject::destroyed, this, [this, callback]() {
        QObject::disconnect(callback);
        cancel();
    });
}

} // namespace kai::client
