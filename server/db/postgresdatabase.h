#pragma once

#include "database.h"

#include <QHash>

#include <memory>
#include <string>

namespace kai::db {

// PostgreSQL through libpqxx (6.4 API). One instance = one connection.
// `?` placeholders become `$1..$n`; each distinct SQL string is prepared once
// per connection (s1, s2, ...). Outside begin()/commit() every statement runs
// in auto-commit mode.
//
// Parameter types are inferred by the server from context: a `?` whose type
// PostgreSQL cannot infer (`SELECT ?`, `? IS NULL`) is text; write
// `CAST(? AS BIGINT)` where that matters.
class PostgresDatabase final : public Database
{
public:
    // `uri`: a libpq connection URI (postgresql:// or postgres://; libpq
    // also understands `?host=/socket/dir`).
    static Result<std::unique_ptr<PostgresDatabase>> open(const QString &uri);
    ~PostgresDatabase() override;

    PostgresDatabase(const PostgresDatabase &) = delete;
    PostgresDatabase &operator=(const PostgresDatabase &) = delete;

    Driver driver() const override { return Driver::Postgres; }
    Result<QueryResult> exec(const QString &sql, const QVariantList &params = {}) override;
    Status begin() override;
    Status commit() override;
    Status rollback() override;
    Status insertRows(const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows) override;
    Status migrate(const QString &migrationsDir) override;

private:
    struct Connection; // libpqxx types stay out of this header
    explicit PostgresDatabase(std::unique_ptr<Connection> connection);
    Status execRaw(const QString &sql);

    std::unique_ptr<Connection> m_pg;
    struct Prepared
    {
        std::string name; // s1, s2, ...
        int placeholders = 0;
    };
    QHash<QString, Prepared> m_statements; // keyed by the SQL as given
    int m_nextStatement = 1;
    bool m_failed = false; // a statement failed inside the open transaction
};

} // namespace kai::db
