#include "api/prototypes.h"

#include "api/apicaller.h"
#include "api/tenancy.h"
#include "logs/logscope.h"

#include <QJsonArray>

namespace kai::api {

namespace {

using runtime::WorkerContext;
using tenancy::Reply;

Result<QString> roleOf(const QJsonObject &body)
{
    if (!body.contains("role"))
        return tenancy::requiredProperty(QStringLiteral("role"));
    const QJsonValue role = body.value("role");
    if (!role.isString())
        return tenancy::notOfType(role, QStringLiteral("string"));
    if (auth::roleFromName(role.toString()) == auth::Role::None)
        return badRequest(QStringLiteral("'%1' is not one of ['read', 'write', 'admin']").arg(role.toString()));
    return role.toString();
}

// {name, is_robot, kind: "user", is_org_member, avatar}; robots count as
// members of their organization.
Result<QJsonObject> userView(WorkerContext &ctx, qint64 organizationId, const store::PrototypeUser &user)
{
    bool member = user.robot;
    if (!member) {
        auto teams = ctx.grants.organizationTeamRoles(organizationId, user.id);
        if (!teams)
            return teams.error();
        member = !teams->isEmpty();
    }
    return QJsonObject{{"name", user.name},
                       {"is_robot", user.robot},
                       {"kind", "user"},
                       {"is_org_member", member},
                       {"avatar", tenancy::memberAvatar(store::OrganizationMember{user.id, user.name, user.email, user.robot})}};
}

Result<QJsonObject> prototypeView(WorkerContext &ctx, const store::Prototype &prototype)
{
    QJsonValue activating;
    if (prototype.activatingUser) {
        auto view = userView(ctx, prototype.organizationId, *prototype.activatingUser);
        if (!view)
            return view.error();
        activating = *view;
    }
    QJsonObject delegate;
    if (prototype.delegateUser) {
        auto view = userView(ctx, prototype.organizationId, *prototype.delegateUser);
        if (!view)
            return view.error();
        delegate = *view;
    } else {
        delegate = QJsonObject{{"name", prototype.delegateTeamName},
                               {"kind", "team"},
                               {"avatar", tenancy::teamAvatar(prototype.delegateTeamName)}};
    }
    return QJsonObject{{"activating_user", activating}, {"delegate", delegate}, {"role", prototype.role},
                       {"id", prototype.uuid}};
}

Result<Reply> replyWith(WorkerContext &ctx, qint64 organizationId, const QString &uuid)
{
    auto found = ctx.prototypes.find(organizationId, uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return notFound();
    auto view = prototypeView(ctx, **found);
    if (!view)
        return view.error();
    return Reply::json(*view);
}

// The organization the caller administers; `caller` (when given) learns
// who asked, the performer of a change.
Result<store::Organization> administered(WorkerContext &ctx, const http::HttpRequest &request,
                                         auth::Identity *callerOut = nullptr)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    if (callerOut)
        *callerOut = caller->identity;
    return tenancy::administeredOrganization(ctx, *caller, request.param("org"), tenancy::accessFor(request));
}

// Quay's log_prototype_action: the prototype, its role and delegate, the
// activating user and the performer's name, in the caller's transaction.
Status recordPrototype(WorkerContext &ctx, const http::HttpRequest &request, const auth::Identity &caller,
                       const store::Organization &org, const QString &kind, const QString &uuid,
                       QJsonObject metadata = {})
{
    auto prototype = ctx.prototypes.find(org.id, uuid);
    if (!prototype)
        return prototype.error();
    if (!prototype->has_value())
        return notFound();
    const store::Prototype &p = **prototype;
    metadata.insert("prototypeid", p.uuid);
    metadata.insert("username", caller.name);
    metadata.insert("activating_username", p.activatingUser ? QJsonValue(p.activatingUser->name) : QJsonValue());
    metadata.insert("role", p.role);
    if (p.delegateUser)
        metadata.insert("delegate_user", p.delegateUser->name);
    else
        metadata.insert("delegate_team", p.delegateTeamName);
    return ctx.actionLog.record(kind, logs::namespaceScope(org.id, org.name, true), logs::LogActor::of(caller, request),
                                metadata);
}

// A user or robot by name; organizations cannot be delegates.
Result<std::optional<store::Namespace>> userOrRobot(WorkerContext &ctx, const QString &name)
{
    auto found = ctx.namespaces.byName(name);
    if (!found)
        return found.error();
    if (found->has_value() && (*found)->kind != QLatin1String("user") && (*found)->kind != QLatin1String("robot"))
        return std::optional<store::Namespace>{};
    return *found;
}

Result<Reply> listPrototypes(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto org = administered(ctx, request);
    if (!org)
        return org.error();
    auto prototypes = ctx.prototypes.list(org->id);
    if (!prototypes)
        return prototypes.error();
    QJsonArray views;
    for (const store::Prototype &prototype : *prototypes) {
        auto view = prototypeView(ctx, prototype);
        if (!view)
            return view.error();
        views.append(*view);
    }
    return Reply::json({{"prototypes", views}});
}

Result<Reply> createPrototype(WorkerContext &ctx, const http::HttpRequest &request)
{
    auth::Identity caller;
    auto org = administered(ctx, request, &caller);
    if (!org)
        return org.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto role = roleOf(*body);
    if (!role)
        return role.error();
    if (!body->contains("delegate"))
        return tenancy::requiredProperty(QStringLiteral("delegate"));
    if (!body->value("delegate").isObject())
        return tenancy::notOfType(body->value("delegate"), QStringLiteral("object"));
    const QJsonObject delegate = body->value("delegate").toObject();
    for (const char *key : {"kind", "name"}) {
        if (!delegate.contains(QLatin1String(key)))
            return tenancy::requiredProperty(QLatin1String(key));
        if (!delegate.value(QLatin1String(key)).isString())
            return tenancy::notOfType(delegate.value(QLatin1String(key)), QStringLiteral("string"));
    }
    const QString kind = delegate.value("kind").toString();
    const QString delegateName = delegate.value("name").toString();
    if (kind != QLatin1String("user") && kind != QLatin1String("team"))
        return badRequest(QStringLiteral("'%1' is not one of ['user', 'team']").arg(kind));
    const QJsonValue activatingValue = body->value("activating_user");
    if (!activatingValue.isUndefined() && !activatingValue.isNull() && !activatingValue.isObject())
        return tenancy::notOfType(activatingValue, QStringLiteral("object"));
    const QString activatingName = activatingValue.toObject().value("name").toString();

    qint64 activatingId = 0;
    if (!activatingName.isEmpty()) {
        auto activating = userOrRobot(ctx, activatingName);
        if (!activating)
            return activating.error();
        if (!activating->has_value())
            return badRequest(QStringLiteral("Unknown activating user"));
        activatingId = (*activating)->id;
    }
    qint64 delegateUserId = 0;
    qint64 delegateTeamId = 0;
    if (kind == QLatin1String("user")) {
        auto user = userOrRobot(ctx, delegateName);
        if (!user)
            return user.error();
        if (user->has_value()) {
            // A robot of another namespace could never hold the grant (§4.4).
            if ((*user)->kind == QLatin1String("robot") && (*user)->name.section('+', 0, 0) != org->name)
                return badRequest(QStringLiteral("Cannot add robot %1 under namespace %2").arg(delegateName, org->name));
            delegateUserId = (*user)->id;
        }
    } else {
        auto team = ctx.teams.byName(org->id, delegateName);
        if (!team)
            return team.error();
        if (team->has_value())
            delegateTeamId = (*team)->id;
    }
    if (delegateUserId == 0 && delegateTeamId == 0)
        return badRequest(QStringLiteral("Missing delegate user or team"));

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto uuid = ctx.prototypes.create(org->id, activatingId, delegateUserId, delegateTeamId, *role);
    if (!uuid)
        return uuid.error();
    if (Status s = recordPrototype(ctx, request, caller, *org, QStringLiteral("create_prototype_permission"), *uuid); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return replyWith(ctx, org->id, *uuid);
}

Result<Reply> updatePrototype(WorkerContext &ctx, const http::HttpRequest &request)
{
    auth::Identity caller;
    auto org = administered(ctx, request, &caller);
    if (!org)
        return org.error();
    const QString uuid = request.param("prototypeid");
    auto existing = ctx.prototypes.find(org->id, uuid);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return notFound();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    auto role = roleOf(*body);
    if (!role)
        return role.error();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto updated = ctx.prototypes.setRole(org->id, uuid, *role);
    if (!updated)
        return updated.error();
    if (Status s = recordPrototype(ctx, request, caller, *org, QStringLiteral("modify_prototype_permission"), uuid,
                                   {{"original_role", (*existing)->role}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return replyWith(ctx, org->id, uuid);
}

Result<Reply> deletePrototype(WorkerContext &ctx, const http::HttpRequest &request)
{
    auth::Identity caller;
    auto org = administered(ctx, request, &caller);
    if (!org)
        return org.error();
    const QString uuid = request.param("prototypeid");
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    // Described before it goes: the entry names what was deleted.
    if (Status s = recordPrototype(ctx, request, caller, *org, QStringLiteral("delete_prototype_permission"), uuid); !s)
        return s.error();
    auto removed = ctx.prototypes.remove(org->id, uuid);
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFound();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

} // namespace

void addPrototypeRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;
    const QString prototypes = QStringLiteral("/api/v1/organization/{org}/prototypes");

    router.add("GET", prototypes, route(listPrototypes));
    router.add("POST", prototypes, route(createPrototype), kBody);
    router.add("PUT", prototypes + "/{prototypeid}", route(updatePrototype), kBody);
    router.add("DELETE", prototypes + "/{prototypeid}", route(deletePrototype));
}

} // namespace kai::api
