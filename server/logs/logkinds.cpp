#include "logs/logkinds.h"

#include <QSet>

namespace kai::logs {

const QStringList &knownLogKinds()
{
    static const QStringList kinds{
    "account_change_cc", "account_change_password", "account_change_plan",
    "account_convert", "add_repo_accesstoken", "add_repo_notification",
    "add_repo_permission", "add_repo_webhook", "autoprune_tag_delete",
    "build_dockerfile", "cancel_build", "change_repo_permission",
    "change_repo_state", "change_repo_trust", "change_repo_visibility",
    "change_tag_expiration", "change_tag_immutability", "create_app_specific_token",
    "create_application", "create_immutability_policy", "create_namespace_autoprune_policy",
    "create_namespace_notification", "create_oauth_api_token", "create_prototype_permission",
    "create_proxy_cache_config", "create_repo", "create_repository_autoprune_policy",
    "create_robot", "create_robot_federation", "create_tag",
    "delete_application", "delete_immutability_policy", "delete_namespace_autoprune_policy",
    "delete_namespace_notification", "delete_prototype_permission", "delete_proxy_cache_config",
    "delete_repo", "delete_repo_accesstoken", "delete_repo_notification",
    "delete_repo_permission", "delete_repo_trigger", "delete_repo_webhook",
    "delete_repository_autoprune_policy", "delete_robot", "delete_robot_federation",
    "delete_tag", "delete_tag_failed", "disable_team_sync",
    "enable_team_sync", "export_logs_failure", "export_logs_success",
    "federated_robot_token_exchange", "login_failure", "login_success",
    "logout_success", "manifest_label_add", "manifest_label_delete",
    "modify_prototype_permission", "move_tag", "oauth_token_assigned",
    "oauth_token_revoked", "org_add_team_member", "org_change_email",
    "org_change_invoicing", "org_change_name", "org_change_quota",
    "org_change_quota_limit", "org_change_tag_expiration", "org_create",
    "org_create_quota", "org_create_quota_limit", "org_create_team",
    "org_delete", "org_delete_quota", "org_delete_quota_limit",
    "org_delete_team", "org_delete_team_member_invite", "org_invite_team_member",
    "org_mirror_config_changed", "org_mirror_disabled", "org_mirror_enabled",
    "org_mirror_repo_created", "org_mirror_repo_creation_failed", "org_mirror_sync_cancelled",
    "org_mirror_sync_failed", "org_mirror_sync_now_requested", "org_mirror_sync_started",
    "org_mirror_sync_success", "org_remove_team_member", "org_set_team_description",
    "org_set_team_role", "org_team_member_invite_accepted", "org_team_member_invite_declined",
    "permanently_delete_tag", "pull_repo", "pull_repo_failed",
    "push_repo", "push_repo_failed", "regenerate_robot_token",
    "repo_mirror_config_changed", "repo_mirror_disabled", "repo_mirror_enabled",
    "repo_mirror_sync_failed", "repo_mirror_sync_now_requested", "repo_mirror_sync_started",
    "repo_mirror_sync_success", "repo_mirror_sync_tag_failed", "repo_mirror_sync_tag_success",
    "repo_mirror_sync_test_failed", "repo_mirror_sync_test_started", "repo_mirror_sync_test_success",
    "repo_verb", "reset_application_client_secret", "reset_namespace_notification",
    "reset_repo_notification", "revert_tag", "revoke_app_specific_token",
    "revoke_oauth_api_token", "service_key_approve", "service_key_create",
    "service_key_delete", "service_key_extend", "service_key_modify",
    "service_key_rotate", "set_repo_description", "setup_repo_trigger",
    "start_build_trigger", "tag_made_immutable_by_policy", "tags_made_immutable_by_policy",
    "take_ownership", "toggle_repo_trigger", "update_application",
    "update_immutability_policy", "update_namespace_autoprune_policy", "update_repository_autoprune_policy",
    "user_change_email", "user_change_invoicing", "user_change_metadata",
    "user_change_name", "user_change_password", "user_change_tag_expiration",
    "user_create", "user_delete", "user_disable",
    "user_enable", "user_generate_client_key",
    };
    return kinds;
}

bool isKnownLogKind(const QString &kind)
{
    static const QSet<QString> kinds(knownLogKinds().cbegin(), knownLogKinds().cend());
    return kinds.contains(kind);
}

const QStringList &emittedLogKinds()
{
    static const QStringList kinds{
        // Repositories, permissions (api/repositories.cpp, api/permissions.cpp;
        // create_repo also when a push creates the repository at /v2/auth).
        "change_repo_permission", "change_repo_visibility", "create_repo", "delete_repo",
        "delete_repo_permission", "set_repo_description",
        // Registry (/v2) and the tag and label API.
        "change_tag_expiration", "create_tag", "delete_tag", "manifest_label_add", "manifest_label_delete",
        "move_tag", "permanently_delete_tag", "pull_repo", "push_repo", "revert_tag",
        // Organizations, teams, robots, default permissions, applications.
        "create_application", "create_oauth_api_token", "create_prototype_permission", "create_robot",
        "delete_application", "delete_prototype_permission", "delete_robot", "modify_prototype_permission",
        "org_add_team_member", "org_change_email", "org_change_invoicing", "org_change_name", "org_change_tag_expiration",
        "org_create", "org_create_team", "org_delete", "org_delete_team", "org_delete_team_member_invite",
        "org_invite_team_member", "org_remove_team_member", "org_set_team_description", "org_set_team_role",
        "org_team_member_invite_accepted", "org_team_member_invite_declined", "regenerate_robot_token",
        "reset_application_client_secret", "revoke_oauth_api_token", "update_application",
        // Users, superusers, sessions, tokens.
        "account_change_password", "create_app_specific_token", "login_failure", "login_success",
        "logout_success", "revoke_app_specific_token", "user_change_email", "user_change_invoicing",
        "user_change_password", "user_change_tag_expiration", "user_create", "user_delete", "user_disable",
        "user_enable", "take_ownership",
    };
    return kinds;
}

const QStringList &serviceLevelLogKinds()
{
    static const QStringList kinds{"service_key_create", "service_key_approve", "service_key_delete",
                                   "service_key_modify", "service_key_extend", "service_key_rotate"};
    return kinds;
}

} // namespace kai::logs
