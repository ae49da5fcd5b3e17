#include "api/robots.h"

#include "api/apicaller.h"
#include "api/apiresponse.h"
#include "api/avatar.h"
#include "logs/logscope.h"
#include "core/quaydate.h"
#include "oci/names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <memory>

namespace kai::api {

namespace {

using http::HttpRequest;
using http::HttpResponse;

constexpr qint64 kRobotBodyLimit = 1 << 20;   // Quay's ROBOT_MAX_SIZE
constexpr int kDescriptionMaxLength = 255;

const QString kRobotNotFound = QStringLiteral("Could not find robot with specified username");

// Quay's truthy_bool for query parameters.
bool truthy(const QString &value)
{
    const QString v = value.toLower();
    return v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes")
           || v == QLatin1String("on");
}

QJsonValue dateOrNull(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(formatQuayDate(*ms)) : QJsonValue();
}

QJsonValue storedMetadata(const store::Robot &robot)
{
    const QJsonDocument doc = QJsonDocument::fromJson(robot.metadataJson.toUtf8());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(QJsonObject());
}

// Quay's Robot.to_dict: name, created, last_accessed, description, then the
// token and the metadata where the endpoint includes them.
QJsonObject robotView(const store::Robot &robot)
{
    return QJsonObject{{"name", robot.name},
                       {"created", formatQuayDate(robot.createdMs)},
                       {"last_accessed", dateOrNull(robot.lastAccessedMs)},
                       {"description", robot.description}};
}

// GET .../robots is the one API answer with thousands of entries: every
// robot of an organization, each with its token. Building a QJsonObject per
// robot and serialising the document took a third of that request's CPU
// (tests/bench/README.md, tenancy-scale), so the list is written as text.
// The bytes are the ones QJsonDocument::toJson(Compact) gives for the same
// objects (tst_api_robots compares them): keys in QJsonObject's sorted
// order, and every string that is not plain printable ASCII escaped by
// Qt's own writer.
void appendJsonString(QByteArray &out, const QString &text)
{
    // Copied optimistically; undone at the first character that needs
    // escaping or is not ASCII.
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *cursor = out.data() + start;
    *cursor++ = '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u > 0x7e || u == u'"' || u == u'\\') {
            out.truncate(start);
            const QByteArray quoted = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);   // ["..."]
            out += QByteArrayView(quoted).sliced(1, quoted.size() - 2);
            return;
        }
        *cursor++ = char(u);
    }
    *cursor = '"';
}

void appendJsonStrings(QByteArray &out, const QStringList &texts)
{
    out += '[';
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            out += ',';
        appendJsonString(out, texts.at(i));
    }
    out += ']';
}

// Whose robots a request is about: the calling user's own, or an
// organization's. Robots are named "<owner.name>+<short>".
struct Owner
{
    qint64 id = 0;
    QString name;
    bool isAdmin = false;   // may see tokens and create, change, delete
    bool isOrganization = false;
    auth::Identity caller;  // who asked: the performer of a change
};

// The optional CreateRobot body (Quay's CREATE_ROBOT_SCHEMA).
struct CreateRobotBody
{
    QString description;
    QJsonValue metadata;    // null when not given
};

Result<CreateRobotBody> parseCreateBody(const HttpRequest &request)
{
    CreateRobotBody result;
    if (request.body.trimmed().isEmpty())
        return result;
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    const QJsonValue description = body->value("description");
    if (!description.isUndefined() && !description.isNull()) {
        if (!description.isString())
            return badRequest(QStringLiteral("%1 is not of type 'string'").arg(
                QString::fromUtf8(QJsonDocument(QJsonArray{description}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)));
        if (description.toString().size() > kDescriptionMaxLength)
            return badRequest(QStringLiteral("'%1' is too long").arg(description.toString()));
        result.description = description.toString();
    }
    const QJsonValue metadata = body->value("unstructured_metadata");
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject())
            return badRequest(QStringLiteral("unstructured_metadata is not of type 'object'"));
        result.metadata = metadata;
    }
    return result;
}

// Quay's validate_username texts for a robot's short name (§3.6): the
// expression first, then the length.
Status validateShortName(const QString &shortName)
{
    if (oci::validateNamespaceName(shortName))
        return {};
    static const QRegularExpression expression(QStringLiteral("^([a-z0-9]+(?:[._-][a-z0-9]+)*)$"));
    const QString issue = expression.match(shortName).hasMatch()
                              ? QStringLiteral("Namespace must be between 2 and 255 characters in length")
                              : QStringLiteral("Namespace must match expression ^([a-z0-9]+(?:[._-][a-z0-9]+)*)$");
    return badRequest(QStringLiteral("The name for the robot '%1' is invalid: %2").arg(shortName, issue));
}

