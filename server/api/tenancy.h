#pragma once

#include "api/apicaller.h"
#include "http/httpresponse.h"
#include "http/router.h"
#include "runtime/workercontext.h"
#include "store/organizationstore.h"

#include <QJsonObject>

namespace kai::api {

// Pieces the tenancy endpoints share (organizations, teams, robots,
// repositories, permissions, prototypes, applications): the reply type and
// its writer, Quay's refusals and body-validation messages, avatars.
namespace tenancy {

// What an endpoint answers when it succeeds: a status and a JSON body
// (already serialised: Quay answers some calls with a bare JSON string).
struct Reply
{
    int status = 200;
    QByteArray body;

    static Reply json(const QJsonObject &object, int status = 200);
    static Reply noContent() { return Reply{204, {}}; }
};

// Writes the reply, or the error in Quay's shape.
void respond(http::HttpResponse &response, const runtime::ServerContext &server, const Result<Reply> &reply);

// An endpoint that returns its reply; bind() adapts it to the router's
// handler shape, writing the reply with respond().
using Endpoint = Result<Reply> (*)(runtime::WorkerContext &, const http::HttpRequest &);
http::Handler bind(runtime::WorkerContext &context, Endpoint endpoint);

// Quay's refusal for a caller lacking a permission: 401 "Requires
// authentication" when anonymous, else 403 "Unauthorized".
Error refuse(const ApiCaller &caller);

// What an organization endpoint does: reading lets global read-only
// superusers in too (Quay's "+RO-SU"), administering only org admins (and
// superusers with full access, through the resolver).
enum class OrganizationAccess { Administer, Read };
// GET and HEAD read; everything else administers.
OrganizationAccess accessFor(const http::HttpRequest &request);

// The organization the caller administers (resolver isOrganizationAdmin,
// capped by org:admin), or may read. An unknown organization is refused
// like a foreign one, as Quay checks the permission first.
Result<store::Organization> administeredOrganization(runtime::WorkerContext &context, const ApiCaller &caller,
                                                     const QString &name,
                                                     OrganizationAccess access = OrganizationAccess::Administer);

// {avatar} of a user or robot (kind "robot" for robots) and of a team.
QJsonObject memberAvatar(const store::OrganizationMember &member);
QJsonObject teamAvatar(const QString &teamName);

// jsonschema-style messages for body validation (400 invalid_request).
Error notOfType(const QJsonValue &value, const QString &type);
Error requiredProperty(const QString &name);

} // namespace tenancy

} // namespace kai::api
