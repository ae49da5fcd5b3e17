-- Repeated entries stored once. The batch writer (pulls and logins) gives
-- identical entries of the same second one row with the number of actions
-- it stands for: same kind, scope, performer, IP and metadata, and the API
-- shows times to the second, so every listing, aggregate and export
-- expands the row back into exactly the entries it replaced. A client
-- pulling one manifest in a loop costs the database one row a second
-- instead of one per pull. Rows written one at a time (every change) stand
-- for one action.
ALTER TABLE log_entries ADD COLUMN occurrences BIGINT NOT NULL DEFAULT 1;
