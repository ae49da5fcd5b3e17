#include "http/filesender.h"

#include <QFile>

#include <algorithm>
#include <atomic>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <csignal>
#include <ctime>
#include <pthread.h>
#include <sys/sendfile.h>
#include <sys/types.h>
#endif

namespace kai::http {

namespace {

// A process-wide statistic, not state anything depends on: relaxed is enough.
std::atomic<qint64> g_sendfileBytes{0};

#ifdef Q_OS_LINUX
// sendfile(2), unlike send(MSG_NOSIGNAL) that QTcpSocket uses, raises SIGPIPE
// when the peer has gone, and nothing in the process ignores it. SIGPIPE from
// a write is directed at the writing thread, so blocking it on this thread
// for the duration of the calls, and taking the one we caused off the pending
// set before unblocking, turns it into the EPIPE it should have been without
// touching the process's signal dispositions.
class SigpipeBlocker final
{
    Q_DISABLE_COPY_MOVE(SigpipeBlocker)

public:
    SigpipeBlocker()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigpipeBlocker()
    {
        if (m_raised && !sigismember(&m_old, SIGPIPE)) {
            const timespec zero{};
            while (sigtimedwait(&m_pipe, nullptr, &zero) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    void raised() { m_raised = true; }

private:
    sigset_t m_pipe;
    sigset_t m_old;
    bool m_raised = false;
};
#endif

} // namespace

int sendfileDescriptor(QIODevice &device)
{
#ifdef Q_OS_LINUX
    auto *file = qobject_cast<QFile *>(&device);
    if (!file || !file->isOpen() || file->isSequential())
        return -1;
    return file->handle();
#else
    Q_UNUSED(device);
    return -1;
#endif
}

SendfileResult sendFileRange(qintptr socketFd, int fileFd, qint64 &offset, qint64 &remaining,
                             qint64 budget)
{
    SendfileResult result;
#ifdef Q_OS_LINUX
    SigpipeBlocker sigpipe;
    for (;;) {
        if (remaining <= 0) {
            result.stop = SendfileResult::Stop::Done;
            break;
        }
        if (result.sent >= budget) {
            result.stop = SendfileResult::Stop::Budget;
            break;
        }
        off_t at = off_t(offset);
        const size_t count = size_t(std::min(remaining, budget - result.sent));
        const ssize_t n = ::sendfile(int(socketFd), fileFd, &at, count);
        if (n > 0) {
            offset += n;
            remaining -= n;
            result.sent += n;
            continue;
        }
        if (n == 0) {
            result.stop = SendfileResult::Stop::EndOfFile;
            break;
        }
        const int error = errno;
        if (error == EINTR)
            continue;
        if (error == EAGAIN || error == EWOULDBLOCK) {
            result.stop = SendfileResult::Stop::WouldBlock;
            break;
        }
        result.error = error;
        // EINVAL and ENOSYS: this file (or file system) cannot be mapped
        // for sendfile; the socket is fine.
        if (error == EINVAL || error == ENOSYS || error == EOPNOTSUPP) {
            result.stop = SendfileResult::Stop::Unsupported;
        } else {
            if (error == EPIPE)
                sigpipe.raised();
            result.stop = SendfileResult::Stop::Failed;
        }
        break;
    }
    g_sendfileBytes.fetch_add(result.sent, std::memory_order_relaxed);
#else
    Q_UNUSED(socketFd);
    Q_UNUSED(fileFd);
    Q_UNUSED(offset);
    Q_UNUSED(remaining);
    Q_UNUSED(budget);
    result.stop = SendfileResult::Stop::Unsupported;
#endif
    return result;
}

qint64 sendfileBytesTotal()
{
    return g_sendfileBytes.load(std::memory_order_relaxed);
}

} // namespace kai::http
