#include "http/httpresponse.h"

#include <QIODevice>

namespace kai::http {

HttpResponse::HttpResponse() = default;
HttpResponse::~HttpResponse() = default;
HttpResponse::HttpResponse(HttpResponse &&) noexcept = default;
HttpResponse &HttpResponse::operator=(HttpResponse &&) noexcept = default;

void HttpResponse::setHeader(QByteArray name, QByteArray value)
{
    for (auto &h : m_headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0) {
            h.second = std::move(value);
            return;
        }
    }
    m_headers.append({std::move(name), std::move(value)});
}

void HttpResponse::addHeader(QByteArray name, QByteArray value)
{
    m_headers.append({std::move(name), std::move(value)});
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : m_headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void HttpResponse::setBody(QByteArray body, QByteArray contentType)
{
    m_body = std::move(body);
    m_device.reset();
    m_producer.reset();
    if (!contentType.isEmpty())
        setHeader("Content-Type", std::move(contentType));
}

void HttpResponse::setBodyDevice(std::unique_ptr<QIODevice> device, qint64 offset, qint64 length,
                                 QByteArray contentType)
{
    m_body.clear();
    m_producer.reset();
    m_device = std::move(device);
    m_deviceOffset = offset;
    m_deviceLength = length;
    if (!contentType.isEmpty())
        setHeader("Content-Type", std::move(contentType));
}

void HttpResponse::setBodyProducer(std::unique_ptr<BodyProducer> producer, QByteArray contentType)
{
    m_body.clear();
    m_device.reset();
    m_producer = std::move(producer);
    if (!contentType.isEmpty())
        setHeader("Content-Type", std::move(contentType));
}

} // namespace kai::http
