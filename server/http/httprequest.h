#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace kai::http {

// One parsed request head (and, for buffered routes, its body). Built by the
// HTTP core; endpoints only read it.
class HttpRequest
{
public:
    QByteArray method;               // "GET", "PUT", ...
    QByteArray target;               // raw request target, e.g. "/v2/a/b/manifests/x?n=1"
    QString path;                    // percent-decoded path
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;   // names as sent
    QHostAddress peer;               // the socket's other end
    // Who sent the request: the peer, or the client a trusted proxy
    // forwarded it for (clientaddress.h). What usage logs record.
    QHostAddress client;
    qint64 contentLength = -1;       // -1: unknown (chunked or absent)
    bool chunked = false;
    QByteArray body;                 // filled only for buffered routes
    QHash<QString, QString> params;  // route parameters, e.g. {name}, {reference}

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QString param(const QString &name) const { return params.value(name); }
    QString queryValue(const QString &key) const
    {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
};

} // namespace kai::http
