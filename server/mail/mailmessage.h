#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace kai::mail {

// One plain-text e-mail to one recipient.
struct MailMessage
{
    QString to;
    QString subject;
    QString text;
};

// The address is usable as an SMTP recipient and a To: header: one
// addr-spec with an '@', no spaces, no CR/LF (header injection) and no
// angle brackets.
bool isDeliverableAddress(const QString &address);

// The RFC 5322 text handed to SMTP: headers (non-ASCII subjects encoded as
// RFC 2047 words), then the UTF-8 body in quoted-printable so that no line
// exceeds SMTP's limit and a lone "." line cannot end the DATA phase.
Result<QByteArray> renderMessage(const MailMessage &message, const QString &sender, const QDateTime &date,
                                 const QString &messageIdDomain);

} // namespace kai::mail
