#pragma once

#include "core/result.h"
#include "http/httpresponse.h"

#include <QByteArrayView>

namespace kai::http {

// Receives a request body as it arrives, chunk by chunk, on the connection's
// worker thread. Exactly one of finish() or abort() is called at the end.
class BodyConsumer
{
public:
    virtual ~BodyConsumer() = default;

    // A piece of the body. An error stops the transfer: finish() is not
    // called; fail() receives the error and writes the response, and the
    // connection closes after it, since the rest of the body is not read.
    virtual Status consume(QByteArrayView chunk) = 0;

    // The whole body arrived; write the response.
    virtual void finish(HttpResponse &response) = 0;

    // consume() failed with `error`; write the error response and discard
    // everything received so far.
    virtual void fail(const Error &error, HttpResponse &response) = 0;

    // The client went away or timed out: discard everything, no response.
    virtual void abort() = 0;
};

} // namespace kai::http
