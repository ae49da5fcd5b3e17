#pragma once

#include <QHostAddress>
#include <QTcpServer>

namespace kai::test {

// Port 0 lets the kernel pick a free loopback port; the socket is closed
// again and the number handed to a child server. Another process could take
// it in between, which is why callers retry with a new port.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace kai::test
