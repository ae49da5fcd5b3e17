#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

class QIODevice;

namespace kai::http {

// Produces a response body of unknown length piece by piece; the core sends
// it with chunked transfer-encoding and pulls more only when the socket has
// drained (back-pressure).
class BodyProducer
{
public:
    virtual ~BodyProducer() = default;
    // Up to maxBytes of the next piece; an empty array means the end.
    virtual QByteArray next(qint64 maxBytes) = 0;
};

// What an endpoint answers. Endpoints fill it; only the HTTP core turns it
// into bytes on a socket. A body is one of: nothing, bytes in memory, a byte
// range of a device (a blob file, streamed with back-pressure), or a
// producer (chunked).
class HttpResponse
{
public:
    HttpResponse();
    ~HttpResponse();
    HttpResponse(HttpResponse &&) noexcept;
    HttpResponse &operator=(HttpResponse &&) noexcept;

    void setStatus(int status) { m_status = status; }
    int status() const { return m_status; }

    // Replaces a header of the same name (case-insensitive).
    void setHeader(QByteArray name, QByteArray value);
    void addHeader(QByteArray name, QByteArray value);
    QByteArray header(QByteArrayView name) const;
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }

    void setBody(QByteArray body, QByteArray contentType = {});
    void setJson(QByteArray json) { setBody(std::move(json), "application/json"); }
    const QByteArray &body() const { return m_body; }

    // Streams `length` bytes of `device`, starting at `offset`. Content-Length
    // is set to `length`. The device is opened read-only by the caller. A
    // QFile on a plain-TCP connection is sent with sendfile(2) on Linux
    // (no copy through user space); anything else is copied in pieces.
    void setBodyDevice(std::unique_ptr<QIODevice> device, qint64 offset, qint64 length,
                       QByteArray contentType = {});
    QIODevice *bodyDevice() const { return m_device.get(); }
    std::unique_ptr<QIODevice> takeBodyDevice() { return std::move(m_device); }
    qint64 deviceOffset() const { return m_deviceOffset; }
    qint64 deviceLength() const { return m_deviceLength; }

    void setBodyProducer(std::unique_ptr<BodyProducer> producer, QByteArray contentType = {});
    std::unique_ptr<BodyProducer> takeBodyProducer() { return std::move(m_producer); }
    bool hasProducer() const { return m_producer != nullptr; }

    // For HEAD: announce the length of the body a GET would send, send none.
    void setContentLengthOnly(qint64 length) { m_headOnlyLength = length; }
    qint64 headOnlyLength() const { return m_headOnlyLength; }

    // Ask the core to close the connection after this response.
    void setCloseConnection(bool close) { m_close = close; }
    bool closeConnection() const { return m_close; }

private:
    int m_status = 200;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    std::unique_ptr<QIODevice> m_device;
    qint64 m_deviceOffset = 0;
    qint64 m_deviceLength = 0;
    std::unique_ptr<BodyProducer> m_producer;
    qint64 m_headOnlyLength = -1;
    bool m_close = false;
};

} // namespace kai::http
