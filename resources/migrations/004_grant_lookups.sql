-- A robot's or user's grants are looked up by grantee (robot lists with
-- permissions, the permission resolver); the primary key starts with the
-- repository, so without this every lookup scanned all grants.
CREATE INDEX repository_permissions_grantee ON repository_permissions (namespace_id);
CREATE INDEX team_repository_permissions_team ON team_repository_permissions (team_id);
