-- A counter of changes to a repository's tag rows: every tag change takes
-- the repository's row lock first (TagStore::lockHistory) and now also
-- counts one, and garbage collection counts one before it deletes history
-- rows. TagPageBookmarks (numbered tag pages that seek rather than walk
-- an OFFSET) trusts a remembered page start only while the count is
-- unchanged, on every node, since it is read in the page's own statement.
ALTER TABLE repositories ADD COLUMN tag_history_version BIGINT NOT NULL DEFAULT 0;
