#pragma once

#include "config/config.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace kai::mail {

// Where and how to hand mail over: Quay's MAIL_* keys.
struct SmtpSettings
{
    QString server;
    int port = 587;
    bool useTls = true;     // STARTTLS, required when on
    bool useAuth = false;
    QString username;
    QString password;
    QString sender;
    int timeoutMs = 30'000;

    static SmtpSettings fromConfig(const config::Config &config);
};

// Delivers one rendered message to one recipient over SMTP with libcurl,
// synchronously. The error says which step failed (connect, STARTTLS,
// AUTH, RCPT...) as libcurl reports it, with the server's reply code.
Status sendSmtp(const SmtpSettings &settings, const QString &recipient, const QByteArray &rendered);

} // namespace kai::mail
