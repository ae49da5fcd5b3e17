-- Organization OAuth applications and the API tokens minted for them
-- (reference §1.5): tokens get a name, their creator and a last use.
ALTER TABLE oauth_applications ADD COLUMN avatar_email TEXT;
ALTER TABLE oauth_tokens ADD COLUMN name TEXT;
ALTER TABLE oauth_tokens ADD COLUMN created_by BIGINT REFERENCES namespaces(id) ON DELETE SET NULL;
ALTER TABLE oauth_tokens ADD COLUMN last_accessed_ms BIGINT;
