#pragma once

#include "client/reply.h"

#include <QPointer>

namespace kai::console {

// The one request a dialog has in flight. Closing or destroying the dialog
// cancels it, so no answer reaches a dialog that is gone or closed.
class PendingRequest
{
public:
    PendingRequest() = default;
    ~PendingRequest() { cancel(); }
    Q_DISABLE_COPY_MOVE(PendingRequest)

    void start(client::ReplyBase *reply) { m_reply = reply; }
    // Called from the reply's callback: nothing is pending any more.
    void finish() { m_reply = nullptr; }
    void cancel()
    {
        if (m_reply)
            std::exchange(m_reply, nullptr)->cancel();
    }
    bool isActive() const { return !m_reply.isNull(); }

private:
    QPointer<client::ReplyBase> m_reply;
};

} // namespace kai::console
