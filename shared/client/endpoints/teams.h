#pragma once

#include "client/apiclient.h"
#include "client/types/team.h"
#include "client/types/teammember.h"

#include <optional>

namespace kai::client::teams {

// The teams of an organization (reference §2.4). A team's grant on one
// repository is set with permissions::set (endpoints/permissions.h).

// GET /api/v1/organization/{org}: its `teams` (empty for outsiders).
Reply<TeamList> *list(ApiClient &client, const QString &organization);

// PUT /api/v1/organization/{org}/team/{team} {role, description?}:
// creates the team, or changes its role and (when given) description.
Reply<Team> *put(ApiClient &client, const QString &organization, const QString &team, TeamRole role,
                 const std::optional<QString> &description = std::nullopt);

// DELETE /api/v1/organization/{org}/team/{team}
Reply<Done> *remove(ApiClient &client, const QString &organization, const QString &team);

// GET .../team/{team}/members?includePending=true
Reply<TeamMemberList> *members(ApiClient &client, const QString &organization, const QString &team);

// PUT .../team/{team}/members/{member}: adds a user or robot ("org+short"),
// or invites the user when the server requires invites.
Reply<Done> *addMember(ApiClient &client, const QString &organization, const QString &team, const QString &member);

// DELETE .../team/{team}/members/{member}: the membership or the user's
// pending invite.
Reply<Done> *removeMember(ApiClient &client, const QString &organization, const QString &team, const QString &member);

// PUT / DELETE .../team/{team}/invite/{email} (servers with e-mail only).
Reply<Done> *invite(ApiClient &client, const QString &organization, const QString &team, const QString &email);
Reply<Done> *removeInvite(ApiClient &client, const QString &organization, const QString &team, const QString &email);

// GET .../team/{team}/permissions
Reply<TeamPermissionList> *permissions(ApiClient &client, const QString &organization, const QString &team);

} // namespace kai::client::teams
