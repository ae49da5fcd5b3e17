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

} // namespace kai::mail
