#pragma once

#include <QtGlobal>

class QIODevice;

namespace kai::http {

// Sends a byte range of a regular file to a plain TCP socket with Linux
// sendfile(2): the bytes go from the page cache to the socket without
// passing through user space. Only the HTTP core uses this, and only for
// unencrypted connections whose own write buffer is empty. Elsewhere (other
// platforms) nothing is eligible and the core copies through the socket.

// The descriptor to send `device` from with sendFileRange(), or -1 when it
// cannot be sent that way: not Linux, not an open QFile, or sequential.
int sendfileDescriptor(QIODevice &device);

struct SendfileResult
{
    enum class Stop {
        Done,        // `remaining` reached 0
        WouldBlock,  // the socket's kernel buffer is full: wait for writability
        Budget,      // sent the budget; the socket may take more right away
        EndOfFile,   // the file is shorter than announced
        Unsupported, // the kernel cannot sendfile from this file: copy instead
        Failed,      // socket error (usually the peer went away); see `error`
    };
    Stop stop = Stop::Failed;
    qint64 sent = 0;   // bytes handed to the kernel by this call
    int error = 0;     // errno for Unsupported and Failed
};

// Sends up to min(remaining, budget) bytes of `fileFd` starting at `offset`
// to the non-blocking socket `socketFd`, advancing `offset` and decreasing
// `remaining` by what was sent. Never blocks and never raises SIGPIPE.
SendfileResult sendFileRange(qintptr socketFd, int fileFd, qint64 &offset, qint64 &remaining,
                             qint64 budget);

// Bytes sent with sendfile(2) by this process so far. Diagnostics: tests use
// it to prove that a body took the zero-copy path.
qint64 sendfileBytesTotal();

} // namespace kai::http
