#pragma once

#include "mail/mailmessage.h"

namespace kai::mail {

// The e-mails Kai sends, worded as Quay's templates.

struct TeamInvite
{
    QString recipient;
    QString inviter;
    QString organization;
    QString team;
    QString code;           // urn:teaminvite:<uuid>
};
// The link is Quay's /confirminvite?code=...; the body also names the API
// call that accepts it, for clients without Quay's web UI.
MailMessage teamInviteMail(const TeamInvite &invite, const QString &urlBase, const QString &registryTitle);

struct LogsExported
{
    QString recipient;
    QString exportId;
    QString status;         // success, failed, timedout, invalidrequest
    QString url;            // the download link; empty when nothing was exported
    qint64 expiresAtMs = 0;   // when the link stops working
};
// The result of a usage log export (POST .../exportlogs with callback_email).
MailMessage logsExportedMail(const LogsExported &result, const QString &registryTitle);

} // namespace kai::mail
