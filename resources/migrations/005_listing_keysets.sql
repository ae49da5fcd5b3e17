-- Listing pages of big organizations (tests/bench/tenancy-scale).
--
-- GET /api/v1/repository?namespace=<ns> pages by keyset: the repositories
-- of one namespace and kind after a name, in name order, deleted ones left
-- out (RepositoryStore::list). This index answers exactly that, so the page
-- is an index walk that stops after 101 rows. The unique (namespace_id,
-- name) index of 001 leaves kind and deleted to a filter: without
-- statistics (right after a bulk import, until autovacuum analyses)
-- PostgreSQL then estimated one row and sorted the whole namespace.
CREATE INDEX repositories_listing ON repositories (namespace_id, kind, name) WHERE deleted = 0;

-- GET .../robots is ordered most recently used first, never used last,
-- then by name; with this index ?limit=N reads N entries instead of
-- sorting every robot of the owner. The expression must stay exactly the
-- one RobotStore::listByOwner orders by.
CREATE INDEX namespaces_robots_recent ON namespaces (owner_id, (COALESCE(last_accessed_ms, 0)) DESC, name);
