#include "support/smtpserver.h"

#include "support/ports.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>

namespace kai::test {

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

QByteArray decodeQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < in.size() && in[i + 1] == '\n') {   // soft break
            i += 1;
            continue;
        }
        if (i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
            i += 2;
            continue;
        }
        bool ok = false;
        const int value = in.mid(i + 1, 2).toInt(&ok, 16);
        if (ok) {
            out += char(value);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// "=?UTF-8?B?...?=" words, possibly folded over several lines.
QString decodeHeader(const QString &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?="));
    QString out;
    qsizetype last = 0;
    auto it = word.globalMatch(value);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString between = value.mid(last, m.capturedStart() - last);
        if (!between.trimmed().isEmpty() || last == 0)
            out += between;
        const QByteArray text = m.captured(3).toLatin1();
        out += m.captured(2).toUpper() == QLatin1String("B")
                   ? QString::fromUtf8(QByteArray::fromBase64(text))
                   : QString::fromUtf8(decodeQuotedPrintable(QByteArray(text).replace('_', ' ')));
        last = m.capturedEnd();
    }
    out += value.mid(last);
    return out;
}

} // namespace

SmtpServer::SmtpServer() = default;

SmtpServer::~SmtpServer() { stop(); }

bool SmtpServer::available()
{
    if (!QFileInfo(kPython).isExecutable())
        return false;
    QProcess probe;
    probe.start(kPython, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
    return probe.waitForFinished(10'000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
}

Status SmtpServer::start()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return Error::of(ErrorKind::Io, QStringLiteral("cannot create a temporary directory for the SMTP server"));
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeLoopbackPort();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(kPython, {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                                   QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                                   QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"),
                                   m_dir->filePath(QStringLiteral("maildir"))});
        if (!m_process->waitForStarted(5'000))
            return Error::of(ErrorKind::Unavailable, QStringLiteral("aiosmtpd did not start: %1").arg(m_process->errorString()));
        const QDeadlineTimer deadline(10'000);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200) && probe.waitForReadyRead(2'000) && probe.readLine().startsWith("220"))
                return {};
            QThread::msleep(50);
        }
        stop();
    }
    return Error::of(ErrorKind::Unavailable, QStringLiteral("aiosmtpd did not accept connections on 127.0.0.1"));
}

void SmtpServer::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5'000)) {
        m_process->kill();
        m_process->waitForFinished(5'000);
    }
    m_process.reset();
}

std::vector<ReceivedMail> SmtpServer::messages() const
{
    std::vector<ReceivedMail> out;
    if (!m_dir)
        return out;
    QDir newDir(m_dir->filePath(QStringLiteral("maildir/new")));
    QFileInfoList files = newDir.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo &info : files) {
        QFile file(info.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly))
            out.push_back(parse(file.readAll()));
    }
    return out;
}

std::vector<ReceivedMail> SmtpServer::waitForMessages(int count, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        auto found = messages();
        if (int(found.size()) >= count || deadline.hasExpired())
            return found;
        QThread::msleep(50);
    }
}

ReceivedMail SmtpServer::parse(const QByteArray &raw)
{
    ReceivedMail mail;
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    const qsizetype split = text.indexOf("\n\n");
    const QByteArray head = split < 0 ? text : text.left(split);
    QByteArray body = split < 0 ? QByteArray() : text.mid(split + 2);

    QString name;
    for (const QByteArray &line : head.split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !name.isEmpty()) {
            mail.headers[name] += QString::fromUtf8(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = QString::fromLatin1(line.left(colon)).trimmed().toLower();
        mail.headers[name] = QString::fromUtf8(line.mid(colon + 1)).trimmed();
    }
    for (auto it = mail.headers.begin(); it != mail.headers.end(); ++it)
        it.value() = decodeHeader(it.value());
    mail.envelopeRecipient = mail.header(QStringLiteral("X-RcptTo"));

    const QString encoding = mail.header(QStringLiteral("Content-Transfer-Encoding")).toLower();
    if (encoding == QLatin1String("quoted-printable"))
        body = decodeQuotedPrintable(body);
    else if (encoding == QLatin1String("base64"))
        body = QByteArray::fromBase64(body);
    mail.body = QString::fromUtf8(body);
    return mail;
}

} // namespace kai::test
