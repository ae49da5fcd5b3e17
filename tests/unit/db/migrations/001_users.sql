-- Compiled into the test as :/tst_database/migrations, the way the server
-- ships resources/migrations.
CREATE TABLE users (
-- sqlite:   id INTEGER PRIMARY KEY AUTOINCREMENT,
-- postgres: id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE
);