class RobotEndpoints final
{
public:
    explicit RobotEndpoints(runtime::WorkerContext &context) : m_context(context) {}

    void list(HttpRequest &q, HttpResponse &r, bool organization);
    void get(HttpRequest &q, HttpResponse &r, bool organization);
    void create(HttpRequest &q, HttpResponse &r, bool organization);
    void remove(HttpRequest &q, HttpResponse &r, bool organization);
    void regenerate(HttpRequest &q, HttpResponse &r, bool organization);
    void permissions(HttpRequest &q, HttpResponse &r, bool organization);

private:
    // The owner named by the request, or the refusal. For organizations,
    // members may pass when `membersMayRead`; everything else needs an org
    // admin. User robots need the user:admin scope (Quay's
    // require_user_admin), organization robots org:admin, and both with
    // `userAdminToo`.
    Result<Owner> owner(const HttpRequest &request, bool organization, bool membersMayRead = false,
                        bool userAdminToo = false);
    Result<store::Robot> robot(const Owner &owner, const QString &shortName);
    void fail(HttpResponse &response, const Error &error) { writeApiError(response, error, m_context.server); }
    // The robot action's entry in its owner's log (Quay names the robot by
    // its short name), in the caller's transaction.
    Status record(const HttpRequest &request, const Owner &owner, const QString &kind, QJsonObject metadata)
    {
        return m_context.actionLog.record(kind, logs::namespaceScope(owner.id, owner.name, owner.isOrganization),
                                          logs::LogActor::of(owner.caller, request), metadata);
    }

    runtime::WorkerContext &m_context;
};

Result<Owner> RobotEndpoints::owner(const HttpRequest &request, bool organization, bool membersMayRead,
                                    bool userAdminToo)
{
    auto caller = authenticateApiCaller(request, m_context);
    if (!caller)
        return caller.error();
    if (Status s = requireUser(*caller); !s)
        return s.error();
    const auth::Identity &identity = caller->identity;
    if (!organization || userAdminToo) {
        if (!identity.hasScope(QStringLiteral("user:admin")))
            return unauthorized();
    }
    if (!organization) {
        return Owner{identity.namespaceId, identity.name, true, false, identity};
    }
    // require_scope(org:admin) on every organization robot endpoint.
    if (!identity.hasScope(QStringLiteral("org:admin")))
        return unauthorized();
    auto ns = m_context.namespaces.byName(request.param(QStringLiteral("org")));
    if (!ns)
        return ns.error();
    // An unknown organization fails the permission check, as in Quay.
    if (!ns->has_value() || (*ns)->kind != QLatin1String("organization"))
        return unauthorized();
    auto admin = m_context.permissions.isOrganizationAdmin(identity, (*ns)->id);
    if (!admin)
        return admin.error();
    if (!*admin) {
        if (!membersMayRead)
            return unauthorized();
        auto member = m_context.permissions.isOrganizationMember(identity, (*ns)->id);
        if (!member)
            return member.error();
        if (!*member)
            return unauthorized();
    }
    return Owner{(*ns)->id, (*ns)->name, *admin, true, identity};
}

Result<store::Robot> RobotEndpoints::robot(const Owner &owner, const QString &shortName)
{
    auto found = m_context.robots.byName(owner.name + '+' + shortName);
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->ownerId != owner.id)
        return message400(kRobotNotFound);
    return **found;
}

