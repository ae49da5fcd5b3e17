-- Usage log export jobs (issue 5 item 4; reference §2.11 "Export job
-- behaviour"). The job is the queue: POST .../exportlogs inserts a row in
-- state 'queued'; the export worker (server/logs/exportworker.cpp) writes
-- the document, then moves the row to 'delivering' and on to 'done' or
-- 'failed'. Everything the worker needs is in the row, so a restart loses
-- no job and a callback that keeps failing is retried from here, at most
-- a bounded number of times.
--
-- Names are copied, as in log_entries: no foreign keys, the job outlives a
-- renamed or deleted namespace. start_ms/end_ms are the UTC day range
-- (end exclusive); start_day/end_day the same days as MM/DD/YYYY for the
-- document and the callback. status is what the callback is told
-- (success, failed, timedout, invalidrequest). file_id names the file
-- under exportedactionlogs/ and is the unguessable part of the link;
-- file_expires_ms is NULL once the file has been removed.
CREATE TABLE log_exports (
-- sqlite: id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
  export_id TEXT NOT NULL UNIQUE,
  namespace_id BIGINT NOT NULL,
  namespace_name TEXT NOT NULL,
  namespace_is_org INTEGER NOT NULL DEFAULT 0,
  repository_id BIGINT,
  repository_name TEXT NOT NULL DEFAULT '',
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  start_day TEXT NOT NULL,
  end_day TEXT NOT NULL,
  callback_url TEXT NOT NULL DEFAULT '',
  callback_email TEXT NOT NULL DEFAULT '',
  requester_id BIGINT NOT NULL DEFAULT 0,
  requester_name TEXT NOT NULL DEFAULT '',
  requester_email TEXT NOT NULL DEFAULT '',
  requester_is_robot INTEGER NOT NULL DEFAULT 0,
  requester_ip TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'queued',
  status TEXT NOT NULL DEFAULT '',
  file_id TEXT UNIQUE,
  file_expires_ms BIGINT,
  entries BIGINT NOT NULL DEFAULT 0,
  email_sent INTEGER NOT NULL DEFAULT 0,
  email_error TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_ms BIGINT NOT NULL,
  finished_ms BIGINT
);

-- The worker's poll: jobs with work left, oldest due first.
CREATE INDEX log_exports_due ON log_exports (next_attempt_ms, id) WHERE state IN ('queued', 'delivering');
-- Files to remove once their link has expired.
CREATE INDEX log_exports_file_expiry ON log_exports (file_expires_ms) WHERE file_expires_ms IS NOT NULL;
