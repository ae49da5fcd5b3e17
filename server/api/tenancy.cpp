#include "api/tenancy.h"

#include "api/apiresponse.h"
#include "api/avatar.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kai::api {

namespace tenancy {

Reply Reply::json(const QJsonObject &object, int status)
{
    return Reply{status, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

void respond(http::HttpResponse &response, const runtime::ServerContext &server, const Result<Reply> &reply)
{
    if (!reply)
        return writeApiError(response, reply.error(), server);
    response.setStatus(reply->status);
    if (!reply->body.isEmpty())
        response.setJson(reply->body);
}

http::Handler bind(runtime::WorkerContext &context, Endpoint endpoint)
{
    runtime::WorkerContext *ctx = &context;
    return [ctx, endpoint](http::HttpRequest &request, http::HttpResponse &response) {
        respond(response, ctx->server, endpoint(*ctx, request));
    };
}

Error refuse(const ApiCaller &caller)
{
    return caller.isAnonymous() || caller.identity.isRobot() ? requiresAuthentication() : unauthorized();
}

OrganizationAccess accessFor(const http::HttpRequest &request)
{
    return request.method == "GET" || request.method == "HEAD" ? OrganizationAccess::Read : OrganizationAccess::Administer;
}

Result<store::Organization> administeredOrganization(runtime::WorkerContext &context, const ApiCaller &caller,
                                                     const QString &name, OrganizationAccess access)
{
    if (caller.isAnonymous() || caller.identity.isRobot())
        return requiresAuthentication();
    auto org = context.organizations.byName(name);
    if (!org)
        return org.error();
    if (!org->has_value())
        return unauthorized();
    if (access == OrganizationAccess::Read && context.permissions.readsEverything(caller.identity))
        return **org;
    auto admin = context.permissions.isOrganizationAdmin(caller.identity, (*org)->id);
    if (!admin)
        return admin.error();
    if (!*admin)
        return unauthorized();
    return **org;
}

QJsonObject memberAvatar(const store::OrganizationMember &member)
{
    return avatarOf(member.name, member.email, member.robot ? QStringLiteral("robot") : QStringLiteral("user"));
}

QJsonObject teamAvatar(const QString &teamName) { return avatarOf(teamName, teamName, QStringLiteral("team")); }

namespace {

QString jsonRepr(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("None");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String: return QStringLiteral("'%1'").arg(value.toString());
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined: break;
    }
    return {};
}

} // namespace

Error notOfType(const QJsonValue &value, const QString &type)
{
    return badRequest(QStringLiteral("%1 is not of type '%2'").arg(jsonRepr(value), type));
}

Error requiredProperty(const QString &name)
{
    return badRequest(QStringLiteral("'%1' is a required property").arg(name));
}

} // namespace tenancy

} // namespace kai::api
