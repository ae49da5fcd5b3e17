-- Usage logs (issue 5; reference §2.11, §3.2).
--
-- One row per recorded action. Names are copied into the row and there are
-- no foreign keys: an audit trail outlives the namespace, repository or
-- user it describes (a deleted repository's history stays readable by the
-- namespace's admins and superusers). Ids of 0 are stored as NULL.
-- metadata is a JSON object as text. day_ms is datetime_ms truncated to
-- 00:00 UTC, stored so the per-day counts group in index order.
CREATE TABLE log_entries (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  namespace_id BIGINT,
  namespace_name TEXT NOT NULL DEFAULT '',
  namespace_is_org INTEGER NOT NULL DEFAULT 0,
  repository_id BIGINT,
  repository_name TEXT NOT NULL DEFAULT '',
  performer_id BIGINT,
  performer_name TEXT NOT NULL DEFAULT '',
  performer_email TEXT NOT NULL DEFAULT '',
  performer_is_robot INTEGER NOT NULL DEFAULT 0,
  ip TEXT NOT NULL DEFAULT '',
  metadata TEXT NOT NULL DEFAULT '{}',
  datetime_ms BIGINT NOT NULL,
  day_ms BIGINT NOT NULL
);

-- The listings walk newest first by (datetime_ms, id) keysets within one
-- scope.
CREATE INDEX log_entries_namespace ON log_entries (namespace_id, datetime_ms DESC, id DESC);
CREATE INDEX log_entries_repository ON log_entries (repository_id, datetime_ms DESC, id DESC)
  WHERE repository_id IS NOT NULL;
CREATE INDEX log_entries_performer ON log_entries (performer_id, datetime_ms DESC, id DESC)
  WHERE performer_id IS NOT NULL;
-- The superuser listing, and retention (oldest entries first).
CREATE INDEX log_entries_datetime ON log_entries (datetime_ms DESC, id DESC);
-- The per-(day, kind) counts of a namespace, a repository and the whole
-- registry: read from the index alone, already in GROUP BY order, so the
-- database streams the counts instead of sorting every entry.
CREATE INDEX log_entries_namespace_days ON log_entries (namespace_id, day_ms, kind, datetime_ms);
CREATE INDEX log_entries_repository_days ON log_entries (repository_id, day_ms, kind, datetime_ms)
  WHERE repository_id IS NOT NULL;
CREATE INDEX log_entries_days ON log_entries (day_ms, kind, datetime_ms);
