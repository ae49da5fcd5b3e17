#include "migrationfiles.h"

#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace kai::db {

namespace {

Error dbError(const QString &message)
{
    return Error::of(ErrorKind::Database, message);
}

} // namespace

QStringList splitStatements(const QString &script, Driver driver)
{
    static const QString sqlitePrefix = QStringLiteral("-- sqlite:");
    static const QString postgresPrefix = QStringLiteral("-- postgres:");
    const QString &mine = driver == Driver::Sqlite ? sqlitePrefix : postgresPrefix;
    const QString &theirs = driver == Driver::Sqlite ? postgresPrefix : sqlitePrefix;

    QStringList statements;
    QString current;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (QString line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(mine))
            line = trimmed.mid(mine.size());
        else if (trimmed.startsWith(theirs) || trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;

        current += line;
        current += QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            QString statement = current.trimmed();
            statement.chop(1); // the ';': QSQLITE runs one statement per prepare anyway
            if (!statement.trimmed().isEmpty())
                statements.append(statement.trimmed());
            current.clear();
        }
    }
    // A last statement without ';' still runs; forgetting the final ';' is not
    // worth a failed deployment.
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Result<std::vector<MigrationFile>> loadMigrations(const QString &dir, Driver driver)
{
    const QDir directory(dir);
    if (!directory.exists())
        return dbError(QStringLiteral("migrations directory %1 does not exist").arg(dir));

    static const QRegularExpression pattern(QStringLiteral("^(\\d+)_[^/]*\\.sql$"));
    std::vector<MigrationFile> files;
    const QStringList names = directory.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            return dbError(QStringLiteral("migration file %1 in %2 is not named NNN_name.sql").arg(name, dir));
        bool ok = false;
        const int version = match.captured(1).toInt(&ok);
        if (!ok)
            return dbError(QStringLiteral("migration file %1: version out of range").arg(name));

        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return dbError(QStringLiteral("cannot read migration %1: %2").arg(file.fileName(), file.errorString()));
        files.push_back({version, name, splitStatements(QString::fromUtf8(file.readAll()), driver)});
    }

    // Sort by the number, not the text: "10_x" comes after "9_x" even when a
    // file forgot its leading zeros.
    std::sort(files.begin(), files.end(),
              [](const MigrationFile &a, const MigrationFile &b) { return a.version < b.version; });
    for (size_t i = 1; i < files.size(); ++i) {
        if (files[i].version == files[i - 1].version)
            return dbError(QStringLiteral("migrations %1 and %2 have the same version %3")
                               .arg(files[i - 1].name, files[i].name)
                               .arg(files[i].version));
    }
    return files;
}

Status applyMigrations(Database &db, const std::vector<MigrationFile> &files,
                       const std::function<Status(const QString &)> &execRaw)
{
    if (Status created = execRaw(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
        !created.ok())
        return created;

    for (const MigrationFile &file : files) {
        Transaction tx(db);
        if (!tx.status().ok())
            return tx.status();

        // Checked inside the transaction: another connection (another node,
        // another thread on the same SQLite file) may have applied it since we
        // looked. On SQLite BEGIN IMMEDIATE and on PostgreSQL the advisory
        // lock make this check-then-apply atomic.
        Result<QueryResult> seen = db.exec(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"),
                                           {qlonglong(file.version)});
        if (!seen.ok())
            return seen.error();
        if (!seen->empty())
            continue; // the guard rolls the empty transaction back

        qCInfo(lcDb) << "applying migration" << file.name;
        for (const QString &statement : file.statements) {
            if (Status status = execRaw(statement); !status.ok()) {
                return Error::of(status.error().kind,
                                 QStringLiteral("migration %1 failed: %2").arg(file.name, status.error().message));
            }
        }
        Result<QueryResult> recorded = db.exec(
            QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
            {qlonglong(file.version), file.name, QDateTime::currentSecsSinceEpoch()});
        if (!recorded.ok())
            return recorded.error();
        if (Status committed = tx.commit(); !committed.ok())
            return Error::of(committed.error().kind,
                             QStringLiteral("migration %1 failed to commit: %2").arg(file.name, committed.error().message));
    }
    return {};
}

Result<std::vector<OptionalMigration>> loadOptionalMigrations(const QString &dir, Driver driver)
{
    const QDir directory(dir + QStringLiteral("/optional"));
    std::vector<OptionalMigration> files;
    if (!directory.exists())
        return files;
    const QStringList names = directory.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return dbError(QStringLiteral("cannot read migration %1: %2").arg(file.fileName(), file.errorString()));
        QStringList statements = splitStatements(QString::fromUtf8(file.readAll()), driver);
        if (!statements.isEmpty())
            files.push_back({name.chopped(4), std::move(statements)});
    }
    return files;
}

Status applyOptionalMigrations(Database &db, const std::vector<OptionalMigration> &files,
                               const std::function<Status(const QString &)> &execRaw)
{
    if (Status created = execRaw(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_optional_migrations ("
                                                " name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"));
        !created.ok())
        return created;

    for (const OptionalMigration &file : files) {
        Transaction tx(db);
        if (!tx.status().ok())
            return tx.status();
        Result<QueryResult> seen =
            db.exec(QStringLiteral("SELECT 1 FROM schema_optional_migrations WHERE name = ?"), {file.name});
        if (!seen.ok())
            return seen.error();
        if (!seen->empty())
            continue;

        qCInfo(lcDb) << "applying optional migration" << file.name;
        Status applied;
        for (const QString &statement : file.statements) {
            applied = execRaw(statement);
            if (!applied.ok())
                break;
        }
        if (applied.ok()) {
            Result<QueryResult> recorded =
                db.exec(QStringLiteral("INSERT INTO schema_optional_migrations (name, applied_at) VALUES (?, ?)"),
                        {file.name, QDateTime::currentSecsSinceEpoch()});
            if (!recorded.ok())
                return recorded.error();
            applied = tx.commit();
        }
        if (!applied.ok()) {
            // The guard rolls back; what the file speeds up works without it.
            qCWarning(lcDb).noquote() << QStringLiteral("optional migration %1 not applied; the server works without "
                                                        "it and tries again at the next start: %2")
                                             .arg(file.name, applied.error().message);
        }
    }
    return {};
}

Status migrateFrom(Database &db, const QString &dir, const std::function<Status(const QString &)> &execRaw)
{
    Result<std::vector<MigrationFile>> files = loadMigrations(dir, db.driver());
    if (!files.ok())
        return files.error();
    Result<std::vector<OptionalMigration>> optional = loadOptionalMigrations(dir, db.driver());
    if (!optional.ok())
        return optional.error();
    if (Status status = applyMigrations(db, *files, execRaw); !status.ok())
        return status;
    return applyOptionalMigrations(db, *optional, execRaw);
}

} // namespace kai::db