void RobotEndpoints::list(HttpRequest &q, HttpResponse &r, bool organization)
{
    auto who = owner(q, organization, /*membersMayRead=*/true);
    if (!who)
        return fail(r, who.error());
    const QString tokenParam = q.queryValue(QStringLiteral("token"));
    const QString permissionsParam = q.queryValue(QStringLiteral("permissions"));
    const bool includeToken = who->isAdmin && (tokenParam.isEmpty() || truthy(tokenParam));
    const bool includePermissions = who->isAdmin && truthy(permissionsParam);
    int limit = 0;
    if (const QString limitParam = q.queryValue(QStringLiteral("limit")); !limitParam.isEmpty()) {
        bool ok = false;
        limit = limitParam.toInt(&ok);
        if (!ok)
            return fail(r, badRequest(QStringLiteral("limit: invalid literal for int() with base 10: '%1'").arg(limitParam)));
    }
    // Two queries at most, whatever the number of robots: the robots (with
    // their sealed tokens when shown) and, with permissions, every team and
    // grant of the owner's robots.
    auto robots = m_context.robots.listByOwner(who->id, std::max(limit, 0), includeToken);
    if (!robots)
        return fail(r, robots.error());
    QHash<qint64, store::RobotMemberships> memberships;
    if (includePermissions) {
        auto found = m_context.robots.membershipsByOwner(who->id);
        if (!found)
            return fail(r, found.error());
        memberships = std::move(*found);
    }
    // Keys in sorted order: created, description, last_accessed, name,
    // repositories, teams, token (robotView() plus the optional parts).
    QByteArray body;
    body.reserve(qsizetype(robots->size()) * (includeToken ? 200 : 130) + 16);
    body += "{\"robots\":[";
    QHash<QString, QByteArray> avatars;   // per team name, each written once
    for (size_t i = 0; i < robots->size(); ++i) {
        const store::ListedRobot &robot = robots->at(i);
        body += i > 0 ? ",{\"created\":" : "{\"created\":";
        appendJsonString(body, formatQuayDate(robot.createdMs));
        body += ",\"description\":";
        appendJsonString(body, robot.description);
        body += ",\"last_accessed\":";
        if (robot.lastAccessedMs)
            appendJsonString(body, formatQuayDate(*robot.lastAccessedMs));
        else
            body += "null";
        body += ",\"name\":";
        appendJsonString(body, robot.name);
        if (includePermissions) {
            const store::RobotMemberships entry = memberships.value(robot.id);
            body += ",\"repositories\":";
            appendJsonStrings(body, entry.repositories);
            body += ",\"teams\":[";
            for (qsizetype t = 0; t < entry.teams.size(); ++t) {
                const QString &team = entry.teams.at(t);
                auto avatar = avatars.find(team);
                if (avatar == avatars.end())
                    avatar = avatars.insert(team, QJsonDocument(avatarOf(team, team, QStringLiteral("team")))
                                                      .toJson(QJsonDocument::Compact));
                body += t > 0 ? ",{\"avatar\":" : "{\"avatar\":";
                body += *avatar;
                body += ",\"name\":";
                appendJsonString(body, team);
                body += '}';
            }
            body += ']';
        }
        if (includeToken) {
            body += ",\"token\":";
            appendJsonString(body, robot.token);
        }
        body += '}';
    }
    body += "]}";
    r.setStatus(200);
    r.setJson(std::move(body));
}

void RobotEndpoints::get(HttpRequest &q, HttpResponse &r, bool organization)
{
    auto who = owner(q, organization);
    if (!who)
        return fail(r, who.error());
    auto found = robot(*who, q.param(QStringLiteral("short")));
    if (!found)
        return fail(r, found.error());
    auto token = m_context.robots.token(*found);
    if (!token)
        return fail(r, token.error());
    QJsonObject view = robotView(*found);
    view.insert("token", *token);
    view.insert("unstructured_metadata", storedMetadata(*found));
    writeJson(r, 200, QJsonDocument(view));
}

void RobotEndpoints::create(HttpRequest &q, HttpResponse &r, bool organization)
{
    auto who = owner(q, organization);
    if (!who)
        return fail(r, who.error());
    auto body = parseCreateBody(q);
    if (!body)
        return fail(r, body.error());
    // The order of Quay's create_robot: the switch, the name, then the
    // existing robot.
    if (m_context.config().robotsDisallow)
        return fail(r, badRequest(QStringLiteral("Robot accounts have been disabled. Please contact your administrator.")));
    const QString shortName = q.param(QStringLiteral("short"));
    if (Status s = validateShortName(shortName); !s)
        return fail(r, s.error());
    const QString metadataJson = body->metadata.isObject()
                                     ? QString::fromUtf8(QJsonDocument(body->metadata.toObject()).toJson(QJsonDocument::Compact))
                                     : QStringLiteral("{}");
    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return fail(r, tx.status().error());
    auto created = m_context.robots.create(who->id, who->name + '+' + shortName, body->description, metadataJson,
                                           m_context.nowMs());
    if (!created) {
        if (created.error().kind == ErrorKind::Conflict)
            return fail(r, badRequest(created.error().message));
        return fail(r, created.error());
    }
    // Quay records the description and metadata as sent (null when absent).
    const QJsonValue description = body->description.isEmpty() ? QJsonValue() : QJsonValue(body->description);
    if (Status s = record(q, *who, QStringLiteral("create_robot"),
                          {{"robot", shortName}, {"description", description}, {"unstructured_metadata", body->metadata}});
        !s)
        return fail(r, s.error());
    if (Status s = tx.commit(); !s)
        return fail(r, s.error());
    QJsonObject view = robotView(created->first);
    view.insert("token", created->second);
    // The create answer echoes the metadata sent (null when none), as Quay's does.
    view.insert("unstructured_metadata", body->metadata);
    writeJson(r, 201, QJsonDocument(view));
}

