#include "api/organizations.h"

#include "api/apiresponse.h"
#include "api/avatar.h"
#include "logs/logscope.h"
#include "oci/names.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace kai::api {


namespace {

using namespace tenancy;
using runtime::WorkerContext;

// E-mail shape of reference §3.6: one '@', a local part, a domain with at
// least two non-empty labels, at most 254 characters.
bool validEmail(const QString &email)
{
    if (email.size() > 254 || email.count(u'@') != 1)
        return false;
    const qsizetype at = email.indexOf(u'@');
    if (at == 0)
        return false;
    const QStringList labels = email.sliced(at + 1).split(u'.');
    if (labels.size() < 2)
        return false;
    return std::none_of(labels.begin(), labels.end(), [](const QString &l) { return l.isEmpty(); });
}

QJsonValue textOrNull(const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); }

// An organization's entry, in the caller's transaction; Quay names the
// organization as "namespace" in each.
Status recordOrganizationAction(WorkerContext &ctx, const http::HttpRequest &request, const ApiCaller &caller,
                                const store::Organization &org, const QString &kind, QJsonObject metadata = {})
{
    metadata.insert("namespace", org.name);
    return ctx.actionLog.record(kind, logs::namespaceScope(org.id, org.name, true),
                                logs::LogActor::of(caller.identity, request), metadata);
}

// Quay's org view (reference §2.3): everyone sees the name and avatar;
// members also see the teams; admins also see e-mail and settings.
Result<QJsonObject> organizationView(WorkerContext &ctx, const ApiCaller &caller, const store::Organization &org)
{
    auto isAdmin = ctx.permissions.isOrganizationAdmin(caller.identity, org.id);
    if (!isAdmin)
        return isAdmin.error();
    auto isMember = ctx.permissions.isOrganizationMember(caller.identity, org.id);
    if (!isMember)
        return isMember.error();

    QJsonObject view{{"name", org.name},
                     {"email", *isAdmin ? org.email : QString()},
                     {"avatar", avatarOf(org.name, org.email, QStringLiteral("user"))},
                     {"is_admin", *isAdmin},
                     {"is_member", *isMember}};
    if (*isMember || *isAdmin) {
        auto teams = ctx.teams.list(org.id);
        if (!teams)
            return teams.error();
        QStringList viewable;
        if (!*isAdmin) {
            auto own = ctx.organizations.teamsOf(org.id, caller.identity.namespaceId);
            if (!own)
                return own.error();
            viewable = *own;
        }
        QJsonObject teamsObject;
        QJsonArray ordered;
        for (const store::Team &team : *teams) {
            teamsObject.insert(team.name, QJsonObject{{"name", team.name},
                                                      {"description", team.description},
                                                      {"role", team.role},
                                                      {"avatar", teamAvatar(team.name)},
                                                      {"can_view", *isAdmin || viewable.contains(team.name)},
                                                      {"repo_count", team.repoCount},
                                                      {"member_count", team.memberCount},
                                                      {"is_synced", false}});
            ordered.append(team.name);
        }
        view.insert("teams", teamsObject);
        view.insert("ordered_teams", ordered);
    }
    if (*isAdmin) {
        view.insert("invoice_email", org.invoiceEmail);
        view.insert("invoice_email_address", textOrNull(org.invoiceEmailAddress));
        view.insert("tag_expiration_s", org.tagExpirationSeconds);
        view.insert("is_free_account", true);
    }
    return view;
}

