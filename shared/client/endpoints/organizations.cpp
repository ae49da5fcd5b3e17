#include "organizations.h"

#include <QJsonObject>

namespace kai::client::organizations {

namespace {
QString path(const QString &name) { return QStringLiteral("/api/v1/organization/") + ApiRequest::segment(name); }
} // namespace

Reply<Organization> *get(ApiClient &client, const QString &name)
{
    return client.call<Organization>(ApiRequest{"GET", path(name), {}, {}}, &Organization::fromJson);
}

Reply<Done> *create(ApiClient &client, const QString &name, const QString &email)
{
    QJsonObject body{{"name", name}};
    if (!email.trimmed().isEmpty())
        body.insert("email", email.trimmed());
    return client.callForDone(ApiRequest{"POST", QStringLiteral("/api/v1/organization/"), {}, body});
}

Reply<Done> *updateSettings(ApiClient &client, const QString &name, const NamespaceSettings &settings)
{
    return client.callForDone(ApiRequest{"PUT", path(name), {}, settings.toJson()});
}

Reply<Done> *remove(ApiClient &client, const QString &name)
{
    return client.callForDone(ApiRequest{"DELETE", path(name), {}, {}});
}

} // namespace kai::client::organizations