void RobotEndpoints::remove(HttpRequest &q, HttpResponse &r, bool organization)
{
    auto who = owner(q, organization);
    if (!who)
        return fail(r, who.error());
    auto found = robot(*who, q.param(QStringLiteral("short")));
    if (!found)
        return fail(r, found.error());
    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return fail(r, tx.status().error());
    if (Status s = m_context.robots.remove(found->id); !s)
        return fail(r, s.error());
    if (Status s = record(q, *who, QStringLiteral("delete_robot"), {{"robot", q.param(QStringLiteral("short"))}}); !s)
        return fail(r, s.error());
    if (Status s = tx.commit(); !s)
        return fail(r, s.error());
    r.setStatus(204);
}

void RobotEndpoints::regenerate(HttpRequest &q, HttpResponse &r, bool organization)
{
    auto who = owner(q, organization);
    if (!who)
        return fail(r, who.error());
    auto found = robot(*who, q.param(QStringLiteral("short")));
    if (!found)
        return fail(r, found.error());
    db::Transaction tx(*m_context.database);
    if (!tx.status())
        return fail(r, tx.status().error());
    auto token = m_context.robots.regenerate(*found);
    if (!token)
        return fail(r, token.error());
    if (Status s = record(q, *who, QStringLiteral("regenerate_robot_token"), {{"robot", q.param(QStringLiteral("short"))}});
        !s)
        return fail(r, s.error());
    if (Status s = tx.commit(); !s)
        return fail(r, s.error());
    QJsonObject view = robotView(*found);
    view.insert("token", *token);
    writeJson(r, 200, QJsonDocument(view));
}

void RobotEndpoints::permissions(HttpRequest &q, HttpResponse &r, bool organization)
{
    // Quay declares require_user_admin on both variants, so a token also
    // needs user:admin for an organization's robot.
    auto who = owner(q, organization, /*membersMayRead=*/false, /*userAdminToo=*/true);
    if (!who)
        return fail(r, who.error());
    auto found = robot(*who, q.param(QStringLiteral("short")));
    if (!found)
        return fail(r, found.error());
    auto grants = m_context.robots.grants(found->id);
    if (!grants)
        return fail(r, grants.error());
    QJsonArray out;
    for (const store::RobotGrant &grant : *grants)
        out.append(QJsonObject{{"repository", QJsonObject{{"name", grant.repository}, {"is_public", grant.isPublic}}},
                               {"role", grant.role}});
    writeJson(r, 200, QJsonDocument(QJsonObject{{"permissions", out}}));
}

} // namespace

void addRobotRoutes(http::Router &router, runtime::WorkerContext &context)
{
    auto robots = std::make_shared<RobotEndpoints>(context);
    auto route = [robots](void (RobotEndpoints::*handler)(HttpRequest &, HttpResponse &, bool), bool organization) {
        return [robots, handler, organization](HttpRequest &q, HttpResponse &r) { ((*robots).*handler)(q, r, organization); };
    };
    constexpr bool user = false;
    constexpr bool org = true;

    // Reference §2.5: the same resource for the calling user and for an organization.
    router.add("GET", "/api/v1/user/robots", route(&RobotEndpoints::list, user));
    router.add("GET", "/api/v1/user/robots/{short}", route(&RobotEndpoints::get, user));
    router.add("PUT", "/api/v1/user/robots/{short}", route(&RobotEndpoints::create, user), kRobotBodyLimit);
    router.add("DELETE", "/api/v1/user/robots/{short}", route(&RobotEndpoints::remove, user));
    router.add("POST", "/api/v1/user/robots/{short}/regenerate", route(&RobotEndpoints::regenerate, user));
    router.add("GET", "/api/v1/user/robots/{short}/permissions", route(&RobotEndpoints::permissions, user));

    router.add("GET", "/api/v1/organization/{org}/robots", route(&RobotEndpoints::list, org));
    router.add("GET", "/api/v1/organization/{org}/robots/{short}", route(&RobotEndpoints::get, org));
    router.add("PUT", "/api/v1/organization/{org}/robots/{short}", route(&RobotEndpoints::create, org), kRobotBodyLimit);
    router.add("DELETE", "/api/v1/organization/{org}/robots/{short}", route(&RobotEndpoints::remove, org));
    router.add("POST", "/api/v1/organization/{org}/robots/{short}/regenerate", route(&RobotEndpoints::regenerate, org));
    router.add("GET", "/api/v1/organization/{org}/robots/{short}/permissions", route(&RobotEndpoints::permissions, org));
}

} // namespace kai::api
