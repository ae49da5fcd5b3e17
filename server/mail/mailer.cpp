#include "mail/mailer.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMail, "kai.mail")

namespace kai::mail {

Mailer::Mailer(SmtpSettings settings, Options options)
    : Mailer(settings.sender,
             [settings](const QString &recipient, const QByteArray &rendered) {
                 return sendSmtp(settings, recipient, rendered);
             },
             std::move(options))
{
}

Mailer::Mailer(QString sender, Transport transport, Options options)
    : m_sender(std::move(sender)), m_transport(std::move(transport)), m_options(std::move(options))
{
    m_thread = std::thread([this] { run(); });
}

Mailer::~Mailer() { shutdown(std::chrono::milliseconds(0)); }

Status Mailer::enqueue(const MailMessage &message)
{
    auto rendered = renderMessage(message, m_sender, QDateTime::currentDateTimeUtc(), m_options.messageIdDomain);
    if (!rendered)
        return rendered.error();
    {
        std::lock_guard lock(m_mutex);
        if (!m_accepting)
            return Error::of(ErrorKind::Unavailable, QStringLiteral("the mailer is shutting down"));
        if (int(m_queue.size()) >= m_options.queueLimit)
            return Error::of(ErrorKind::Unavailable,
                             QStringLiteral("the outgoing mail queue is full (%1 messages)").arg(m_options.queueLimit));
        m_queue.push_back(Pending{message.to, std::move(*rendered)});
    }
    m_wake.notify_one();
    return {};
}

void Mailer::shutdown(std::chrono::milliseconds deadline)
{
    {
        std::lock_guard lock(m_mutex);
        m_accepting = false;
        m_stopping = true;
        m_drainDeadline = std::chrono::steady_clock::now() + deadline;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

Mailer::Counters Mailer::counters() const
{
    std::lock_guard lock(m_mutex);
    return Counters{m_delivered, m_failed, qint64(m_queue.size())};
}

void Mailer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty() || (m_stopping && std::chrono::steady_clock::now() >= m_drainDeadline))
            break;
        Pending next = std::move(m_queue.front());
        m_queue.pop_front();

        auto delay = m_options.firstRetryDelay;
        Status sent;
        for (int attempt = 1; attempt <= m_options.attempts; ++attempt) {
            lock.unlock();
            sent = m_transport(next.recipient, next.rendered);
            lock.lock();
            if (sent || attempt == m_options.attempts)
                break;
            qCWarning(lcMail, "attempt %d of %d failed: %s", attempt, m_options.attempts,
                      qPrintable(sent.error().message));
            // Back off, but a shutdown past its deadline ends the wait.
            const auto until = std::min(std::chrono::steady_clock::now() + delay, m_drainDeadline);
            m_wake.wait_until(lock, until, [this] { return m_stopping && std::chrono::steady_clock::now() >= m_drainDeadline; });
            if (m_stopping && std::chrono::steady_clock::now() >= m_drainDeadline)
                break;
            delay *= 4;
        }
        if (sent) {
            ++m_delivered;
        } else {
            ++m_failed;
            qCWarning(lcMail, "giving up on a message to %s: %s", qPrintable(next.recipient),
                      qPrintable(sent.error().message));
        }
    }
    if (!m_queue.empty())
        qCWarning(lcMail, "%d queued message(s) not sent at shutdown", int(m_queue.size()));
}

} // namespace kai::mail