// POST /api/v1/organization/
Result<Reply> createOrganization(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    if (Status s = requireUser(*caller); !s)
        return s.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    if (!caller->identity.hasScope(QStringLiteral("user:admin")))
        return unauthorized();

    const QJsonValue nameValue = body->value("name");
    if (nameValue.isUndefined())
        return requiredProperty(QStringLiteral("name"));
    if (!nameValue.isString())
        return notOfType(nameValue, QStringLiteral("string"));
    const QJsonValue emailValue = body->value("email");
    if (!emailValue.isUndefined() && !emailValue.isString())
        return notOfType(emailValue, QStringLiteral("string"));
    const QString name = nameValue.toString();
    const QString email = emailValue.toString().trimmed();

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto existing = ctx.namespaces.byName(name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return badRequest(QStringLiteral("A user or organization with this name already exists"));
    if (!email.isEmpty()) {
        if (!validEmail(email))
            return badRequest(QStringLiteral("Invalid email address: %1").arg(email));
        auto used = ctx.organizations.emailInUse(email, false);
        if (!used)
            return used.error();
        if (*used)
            return badRequest(QStringLiteral("Email has already been used: %1").arg(email));
    }
    if (Status s = oci::validateNamespaceName(name); !s)
        return badRequest(QStringLiteral("Invalid namespace %1: %2").arg(name, s.error().message));

    auto org = ctx.organizations.create(name, email, caller->identity.namespaceId, ctx.nowMs());
    if (!org) {
        if (org.error().kind == ErrorKind::Conflict)
            return badRequest(QStringLiteral("A user or organization with this name already exists"));
        return org.error();
    }
    if (Status s = recordOrganizationAction(ctx, request, *caller, *org, QStringLiteral("org_create"),
                                            {{"email", textOrNull(email)}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply{201, QByteArrayLiteral("\"Created\"")};
}

// GET /api/v1/organization/{org}
Result<Reply> getOrganization(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto org = ctx.organizations.byName(request.param("org"));
    if (!org)
        return org.error();
    if (!org->has_value())
        return notFound();
    auto view = organizationView(ctx, *caller, **org);
    if (!view)
        return view.error();
    return Reply::json(*view);
}

// PUT /api/v1/organization/{org}
Result<Reply> changeOrganization(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();

    // The schema first (as Quay validates before the permission check).
    const QJsonValue email = body->value("email");
    const QJsonValue invoiceEmail = body->value("invoice_email");
    const QJsonValue invoiceAddress = body->value("invoice_email_address");
    const QJsonValue tagExpiration = body->value("tag_expiration_s");
    if (!email.isUndefined() && !email.isString() && !email.isNull())
        return notOfType(email, QStringLiteral("string"));
    if (!invoiceEmail.isUndefined() && !invoiceEmail.isBool())
        return notOfType(invoiceEmail, QStringLiteral("boolean"));
    if (!invoiceAddress.isUndefined() && !invoiceAddress.isString() && !invoiceAddress.isNull())
        return notOfType(invoiceAddress, QStringLiteral("string"));
    qint64 tagSeconds = -1;
    if (!tagExpiration.isUndefined()) {
        const double d = tagExpiration.toDouble(-1.5);
        if (!tagExpiration.isDouble() || d != double(qint64(d)))
            return notOfType(tagExpiration, QStringLiteral("integer"));
        if (d < 0)
            return badRequest(QStringLiteral("%1 is less than the minimum of 0").arg(qint64(d)));
        tagSeconds = qint64(d);
    }

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"));
    if (!org)
        return org.error();

    if (!invoiceEmail.isUndefined()) {
        if (Status s = ctx.organizations.setInvoiceEmail(org->id, invoiceEmail.toBool()); !s)
            return s.error();
        org->invoiceEmail = invoiceEmail.toBool();
        if (Status s = recordOrganizationAction(ctx, request, *caller, *org, QStringLiteral("org_change_invoicing"),
                                                {{"invoice_email", org->invoiceEmail}});
            !s)
            return s.error();
    }
    if (!invoiceAddress.isUndefined() && invoiceAddress.toString() != org->invoiceEmailAddress) {
        if (Status s = ctx.organizations.setInvoiceEmailAddress(org->id, invoiceAddress.toString()); !s)
            return s.error();
        org->invoiceEmailAddress = invoiceAddress.toString();
        if (Status s = recordOrganizationAction(ctx, request, *caller, *org, QStringLiteral("org_change_invoicing"),
                                                {{"invoice_email_address", invoiceAddress}});
            !s)
            return s.error();
    }
    if (!email.isUndefined() && email.toString() != org->email) {
        const QString newEmail = email.toString().trimmed();
        if (!newEmail.isEmpty()) {
            auto used = ctx.organizations.emailInUse(newEmail, true, org->id);
            if (!used)
                return used.error();
            if (*used)
                return badRequest(QStringLiteral("E-mail address already used"));
        }
        if (Status s = ctx.organizations.setEmail(org->id, newEmail); !s)
            return s.error();
        const QString oldEmail = org->email;
        org->email = newEmail;
        if (Status s = recordOrganizationAction(ctx, request, *caller, *org, QStringLiteral("org_change_email"),
                                                {{"email", newEmail}, {"old_email", oldEmail}});
            !s)
            return s.error();
    }
    // TAG_EXPIRATION_OPTIONS (reference §3.4); with FEATURE_CHANGE_TAG_EXPIRATION
    // off the window is silently left alone, as in Quay.
    if (tagSeconds >= 0 && ctx.config().featureChangeTagExpiration) {
        if (!ctx.config().tagExpirationOptionSeconds.contains(tagSeconds))
            return badRequest(QStringLiteral("Invalid tag expiration option"));
        if (Status s = ctx.organizations.setTagExpiration(org->id, tagSeconds); !s)
            return s.error();
        org->tagExpirationSeconds = tagSeconds;
        if (Status s = recordOrganizationAction(ctx, request, *caller, *org, QStringLiteral("org_change_tag_expiration"),
                                                {{"tag_expiration", tagSeconds}});
            !s)
            return s.error();
    }
    auto view = organizationView(ctx, *caller, *org);
    if (!view)
        return view.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json(*view);
}

// DELETE /api/v1/organization/{org}
Result<Reply> deleteOrganization(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"));
    if (!org)
        return org.error();
    if (Status s = requireFreshLogin(*caller); !s)
        return s.error();
    if (Status s = ctx.organizations.remove(org->id); !s)
        return s.error();
    if (Status s = recordOrganizationAction(ctx, request, *caller, *org, QStringLiteral("org_delete")); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

// GET /api/v1/organization/{org}/members: human members with their teams
// and direct repository grants.
Result<Reply> listMembers(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"), OrganizationAccess::Read);
    if (!org)
        return org.error();
    auto memberships = ctx.organizations.teamMemberships(org->id);
    if (!memberships)
        return memberships.error();
    auto grants = ctx.organizations.directGrants(org->id);
    if (!grants)
        return grants.error();

    QStringList order;
    std::map<QString, QJsonObject> members;
    for (const store::TeamMembership &m : *memberships) {
        if (m.member.robot)
            continue;
        auto it = members.find(m.member.name);
        if (it == members.end()) {
            order << m.member.name;
            it = members.emplace(m.member.name, QJsonObject{{"name", m.member.name},
                                                             {"kind", "user"},
                                                             {"avatar", memberAvatar(m.member)},
                                                             {"teams", QJsonArray()},
                                                             {"repositories", QJsonArray()}})
                     .first;
        }
        QJsonArray teams = it->second.value("teams").toArray();
        teams.append(QJsonObject{{"name", m.teamName}, {"avatar", teamAvatar(m.teamName)}});
        it->second.insert("teams", teams);
    }
    for (const store::DirectGrant &g : *grants) {
        auto it = members.find(g.member.name);
        if (it == members.end())
            continue;
        QJsonArray repositories = it->second.value("repositories").toArray();
        repositories.append(g.repositoryName);
        it->second.insert("repositories", repositories);
    }
    QJsonArray list;
    for (const QString &name : order)
        list.append(members.at(name));
    return Reply::json(QJsonObject{{"members", list}});
}

// GET /api/v1/organization/{org}/members/{member}
Result<Reply> getMember(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"), OrganizationAccess::Read);
    if (!org)
        return org.error();
    const QString memberName = request.param("member");
    auto member = ctx.namespaces.byName(memberName);
    if (!member)
        return member.error();
    if (!member->has_value() || (*member)->kind == QLatin1String("organization"))
        return notFound();
    const bool robot = (*member)->kind == QLatin1String("robot");
    auto teams = ctx.organizations.teamsOf(org->id, (*member)->id);
    if (!teams)
        return teams.error();
    // A robot of the organization counts even without a team.
    if (teams->isEmpty() && (!robot || !memberName.startsWith(org->name + QLatin1Char('+'))))
        return notFound();
    auto grants = ctx.organizations.directGrants(org->id, (*member)->id);
    if (!grants)
        return grants.error();

    QJsonArray teamList;
    for (const QString &team : *teams)
        teamList.append(QJsonObject{{"name", team}, {"avatar", teamAvatar(team)}});
    QJsonArray repositories;
    for (const store::DirectGrant &g : *grants)
        repositories.append(g.repositoryName);
    const store::OrganizationMember who{(*member)->id, (*member)->name, (*member)->email, robot};
    return Reply::json(QJsonObject{{"name", who.name},
                                   {"kind", robot ? "robot" : "user"},
                                   {"avatar", memberAvatar(who)},
                                   {"teams", teamList},
                                   {"repositories", repositories}});
}

// DELETE /api/v1/organization/{org}/members/{member}: out of every team and
// every direct grant of the organization; never the only admin.
Result<Reply> removeMember(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"));
    if (!org)
        return org.error();
    auto member = ctx.namespaces.byName(request.param("member"));
    if (!member)
        return member.error();
    if (!member->has_value() || (*member)->kind != QLatin1String("user"))
        return notFound();
    auto admins = ctx.organizations.adminIds(org->id);
    if (!admins)
        return admins.error();
    if (admins->size() == 1 && admins->front() == (*member)->id)
        return message400(QStringLiteral("Cannot remove user as they are the only organization admin"));
    if (Status s = ctx.organizations.removeMember(org->id, (*member)->id); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

// GET /api/v1/organization/{org}/collaborators: direct grants held by
// users outside every team.
Result<Reply> listCollaborators(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"), OrganizationAccess::Read);
    if (!org)
        return org.error();
    auto memberships = ctx.organizations.teamMemberships(org->id);
    if (!memberships)
        return memberships.error();
    auto grants = ctx.organizations.directGrants(org->id);
    if (!grants)
        return grants.error();
    QSet<QString> members;
    for (const store::TeamMembership &m : *memberships)
        members.insert(m.member.name);

    QStringList order;
    std::map<QString, QJsonObject> collaborators;
    for (const store::DirectGrant &g : *grants) {
        if (members.contains(g.member.name))
            continue;
        auto it = collaborators.find(g.member.name);
        if (it == collaborators.end()) {
            order << g.member.name;
            it = collaborators.emplace(g.member.name, QJsonObject{{"kind", "user"},
                                                                   {"name", g.member.name},
                                                                   {"avatar", memberAvatar(g.member)},
                                                                   {"repositories", QJsonArray()}})
                     .first;
        }
        QJsonArray repositories = it->second.value("repositories").toArray();
        repositories.append(g.repositoryName);
        it->second.insert("repositories", repositories);
    }
    QJsonArray list;
    for (const QString &name : order)
        list.append(collaborators.at(name));
    return Reply::json(QJsonObject{{"collaborators", list}});
}

} // namespace

void addOrganizationRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;

    router.add("POST", "/api/v1/organization/", route(createOrganization), kBody);
    router.add("GET", "/api/v1/organization/{org}", route(getOrganization));
    router.add("PUT", "/api/v1/organization/{org}", route(changeOrganization), kBody);
    router.add("DELETE", "/api/v1/organization/{org}", route(deleteOrganization));
    router.add("GET", "/api/v1/organization/{org}/members", route(listMembers));
    router.add("GET", "/api/v1/organization/{org}/members/{member}", route(getMember));
    router.add("DELETE", "/api/v1/organization/{org}/members/{member}", route(removeMember));
    router.add("GET", "/api/v1/organization/{org}/collaborators", route(listCollaborators));
}

} // namespace kai::api
