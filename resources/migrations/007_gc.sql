-- Online garbage collection (reference §4.1, §4.7; design decisions 4, 9).
--
-- Cost follows the garbage, not the registry's size: whatever makes
-- something collectable (a tag row passing its window, a manifest losing
-- its last reference, a link losing its last manifest, a blob losing its
-- last link) either is found through an index on the condition itself
-- (tags by end time, repositories marked deleted) or is queued in one of
-- the gc_*_candidates tables by the statement that caused it. The
-- collector (server/gc/collector.cpp) works those queues in small
-- batches, each its own short transaction, and re-checks every candidate
-- under a row lock before it deletes anything. A bounded scrub per pass
-- (cursors in gc_status) finds what escaped the queues: rows removed by
-- ON DELETE CASCADE (a deleted namespace), data from before this
-- migration, work lost to a crash.

-- A blob row with deleting = 1 is being removed: its file may already be
-- gone. Such a row has no repository_blobs link and gets none until an
-- upload has put the file back and cleared the flag (the protocol is in
-- BlobRecordStore). Every other blob row has its file.
ALTER TABLE blobs ADD COLUMN deleting INTEGER NOT NULL DEFAULT 0;
CREATE INDEX blobs_deleting ON blobs (digest) WHERE deleting = 1;

-- "Is this blob linked anywhere / referenced by a manifest / is this
-- manifest an index's child?" are lookups by digest.
CREATE INDEX repository_blobs_digest ON repository_blobs (digest);
CREATE INDEX manifest_blobs_digest ON manifest_blobs (digest);
CREATE INDEX manifest_children_child ON manifest_children (child_digest);
-- Tag rows by end time: the window check walks only rows that ended.
CREATE INDEX tags_lifetime_end ON tags (lifetime_end_ms) WHERE lifetime_end_ms IS NOT NULL;
CREATE INDEX repositories_deleted ON repositories (id) WHERE deleted = 1;

-- Manifests that may have lost their last reference (no foreign key: the
-- manifest may be gone by the time the collector looks).
CREATE TABLE gc_manifest_candidates (
  manifest_id BIGINT PRIMARY KEY
);
-- Links to check once due: a link made by a push (due after the blob grace
-- period), or one whose manifest went.
CREATE TABLE gc_link_candidates (
  repository_id BIGINT NOT NULL,
  digest TEXT NOT NULL,
  due_ms BIGINT NOT NULL,
  PRIMARY KEY (repository_id, digest)
);
CREATE INDEX gc_link_candidates_due ON gc_link_candidates (due_ms);
-- Blobs that may have lost their last link.
CREATE TABLE gc_blob_candidates (
  digest TEXT PRIMARY KEY
);

-- One row: what the last pass did (GET /api/v1/superuser/gc), whether one
-- is running (heartbeat_ms moves while it works), and the scrub cursors.
CREATE TABLE gc_status (
  id INTEGER PRIMARY KEY,
  running_since_ms BIGINT,
  heartbeat_ms BIGINT,
  last_run_ms BIGINT,
  last_duration_ms BIGINT NOT NULL DEFAULT 0,
  last_bytes_freed BIGINT NOT NULL DEFAULT 0,
  last_rows_freed TEXT NOT NULL DEFAULT '{}',
  total_bytes_freed BIGINT NOT NULL DEFAULT 0,
  scrub_blob_after TEXT NOT NULL DEFAULT '',
  scrub_link_repository BIGINT NOT NULL DEFAULT 0,
  scrub_link_digest TEXT NOT NULL DEFAULT '',
  scrub_manifest_after BIGINT NOT NULL DEFAULT 0,
  scrub_file_shard INTEGER NOT NULL DEFAULT 0
);
INSERT INTO gc_status (id) VALUES (1);
