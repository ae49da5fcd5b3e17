-- Tag lifecycle (reference §4.1, §4.2): tag rows with scheduled ends,
-- restores, and the labels a manifest carries.
--
-- A tag row is alive while lifetime_end_ms IS NULL OR lifetime_end_ms > now,
-- so an end may lie in the future (expiration by API or quay.expires-after).
-- The old partial unique index on "lifetime_end_ms IS NULL" cannot express
-- that (whether a row is alive depends on the clock). Instead every
-- (repository, name) has at most one row with is_current = 1: the newest row
-- no operation has replaced yet. Create, move, delete, restore and permanent
-- expiry set is_current = 0 on it (and end it at now when it was still
-- alive) before any new row starts; a row whose scheduled end passed simply
-- stays current until the next operation on its name. An alive row is
-- therefore always the current one, and the unique index below makes two
-- alive rows for one name impossible, on both drivers, whatever the callers
-- do. Writers also serialise per repository (TagStore::lockHistory), so two
-- pushes of one tag queue instead of one of them failing on the index.

ALTER TABLE tags ADD COLUMN is_current INTEGER NOT NULL DEFAULT 0;
-- Set only by POST .../tag/<t>/restore ("reverted to" in the UI).
ALTER TABLE tags ADD COLUMN reversion INTEGER NOT NULL DEFAULT 0;
UPDATE tags SET is_current = 1 WHERE lifetime_end_ms IS NULL;
DROP INDEX tags_alive;
CREATE UNIQUE INDEX tags_current ON tags (repository_id, name) WHERE is_current = 1;
-- The history listing: newest first within one repository.
CREATE INDEX tags_history ON tags (repository_id, lifetime_start_ms);

-- Labels of a manifest (reference §2.10): from the image config and the
-- annotations at push (source_type 'manifest', immutable), later also
-- added through the API ('api'). The API names a label by its uuid.
CREATE TABLE manifest_labels (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  manifest_id BIGINT NOT NULL REFERENCES manifests(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  source_type TEXT NOT NULL,
  media_type TEXT NOT NULL,
  created_ms BIGINT NOT NULL
);
CREATE INDEX manifest_labels_manifest ON manifest_labels (manifest_id, key);
