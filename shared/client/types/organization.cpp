#include "organization.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kai::client {

namespace {
Error unexpected(const char *what)
{
    return Error::of(ErrorKind::Internal, QStringLiteral("Unexpected answer: %1").arg(QLatin1String(what)));
}
} // namespace

Result<OrganizationPage> OrganizationPage::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("organizations").isArray())
        return unexpected("no organizations list");
    OrganizationPage page;
    for (const QJsonValue &value : object.value("organizations").toArray()) {
        const QJsonObject org = value.toObject();
        if (org.value("name").isString())
            page.organizations.append(OrganizationSummary{org.value("name").toString(), org.value("email").toString()});
    }
    page.nextPage = object.value("next_page").toString();
    return page;
}

Result<Organization> Organization::fromJson(const QJsonDocument &document)
{
    const QJsonObject object = document.object();
    if (!object.value("name").isString())
        return unexpected("no organization name");
    Organization org;
    org.name = object.value("name").toString();
    org.email = object.value("email").toString();
    org.isAdmin = object.value("is_admin").toBool();
    org.isMember = object.value("is_member").toBool();
    org.teamCount = int(object.value("teams").toObject().size());
    if (object.value("tag_expiration_s").isDouble())
        org.tagExpirationSeconds = qint64(object.value("tag_expiration_s").toDouble());
    return org;
}

QJsonObject NamespaceSettings::toJson() const
{
    QJsonObject body;
    if (email)
        body.insert("email", *email);
    if (tagExpirationSeconds)
        body.insert("tag_expiration_s", *tagExpirationSeconds);
    return body;
}

} // namespace kai::client
