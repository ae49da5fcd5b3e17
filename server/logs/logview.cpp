#include "logs/logview.h"

#include "api/avatar.h"
#include "core/quaydate.h"

#include <QJsonDocument>

namespace kai::logs {

QJsonObject logEntryView(const store::LogEntry &entry, bool withNamespace)
{
    QJsonObject view{{"kind", entry.kind},
                     {"metadata", QJsonDocument::fromJson(entry.metadataJson.toUtf8()).object()},
                     {"ip", entry.ip.isEmpty() ? QJsonValue() : QJsonValue(entry.ip)},
                     {"datetime", formatQuayDate(entry.datetimeMs)}};
    // Quay names the performer kind "user" for robots too; is_robot tells.
    if (!entry.performerName.isEmpty())
        view.insert("performer", QJsonObject{{"kind", "user"},
                                             {"name", entry.performerName},
                                             {"is_robot", entry.performerIsRobot},
                                             {"avatar", api::avatarOf(entry.performerName, entry.performerEmail,
                                                                      entry.performerIsRobot ? QStringLiteral("robot")
                                                                                             : QStringLiteral("user"))}});
    if (withNamespace && !entry.namespaceName.isEmpty()) {
        const QString kind = entry.namespaceIsOrganization ? QStringLiteral("org") : QStringLiteral("user");
        view.insert("namespace", QJsonObject{{"kind", kind},
                                             {"name", entry.namespaceName},
                                             {"avatar", api::avatarOf(entry.namespaceName, QString(), kind)}});
    }
    return view;
}

} // namespace kai::logs
