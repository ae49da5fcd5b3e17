#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace kai::test {

// One e-mail as the SMTP server received it, decoded enough for asserts:
// headers by lower-case name (RFC 2047 words decoded) and the text body
// (quoted-printable or base64 decoded, CRLF turned into LF).
struct ReceivedMail
{
    QMap<QString, QString> headers;
    QString envelopeRecipient;    // aiosmtpd's X-RcptTo
    QString body;
    QString header(const QString &name) const { return headers.value(name.toLower()); }
};

// A real SMTP server for a test process: Debian's python3-aiosmtpd on a
// free 127.0.0.1 port, storing every message into a Maildir inside a
// temporary directory. Stopped by stop() or the destructor.
class SmtpServer
{
public:
    SmtpServer();
    ~SmtpServer();
    SmtpServer(const SmtpServer &) = delete;
    SmtpServer &operator=(const SmtpServer &) = delete;

    // True when /usr/bin/python3 can import aiosmtpd.
    static bool available();

    // Starts the server and waits (bounded) until it accepts connections.
    Status start();
    void stop();
    quint16 port() const { return m_port; }

    // Every message received so far, oldest first.
    std::vector<ReceivedMail> messages() const;
    // Waits up to timeoutMs for at least `count` messages.
    std::vector<ReceivedMail> waitForMessages(int count, int timeoutMs = 10'000) const;

    static ReceivedMail parse(const QByteArray &raw);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

} // namespace kai::test
