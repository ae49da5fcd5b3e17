#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <memory>
#include <vector>

namespace kai::db {

enum class Driver { Sqlite, Postgres };

// One result row. Values come back as QVariant: integers as qlonglong, text
// as QString, NULL as a null QVariant.
class Row
{
public:
    explicit Row(QVariantList values = {}) : m_values(std::move(values)) {}
    const QVariant &at(int column) const { return m_values.at(column); }
    bool isNull(int column) const { return m_values.at(column).isNull(); }
    QString text(int column) const { return m_values.at(column).toString(); }
    qint64 integer(int column) const { return m_values.at(column).toLongLong(); }
    bool boolean(int column) const { return m_values.at(column).toLongLong() != 0; }
    int size() const { return int(m_values.size()); }

private:
    QVariantList m_values;
};

struct QueryResult
{
    std::vector<Row> rows;
    // INSERT/UPDATE/DELETE: rows changed (0 when ON CONFLICT DO NOTHING
    // skipped). Statements that return rows (SELECT, ... RETURNING): the
    // number of rows returned. DDL: 0.
    qint64 rowsAffected = 0;

    bool empty() const { return rows.empty(); }
    const Row &first() const { return rows.front(); }
};

// The metadata database as the stores see it: prepared statements with `?`
// placeholders in the SQL subset both drivers understand, typed rows,
// transactions. One instance is one connection, used by one thread only.
//
// Parameters: QString/QByteArray(text)/qint64/int/bool(stored as 0/1)/null
// QVariant. Booleans are INTEGER 0/1 columns on both drivers. Each distinct
// SQL string is prepared once per connection and cached, so values always go
// in as parameters, never spliced into the SQL. On PostgreSQL a `?` whose type
// the server cannot infer from context (`SELECT ?`, `? IS NULL`) is text:
// write `CAST(? AS BIGINT)` where it matters.
//
// Errors: a unique/primary-key violation is ErrorKind::Conflict (the stores'
// "already exists"); a lost PostgreSQL connection is ErrorKind::Unavailable;
// everything else is ErrorKind::Database with the driver's message and the
// statement. Inside a transaction any failed statement aborts the
// transaction on both drivers (PostgreSQL's rule): later exec() calls fail
// until rollback(), and commit() rolls back and returns an error. Use
// `INSERT ... ON CONFLICT` rather than catching Conflict mid-transaction.
class Database
{
public:
    virtual ~Database() = default;

    virtual Driver driver() const = 0;
    virtual Result<QueryResult> exec(const QString &sql, const QVariantList &params = {}) = 0;

    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual Status rollback() = 0;
    // Appends `rows` to `table`, each row one value per column with exec()'s
    // parameter types: COPY on PostgreSQL, multi-row INSERTs on SQLite. For
    // bulk writes of plain values (no expressions, no ON CONFLICT). Table and
    // column names are the caller's constants and must be plain identifiers.
    virtual Status insertRows(const QString &table, const QStringList &columns,
                              const std::vector<QVariantList> &rows) = 0;

    // Runs `sql` files from `migrationsDir` (NNN_name.sql, applied in order,
    // each in its own transaction, recorded in schema_migrations). On
    // PostgreSQL an advisory lock serialises nodes migrating at once.
    // Each file may contain `-- sqlite:` / `-- postgres:` prefixed lines
    // that only that driver runs (for the few DDL differences such as
    // auto-increment keys).
    virtual Status migrate(const QString &migrationsDir) = 0;
};

// Opens a connection for the calling thread. `uri` is Quay's DB_URI:
// "sqlite:///abs/path.db" or "postgresql://user:pw@host:port/dbname".
Result<std::unique_ptr<Database>> openDatabase(const QString &uri);

// Rolls back unless commit() was called; the usual RAII guard.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db) { m_status = m_db.begin(); }
    ~Transaction() { if (m_status.ok() && !m_done) (void)m_db.rollback(); }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &status() const { return m_status; }
    Status commit() { m_done = true; return m_db.commit(); }

private:
    Database &m_db;
    Status m_status;
    bool m_done = false;
};

} // namespace kai::db
