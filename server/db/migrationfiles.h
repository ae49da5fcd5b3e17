#pragma once

#include "database.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace kai::db {

// One `NNN_name.sql` file, already cut into the statements this driver runs.
struct MigrationFile
{
    int version = 0;
    QString name;          // file name, e.g. "001_init.sql"
    QStringList statements;
};

// Reads every `*.sql` file of `dir` (a directory or a Qt resource path such as
// ":/migrations"), sorted by version. A `.sql` file whose name does not start
// with digits and '_' is an error rather than silently skipped: a misnamed
// migration that never runs is worse than a server that refuses to start.
Result<std::vector<MigrationFile>> loadMigrations(const QString &dir, Driver driver);

// Cuts a script into statements. A statement ends at a line whose last
// non-blank character is ';'. Lines starting with "-- sqlite:" or
// "-- postgres:" are kept (without the prefix) only for that driver; other
// comment lines and blank lines are dropped.
QStringList splitStatements(const QString &script, Driver driver);

// The driver-independent part of Database::migrate(): creates
// schema_migrations, then applies each file not yet recorded in its own
// transaction. `execRaw` runs one parameterless statement without going
// through the prepared-statement cache (DDL is run once; caching it only
// costs memory).
Status applyMigrations(Database &db, const std::vector<MigrationFile> &files,
                       const std::function<Status(const QString &)> &execRaw);

// One `optional/<name>.sql` file of a migrations directory: an accelerator
// the server works without (an index through an extension the database user
// may not be allowed to create, a search table a SQLite build may lack).
struct OptionalMigration
{
    QString name;          // file name without ".sql", e.g. "tag_name_trigrams"
    QStringList statements;
};

// Reads `dir`/optional/*.sql in name order; no such directory means none. A
// file with no statement for this driver is left out.
Result<std::vector<OptionalMigration>> loadOptionalMigrations(const QString &dir, Driver driver);

// Applies each optional migration not yet recorded in
// schema_optional_migrations, each in its own transaction, after the
// numbered ones. One that fails is rolled back, logged as a warning and
// tried again at the next start; the server starts either way. Fails only
// when the record table cannot be read or written.
Status applyOptionalMigrations(Database &db, const std::vector<OptionalMigration> &files,
                               const std::function<Status(const QString &)> &execRaw);

// What every driver's Database::migrate() does once it may: reads `dir` for
// db's driver, applies the numbered migrations and then, when they all
// applied, the optional ones.
Status migrateFrom(Database &db, const QString &dir, const std::function<Status(const QString &)> &execRaw);

} // namespace kai::db
