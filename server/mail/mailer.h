#pragma once

#include "core/result.h"
#include "mail/mailmessage.h"
#include "mail/smtpsender.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace kai::mail {

// The outgoing mail queue: request handlers hand a message over and return
// at once; one sender thread delivers in order, retrying a failed delivery
// with back-off a bounded number of times, then drops it with a logged
// error. A full queue refuses new messages instead of growing without
// bound. Thread-safe; shared by every worker through the ServerContext.
class Mailer
{
public:
    using Transport = std::function<Status(const QString &recipient, const QByteArray &rendered)>;

    struct Options
    {
        int queueLimit = 1000;
        int attempts = 3;
        std::chrono::milliseconds firstRetryDelay{1000};
        QString messageIdDomain = QStringLiteral("kai.local");
    };

    // Delivers over SMTP with `settings`.
    Mailer(SmtpSettings settings, Options options);
    // Delivers through `transport` (tests).
    Mailer(QString sender, Transport transport, Options options);
    ~Mailer();
    Mailer(const Mailer &) = delete;
    Mailer &operator=(const Mailer &) = delete;

    // Renders and queues the message; an error when the address is not
    // deliverable or the queue is full. Never waits on the network.
    Status enqueue(const MailMessage &message);

    // Stops taking messages, delivers what is queued until `deadline`
    // has passed, then stops the thread. Idempotent.
    void shutdown(std::chrono::milliseconds deadline);

    struct Counters
    {
        qint64 delivered = 0;
        qint64 failed = 0;   // given up after every attempt
        qint64 pending = 0;
    };
    Counters counters() const;

private:
    struct Pending
    {
        QString recipient;
        QByteArray rendered;
    };

    void run();

    QString m_sender;
    Transport m_transport;
    Options m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Pending> m_queue;
    bool m_accepting = true;
    bool m_stopping = false;
    std::chrono::steady_clock::time_point m_drainDeadline = std::chrono::steady_clock::time_point::max();
    qint64 m_delivered = 0;
    qint64 m_failed = 0;
    std::thread m_thread;
};

} // namespace kai::mail
