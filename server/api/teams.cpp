#include "api/teams.h"

#include "api/apicaller.h"
#include "api/avatar.h"
#include "api/tenancy.h"
#include "logs/logscope.h"
#include "mail/templates.h"
#include "oci/names.h"

#include <QJsonArray>

namespace kai::api {

namespace {

using namespace tenancy;
using runtime::WorkerContext;

// Quay invites a user who is in no team of the organization yet when
// FEATURE_MAILING and FEATURE_REQUIRE_TEAM_INVITE are on; the invitee
// learns the code from the e-mail. Otherwise members are added directly.
bool requiresInvite(const WorkerContext &ctx)
{
    return ctx.config().featureMailing && ctx.config().featureRequireTeamInvite && ctx.server.mailer;
}

// Queues the invite e-mail once the invite is committed. A delivery
// problem never undoes the invite: it stays pending (listed with
// includePending) and is logged, and the admin can invite again.
void mailInvite(const WorkerContext &ctx, const store::TeamInvite &invite, const QString &inviter)
{
    if (!ctx.server.mailer)
        return;
    const QString recipient = invite.userId > 0 ? invite.user.email : invite.email;
    if (recipient.isEmpty()) {
        qWarning("team invite %s for %s: the user has no e-mail address, no mail sent", qPrintable(invite.code),
                 qPrintable(invite.user.name));
        return;
    }
    const mail::MailMessage message = mail::teamInviteMail(
        mail::TeamInvite{recipient, inviter, invite.organizationName, invite.teamName, invite.code},
        ctx.config().urlBase(), ctx.config().registryTitle);
    if (Status s = ctx.server.mailer->enqueue(message); !s)
        qWarning("team invite %s: %s", qPrintable(invite.code), qPrintable(s.error().message));
}

// A team action's entry in the organization's log, in the caller's
// transaction (Quay's keys: team, member, role, ...).
Status recordTeamAction(WorkerContext &ctx, const http::HttpRequest &request, const auth::Identity &caller,
                        const store::Organization &org, const QString &kind, const QJsonObject &metadata)
{
    return ctx.actionLog.record(kind, logs::namespaceScope(org.id, org.name, true), logs::LogActor::of(caller, request),
                                metadata);
}

// An invite's answer (accepted, declined) in the log of the invite's
// organization.
Status recordInviteAnswer(WorkerContext &ctx, const http::HttpRequest &request, const ApiCaller &caller,
                          const store::TeamInvite &invite, const QString &kind)
{
    auto org = ctx.organizations.byName(invite.organizationName);
    if (!org)
        return org.error();
    if (!org->has_value())
        return notFound();
    return recordTeamAction(ctx, request, caller.identity, **org, kind,
                            {{"member", caller.identity.name}, {"team", invite.teamName}, {"inviter", invite.inviterName}});
}

bool truthy(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes");
}

QJsonObject teamView(const store::Team &team, bool isNew)
{
    return QJsonObject{{"name", team.name},
                       {"description", team.description},
                       {"can_view", true},
                       {"role", team.role},
                       {"avatar", teamAvatar(team.name)},
                       {"new_team", isNew}};
}

QJsonObject memberView(const store::OrganizationMember &member, bool invited)
{
    return QJsonObject{{"name", member.name},
                       {"kind", "user"},
                       {"is_robot", member.robot},
                       {"avatar", memberAvatar(member)},
                       {"invited", invited}};
}

QJsonObject inviteView(const store::TeamInvite &invite)
{
    if (invite.userId > 0)
        return memberView(invite.user, true);
    return QJsonObject{{"email", invite.email},
                       {"kind", "invite"},
                       {"avatar", avatarOf(invite.email, invite.email, QStringLiteral("user"))},
                       {"invited", true}};
}

// The organization the caller administers and its team; 404 for an
// unknown team.
struct AdminTeam
{
    ApiCaller caller;
    store::Organization org;
    store::Team team;
};

Result<AdminTeam> administeredTeam(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"), accessFor(request));
    if (!org)
        return org.error();
    auto team = ctx.teams.byName(org->id, request.param("team"));
    if (!team)
        return team.error();
    if (!team->has_value())
        return notFound();
    return AdminTeam{*caller, *org, **team};
}

// A user or robot (never an organization) by name.
Result<std::optional<store::Namespace>> userOrRobot(WorkerContext &ctx, const QString &name)
{
    auto found = ctx.namespaces.byName(name);
    if (!found)
        return found.error();
    if (found->has_value() && (*found)->kind != QLatin1String("user") && (*found)->kind != QLatin1String("robot"))
        return std::optional<store::Namespace>{};
    return *found;
}

store::OrganizationMember memberOf(const store::Namespace &ns)
{
    return store::OrganizationMember{ns.id, ns.name, ns.email, ns.kind == QLatin1String("robot")};
}

// PUT /api/v1/organization/{org}/team/{team}: create, or change role and
// description.
Result<Reply> putTeam(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    auto body = jsonBody(request);
    if (!body)
        return body.error();
    const QJsonValue roleValue = body->value("role");
    const QJsonValue descriptionValue = body->value("description");
    if (roleValue.isUndefined())
        return requiredProperty(QStringLiteral("role"));
    if (!roleValue.isString())
        return notOfType(roleValue, QStringLiteral("string"));
    const QString role = roleValue.toString();
    if (auth::teamRoleFromName(role) == auth::TeamRole::None)
        return badRequest(QStringLiteral("'%1' is not one of ['member', 'creator', 'admin']").arg(role));
    if (!descriptionValue.isUndefined() && !descriptionValue.isString())
        return notOfType(descriptionValue, QStringLiteral("string"));

    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto org = administeredOrganization(ctx, *caller, request.param("org"));
    if (!org)
        return org.error();
    const QString teamName = request.param("team");
    auto existing = ctx.teams.byName(org->id, teamName);
    if (!existing)
        return existing.error();

    store::Team team;
    const bool isNew = !existing->has_value();
    if (isNew) {
        if (Status s = oci::validateNamespaceName(teamName); !s)
            return message400(s.error().message);
        auto created = ctx.teams.create(org->id, teamName, role, descriptionValue.toString(), ctx.nowMs());
        if (!created)
            return created.error();
        team = *created;
        if (Status s = recordTeamAction(ctx, request, caller->identity, *org, QStringLiteral("org_create_team"),
                                        {{"team", teamName}});
            !s)
            return s.error();
    } else {
        team = **existing;
        if (descriptionValue.isString() && descriptionValue.toString() != team.description) {
            if (Status s = ctx.teams.setDescription(team.id, descriptionValue.toString()); !s)
                return s.error();
            team.description = descriptionValue.toString();
            if (Status s = recordTeamAction(ctx, request, caller->identity, *org, QStringLiteral("org_set_team_description"),
                                            {{"team", teamName}, {"description", team.description}});
                !s)
                return s.error();
        }
        if (role != team.role) {
            // Quay's rule: the caller may not demote their only admin team,
            // so the organization always keeps an admin.
            if (team.role == QLatin1String("admin")) {
                auto adminTeams = ctx.teams.adminTeamsOf(org->id, caller->identity.namespaceId);
                if (!adminTeams)
                    return adminTeams.error();
                if (adminTeams->contains(team.name) && adminTeams->size() <= 1)
                    return message400(QStringLiteral("Cannot remove admin from team '%1' because calling user would no "
                                                     "longer have admin on org '%2'")
                                          .arg(team.name, org->name));
            }
            if (Status s = ctx.teams.setRole(team.id, role); !s)
                return s.error();
            team.role = role;
            if (Status s = recordTeamAction(ctx, request, caller->identity, *org, QStringLiteral("org_set_team_role"),
                                            {{"team", teamName}, {"role", role}});
                !s)
                return s.error();
        }
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json(teamView(team, isNew));
}

// DELETE /api/v1/organization/{org}/team/{team}
Result<Reply> deleteTeam(WorkerContext &ctx, const http::HttpRequest &request)
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
    const QString teamName = request.param("team");
    auto team = ctx.teams.byName(org->id, teamName);
    if (!team)
        return team.error();
    if (!team->has_value())
        return message400(QStringLiteral("Team '%1' is not a team in org '%2'").arg(teamName, org->name));
    if ((*team)->role == QLatin1String("admin")) {
        // As Quay: refused while the caller holds at most one admin team.
        auto adminTeams = ctx.teams.adminTeamsOf(org->id, caller->identity.namespaceId);
        if (!adminTeams)
            return adminTeams.error();
        if (adminTeams->size() <= 1)
            return message400(QStringLiteral("Deleting team '%1' would remove admin ability for user '%2' in organization '%3'")
                                  .arg(teamName, caller->identity.name, org->name));
    }
    if (Status s = ctx.teams.remove((*team)->id); !s)
        return s.error();
    if (Status s = recordTeamAction(ctx, request, caller->identity, *org, QStringLiteral("org_delete_team"),
                                    {{"team", teamName}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

// GET /api/v1/organization/{org}/team/{team}/members[?includePending=true]
Result<Reply> listTeamMembers(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateApiCaller(request, ctx);
    if (!caller)
        return caller.error();
    if (caller->isAnonymous() || caller->identity.isRobot())
        return requiresAuthentication();
    auto org = ctx.organizations.byName(request.param("org"));
    if (!org)
        return org.error();
    if (!org->has_value())
        return unauthorized();
    auto isAdmin = ctx.permissions.isOrganizationAdmin(caller->identity, (*org)->id);
    if (!isAdmin)
        return isAdmin.error();
    auto team = ctx.teams.byName((*org)->id, request.param("team"));
    if (!team)
        return team.error();
    if (!*isAdmin && !ctx.permissions.readsEverything(caller->identity)) {
        // Team members may look at their own team.
        if (!team->has_value())
            return unauthorized();
        auto member = ctx.teams.isMember((*team)->id, caller->identity.namespaceId);
        if (!member)
            return member.error();
        if (!*member)
            return unauthorized();
    }
    if (!team->has_value())
        return notFound();

    auto members = ctx.teams.members((*team)->id);
    if (!members)
        return members.error();
    QJsonArray list;
    for (const store::OrganizationMember &m : *members)
        list.append(memberView(m, false));
    if (*isAdmin && truthy(request.queryValue(QStringLiteral("includePending")))) {
        auto invites = ctx.teams.invites((*team)->id);
        if (!invites)
            return invites.error();
        for (const store::TeamInvite &invite : *invites)
            list.append(inviteView(invite));
    }
    return Reply::json(QJsonObject{{"name", request.param("team")}, {"members", list}, {"can_edit", *isAdmin}});
}

// PUT /api/v1/organization/{org}/team/{team}/members/{member}
Result<Reply> putTeamMember(WorkerContext &ctx, const http::HttpRequest &request)
{
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto target = administeredTeam(ctx, request);
    if (!target)
        return target.error();
    auto user = userOrRobot(ctx, request.param("member"));
    if (!user)
        return user.error();
    if (!user->has_value())
        return badRequest(QStringLiteral("Unknown user"));
    const store::OrganizationMember member = memberOf(**user);

    if (member.robot && !member.name.startsWith(target->org.name + QLatin1Char('+')))
        return message400(QStringLiteral("Cannot add the specified robot to this team, as it is not a member of the organization"));
    std::optional<store::TeamInvite> invite;
    bool inviteRequired = false;
    if (requiresInvite(ctx) && !member.robot) {
        // Existing members of the organization join directly.
        auto teams = ctx.organizations.teamsOf(target->org.id, member.id);
        if (!teams)
            return teams.error();
        inviteRequired = teams->isEmpty();
    }
    if (inviteRequired) {
        auto stored = ctx.teams.invite(target->team.id, member.id, QString(), target->caller.identity.namespaceId, ctx.nowMs());
        if (!stored)
            return stored.error();
        invite = *stored;
        if (Status s = recordTeamAction(ctx, request, target->caller.identity, target->org,
                                        QStringLiteral("org_invite_team_member"),
                                        {{"user", member.name}, {"member", member.name}, {"team", target->team.name}});
            !s)
            return s.error();
    } else {
        auto added = ctx.teams.addMember(target->team.id, member.id);
        if (!added)
            return added.error();
        if (!*added)
            return message400(QStringLiteral("User %1 is already a member of team %2").arg(member.name, target->team.name));
        if (Status s = recordTeamAction(ctx, request, target->caller.identity, target->org,
                                        QStringLiteral("org_add_team_member"),
                                        {{"member", member.name}, {"team", target->team.name}});
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    if (invite)
        mailInvite(ctx, *invite, target->caller.identity.name);
    return Reply::json(memberView(member, invite.has_value()));
}

// DELETE /api/v1/organization/{org}/team/{team}/members/{member}: a pending
// invite of that user, else the membership.
Result<Reply> deleteTeamMember(WorkerContext &ctx, const http::HttpRequest &request)
{
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto target = administeredTeam(ctx, request);
    if (!target)
        return target.error();
    auto user = userOrRobot(ctx, request.param("member"));
    if (!user)
        return user.error();
    if (!user->has_value())
        return notFound();
    const store::Namespace &member = **user;

    auto invite = ctx.teams.deleteUserInvite(target->team.id, member.id);
    if (!invite)
        return invite.error();
    if (*invite) {
        if (Status s = recordTeamAction(ctx, request, target->caller.identity, target->org,
                                        QStringLiteral("org_delete_team_member_invite"),
                                        {{"user", member.name}, {"team", target->team.name}, {"member", member.name}});
            !s)
            return s.error();
    } else {
        auto isMember = ctx.teams.isMember(target->team.id, member.id);
        if (!isMember)
            return isMember.error();
        if (!*isMember)
            return message400(QStringLiteral("User %1 does not belong to team %2").arg(member.name, target->team.name));
        if (member.id == target->caller.identity.namespaceId) {
            auto adminTeams = ctx.teams.adminTeamsOf(target->org.id, member.id);
            if (!adminTeams)
                return adminTeams.error();
            if (adminTeams->contains(target->team.name) && adminTeams->size() <= 1)
                return message400(QStringLiteral("User cannot remove themselves from their only admin team."));
        }
        auto removed = ctx.teams.removeMember(target->team.id, member.id);
        if (!removed)
            return removed.error();
        if (Status s = recordTeamAction(ctx, request, target->caller.identity, target->org,
                                        QStringLiteral("org_remove_team_member"),
                                        {{"member", member.name}, {"team", target->team.name}});
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

// PUT /api/v1/organization/{org}/team/{team}/invite/{email} (Gate
// FEATURE_MAILING: without a mailer nobody could learn the code).
Result<Reply> putInvite(WorkerContext &ctx, const http::HttpRequest &request)
{
    if (!ctx.server.mailer)
        return notFound();
    const QString email = request.param("email");
    if (!mail::isDeliverableAddress(email))
        return message400(QStringLiteral("Invalid email address"));
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto target = administeredTeam(ctx, request);
    if (!target)
        return target.error();
    auto invite = ctx.teams.invite(target->team.id, 0, email, target->caller.identity.namespaceId, ctx.nowMs());
    if (!invite)
        return invite.error();
    if (Status s = recordTeamAction(ctx, request, target->caller.identity, target->org,
                                    QStringLiteral("org_invite_team_member"),
                                    {{"email", email}, {"team", target->team.name}, {"member", email}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    mailInvite(ctx, *invite, target->caller.identity.name);
    return Reply::json(inviteView(*invite));
}

// DELETE /api/v1/organization/{org}/team/{team}/invite/{email}
Result<Reply> deleteInvite(WorkerContext &ctx, const http::HttpRequest &request)
{
    if (!ctx.server.mailer)
        return notFound();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto target = administeredTeam(ctx, request);
    if (!target)
        return target.error();
    const QString email = request.param("email");
    auto deleted = ctx.teams.deleteEmailInvite(target->team.id, email);
    if (!deleted)
        return deleted.error();
    if (!*deleted)
        return notFound();
    if (Status s = recordTeamAction(ctx, request, target->caller.identity, target->org,
                                    QStringLiteral("org_delete_team_member_invite"),
                                    {{"email", email}, {"team", target->team.name}, {"member", email}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

Error invalidCode() { return message400(QStringLiteral("Invalid confirmation code.")); }

// PUT /api/v1/teaminvite/{code}: accept.
Result<Reply> acceptInvite(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateUserAdmin(request, ctx);
    if (!caller)
        return caller.error();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto invite = ctx.teams.inviteByCode(request.param("code"));
    if (!invite)
        return invite.error();
    if (!invite->has_value())
        return invalidCode();
    const store::TeamInvite &found = **invite;
    if (found.userId > 0 && found.userId != caller->identity.namespaceId)
        return message400(QStringLiteral("This invite is intended for user \"%1\". Please login to that account and try again.")
                              .arg(found.user.name));
    auto added = ctx.teams.addMember(found.teamId, caller->identity.namespaceId);
    if (!added)
        return added.error();
    if (Status s = ctx.teams.deleteInvite(found.id); !s)
        return s.error();
    if (Status s = recordInviteAnswer(ctx, request, *caller, found, QStringLiteral("org_team_member_invite_accepted")); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::json(QJsonObject{{"org", found.organizationName}, {"team", found.teamName}});
}

// DELETE /api/v1/teaminvite/{code}: decline (only invites addressed to the
// caller's account, as in Quay).
Result<Reply> declineInvite(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto caller = authenticateUserAdmin(request, ctx);
    if (!caller)
        return caller.error();
    db::Transaction tx(*ctx.database);
    if (!tx.status())
        return tx.status().error();
    auto invite = ctx.teams.inviteByCode(request.param("code"));
    if (!invite)
        return invite.error();
    // Invites to an e-mail address may be declined by whoever holds the
    // code; invites to a user only by that user.
    if (!invite->has_value() || ((*invite)->userId > 0 && (*invite)->userId != caller->identity.namespaceId))
        return invalidCode();
    if (Status s = ctx.teams.deleteInvite((*invite)->id); !s)
        return s.error();
    if (Status s = recordInviteAnswer(ctx, request, *caller, **invite, QStringLiteral("org_team_member_invite_declined")); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return Reply::noContent();
}

// GET /api/v1/organization/{org}/team/{team}/permissions
Result<Reply> teamPermissions(WorkerContext &ctx, const http::HttpRequest &request)
{
    auto target = administeredTeam(ctx, request);
    if (!target)
        return target.error();
    auto permissions = ctx.teams.permissions(target->team.id);
    if (!permissions)
        return permissions.error();
    QJsonArray list;
    for (const store::TeamRepositoryPermission &p : *permissions)
        list.append(QJsonObject{{"repository", QJsonObject{{"name", p.repositoryName}, {"is_public", p.isPublic}}},
                                {"role", p.role}});
    return Reply::json(QJsonObject{{"permissions", list}});
}

} // namespace

void addTeamRoutes(http::Router &router, runtime::WorkerContext &context)
{
    WorkerContext *ctx = &context;
    auto route = [ctx](tenancy::Endpoint endpoint) { return tenancy::bind(*ctx, endpoint); };
    constexpr qint64 kBody = 64 * 1024;
    const QString team = QStringLiteral("/api/v1/organization/{org}/team/{team}");

    router.add("PUT", team, route(putTeam), kBody);
    router.add("DELETE", team, route(deleteTeam), kBody);
    router.add("GET", team + "/members", route(listTeamMembers));
    router.add("PUT", team + "/members/{member}", route(putTeamMember), kBody);
    router.add("DELETE", team + "/members/{member}", route(deleteTeamMember), kBody);
    router.add("PUT", team + "/invite/{email}", route(putInvite), kBody);
    router.add("DELETE", team + "/invite/{email}", route(deleteInvite), kBody);
    router.add("GET", team + "/permissions", route(teamPermissions));
    router.add("PUT", "/api/v1/teaminvite/{code}", route(acceptInvite), kBody);
    router.add("DELETE", "/api/v1/teaminvite/{code}", route(declineInvite), kBody);
}

} // namespace kai::api
