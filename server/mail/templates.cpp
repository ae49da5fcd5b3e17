#include "mail/templates.h"

#include "core/quaydate.h"

#include <QUrl>

namespace kai::mail {

MailMessage teamInviteMail(const TeamInvite &invite, const QString &urlBase, const QString &registryTitle)
{
    const QString code = QString::fromLatin1(QUrl::toPercentEncoding(invite.code));
    MailMessage message;
    message.to = invite.recipient;
    message.subject = QStringLiteral("Invitation to join team");
    message.text = QStringLiteral(
                       "Hi,\n\n"
                       "%1 has invited you to join the team %2 under organization %3 on %4.\n\n"
                       "To join the team, please click the following link:\n%5/confirminvite?code=%6\n\n"
                       "Or accept it with the API: PUT %5/api/v1/teaminvite/%6\n\n"
                       "If you were not expecting this invitation, you can ignore this email.\n")
                       .arg(invite.inviter, invite.team, invite.organization, registryTitle, urlBase, code);
    return message;
}

MailMessage logsExportedMail(const LogsExported &result, const QString &registryTitle)
{
    MailMessage message;
    message.to = result.recipient;
    message.subject = QStringLiteral("Export Action Logs Complete");
    if (result.status == QLatin1String("success") && !result.url.isEmpty()) {
        message.text = QStringLiteral(
                           "Hi,\n\n"
                           "The usage logs export you requested on %1 (id %2) has completed.\n\n"
                           "Download the logs here:\n%3\n\n"
                           "The link works until %4.\n")
                           .arg(registryTitle, result.exportId, result.url, formatQuayDate(result.expiresAtMs));
    } else {
        message.text = QStringLiteral(
                           "Hi,\n\n"
                           "The usage logs export you requested on %1 (id %2) could not be completed (status: %3).\n\n"
                           "Please try the export again, or contact the registry's administrators.\n")
                           .arg(registryTitle, result.exportId, result.status);
    }
    return message;
}

} // namespace kai::mail
