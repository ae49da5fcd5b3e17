-- Tenancy: organizations and robots live in `namespaces` (kind
-- 'organization' / 'robot'; a robot's name is "<owner>+<short>"), teams with
-- roles, team and user grants on repositories, default permissions
-- (prototypes), app-specific tokens, UI sessions, stars.

ALTER TABLE namespaces ADD COLUMN owner_id BIGINT REFERENCES namespaces(id) ON DELETE CASCADE;
ALTER TABLE namespaces ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE namespaces ADD COLUMN metadata TEXT;
ALTER TABLE namespaces ADD COLUMN robot_token TEXT;
ALTER TABLE namespaces ADD COLUMN tag_expiration_s BIGINT NOT NULL DEFAULT 1209600;
ALTER TABLE namespaces ADD COLUMN invoice_email INTEGER NOT NULL DEFAULT 0;
ALTER TABLE namespaces ADD COLUMN invoice_email_address TEXT;
ALTER TABLE namespaces ADD COLUMN last_accessed_ms BIGINT;
CREATE INDEX namespaces_owner ON namespaces (owner_id);

CREATE TABLE teams (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
-- sqlite: name TEXT NOT NULL,
-- postgres: name TEXT COLLATE "C" NOT NULL,
  role TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_ms BIGINT NOT NULL,
  UNIQUE (organization_id, name)
);

CREATE TABLE team_members (
  team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  member_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, member_id)
);
CREATE INDEX team_members_member ON team_members (member_id);

CREATE TABLE team_invites (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES namespaces(id) ON DELETE CASCADE,
  email TEXT,
  inviter_id BIGINT REFERENCES namespaces(id) ON DELETE SET NULL,
  code TEXT NOT NULL UNIQUE,
  created_ms BIGINT NOT NULL
);

CREATE TABLE team_repository_permissions (
  repository_id BIGINT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
  team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (repository_id, team_id)
);

CREATE TABLE permission_prototypes (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
  uuid TEXT NOT NULL UNIQUE,
  activating_user_id BIGINT REFERENCES namespaces(id) ON DELETE CASCADE,
  delegate_user_id BIGINT REFERENCES namespaces(id) ON DELETE CASCADE,
  delegate_team_id BIGINT REFERENCES teams(id) ON DELETE CASCADE,
  role TEXT NOT NULL
);

-- App-specific tokens: 120 characters, the first 60 the lookup key, the
-- last 60 sealed with the database secret key.
CREATE TABLE app_tokens (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  token_name TEXT NOT NULL UNIQUE,
  token_secret TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT,
  last_accessed_ms BIGINT
);

-- UI sessions (cookie-authenticated API calls) with their CSRF token.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT REFERENCES namespaces(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  login_ms BIGINT,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL
);

CREATE TABLE stars (
  user_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
  repository_id BIGINT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (user_id, repository_id)
);

ALTER TABLE repositories ADD COLUMN last_modified_ms BIGINT;
ALTER TABLE repositories ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
