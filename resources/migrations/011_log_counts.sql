-- Usage-log counts per (namespace, UTC day, kind, repository), kept by
-- LogStore in the transaction that writes or deletes the entries.
--
-- The aggregates (§2.11 aggregatelogs) read whole days from here: a few
-- hundred rows for 30 days instead of every entry. It replaces the three
-- per-day indexes of 009, which every insert had to update: pull logging
-- (one entry per manifest GET) was paying for them on the hot path's
-- writer thread. Partial days and performer-filtered aggregates still
-- count entries (LogStore::aggregate).
--
-- 0 stands for "none" (no namespace, not about one repository) so the key
-- has no NULLs and ON CONFLICT finds the row on both databases.
CREATE TABLE log_counts (
  namespace_id BIGINT NOT NULL,
  day_ms BIGINT NOT NULL,
  kind TEXT NOT NULL,
  repository_id BIGINT NOT NULL,
  entries BIGINT NOT NULL,
  PRIMARY KEY (namespace_id, day_ms, kind, repository_id)
);
CREATE INDEX log_counts_repository ON log_counts (repository_id, day_ms) WHERE repository_id <> 0;
CREATE INDEX log_counts_days ON log_counts (day_ms);

INSERT INTO log_counts (namespace_id, day_ms, kind, repository_id, entries)
  SELECT COALESCE(namespace_id, 0), day_ms, kind, COALESCE(repository_id, 0), COUNT(*)
  FROM log_entries
  GROUP BY COALESCE(namespace_id, 0), day_ms, kind, COALESCE(repository_id, 0);

DROP INDEX log_entries_namespace_days;
DROP INDEX log_entries_repository_days;
DROP INDEX log_entries_days;
