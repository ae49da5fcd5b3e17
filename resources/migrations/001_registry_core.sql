-- Registry core: namespaces (users now, organizations later), repositories,
-- blobs, manifests, tags with history, uploads, OAuth tokens.
-- Times are epoch milliseconds (BIGINT); booleans are INTEGER 0/1. Names
-- sort bytewise on both drivers (COLLATE "C" on PostgreSQL), as OCI tag
-- listing requires.

CREATE TABLE namespaces (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
-- sqlite: name TEXT NOT NULL UNIQUE,
-- postgres: name TEXT COLLATE "C" NOT NULL UNIQUE,
  uuid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'user',
  email TEXT,
  password_hash TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  superuser INTEGER NOT NULL DEFAULT 0,
  verified INTEGER NOT NULL DEFAULT 1,
  created_ms BIGINT NOT NULL
);

CREATE TABLE repositories (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  namespace_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
-- sqlite: name TEXT NOT NULL,
-- postgres: name TEXT COLLATE "C" NOT NULL,
  visibility TEXT NOT NULL DEFAULT 'private',
  description TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'image',
  state TEXT NOT NULL DEFAULT 'NORMAL',
  created_ms BIGINT NOT NULL,
  UNIQUE (namespace_id, name)
);

CREATE TABLE repository_permissions (
  repository_id BIGINT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
  namespace_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (repository_id, namespace_id)
);

CREATE TABLE blobs (
  digest TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  created_ms BIGINT NOT NULL
);

CREATE TABLE repository_blobs (
  repository_id BIGINT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
  digest TEXT NOT NULL REFERENCES blobs(digest),
  created_ms BIGINT NOT NULL,
  PRIMARY KEY (repository_id, digest)
);

CREATE TABLE manifests (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  repository_id BIGINT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
  digest TEXT NOT NULL,
  media_type TEXT NOT NULL,
  artifact_type TEXT,
  subject_digest TEXT,
  annotations TEXT,
  content TEXT NOT NULL,
  size BIGINT NOT NULL,
  created_ms BIGINT NOT NULL,
  UNIQUE (repository_id, digest)
);
CREATE INDEX manifests_subject ON manifests (repository_id, subject_digest);

-- What a manifest holds on to: its blobs (config + layers) and, for an
-- index, its child manifests. Garbage collection reads these.
CREATE TABLE manifest_blobs (
  manifest_id BIGINT NOT NULL REFERENCES manifests(id) ON DELETE CASCADE,
  digest TEXT NOT NULL,
  PRIMARY KEY (manifest_id, digest)
);
CREATE TABLE manifest_children (
  manifest_id BIGINT NOT NULL REFERENCES manifests(id) ON DELETE CASCADE,
  child_digest TEXT NOT NULL,
  PRIMARY KEY (manifest_id, child_digest)
);

-- Tag history as in Quay: a row per (tag, lifetime); the live one has
-- lifetime_end_ms NULL. Hidden tags keep digest-pushed manifests alive.
CREATE TABLE tags (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  repository_id BIGINT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
-- sqlite: name TEXT NOT NULL,
-- postgres: name TEXT COLLATE "C" NOT NULL,
  manifest_id BIGINT NOT NULL REFERENCES manifests(id) ON DELETE CASCADE,
  lifetime_start_ms BIGINT NOT NULL,
  lifetime_end_ms BIGINT,
  hidden INTEGER NOT NULL DEFAULT 0,
  immutable INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tags_alive ON tags (repository_id, name) WHERE lifetime_end_ms IS NULL;
CREATE INDEX tags_manifest ON tags (manifest_id);

CREATE TABLE uploads (
  uuid TEXT PRIMARY KEY,
  repository_id BIGINT NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
  -- sha256 of the first hashed_size bytes, when one request wrote them all.
  hashed_size BIGINT NOT NULL DEFAULT -1,
  hashed_digest TEXT,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);

CREATE TABLE oauth_applications (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  namespace_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL UNIQUE,
  client_secret TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  application_uri TEXT NOT NULL DEFAULT '',
  redirect_uri TEXT NOT NULL DEFAULT '',
  created_ms BIGINT NOT NULL
);

-- OAuth access tokens: 40 chars, the first 20 are the lookup key, the rest
-- is the secret, stored hashed.
CREATE TABLE oauth_tokens (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  application_id BIGINT REFERENCES oauth_applications(id) ON DELETE CASCADE,
  namespace_id BIGINT NOT NULL REFERENCES namespaces(id) ON DELETE CASCADE,
  token_name TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL,
  scopes TEXT NOT NULL,
  expires_ms BIGINT,
  created_ms BIGINT NOT NULL
);
