#pragma once

#include "core/result.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <utility>

namespace kai::client {

// The value of a call that answers nothing worth keeping (201 "Created",
// 204 No Content).
struct Done
{
};

// One API call in flight, KJob-style: it finishes exactly once, then
// deletes itself. Callbacks are bound to a guard object: when the guard is
// destroyed first (a dialog closed mid-request), the request is aborted and
// nobody is called back.
class ReplyBase : public QObject
{
    Q_OBJECT

public:
    ~ReplyBase() override;

    bool isFinished() const { return m_finished; }

    // Aborts the request without calling anybody back; the reply deletes
    // itself. Safe to call on a finished reply (no-op).
    void cancel();

    // What cancel() does to the transport (abort the current network
    // request of a possibly multi-step call). Set by the client.
    void setAbortHandler(std::function<void()> abort) { m_abort = std::move(abort); }

    // Off: should the server want a fresh login, this call fails with that
    // error at once instead of waiting for "Please Verify" (a reload nobody
    // asked for must not ask for the password). On by default.
    void setAsksForFreshLogin(bool ask) { m_asksForFreshLogin = ask; }
    bool asksForFreshLogin() const { return m_asksForFreshLogin; }

signals:
    // Emitted once; the typed result is available from Reply<T>::result().
    void finished();

protected:
    explicit ReplyBase(QObject *parent);
    // Emits finished() once and schedules deletion.
    void markFinished();
    void bindGuard(QObject *guard, QMetaObject::Connection callback);

private:
    bool m_finished = false;
    bool m_asksForFreshLogin = true;
    std::function<void()> m_abort;
};

template <typename T>
class Reply final : public ReplyBase
{
public:
    explicit Reply(QObject *parent) : ReplyBase(parent) {}
    Q_DISABLE_COPY_MOVE(Reply)

    // Valid once finished() was emitted.
    const Result<T> &result() const { return *m_result; }

    // Calls `callback(const Result<T> &)` on finish, in `guard`'s thread,
    // unless `guard` is destroyed first (then the request is cancelled).
    template <typename Callback>
    Reply *then(QObject *guard, Callback callback)
    {
        auto connection = QObject::connect(this, &ReplyBase::finished, guard,
                                           [this, callback = std::move(callback)]() { callback(*m_result); });
        bindGuard(guard, connection);
        return this;
    }

    // Completes the call. Later calls are ignored (a call finishes once).
    void complete(Result<T> result)
    {
        if (isFinished())
            return;
        m_result.emplace(std::move(result));
        markFinished();
    }

private:
    std::optional<Result<T>> m_result;
};

} // namespace kai::client
